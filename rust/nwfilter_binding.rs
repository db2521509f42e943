//! `Sys::Virt::NWFilterBinding`: bindings of a network filter to a port.

use crate::error;
use crate::handle::{self, destroy};
use crate::identity;
use crate::perl::{Xs, XsResult, Xsub};
use std::os::raw::c_char;
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virNWFilterBinding>,
    "_lookup_by_port_dev" => lookup_by_port_dev,
    "_create_xml" => create_xml,
    "get_port_dev" => get_port_dev,
    "get_filter_name" => get_filter_name,
    "get_xml_description" => identity::get_xml_description::<sys::virNWFilterBinding>,
    "delete" => delete,
];

/// `_lookup_by_port_dev($con, $portdev)`
fn lookup_by_port_dev(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virNWFilterBindingLookupByPortDev)
}

/// `_create_xml($con, $xml, $flags=0)`
fn create_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virNWFilterBindingCreateXML)
}

/// Return a string owned by the binding object.
fn ret_binding_str(xs: &mut Xs, s: *const c_char) -> XsResult {
    if s.is_null() {
        return Err(error::last());
    }
    // SAFETY: a non-NULL string from the binding is live for the call.
    unsafe { xs.ret_cstr_of_arg(s) }
}

/// `$binding->get_port_dev()`
fn get_port_dev(xs: &mut Xs) -> XsResult {
    let binding = xs.handle::<sys::virNWFilterBinding>(0)?;
    // SAFETY: `binding` is live; the string is owned by it.
    let s = unsafe { sys::virNWFilterBindingGetPortDev(binding) };
    ret_binding_str(xs, s)
}

/// `$binding->get_filter_name()`
fn get_filter_name(xs: &mut Xs) -> XsResult {
    let binding = xs.handle::<sys::virNWFilterBinding>(0)?;
    // SAFETY: `binding` is live; the string is owned by it.
    let s = unsafe { sys::virNWFilterBindingGetFilterName(binding) };
    ret_binding_str(xs, s)
}

/// `$binding->delete()`
fn delete(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNWFilterBindingDelete)
}
