//! `Sys::Virt::NWFilterBinding`: bindings of a network filter to a port.

use crate::error;
use crate::perl::{Xs, XsResult};
use std::os::raw::c_char;
use virt_sys as sys;

/// Return a string owned by the binding object.
fn ret_binding_str(xs: &mut Xs, s: *const c_char) -> XsResult {
    if s.is_null() {
        return Err(error::last());
    }
    // SAFETY: a non-NULL string from the binding is live for the call.
    unsafe { xs.ret_cstr_of_arg(s) }
}

/// `$binding->get_port_dev()`
pub(crate) fn get_port_dev(xs: &mut Xs) -> XsResult {
    let binding = xs.handle::<sys::virNWFilterBinding>(0)?;
    // SAFETY: `binding` is live; the string is owned by it.
    let s = unsafe { sys::virNWFilterBindingGetPortDev(binding) };
    ret_binding_str(xs, s)
}

/// `$binding->get_filter_name()`
pub(crate) fn get_filter_name(xs: &mut Xs) -> XsResult {
    let binding = xs.handle::<sys::virNWFilterBinding>(0)?;
    // SAFETY: `binding` is live; the string is owned by it.
    let s = unsafe { sys::virNWFilterBindingGetFilterName(binding) };
    ret_binding_str(xs, s)
}
