//! `Sys::Virt::DomainSnapshot`, plus the list helpers the snapshot and
//! checkpoint methods of `Sys::Virt::Domain` share with it.

use crate::error::check_ptr;
use crate::owned::{ret_name_list, LIST_MAX};
use crate::perl::{Xs, XsResult};
use virt_sys as sys;

// ---- XS methods ----------------------------------------------------------

/// `$domss->get_parent($flags=0)`
pub(crate) fn get_parent(xs: &mut Xs) -> XsResult {
    let snap = xs.handle::<sys::virDomainSnapshot>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `snap` is live; the parent is a
    // new reference, owned by the object.
    let parent = check_ptr(unsafe { sys::virDomainSnapshotGetParent(snap, flags) })?;
    // SAFETY: `parent` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(parent) }
}

/// `$domss->list_child_snapshot_names($maxnames, $flags=0)`
pub(crate) fn list_child_snapshot_names(xs: &mut Xs) -> XsResult {
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
