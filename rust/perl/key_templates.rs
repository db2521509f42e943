//! Hashes whose keys repeat call after call (the typed parameters of a
//! getter, the fields of `get_info`), made as copies of a template of
//! their keys: see "Key templates" in glue.c for why this is cheaper than
//! storing each key.

use super::{ffi, Hash, NewSv, Perl, HV};
use std::marker::PhantomData;
use std::os::raw::c_char;

/// Most keys a template holds (SYSVIRT_TEMPLATE_KEYS in glue.c).
const MAX_KEYS: usize = 64;
/// Below this many keys, a hash is built key by key: copying a template
/// would save less than finding it costs.
const MIN_KEYS: usize = 4;

/// The names of a hash's keys, one NUL-terminated field of `field_len`
/// bytes per item of an array (`virTypedParameter.field`); shared with
/// glue.c (sysvirt_field_names).
#[repr(C)]
pub struct FieldNames<'a> {
    base: *const c_char,
    stride: usize,
    field_len: usize,
    n: i32,
    fingerprint: u32,
    _items: PhantomData<&'a [c_char]>,
}

impl<'a> FieldNames<'a> {
    /// # Safety
    /// For each k < `n`, `base + k * stride` points at `field_len` (at
    /// least 8) readable bytes, alive and unchanged for `'a`.
    pub unsafe fn new(base: *const c_char, stride: usize, field_len: usize, n: usize) -> Self {
        let mut names = FieldNames {
            base,
            stride,
            field_len,
            n: n.min(i32::MAX as usize) as i32,
            fingerprint: 0,
            _items: PhantomData,
        };
        if names.templated() {
            names.fingerprint = names.fingerprint();
        }
        names
    }

    fn len(&self) -> usize {
        self.n as usize
    }

    /// Is the hash of these names made from a template?
    fn templated(&self) -> bool {
        self.field_len >= 8 && (MIN_KEYS..=MAX_KEYS).contains(&self.len())
    }

    /// Name k, without its NUL.
    fn name(&self, k: usize) -> &'a [u8] {
        assert!(k < self.len());
        // SAFETY: field k has `field_len` readable bytes for 'a (contract
        // of `new`).
        let field =
            unsafe { std::slice::from_raw_parts(self.base.add(k * self.stride), self.field_len) };
        crate::owned::fixed_cstr(field)
    }

    /// Picks the template's slot (collisions only cost a miss: a template
    /// is used once all its keys compared equal to the names).
    fn fingerprint(&self) -> u32 {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let mut h = self.len() as u64;
        for k in 0..self.len() {
            // SAFETY: field k has at least 8 readable bytes (contract of
            // `new`; `templated` checked the length).
            let w = u64::from_le(unsafe {
                (self.base.add(k * self.stride) as *const u64).read_unaligned()
            });
            // The bytes before the first NUL: what follows it is not part
            // of the name.
            let zero = w.wrapping_sub(ONES) & !w & HIGHS;
            let w = if zero == 0 {
                w
            } else {
                w & ((1u64 << (zero.trailing_zeros() - 7)) - 1)
            };
            h = (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            h ^= h >> 29;
        }
        (h ^ (h >> 32)) as u32
    }
}

/// Room for a key written in the source ([`StaticKeys`]).
const STATIC_KEY_LEN: usize = 24;

/// The keys of a hash written in the source (`get_info`'s "state",
/// "maxMem"...), laid out as [`FieldNames`] so that its hashes are copies
/// of a template too: `static KEYS: StaticKeys<5> = StaticKeys::new([...])`.
pub struct StaticKeys<const N: usize>([[c_char; STATIC_KEY_LEN]; N]);

impl<const N: usize> StaticKeys<N> {
    /// Fails to compile for a key of 24 bytes or more, or holding a NUL.
    pub const fn new(keys: [&str; N]) -> Self {
        let mut fields = [[0 as c_char; STATIC_KEY_LEN]; N];
        let mut k = 0;
        while k < N {
            let bytes = keys[k].as_bytes();
            assert!(bytes.len() < STATIC_KEY_LEN, "a static key is too long");
            let mut i = 0;
            while i < bytes.len() {
                assert!(bytes[i] != 0, "a static key holds a NUL");
                fields[k][i] = bytes[i] as c_char;
                i += 1;
            }
            k += 1;
        }
        StaticKeys(fields)
    }

    pub fn names(&'static self) -> FieldNames<'static> {
        // SAFETY: N fields of STATIC_KEY_LEN (>= 8) bytes, one after the
        // other, in a static.
        unsafe { FieldNames::new(self.0.as_ptr().cast(), STATIC_KEY_LEN, STATIC_KEY_LEN, N) }
    }
}

impl Perl {
    /// A hash whose keys are `names`, the value of name k made by
    /// `value(k)` (called once for each k). When the interpreter has a
    /// template of these names, a copy of it; otherwise built key by key
    /// (a name twice keeps its last value), and made the template where
    /// its slot is free, or has not been used since its last miss.
    pub fn templated_hash(self, names: &FieldNames, mut value: impl FnMut(usize) -> NewSv) -> Hash {
        let n = names.len();
        let mut tmpl: *mut HV = std::ptr::null_mut();
        let mut order: *const u16 = std::ptr::null();
        let found = if names.templated() {
            // SAFETY: `names` describes `n` live fields (its contract);
            // the out-pointers are locals.
            unsafe { ffi::sysvirt_template_find(self.0, names, &mut tmpl, &mut order) }
        } else {
            2 // no template: built, not kept
        };
        if found == 0 {
            // SAFETY: a found template's order lists `n` names, each < n.
            let order = unsafe { std::slice::from_raw_parts(order, n) };
            let mut vals = [std::ptr::null_mut(); MAX_KEYS];
            for (slot, &k) in vals.iter_mut().zip(order) {
                *slot = value(usize::from(k)).into_raw();
            }
            // SAFETY: `tmpl` is this interpreter's template of `n` keys;
            // its copy takes over the `n` new values.
            let hv = unsafe { ffi::sysvirt_hv_from_template(self.0, tmpl, vals.as_mut_ptr()) };
            return Hash { perl: self, hv };
        }
        let mut built = self.new_hash_sized(n);
        for k in 0..n {
            built.store(names.name(k), value(k));
        }
        if found == 1 {
            // SAFETY: as above; `built` is a plain hash we just made of
            // these names (the C side checks it has one key per name).
            unsafe { ffi::sysvirt_template_store(self.0, names, built.hv) }
        }
        built
    }

    /// A hash of the keys of `keys`, key k holding `values[k]`.
    pub fn static_hash<const N: usize>(
        self,
        keys: &'static StaticKeys<N>,
        values: [NewSv; N],
    ) -> Hash {
        let mut values = values.map(Some);
        self.templated_hash(&keys.names(), |k| {
            values[k].take().unwrap_or_else(|| self.new_undef())
        })
    }
}
