//! Domain methods: snapshots, checkpoints, and the stream-based ones
//! (screenshot, console, channel).

use crate::error::{check, check_ptr};
use crate::owned::{ret_name_list, ret_string, LIST_MAX};
use crate::perl::{opt_ptr, Xs, XsResult};
use virt_sys as sys;

/// `$dom->list_snapshot_names($maxnames, $flags=0)`
pub(crate) fn list_snapshot_names(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let maxnames = xs.count(1, LIST_MAX)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` as above; `names` has room for `max` entries, where
    // libvirt stores the names it counts, each a string handed over to us.
    unsafe {
        ret_name_list(xs, maxnames, |names, max| {
            sys::virDomainSnapshotListNames(dom, names, max, flags)
        })
    }
}

/// `$dom->current_snapshot($flags=0)`
pub(crate) fn current_snapshot(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `dom` as above; the snapshot is a new reference we own.
    let snap = check_ptr(unsafe { sys::virDomainSnapshotCurrent(dom, flags) })?;
    // SAFETY: `snap` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(snap) }
}

/// `$dom->screenshot($st, $screen, $flags=0)`: the MIME type.
pub(crate) fn screenshot(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let st = xs.handle::<sys::virStream>(1)?;
    let screen = xs.u32(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` and `st` are live; the MIME type is NULL or ours to
    // free.
    unsafe { ret_string(xs, sys::virDomainScreenshot(dom, st, screen, flags)) }
}

/// `$dom->open_console($st, $devname, $flags=0)`: undef `$devname` opens
/// the default console.
pub(crate) fn open_console(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let st = xs.handle::<sys::virStream>(1)?;
    let devname = xs.opt_str(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom`/`st` as above; `devname` is NULL or a C string alive
    // for the call.
    check(unsafe { sys::virDomainOpenConsole(dom, opt_ptr(&devname), st, flags) })?;
    Ok(())
}

/// `$dom->open_channel($st, $name, $flags=0)`
pub(crate) fn open_channel(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let st = xs.handle::<sys::virStream>(1)?;
    let name = xs.opt_str(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: as in open_console.
    check(unsafe { sys::virDomainOpenChannel(dom, opt_ptr(&name), st, flags) })?;
    Ok(())
}
