//! `Sys::Virt::DomainCheckpoint`.

use crate::error::check_ptr;
use crate::perl::{Xs, XsResult};
use virt_sys as sys;

/// `$domchkp->get_parent($flags=0)`
pub(crate) fn get_parent(xs: &mut Xs) -> XsResult {
    let cp = xs.handle::<sys::virDomainCheckpoint>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `cp` is live; the parent is a
    // new reference, owned by the object.
    let parent = check_ptr(unsafe { sys::virDomainCheckpointGetParent(cp, flags) })?;
    // SAFETY: `parent` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(parent) }
}
