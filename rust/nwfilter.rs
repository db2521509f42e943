//! `Sys::Virt::NWFilter`: network filters.

use crate::error::{check, check_ptr};
use crate::handle::destroy;
use crate::identity;
use crate::network::uuid_arg;
use crate::perl::{Xs, XsResult, Xsub};
use virt_sys as sys;

pub static XSUBS: &[Xsub] = &[
    Xsub {
        name: "DESTROY",
        body: destroy::<sys::virNWFilter>,
    },
    Xsub {
        name: "_lookup_by_name",
        body: lookup_by_name,
    },
    Xsub {
        name: "_lookup_by_uuid",
        body: lookup_by_uuid,
    },
    Xsub {
        name: "_lookup_by_uuid_string",
        body: lookup_by_uuid_string,
    },
    Xsub {
        name: "_define_xml",
        body: define_xml,
    },
    Xsub {
        name: "get_name",
        body: identity::get_name::<sys::virNWFilter>,
    },
    Xsub {
        name: "get_uuid",
        body: identity::get_uuid::<sys::virNWFilter>,
    },
    Xsub {
        name: "get_uuid_string",
        body: identity::get_uuid_string::<sys::virNWFilter>,
    },
    Xsub {
        name: "get_xml_description",
        body: identity::get_xml_description::<sys::virNWFilter>,
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
    let filter = check_ptr(unsafe { sys::virNWFilterLookupByName(con, name.as_ptr()) })?;
    xs.ret_object(filter)
}

/// `_lookup_by_uuid($con, $uuid)` with the 16 raw bytes.
fn lookup_by_uuid(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let uuid = uuid_arg(xs, 1)?;
    // SAFETY: `uuid` holds the 16 bytes libvirt reads.
    let filter = check_ptr(unsafe { sys::virNWFilterLookupByUUID(con, uuid.as_ptr()) })?;
    xs.ret_object(filter)
}

/// `_lookup_by_uuid_string($con, $uuid)`
fn lookup_by_uuid_string(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let uuid = xs.str(1)?;
    // SAFETY: `uuid` is a C string alive for the call.
    let filter = check_ptr(unsafe { sys::virNWFilterLookupByUUIDString(con, uuid.as_ptr()) })?;
    xs.ret_object(filter)
}

/// `_define_xml($con, $xml, $flags=0)`
fn define_xml(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `xml` is a C string alive for the call. Without flags the
    // older entry point is used, so older servers keep working.
    let filter = check_ptr(unsafe {
        if flags == 0 {
            sys::virNWFilterDefineXML(con, xml.as_ptr())
        } else {
            sys::virNWFilterDefineXMLFlags(con, xml.as_ptr(), flags)
        }
    })?;
    xs.ret_object(filter)
}

/// `$filter->undefine()`
fn undefine(xs: &mut Xs) -> XsResult {
    let filter = xs.handle::<sys::virNWFilter>(0)?;
    // SAFETY: `filter` is NULL or live.
    check(unsafe { sys::virNWFilterUndefine(filter) })?;
    Ok(())
}
