//! `Sys::Virt::NWFilter`: network filters.

use crate::handle::{self, destroy};
use crate::identity;
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
    identity::lookup_by_str(xs, sys::virNWFilterLookupByName)
}

/// `_lookup_by_uuid($con, $uuid)` with the 16 raw bytes.
fn lookup_by_uuid(xs: &mut Xs) -> XsResult {
    identity::lookup_by_uuid(xs, sys::virNWFilterLookupByUUID)
}

/// `_lookup_by_uuid_string($con, $uuid)`
fn lookup_by_uuid_string(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virNWFilterLookupByUUIDString)
}

/// `_define_xml($con, $xml, $flags=0)`
fn define_xml(xs: &mut Xs) -> XsResult {
    identity::from_xml_old_or_flags(
        xs,
        sys::virNWFilterDefineXML,
        sys::virNWFilterDefineXMLFlags,
    )
}

/// `$filter->undefine()`
fn undefine(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNWFilterUndefine)
}
