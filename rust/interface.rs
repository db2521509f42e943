//! `Sys::Virt::Interface`: host network interfaces.

use crate::perl::{Xs, XsResult};
use virt_sys as sys;

/// `$iface->get_mac()`
pub(crate) fn get_mac(xs: &mut Xs) -> XsResult {
    let iface = xs.handle::<sys::virInterface>(0)?;
    // SAFETY: `iface` is live; the string is owned by the object.
    let mac = unsafe { sys::virInterfaceGetMACString(iface) };
    if mac.is_null() {
        return Err(crate::error::last());
    }
    // SAFETY: a non-NULL MAC is a live C string.
    unsafe { xs.ret_cstr_of_arg(mac) }
}
