//! `Sys::Virt::DomainSnapshot`, plus the list helpers the snapshot and
//! checkpoint methods of `Sys::Virt::Domain` share with it.

use crate::error::check_ptr;
use crate::handle::{self, destroy};
use crate::identity;
use crate::owned::{ret_name_list, LIST_MAX};
use crate::perl::{Xs, XsResult, Xsub};
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virDomainSnapshot>,
    "_create_xml" => create_xml,
    "_lookup_by_name" => lookup_by_name,
    "get_name" => identity::get_name::<sys::virDomainSnapshot>,
    "get_xml_description" => identity::get_xml_description::<sys::virDomainSnapshot>,
    "revert_to" => revert_to,
    "delete" => delete,
    "get_parent" => get_parent,
    "num_of_child_snapshots" => num_of_child_snapshots,
    "is_current" => is_current,
    "has_metadata" => has_metadata,
    "list_child_snapshot_names" => list_child_snapshot_names,
    "list_all_children" => list_all_children,
];

// ---- XS methods ----------------------------------------------------------

/// `_create_xml($dom, $xml, $flags=0)`
fn create_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virDomainSnapshotCreateXML)
}

/// `_lookup_by_name($dom, $name, $flags=0)`
fn lookup_by_name(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virDomainSnapshotLookupByName)
}

/// `$domss->revert_to($flags=0)`
fn revert_to(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virDomainRevertToSnapshot)
}

/// `$domss->delete($flags=0)`
fn delete(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virDomainSnapshotDelete)
}

/// `$domss->get_parent($flags=0)`
fn get_parent(xs: &mut Xs) -> XsResult {
    let snap = xs.handle::<sys::virDomainSnapshot>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `snap` is live; the parent is a
    // new reference, owned by the object.
    let parent = check_ptr(unsafe { sys::virDomainSnapshotGetParent(snap, flags) })?;
    // SAFETY: `parent` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(parent) }
}

/// `$domss->num_of_child_snapshots($flags=0)`
fn num_of_child_snapshots(xs: &mut Xs) -> XsResult {
    handle::int_result_flags(xs, sys::virDomainSnapshotNumChildren)
}

/// `$domss->is_current($flags=0)`
fn is_current(xs: &mut Xs) -> XsResult {
    handle::int_result_flags(xs, sys::virDomainSnapshotIsCurrent)
}

/// `$domss->has_metadata($flags=0)`
fn has_metadata(xs: &mut Xs) -> XsResult {
    handle::int_result_flags(xs, sys::virDomainSnapshotHasMetadata)
}

/// `$domss->list_child_snapshot_names($maxnames, $flags=0)`
fn list_child_snapshot_names(xs: &mut Xs) -> XsResult {
    let snap = xs.handle::<sys::virDomainSnapshot>(0)?;
    let maxnames = xs.count(1, LIST_MAX)?;
    let flags = xs.flags(2)?;
    // SAFETY: `names` has room for `max` entries (when `max` >= 0), where
    // libvirt stores the names it counts, each a string handed over to us.
    unsafe {
        ret_name_list(xs, maxnames, |names, max| {
            sys::virDomainSnapshotListChildrenNames(snap, names, max, flags)
        })
    }
}

/// `$domss->list_all_children($flags=0)`
fn list_all_children(xs: &mut Xs) -> XsResult {
    handle::list_all(xs, sys::virDomainSnapshotListAllChildren)
}
