//! `Sys::Virt::DomainCheckpoint`.

use crate::error::check_ptr;
use crate::handle::{self, destroy};
use crate::identity;
use crate::perl::{Xs, XsResult, Xsub};
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virDomainCheckpoint>,
    "_create_xml" => create_xml,
    "_lookup_by_name" => lookup_by_name,
    "get_name" => identity::get_name::<sys::virDomainCheckpoint>,
    "get_xml_description" => identity::get_xml_description::<sys::virDomainCheckpoint>,
    "delete" => delete,
    "get_parent" => get_parent,
    "list_all_children" => list_all_children,
];

/// `_create_xml($dom, $xml, $flags=0)`
fn create_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virDomainCheckpointCreateXML)
}

/// `_lookup_by_name($dom, $name, $flags=0)`
fn lookup_by_name(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virDomainCheckpointLookupByName)
}

/// `$domchkp->delete($flags=0)`
fn delete(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virDomainCheckpointDelete)
}

/// `$domchkp->get_parent($flags=0)`
fn get_parent(xs: &mut Xs) -> XsResult {
    let cp = xs.handle::<sys::virDomainCheckpoint>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `cp` is live; the parent is a
    // new reference, owned by the object.
    let parent = check_ptr(unsafe { sys::virDomainCheckpointGetParent(cp, flags) })?;
    // SAFETY: `parent` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(parent) }
}

/// `$domchkp->list_all_children($flags=0)`
fn list_all_children(xs: &mut Xs) -> XsResult {
    handle::list_all(xs, sys::virDomainCheckpointListAllChildren)
}
