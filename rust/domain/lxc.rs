//! `Sys::Virt::Domain`: an LXC container's namespaces and cgroup, and
//! `Sys::Virt::lxc_enter_security_label`, through libvirt-lxc.so.0 (looked
//! up at run time: see `late`). Entering acts on the calling process.

use crate::domain::resources::seclabel_hash;
use crate::error::check;
use crate::late;
use crate::owned::{self, fill_fixed};
use crate::perl::{HashRef, Xs, XsResult};
use std::os::raw::{c_char, c_int, c_uint};
use std::ptr::null_mut;
use virt_sys as sys;

/// `@fds = $dom->lxc_open_namespace($flags=0)`: descriptors of the
/// container's namespaces (the caller's to close).
pub(crate) fn open_namespace(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    let f = late::virDomainLxcOpenNamespace()?;
    let mut fds: *mut c_int = null_mut();
    // SAFETY: `dom` is live; `fds` is a valid out-parameter.
    let n = check(unsafe { f(dom, &mut fds, flags) })?;
    // SAFETY: `n` descriptors in an array libvirt allocated for us.
    unsafe { owned::ret_fd_list(xs, fds, n as usize) }
}

/// `@oldfds = $dom->lxc_enter_namespace(\@fds, $flags=0)`: moves the
/// calling process into the namespaces of `@fds`; returns descriptors of
/// the namespaces it was in (the caller's to close).
pub(crate) fn enter_namespace(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let mut fds = owned::fd_list(xs, 1)?;
    let flags = xs.flags(2)?;
    let f = late::virDomainLxcEnterNamespace()?;
    let mut nold: c_uint = 0;
    let mut old: *mut c_int = null_mut();
    let ptr = owned::fds_ptr(&mut fds);
    // SAFETY: `dom` is live; `ptr` holds `fds.len()` ints (NULL when
    // none); `nold` and `old` are valid out-parameters.
    let rc = unsafe { f(dom, fds.len() as c_uint, ptr, &mut nold, &mut old, flags) };
    // SAFETY: NULL or `nold` descriptors libvirt allocated for us (on a
    // failure, libvirt has closed them and set NULL).
    let old = unsafe { owned::CArray::from_raw(old, nold as usize) };
    check(rc)?;
    for &fd in old.as_slice() {
        xs.ret_i64(fd.into())?;
    }
    Ok(())
}

/// `$dom->lxc_enter_cgroup($flags=0)`: moves the calling process into the
/// container's cgroup.
pub(crate) fn enter_cgroup(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    let f = late::virDomainLxcEnterCGroup()?;
    // SAFETY: `dom` is live.
    check(unsafe { f(dom, flags) })?;
    Ok(())
}

/// Field `key` of the hash argument `i` copied into `buf`: absent or
/// undef leaves it empty; too long (or holding a NUL) is a die naming it.
fn fixed_field(xs: &Xs, h: &HashRef, i: usize, key: &str, buf: &mut [c_char]) -> XsResult {
    let Some(sv) = h.get(key)? else {
        return Ok(());
    };
    if !xs.perl.is_defined(sv)? {
        return Ok(());
    }
    let bytes = xs.perl.to_bytes(sv)?;
    if !fill_fixed(buf, bytes) {
        return xs.die(format!(
            "{}: '{key}' must be a string of at most {} bytes without NUL",
            xs.arg_name(i),
            buf.len() - 1
        ));
    }
    Ok(())
}

/// `$oldlabel = Sys::Virt::lxc_enter_security_label(\%model, \%label, $flags=0)`:
/// `\%model` as `get_node_security_model` returns it (`model`, `doi`),
/// `\%label` as `get_security_label` does (`label`, `enforcing`); returns
/// the label the process had, in the same form.
pub(crate) fn enter_security_label(xs: &mut Xs) -> XsResult {
    // SAFETY: all-zero model and labels are valid (chars and an int).
    let (mut model, mut label, mut oldlabel): (
        sys::virSecurityModel,
        sys::virSecurityLabel,
        sys::virSecurityLabel,
    ) = unsafe { std::mem::zeroed() };
    {
        let m = xs.hash_ref(0)?;
        fixed_field(xs, &m, 0, "model", &mut model.model)?;
        fixed_field(xs, &m, 0, "doi", &mut model.doi)?;
        let l = xs.hash_ref(1)?;
        fixed_field(xs, &l, 1, "label", &mut label.label)?;
        if let Some(sv) = l.get("enforcing")? {
            label.enforcing = xs.perl.to_i64(sv)? as c_int;
        }
    }
    let flags = xs.flags(2)?;
    let f = late::virDomainLxcEnterSecurityLabel()?;
    // SAFETY: three valid structs for the call.
    check(unsafe { f(&mut model, &mut label, &mut oldlabel, flags) })?;
    let h = seclabel_hash(xs.perl, &oldlabel);
    xs.ret(h);
    Ok(())
}
