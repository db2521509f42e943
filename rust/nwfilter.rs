//! `Sys::Virt::NWFilter`: network filters.

use crate::handle::{self, destroy};
use crate::identity;
use crate::late;
use crate::perl::{Xs, XsResult, Xsub};
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virNWFilter>,
    "_lookup_by_name" => lookup_by_name,
    "_lookup_by_uuid" => lookup_by_uuid,
    "_lookup_by_uuid_string" => lookup_by_uuid_string,
    "_define_xml" => define_xml,
    "get_name" => identity::get_name::<sys::virNWFilter>,
    "get_uuid" => identity::get_uuid::<sys::virNWFilter>,
    "get_uuid_string" => identity::get_uuid_string::<sys::virNWFilter>,
    "get_xml_description" => identity::get_xml_description::<sys::virNWFilter>,
    "undefine" => undefine,
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
        late::virNWFilterDefineXMLFlags,
    )
}

/// `$filter->undefine()`
fn undefine(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNWFilterUndefine)
}
