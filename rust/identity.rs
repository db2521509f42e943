//! The identity methods most classes share (`get_uuid`,
//! `get_uuid_string`), written once as generic bodies over the libvirt
//! getter a manifest row names; and the internal
//! constructors most classes share (`_lookup_by_name`, `_lookup_by_uuid`,
//! `_lookup_by_uuid_string`, `_define_xml`, `_create_xml`...), generic
//! over the libvirt call that finds or makes the object.

use crate::error::{check, check_ptr};
use crate::handle::Handle;
use crate::perl::XsError;
use crate::perl::{Xs, XsResult};
use std::os::raw::{c_char, c_int, c_uchar, c_uint};
use virt_sys as sys;

/// `$obj->get_uuid()`: the 16 raw bytes.
pub fn get_uuid<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T, *mut c_uchar) -> c_int,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let mut buf = [0u8; sys::VIR_UUID_BUFLEN as usize];
    // SAFETY: `obj` is live; `buf` has the size libvirt writes.
    check(unsafe { f(obj, buf.as_mut_ptr()) })?;
    xs.ret_bytes(&buf)
}

/// `$obj->get_uuid_string()`: the printable form.
pub fn get_uuid_string<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T, *mut c_char) -> c_int,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let mut buf = [0 as c_char; sys::VIR_UUID_STRING_BUFLEN as usize];
    // SAFETY: `obj` is live; `buf` has the size libvirt writes
    // (NUL-terminated).
    check(unsafe { f(obj, buf.as_mut_ptr()) })?;
    // SAFETY: libvirt NUL-terminated the buffer.
    unsafe { xs.ret_cstr(buf.as_ptr()) }
}

// ---------------------------------------------------------------------
// Lookups and creation (called by each class's `_new`). `f` (`plain`,
// `with_flags`) is always the libvirt entry point named in the caller's
// doc; `P` is the object it is called on (the connection, or the network
// of a port), which libvirt checks (NULL is refused with an error).

/// A raw UUID argument: exactly `VIR_UUID_BUFLEN` (16) bytes. libvirt
/// reads 16 bytes from the pointer it is given, so a shorter string is
/// refused rather than read past its end.
pub fn uuid_arg(xs: &Xs, i: usize) -> Result<[u8; sys::VIR_UUID_BUFLEN as usize], XsError> {
    let bytes = xs.bytes(i)?;
    match <[u8; sys::VIR_UUID_BUFLEN as usize]>::try_from(bytes) {
        Ok(uuid) => Ok(uuid),
        Err(_) => xs.die(format!(
            "{} must be {} raw bytes, not {}",
            xs.arg_name(i),
            sys::VIR_UUID_BUFLEN,
            bytes.len()
        )),
    }
}

/// `_lookup_by_xxx($parent, $string)`: the object `f(parent, string)`
/// returns (by name, UUID string, MAC, path...).
pub fn lookup_by_str<P: Handle, T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut P, *const c_char) -> *mut T,
) -> XsResult {
    let parent = xs.handle::<P>(0)?;
    let s = xs.str(1)?;
    // SAFETY: `parent` is live; `s` is a C string alive for the call.
    let obj = check_ptr(unsafe { f(parent, s.as_ptr()) })?;
    // SAFETY: `obj` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(obj) }
}

/// `_lookup_by_uuid($parent, $uuid)` with the 16 raw bytes.
pub fn lookup_by_uuid<P: Handle, T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut P, *const c_uchar) -> *mut T,
) -> XsResult {
    let parent = xs.handle::<P>(0)?;
    let uuid = uuid_arg(xs, 1)?;
    // SAFETY: `parent` is live; `uuid` holds the 16 bytes libvirt
    // reads.
    let obj = check_ptr(unsafe { f(parent, uuid.as_ptr()) })?;
    // SAFETY: `obj` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(obj) }
}

/// `_define_xml($parent, $xml, $flags=0)`, `_create_xml(...)`,
/// `_lookup_by_name($dom, $name, $flags=0)`: the object
/// `f(parent, string, flags)` returns.
pub fn from_str_flags<P: Handle, T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut P, *const c_char, c_uint) -> *mut T,
) -> XsResult {
    let parent = xs.handle::<P>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `parent` is live; `xml` is a C string alive for the
    // call.
    let obj = check_ptr(unsafe { f(parent, xml.as_ptr(), flags) })?;
    // SAFETY: `obj` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(obj) }
}

/// The flags variant of a create/define-from-XML function.
pub type WithFlags<P, T> = unsafe extern "C" fn(*mut P, *const c_char, c_uint) -> *mut T;

/// `_define_xml($con, $xml, $flags=0)` / `_create_xml(...)` where the
/// original calls `plain(con, xml)` without flags and
/// `with_flags(con, xml, flags)` otherwise, so older servers keep working.
pub fn from_xml_old_or_flags<P: Handle, T: Handle>(
    xs: &mut Xs,
    plain: unsafe extern "C" fn(*mut P, *const c_char) -> *mut T,
    with_flags: impl FnOnce() -> Result<WithFlags<P, T>, XsError>,
) -> XsResult {
    let parent = xs.handle::<P>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // Looked up only when needed: `$flags = 0` works on a libvirt that
    // predates the flags variant (see late.rs).
    let with_flags = if flags != 0 {
        Some(with_flags()?)
    } else {
        None
    };
    // SAFETY: `parent` is live; `xml` is a C string alive for the call.
    let obj = check_ptr(unsafe {
        match with_flags {
            Some(f) => f(parent, xml.as_ptr(), flags),
            None => plain(parent, xml.as_ptr()),
        }
    })?;
    // SAFETY: `obj` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(obj) }
}
