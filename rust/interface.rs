//! `Sys::Virt::Interface`: host network interfaces.

use crate::handle::{self, destroy};
use crate::identity;
use crate::perl::{Xs, XsResult, Xsub};
use virt_sys as sys;

pub static XSUBS: &[Xsub] = &[
    Xsub {
        name: "DESTROY",
        body: destroy::<sys::virInterface>,
    },
    Xsub {
        name: "_lookup_by_name",
        body: lookup_by_name,
    },
    Xsub {
        name: "_lookup_by_mac",
        body: lookup_by_mac,
    },
    Xsub {
        name: "_define_xml",
        body: define_xml,
    },
    Xsub {
        name: "get_name",
        body: identity::get_name::<sys::virInterface>,
    },
    Xsub {
        name: "get_mac",
        body: get_mac,
    },
    Xsub {
        name: "get_xml_description",
        body: identity::get_xml_description::<sys::virInterface>,
    },
    Xsub {
        name: "is_active",
        body: is_active,
    },
    Xsub {
        name: "create",
        body: create,
    },
    Xsub {
        name: "destroy",
        body: destroy_iface,
    },
    Xsub {
        name: "undefine",
        body: undefine,
    },
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
    // SAFETY: `iface` is NULL or live; the string is owned by the object.
    let mac = unsafe { sys::virInterfaceGetMACString(iface) };
    if mac.is_null() {
        return Err(crate::error::last());
    }
    // SAFETY: a non-NULL MAC is a live C string.
    unsafe { xs.ret_cstr(mac) }
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
