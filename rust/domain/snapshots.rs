//! Domain methods: snapshots, checkpoints, and the stream-based ones
//! (screenshot, console, channel).

use crate::error::{check, check_ptr};
use crate::handle;
use crate::owned::{ret_name_list, LIST_MAX};
use crate::perl::{Xs, XsResult, Xsub};
use std::ffi::CStr;
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "num_of_snapshots" => num_of_snapshots,
    "list_snapshot_names" => list_snapshot_names,
    "list_all_snapshots" => list_all_snapshots,
    "has_current_snapshot" => has_current_snapshot,
    "current_snapshot" => current_snapshot,
    "list_all_checkpoints" => list_all_checkpoints,
    "screenshot" => screenshot,
    "open_console" => open_console,
    "open_channel" => open_channel,
];

/// `$dom->num_of_snapshots($flags=0)`
fn num_of_snapshots(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `dom` is live.
    let n = check(unsafe { sys::virDomainSnapshotNum(dom, flags) })?;
    xs.ret_i64(n as i64)
}

/// `$dom->list_snapshot_names($maxnames, $flags=0)`
fn list_snapshot_names(xs: &mut Xs) -> XsResult {
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

/// `$dom->list_all_snapshots($flags=0)`
fn list_all_snapshots(xs: &mut Xs) -> XsResult {
    handle::list_all(xs, sys::virDomainListAllSnapshots)
}

/// `$dom->has_current_snapshot($flags=0)`
fn has_current_snapshot(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `dom` as above.
    let v = check(unsafe { sys::virDomainHasCurrentSnapshot(dom, flags) })?;
    xs.ret_i64(v as i64)
}

/// `$dom->current_snapshot($flags=0)`
fn current_snapshot(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `dom` as above; the snapshot is a new reference we own.
    let snap = check_ptr(unsafe { sys::virDomainSnapshotCurrent(dom, flags) })?;
    // SAFETY: `snap` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(snap) }
}

/// `$dom->list_all_checkpoints($flags=0)`
fn list_all_checkpoints(xs: &mut Xs) -> XsResult {
    handle::list_all(xs, sys::virDomainListAllCheckpoints)
}

/// `$dom->screenshot($st, $screen, $flags=0)`: the MIME type.
fn screenshot(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let st = xs.handle::<sys::virStream>(1)?;
    let screen = xs.u32(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` and `st` are live; the
    // MIME type is ours to free.
    let mime = check_ptr(unsafe { sys::virDomainScreenshot(dom, st, screen, flags) })?;
    // SAFETY: `mime` is the string the call returned for us to free.
    unsafe { xs.ret_owned_cstring(mime) }
}

/// `$dom->open_console($st, $devname, $flags=0)`: undef `$devname` opens
/// the default console.
fn open_console(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let st = xs.handle::<sys::virStream>(1)?;
    let devname = xs.opt_str(2)?;
    let flags = xs.flags(3)?;
    let dev = devname.as_deref().map_or(std::ptr::null(), CStr::as_ptr);
    // SAFETY: `dom`/`st` as above; `dev` is NULL or a C string alive for
    // the call.
    check(unsafe { sys::virDomainOpenConsole(dom, dev, st, flags) })?;
    Ok(())
}

/// `$dom->open_channel($st, $name, $flags=0)`
fn open_channel(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let st = xs.handle::<sys::virStream>(1)?;
    let name = xs.opt_str(2)?;
    let flags = xs.flags(3)?;
    let name_ptr = name.as_deref().map_or(std::ptr::null(), CStr::as_ptr);
    // SAFETY: as in open_console.
    check(unsafe { sys::virDomainOpenChannel(dom, name_ptr, st, flags) })?;
    Ok(())
}
