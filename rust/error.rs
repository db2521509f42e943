//! libvirt failures as `Sys::Virt::Error` objects.
//!
//! A failing libvirt call leaves its error in libvirt's thread-local slot;
//! [`VirtError::last`] copies it out at once (before anything else can call
//! libvirt), and the dispatcher raises it as a blessed hash with `level`,
//! `code`, `domain` and `message`, as the C original does.

use crate::perl::{NewSv, Perl, XsError};
use std::ffi::CStr;
use virt_sys as sys;

/// A copy of libvirt's last error.
#[derive(Debug, Clone)]
pub struct VirtError {
    pub level: i32,
    pub code: i32,
    pub domain: i32,
    pub message: Option<String>,
}

impl VirtError {
    /// The calling thread's last libvirt error (all zero with no message
    /// when libvirt recorded none, as the original reports it).
    pub fn last() -> VirtError {
        // SAFETY: virGetLastError returns NULL or a pointer to this
        // thread's error, valid until the next libvirt call; we copy it.
        unsafe {
            let err = sys::virGetLastError();
            if err.is_null() {
                return VirtError {
                    level: sys::VIR_ERR_NONE as i32,
                    code: sys::VIR_ERR_OK as i32,
                    domain: sys::VIR_FROM_NONE as i32,
                    message: None,
                };
            }
            let e = &*err;
            VirtError {
                level: e.level as i32,
                code: e.code,
                domain: e.domain,
                message: (!e.message.is_null())
                    .then(|| CStr::from_ptr(e.message).to_string_lossy().into_owned()),
            }
        }
    }
}

impl From<VirtError> for XsError {
    fn from(e: VirtError) -> XsError {
        XsError::Virt(e)
    }
}

/// The libvirt error of the call that just failed, as an `XsError`.
/// The code of this thread's last libvirt error (`VIR_ERR_OK` for none),
/// for calls that fall back on one code: nothing is copied.
pub fn last_code() -> i32 {
    // SAFETY: reads this thread's error, no pointer kept.
    unsafe { sys::virGetLastErrorCode() }
}

pub fn last() -> XsError {
    XsError::Virt(VirtError::last())
}

/// `Ok(ret)` when a libvirt call returning an int succeeded (>= 0).
pub fn check(ret: i32) -> Result<i32, XsError> {
    if ret < 0 {
        Err(last())
    } else {
        Ok(ret)
    }
}

/// `Ok(ptr)` when a libvirt call returning a pointer succeeded (non-NULL).
pub fn check_ptr<T>(ptr: *mut T) -> Result<*mut T, XsError> {
    if ptr.is_null() {
        Err(last())
    } else {
        Ok(ptr)
    }
}

/// The `Sys::Virt::Error` object for `e`.
pub fn to_perl(perl: Perl, e: &VirtError) -> NewSv {
    let mut hv = perl.new_hash();
    hv.store_i64(crate::key!("level"), e.level as i64);
    hv.store_i64(crate::key!("code"), e.code as i64);
    hv.store_i64(crate::key!("domain"), e.domain as i64);
    hv.store_str("message", e.message.as_deref().unwrap_or("Unknown problem"));
    hv.into_blessed_ref(c"Sys::Virt::Error")
}

/// libvirt prints every error to stderr unless told otherwise; errors
/// reach users as exceptions instead.
pub fn silence_default_handler() {
    unsafe extern "C" fn ignore(_data: *mut std::os::raw::c_void, _err: sys::virErrorPtr) {}
    // SAFETY: installs a process-wide handler that does nothing.
    unsafe { sys::virSetErrorFunc(std::ptr::null_mut(), Some(ignore)) };
}
