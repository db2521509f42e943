//! `Sys::Virt::Interface`: host network interfaces.

use crate::handle::{self, destroy};
use crate::identity;
use crate::perl::{Xs, XsResult, Xsub};
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virInterface>,
    "_lookup_by_name" => lookup_by_name,
    "_lookup_by_mac" => lookup_by_mac,
    "_define_xml" => define_xml,
    "get_name" => identity::get_name::<sys::virInterface>,
    "get_mac" => get_mac,
    "get_xml_description" => identity::get_xml_description::<sys::virInterface>,
    "is_active" => is_active,
    "create" => create,
    "destroy" => destroy_iface,
    "undefine" => undefine,
];

/// `_lookup_by_name($con, $name)`
fn lookup_by_name(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virInterfaceLookupByName)
}

/// `_lookup_by_mac($con, $mac)`
fn lookup_by_mac(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virInterfaceLookupByMACString)
}

/// `_define_xml($con, $xml, $flags=0)`
fn define_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virInterfaceDefineXML)
}

/// `$iface->get_mac()`
fn get_mac(xs: &mut Xs) -> XsResult {
    let iface = xs.handle::<sys::virInterface>(0)?;
    // SAFETY: `iface` is live; the string is owned by the object.
    let mac = unsafe { sys::virInterfaceGetMACString(iface) };
    if mac.is_null() {
        return Err(crate::error::last());
    }
    // SAFETY: a non-NULL MAC is a live C string.
    unsafe { xs.ret_cstr_of_arg(mac) }
}

/// `$iface->is_active()`
fn is_active(xs: &mut Xs) -> XsResult {
    handle::int_result(xs, sys::virInterfaceIsActive)
}

/// `$iface->create($flags=0)`: bring the interface up.
fn create(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virInterfaceCreate)
}

/// `$iface->destroy($flags=0)`: bring the interface down.
fn destroy_iface(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virInterfaceDestroy)
}

/// `$iface->undefine()`
fn undefine(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virInterfaceUndefine)
}
