//! Memory libvirt hands over to the caller: strings and arrays that must be
//! released with `free()`, wrapped so they are released exactly once, even
//! on an early return.

use crate::perl::{NewSv, Perl, Xs, XsResult};
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

impl Xs<'_> {
    /// Return every string of a list libvirt allocated, and free them all.
    pub fn ret_string_list(&mut self, list: CStringList) -> XsResult {
        for s in list.iter() {
            self.ret_bytes(s)?;
        }
        Ok(())
    }
}
