//! Hashes whose keys repeat call after call (the typed parameters of a
//! getter), made as copies of a template of their keys: see "Key
//! templates" in glue.c for why this is cheaper than storing each key.

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
        let n = if field_len >= 8 && (MIN_KEYS..=MAX_KEYS).contains(&n) {
            n
        } else {
            0 // no template: built key by key
        };
        let mut names = FieldNames {
            base,
            stride,
            field_len,
            n: n as i32,
            fingerprint: 0,
            _items: PhantomData,
        };
        names.fingerprint = names.fingerprint_of(n);
        names
    }

    /// Picks the template's slot (collisions only cost a miss: a template
    /// is used once all its keys compared equal to the names).
    fn fingerprint_of(&self, n: usize) -> u32 {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let mut h = n as u64;
        for k in 0..n {
            // SAFETY: field k has at least 8 readable bytes (contract of
            // `new`).
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

impl Perl {
    /// A hash whose keys are `names`, the value of name k made by
    /// `value(k)`: a copy of this interpreter's template of these names
    /// when it has one. Otherwise `build` makes the hash (the same keys
    /// and values, key by key), which then becomes the template where
    /// its slot is free, or has not been used since its last miss.
    pub fn templated_hash(
        self,
        names: &FieldNames,
        mut value: impl FnMut(usize) -> NewSv,
        build: impl FnOnce() -> Hash,
    ) -> Hash {
        if names.n == 0 {
            return build();
        }
        let n = names.n as usize;
        let mut tmpl: *mut HV = std::ptr::null_mut();
        let mut order: *const u16 = std::ptr::null();
        // SAFETY: `names` describes `n` live fields (its contract); the
        // out-pointers are locals.
        let found = unsafe { ffi::sysvirt_template_find(self.0, names, &mut tmpl, &mut order) };
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
        let built = build();
        if found == 1 {
            // SAFETY: as above; `built` is a plain hash we just made of
            // these names (the C side checks it has one key per name).
            unsafe { ffi::sysvirt_template_store(self.0, names, built.hv) }
        }
        built
    }
}
