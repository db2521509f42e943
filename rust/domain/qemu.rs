//! `Sys::Virt::Domain`: QEMU's monitor and guest agent, through
//! libvirt-qemu.so.0 (looked up at run time: see `late`). The connection's
//! QEMU monitor events are in `connect_events`.

use crate::error::check;
use crate::late;
use crate::owned::{self, ret_string};
use crate::perl::{PerlCStr, Result, Xs, XsResult};
use std::os::raw::{c_char, c_int, c_uint};
use std::ptr::null_mut;
use virt_sys as sys;

/// `$cmd`, argument 1: undef is refused here (libvirt would pass NULL on
/// to its driver, whose error says nothing of the argument).
fn command<'a>(xs: &'a Xs) -> Result<PerlCStr<'a>> {
    match xs.opt_str(1)? {
        Some(cmd) => Ok(cmd),
        None => xs.die(format!("{} must be a string, not undef", xs.arg_name(1))),
    }
}

/// `$dom->qemu_monitor_command($cmd, $flags=0)`: QEMU's reply.
pub(crate) fn monitor_command(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let cmd = command(xs)?;
    let flags = xs.flags(2)?;
    let f = late::virDomainQemuMonitorCommand()?;
    let mut reply: *mut c_char = null_mut();
    // SAFETY: `dom` is live; `cmd` is alive for the call; `reply`
    // is a valid out-parameter.
    let rc = unsafe { f(dom, cmd.as_ptr(), &mut reply, flags) };
    // SAFETY: NULL (a failure) or a string libvirt allocated for us.
    let reply = unsafe { owned::CString::from_raw(reply) };
    check(rc)?;
    xs.ret_bytes(reply.bytes())
}

/// `($reply, @fds) = $dom->qemu_monitor_command_with_files($cmd, \@fds, $flags=0)`:
/// QEMU's reply and the file descriptors it passed back (the caller's to
/// close).
pub(crate) fn monitor_command_with_files(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let cmd = command(xs)?;
    let mut infds = owned::fd_list(xs, 2)?;
    let flags = xs.flags(3)?;
    let f = late::virDomainQemuMonitorCommandWithFiles()?;
    let mut reply: *mut c_char = null_mut();
    let mut nout: c_uint = 0;
    let mut outfds: *mut c_int = null_mut();
    let inptr = owned::fds_ptr(&mut infds);
    // SAFETY: `dom` is live; `cmd` is alive for the call; `inptr`
    // holds `infds.len()` ints (NULL when none); the rest are valid
    // out-parameters.
    let rc = unsafe {
        f(
            dom,
            cmd.as_ptr(),
            infds.len() as c_uint,
            inptr,
            &mut nout,
            &mut outfds,
            &mut reply,
            flags,
        )
    };
    // SAFETY: NULL (a failure) or a string libvirt allocated for us.
    let reply = unsafe { owned::CString::from_raw(reply) };
    if rc < 0 {
        // SAFETY: NULL or an array libvirt allocated for us: the array and
        // its descriptors are ours (libvirt leaves none on a failure).
        let outfds = unsafe { owned::CArray::from_raw(outfds, nout as usize) };
        for &fd in outfds.as_slice() {
            // SAFETY: a descriptor nobody else owns.
            unsafe { libc::close(fd) };
        }
        check(rc)?;
    }
    xs.ret_bytes(reply.bytes())?;
    // SAFETY: `nout` descriptors libvirt allocated for us.
    unsafe { owned::ret_fd_list(xs, outfds, nout as usize) }
}

/// `$dom->qemu_agent_command($cmd, $timeout=QEMU_AGENT_COMMAND_DEFAULT, $flags=0)`:
/// the guest agent's reply.
pub(crate) fn agent_command(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let cmd = command(xs)?;
    let timeout = xs.i32_or(2, sys::VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT)?;
    let flags = xs.flags(3)?;
    let f = late::virDomainQemuAgentCommand()?;
    // SAFETY: `dom` is live; `cmd` is alive for the call.
    let reply = unsafe { f(dom, cmd.as_ptr(), timeout, flags) };
    // SAFETY: NULL (libvirt's error) or a string allocated for us.
    unsafe { ret_string(xs, reply) }
}
