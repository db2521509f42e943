//! `Sys::Virt::Interface`: host network interfaces.

use crate::error::{check, check_ptr};
use crate::handle::destroy;
use crate::identity;
use crate::network::ret_status;
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
    let con = xs.handle::<sys::virConnect>(0)?;
    let name = xs.str(1)?;
    // SAFETY: `con` is NULL or live; `name` is a C string alive for the call.
    let iface = check_ptr(unsafe { sys::virInterfaceLookupByName(con, name.as_ptr()) })?;
    xs.ret_object(iface)
}

/// `_lookup_by_mac($con, $mac)`
fn lookup_by_mac(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let mac = xs.str(1)?;
    // SAFETY: `mac` is a C string alive for the call.
    let iface = check_ptr(unsafe { sys::virInterfaceLookupByMACString(con, mac.as_ptr()) })?;
    xs.ret_object(iface)
}

/// `_define_xml($con, $xml, $flags=0)`
fn define_xml(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `xml` is a C string alive for the call.
    let iface = check_ptr(unsafe { sys::virInterfaceDefineXML(con, xml.as_ptr(), flags) })?;
    xs.ret_object(iface)
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
    let iface = xs.handle::<sys::virInterface>(0)?;
    // SAFETY: `iface` is NULL or live.
    let rc = unsafe { sys::virInterfaceIsActive(iface) };
    ret_status(xs, rc)
}

/// `$iface->create($flags=0)`: bring the interface up.
fn create(xs: &mut Xs) -> XsResult {
    let iface = xs.handle::<sys::virInterface>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `iface` is NULL or live.
    check(unsafe { sys::virInterfaceCreate(iface, flags) })?;
    Ok(())
}

/// `$iface->destroy($flags=0)`: bring the interface down.
fn destroy_iface(xs: &mut Xs) -> XsResult {
    let iface = xs.handle::<sys::virInterface>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `iface` is NULL or live.
    check(unsafe { sys::virInterfaceDestroy(iface, flags) })?;
    Ok(())
}

/// `$iface->undefine()`
fn undefine(xs: &mut Xs) -> XsResult {
    let iface = xs.handle::<sys::virInterface>(0)?;
    // SAFETY: `iface` is NULL or live.
    check(unsafe { sys::virInterfaceUndefine(iface) })?;
    Ok(())
}
