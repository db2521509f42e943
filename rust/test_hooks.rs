//! Internal `_`-prefixed subs that let t/ reach the boundary's dangerous
//! paths on purpose: a panic inside a method body (or on a thread outside
//! any call), and a conversion of an argument whose tie/overload dies; and
//! one that shows the typed parameters a call would pass to libvirt, which
//! no driver available to the tests reports back; one that runs the
//! one-call typed-parameter getter against a driver of any size; and one
//! that turns parameters of any names into a hash (key templates). Not API:
//! registered only when [`test_hooks_enabled`].

use crate::domain;
use crate::perl::{Xs, XsResult};
use crate::typed_params::{get_params, params_to_hash, set_field_name, TypedParams};
use std::cell::Cell;
use std::os::raw::c_int;
use virt_sys as sys;

/// Are the test hooks wanted? `SYSVIRT_TEST_HOOKS=1` in the environment
/// when Sys::Virt is loaded (t/ sets it in a BEGIN block); an installed
/// module has none of them otherwise.
pub fn test_hooks_enabled() -> bool {
    std::env::var_os("SYSVIRT_TEST_HOOKS").is_some_and(|v| v == "1")
}

/// With the test hooks on, `SYSVIRT_TEST_HIDE_LIBRARIES` (sonames,
/// comma-separated: `libvirt-qemu.so.0,libvirt-lxc.so.0`) names libraries
/// that [`crate::late`] must treat as absent: why it cannot load `soname`,
/// or `None` (always, without the hooks). It lets t/ check the methods of
/// a library that a machine lacks, where the machine has it.
pub fn hidden_library(soname: &str) -> Option<String> {
    if !test_hooks_enabled() {
        return None;
    }
    let hidden = std::env::var("SYSVIRT_TEST_HIDE_LIBRARIES").ok()?;
    hidden
        .split(',')
        .any(|h| h == soname)
        .then(|| format!("{soname}: hidden by SYSVIRT_TEST_HIDE_LIBRARIES"))
}

/// `_test_panic()` panics while owning a value with a destructor: the
/// panic must become an ordinary Perl die and the value must still be
/// dropped. With `SYSVIRT_TEST_PANIC=thread` in the environment (the sub
/// takes no argument), it panics on a thread of its own instead, outside
/// any call of ours (the panic hook must report that one as usual), and
/// returns true once that thread has ended in a panic.
pub(crate) fn test_panic(xs: &mut Xs) -> XsResult {
    if std::env::var_os("SYSVIRT_TEST_PANIC").is_some_and(|v| v == "thread") {
        let ended = std::thread::spawn(|| panic!("a thread of Sys::Virt::_test_panic panicked"));
        return xs.ret_i64(ended.join().is_err().into());
    }
    let owned = format!("{} was asked to panic", xs.sub_name());
    panic!("{owned}");
}

/// Returns its argument read as a string (and, if given, the second
/// argument as an integer): reading a tied/overloaded value runs Perl code
/// that may die in the middle of the conversion.
pub(crate) fn test_string(xs: &mut Xs) -> XsResult {
    let s = xs.bytes(0)?.to_vec();
    let n = if xs.has(1) { xs.i64(1)? } else { 0 };
    let mut out = s;
    out.extend_from_slice(format!(":{n}").as_bytes());
    xs.ret_bytes(&out)
}

/// `Sys::Virt::_test_typed_params($call, \%params, $file=undef, $dxml=undef)`:
/// `[[field, type, value], ...]`, the typed parameters the method `$call`
/// (`migrate`, `save`, `restore_domain`, `set_throttle_group`,
/// `announce_interface`) builds from `\%params` for libvirt; `$file` and
/// `$dxml` stand for the positional arguments of `save`/`restore_domain`.
pub(crate) fn test_typed_params(xs: &mut Xs) -> XsResult {
    let call = xs.bytes(0)?.to_vec();
    let hv = match xs.perl.hash_ref(xs.arg(1)) {
        Some(hv) => hv,
        None => return xs.die("params is not a HASH reference"),
    };
    let perl = xs.perl;
    let params = match call.as_slice() {
        b"migrate" => TypedParams::from_hash(perl, hv, domain::MIGRATE_PARAMS)?,
        b"set_throttle_group" => TypedParams::from_hash(perl, hv, domain::THROTTLE_GROUP_PARAMS)?,
        b"announce_interface" => {
            TypedParams::from_hash(perl, hv, domain::ANNOUNCE_INTERFACE_PARAMS)?
        }
        b"save" | b"restore_domain" => {
            let mut given = [None, None];
            for (slot, i) in given.iter_mut().zip([2, 3]) {
                if xs.has(i) && perl.is_defined(xs.arg(i))? {
                    *slot = Some(xs.arg(i));
                }
            }
            domain::save_params(perl, hv, given[0], given[1])?
        }
        _ => return xs.die("unknown call"),
    };
    xs.ret(params.to_list(perl));
    Ok(())
}

/// `Sys::Virt::_test_get_params($total, $limit)`: `($calls, \%params)`,
/// how many getter calls [`get_params`] made with room for `$limit`
/// against a driver holding `$total` values `p0 => 0, p1 => 1...`, and
/// what it got. The driver behaves as libvirt's do: NULL asks for the
/// count; otherwise it fills at most `*n` and says how many it filled.
pub(crate) fn test_get_params(xs: &mut Xs) -> XsResult {
    let total = xs.u32(0)? as usize;
    let limit = xs.u32(1)? as usize;
    let calls = Cell::new(0);
    let params = get_params(limit, |p, n| {
        calls.set(calls.get() + 1);
        if p.is_null() {
            *n = total as c_int;
            return 0;
        }
        let filled = (*n as usize).min(total);
        // SAFETY: get_params passes an array of `*n` parameters.
        let params = unsafe { std::slice::from_raw_parts_mut(p, *n as usize) };
        for (i, param) in params[..filled].iter_mut().enumerate() {
            set_field_name(param, format!("p{i}").as_bytes());
            param.type_ = sys::VIR_TYPED_PARAM_ULLONG as c_int;
            param.value.ul = i as u64;
        }
        *n = filled as c_int;
        0
    })?;
    xs.ret_i64(calls.get() as i64)?;
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `Sys::Virt::_test_params_hash(\@names, $first)`: the hash of typed
/// parameters named `@names` (ULLONG values `$first`, `$first + 1`...), as
/// every getter makes it (`params_to_hash`: a copy of the interpreter's
/// template of those names when it has one).
pub(crate) fn test_params_hash(xs: &mut Xs) -> XsResult {
    let names = xs.array_ref(0)?;
    let first = xs.u64(1)?;
    let mut params = Vec::new();
    for i in 0..names.len()? {
        let name = match names.get(i)? {
            Some(sv) => xs.perl.to_bytes(sv)?.to_vec(),
            None => Vec::new(),
        };
        // SAFETY: an all-zero virTypedParameter is valid (empty name).
        let mut p: sys::virTypedParameter = unsafe { std::mem::zeroed() };
        if !set_field_name(&mut p, &name) {
            return xs.die(format!("name {i} does not fit a typed parameter"));
        }
        p.type_ = sys::VIR_TYPED_PARAM_ULLONG as c_int;
        p.value.ul = first.wrapping_add(i as u64);
        params.push(p);
    }
    let h = params_to_hash(xs.perl, &params);
    xs.ret(h);
    Ok(())
}

/// The reference count of the libvirt object behind a handle: libvirt's
/// objects are GObjects (since 6.x, so on every libvirt this module
/// supports), whose count follows the class pointer. It lets t/ check
/// that an object lent to an event callback took a reference exactly when
/// the callback kept it.
fn gobject_refs<T>(ptr: *mut T) -> i64 {
    #[repr(C)]
    struct GObjectHead {
        g_class: *mut std::ffi::c_void,
        ref_count: std::os::raw::c_uint,
    }
    // SAFETY: a live libvirt object (checked by the caller's `handle`),
    // which starts with a GObject.
    i64::from(unsafe { (*ptr.cast::<GObjectHead>()).ref_count })
}

/// `$dom->_test_refs`: see [`gobject_refs`].
pub(crate) fn domain_refs(xs: &mut Xs) -> XsResult {
    let d = xs.handle::<sys::virDomain>(0)?;
    xs.ret_i64(gobject_refs(d))
}

/// `$net->_test_refs`: see [`gobject_refs`].
pub(crate) fn network_refs(xs: &mut Xs) -> XsResult {
    let n = xs.handle::<sys::virNetwork>(0)?;
    xs.ret_i64(gobject_refs(n))
}
