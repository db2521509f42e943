//! Memory libvirt hands over to the caller: strings and arrays that must be
//! released with `free()`, and arrays of records with their own free
//! function, wrapped so they are released exactly once, even on an early
//! return. Also the reading of C strings libvirt lends (NULL-able pointers,
//! fixed-size `char` fields), and the `const char **` arrays built from a
//! Perl array of strings for libvirt.

use crate::perl::{NewSv, Perl, PerlCStr, Xs, XsResult};
use std::ffi::CStr;
use std::os::raw::{c_char, c_int};

/// A `char *` returned by libvirt that the caller must `free()`.
pub struct CString(*mut c_char);

impl CString {
    /// # Safety
    /// `ptr` is NULL or a malloc'd, NUL-terminated string we now own.
    pub unsafe fn from_raw(ptr: *mut c_char) -> CString {
        CString(ptr)
    }
    pub fn bytes(&self) -> &[u8] {
        if self.0.is_null() {
            return &[];
        }
        // SAFETY: a live NUL-terminated string we own.
        unsafe { CStr::from_ptr(self.0).to_bytes() }
    }
}

impl Drop for CString {
    fn drop(&mut self) {
        // SAFETY: malloc'd by libvirt, owned by us, freed once.
        unsafe { libc::free(self.0.cast()) }
    }
}

/// An array of `n` elements returned by libvirt; the array itself is
/// `free()`d on drop (elements are the caller's business).
pub struct CArray<T>(*mut T, usize);

impl<T> CArray<T> {
    /// # Safety
    /// `ptr` is NULL or a malloc'd array of at least `n` initialised `T`.
    pub unsafe fn from_raw(ptr: *mut T, n: usize) -> CArray<T> {
        CArray(ptr, if ptr.is_null() { 0 } else { n })
    }
    pub fn as_slice(&self) -> &[T] {
        if self.0.is_null() {
            return &[];
        }
        // SAFETY: `n` initialised elements (constructor contract).
        unsafe { std::slice::from_raw_parts(self.0, self.1) }
    }
}

impl<T> Drop for CArray<T> {
    fn drop(&mut self) {
        // SAFETY: malloc'd by libvirt, owned by us, freed once.
        unsafe { libc::free(self.0.cast()) }
    }
}

/// The strings of a `char **` list of which the caller owns every string.
pub struct CStringList(Vec<CString>);

impl CStringList {
    /// # Safety
    /// `ptrs` holds `n` malloc'd strings that the caller now owns.
    pub unsafe fn from_raw(ptrs: *mut *mut c_char, n: usize) -> CStringList {
        // SAFETY: per the contract, each entry is ours.
        let arr = unsafe { CArray::from_raw(ptrs, n) };
        CStringList(
            arr.as_slice()
                .iter()
                // SAFETY: per the contract, each string is ours to free.
                .map(|&p| unsafe { CString::from_raw(p) })
                .collect(),
        )
    }
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.0.iter().map(CString::bytes)
    }
}

/// An array of pointers to records libvirt allocated for the caller
/// (`virDomainFSInfoPtr *`, `virNetworkDHCPLeasePtr *`...): each record
/// is released with its own free function, then the array with `free()`.
pub struct RecordList<T> {
    records: CArray<*mut T>,
    free: unsafe extern "C" fn(*mut T),
}

impl<T> RecordList<T> {
    /// # Safety
    /// `ptr` is NULL or a malloc'd array of `n` record pointers (NULL or
    /// live) that the caller now owns, each to be released by `free`.
    pub unsafe fn from_raw(
        ptr: *mut *mut T,
        n: c_int,
        free: unsafe extern "C" fn(*mut T),
    ) -> RecordList<T> {
        RecordList {
            // SAFETY: per the contract.
            records: unsafe { CArray::from_raw(ptr, n.max(0) as usize) },
            free,
        }
    }
    /// The records, in order (NULL entries skipped).
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.records
            .as_slice()
            .iter()
            .filter(|p| !p.is_null())
            // SAFETY: non-NULL records are live until drop.
            .map(|&p| unsafe { &*p })
    }
}

impl<T> Drop for RecordList<T> {
    fn drop(&mut self) {
        for &p in self.records.as_slice() {
            if !p.is_null() {
                // SAFETY: each record is ours and released once; the
                // array itself goes when `records` drops.
                unsafe { (self.free)(p) };
            }
        }
    }
}

/// A C string libvirt keeps (or NULL) as a new Perl value: undef for
/// NULL, a copy of its bytes otherwise.
///
/// # Safety
/// `s` is NULL or a live NUL-terminated string.
pub unsafe fn opt_cstr_sv(perl: Perl, s: *const c_char) -> NewSv {
    if s.is_null() {
        perl.new_undef()
    } else {
        // SAFETY: per the contract.
        perl.new_bytes(unsafe { CStr::from_ptr(s) }.to_bytes())
    }
}

/// The bytes of a fixed-size `char` array libvirt filled (a model name, a
/// typed parameter's field...), up to its first NUL.
pub fn fixed_cstr(buf: &[c_char]) -> &[u8] {
    // SAFETY: c_char and u8 have the same size and alignment.
    let bytes = unsafe { std::slice::from_raw_parts(buf.as_ptr() as *const u8, buf.len()) };
    // SAFETY: reads at most `buf.len()` bytes of `buf` (libc's vectorised
    // scan: these are the keys of every typed-parameter hash).
    let end = unsafe { libc::strnlen(buf.as_ptr(), buf.len()) };
    &bytes[..end]
}

/// The strings of an array reference argument as the `const char **`
/// array libvirt takes (CPU documents, mount points, SSH keys). An undef
/// element reads as "" with Perl's usual warning, as in the C original; a
/// hole (which crashed the original) reads as undef does.
pub struct StrArray<'a> {
    /// Owns (or borrows from Perl) the strings `ptrs` points into.
    _strs: Vec<PerlCStr<'a>>,
    ptrs: Vec<*const c_char>,
}

impl<'a> StrArray<'a> {
    /// Argument `i` of the call; not an array reference is a die naming it.
    pub fn from_arg(xs: &'a Xs, i: usize) -> Result<StrArray<'a>, crate::perl::XsError> {
        let perl = xs.perl;
        let mut strs = Vec::new();
        for item in xs.array_ref(i)?.items()? {
            let s = match item {
                Some(sv) => perl.to_cstr(sv)?,
                None => {
                    let undef = perl.new_undef();
                    PerlCStr::Owned(perl.to_cstr(undef.as_sv())?.into_owned())
                }
            };
            strs.push(s);
        }
        let ptrs = strs.iter().map(|s| s.as_ptr()).collect();
        Ok(StrArray { _strs: strs, ptrs })
    }
    pub fn len(&self) -> usize {
        self.ptrs.len()
    }
    /// The array (never NULL, even when empty: some calls refuse NULL).
    pub fn as_mut_ptr(&mut self) -> *mut *const c_char {
        self.ptrs.as_mut_ptr()
    }
    /// The array, or NULL when empty (for calls where no list means all).
    pub fn as_mut_ptr_or_null(&mut self) -> *mut *const c_char {
        if self.ptrs.is_empty() {
            std::ptr::null_mut()
        } else {
            self.ptrs.as_mut_ptr()
        }
    }
}

/// The file descriptors of an array reference argument (`\@fds`), as the
/// `int` array libvirt takes: not an array reference, or an undef element,
/// is a die naming the argument. The descriptors stay the caller's.
pub fn fd_list(xs: &Xs, i: usize) -> Result<Vec<c_int>, crate::perl::XsError> {
    let mut fds = Vec::new();
    for item in xs.array_ref(i)?.items()? {
        match item {
            Some(sv) if xs.perl.is_defined(sv)? => fds.push(xs.perl.to_i64(sv)? as c_int),
            // undef (or a hole) would be descriptor 0
            _ => {
                return xs.die(format!(
                    "{} must not contain undefined elements",
                    xs.arg_name(i)
                ))
            }
        }
    }
    Ok(fds)
}

/// `fds` as libvirt takes an `int *` of `n` elements: NULL when empty.
pub fn fds_ptr(fds: &mut [c_int]) -> *mut c_int {
    if fds.is_empty() {
        std::ptr::null_mut()
    } else {
        fds.as_mut_ptr()
    }
}

/// Return the `n` file descriptors of an `int *` libvirt allocated (the
/// array is freed; the descriptors are the caller's from now on).
///
/// # Safety
/// `ptr` is NULL or a malloc'd array of `n` ints that the caller owns.
pub unsafe fn ret_fd_list(xs: &mut Xs, ptr: *mut c_int, n: usize) -> XsResult {
    // SAFETY: per the contract.
    let fds = unsafe { CArray::from_raw(ptr, n) };
    for &fd in fds.as_slice() {
        xs.ret_i64(fd.into())?;
    }
    Ok(())
}

/// Copy `bytes` into a fixed-size `char` field of a libvirt struct,
/// NUL-terminated; `false` (nothing copied) when they do not fit or hold
/// a NUL.
pub fn fill_fixed(buf: &mut [c_char], bytes: &[u8]) -> bool {
    if bytes.len() >= buf.len() || bytes.contains(&0) {
        return false;
    }
    for (d, &b) in buf.iter_mut().zip(bytes) {
        *d = b as c_char;
    }
    buf[bytes.len()] = 0;
    true
}

/// The most names libvirt's remote protocol carries in one listing
/// (`REMOTE_*_LIST_MAX`: domains, networks, pools, volumes, interfaces,
/// secrets, nwfilters, snapshots): the limit of `xs.count` for `$maxnames`.
pub const LIST_MAX: i32 = 16384;
/// The same limit for node devices (`REMOTE_NODE_DEVICE_LIST_MAX`).
pub const NODE_DEVICE_LIST_MAX: i32 = 65536;

/// Return the names a `vir*ListNames(obj, names, maxnames, flags)` call
/// fills in. The array is zeroed and sized from `maxnames` (read with
/// `xs.count(i, LIST_MAX)`: libvirt's own list limit, since the remote
/// driver refuses more and in-process drivers clear every requested slot);
/// a negative count is left for libvirt to reject. libvirt may report more
/// names than fit (some drivers count them all): only the ones it stored
/// are returned, and every string it allocated is freed.
///
/// # Safety
/// `list` stores into the array it is given (room for `maxnames`
/// pointers) only NULL or malloc'd strings handed over to us, and returns
/// a negative number (nothing stored) or how many entries it stored.
pub unsafe fn ret_name_list(
    xs: &mut Xs,
    maxnames: i32,
    list: impl FnOnce(*mut *mut c_char, c_int) -> c_int,
) -> XsResult {
    let slots = maxnames.max(0) as usize;
    // calloc, not a Vec: the zeroed pages are not touched until libvirt
    // writes, and a failure is reported instead of aborting.
    // SAFETY: plain allocation; a zero count still yields a freeable pointer
    // or NULL, both handled.
    let raw = unsafe { libc::calloc(slots.max(1), std::mem::size_of::<*mut c_char>()) }
        as *mut *mut c_char;
    if raw.is_null() {
        return xs.die(format!("cannot allocate room for {maxnames} names"));
    }
    // SAFETY: `raw` holds `slots` zeroed (NULL) pointers; freed on drop.
    let names = unsafe { CArray::from_raw(raw, slots) };
    let n = list(raw, maxnames);
    if n < 0 {
        // libvirt frees what it stored before failing
        return Err(crate::error::last());
    }
    // Take ownership of the names libvirt stored (the first `n`, at most
    // `slots`) before anything can fail; only those entries are read, so
    // slots libvirt did not fill are never read.
    let owned: Vec<CString> = names.as_slice()[..(n as usize).min(slots)]
        .iter()
        .filter(|p| !p.is_null())
        // SAFETY: per the contract, each non-NULL entry is a malloc'd
        // string now ours.
        .map(|&p| unsafe { CString::from_raw(p) })
        .collect();
    for s in &owned {
        xs.ret_bytes(s.bytes())?;
    }
    Ok(())
}

/// Return a string libvirt allocated for the caller, or the error of the
/// call that returned NULL.
///
/// # Safety
/// `p` is NULL or a malloc'd string handed over to us.
#[inline(always)]
pub unsafe fn ret_string(xs: &mut Xs, p: *mut c_char) -> XsResult {
    let p = crate::error::check_ptr(p)?;
    // SAFETY: per the contract.
    unsafe { xs.ret_owned_cstring(p) }
}

/// `$obj->list_*_names($maxnames)` over a libvirt name lister
/// `f(obj, names, maxnames)`: `$maxnames` is read with `xs.count(1,
/// LIST_MAX)`.
pub fn list_names<T: crate::handle::Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T, *mut *mut c_char, c_int) -> c_int,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let max = xs.count(1, LIST_MAX)?;
    // SAFETY: `obj` is live; `names` has room for `max` entries (libvirt
    // rejects a negative count before writing), where a libvirt lister
    // stores the names it counts, each a string handed over to us.
    unsafe { ret_name_list(xs, max, |names, max| f(obj, names, max)) }
}

impl Xs<'_> {
    /// Return every string of a list libvirt allocated, and free them all.
    pub fn ret_string_list(&mut self, list: CStringList) -> XsResult {
        for s in list.iter() {
            self.ret_bytes(s)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_cstr_stops_at_nul_or_end() {
        let buf: [c_char; 4] = [b'a' as c_char, b'b' as c_char, 0, b'c' as c_char];
        assert_eq!(fixed_cstr(&buf), b"ab");
        let full: [c_char; 2] = [b'x' as c_char, b'y' as c_char];
        assert_eq!(fixed_cstr(&full), b"xy");
    }
}
