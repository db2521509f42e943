//! `Sys::Virt::Admin` (a connection to a daemon's admin socket),
//! `Sys::Virt::Admin::Server` and `Sys::Virt::Admin::Client`: libvirt's
//! admin API, in libvirt-admin.so.0. The library is never linked: every
//! function is a row of the `Admin` table of `late.rs`, so the module
//! loads where it is absent and these methods raise `ERR_NO_SUPPORT`.
//! virt-sys does not bind the admin API: its three opaque types are
//! declared here, and are handle classes like any other
//! (data/classes.tsv). Errors come through libvirt.so.0's
//! `virGetLastError`, which libvirt-admin.so.0 reports them to.

use crate::connect_events::{close_fire, register_close, unregister_close};
use crate::error::{check, check_ptr};
use crate::late;
use crate::perl::{opt_ptr, Xs, XsResult};
use std::os::raw::{c_char, c_int, c_uint, c_ulonglong, c_void};

/// `virAdmConnect`: a connection to a daemon's admin server.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct virAdmConnect {
    _opaque: [u8; 0],
}

/// `virAdmServer`: one of a daemon's servers ("libvirtd", "admin"...).
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct virAdmServer {
    _opaque: [u8; 0],
}

/// `virAdmClient`: a client connected to one of a daemon's servers.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct virAdmClient {
    _opaque: [u8; 0],
}

/// `virAdmConnectCloseFunc`.
pub type AdmCloseFunc = Option<unsafe extern "C" fn(*mut virAdmConnect, c_int, *mut c_void)>;

/// `Sys::Virt::Admin::_open($uri, $flags)`: a new admin connection
/// (`$uri` undef: libvirt's default).
pub(crate) fn open(xs: &mut Xs) -> XsResult {
    let open = late::virAdmConnectOpen()?;
    let flags = xs.u32(1)?;
    let conn = {
        let uri = xs.opt_str(0)?;
        // SAFETY: `uri` is NULL or a C string alive for the call.
        check_ptr(unsafe { open(opt_ptr(&uri), flags) })?
    };
    // SAFETY: a new connection libvirt returned (non-NULL), handed over.
    unsafe { xs.ret_object(conn) }
}

/// `$adm->get_library_version()`: the daemon's libvirt version.
pub(crate) fn get_library_version(xs: &mut Xs) -> XsResult {
    let conn = xs.handle::<virAdmConnect>(0)?;
    let get = late::virAdmConnectGetLibVersion()?;
    let mut v: c_ulonglong = 0;
    // SAFETY: live connection; out-pointer to a local.
    check(unsafe { get(conn, &mut v) })?;
    xs.ret_u64(v)
}

/// virAdmConnectCloseFunc: `$cb->($adm, $reason)`.
unsafe extern "C" fn close_fired(_conn: *mut virAdmConnect, reason: c_int, opaque: *mut c_void) {
    // SAFETY: `opaque` is the Callback registered with this callback.
    unsafe { close_fire(reason, opaque) };
}

/// `$adm->register_close_callback($coderef)`
pub(crate) fn register_close_callback(xs: &mut Xs) -> XsResult {
    xs.handle::<virAdmConnect>(0)?;
    register_close(xs, late::virAdmConnectRegisterCloseCallback()?, close_fired)
}

/// `$adm->unregister_close_callback()`
pub(crate) fn unregister_close_callback(xs: &mut Xs) -> XsResult {
    xs.handle::<virAdmConnect>(0)?;
    unregister_close(
        xs,
        late::virAdmConnectUnregisterCloseCallback()?,
        late::virAdmConnectIsAlive()?,
        close_fired,
    )
}

/// `$adm->get_logging_outputs($flags=0)` / `get_logging_filters`: the
/// string `get(conn, &string, flags)` allocates.
pub(crate) fn get_logging(
    xs: &mut Xs,
    get: unsafe extern "C" fn(*mut virAdmConnect, *mut *mut c_char, c_uint) -> c_int,
) -> XsResult {
    let conn = xs.handle::<virAdmConnect>(0)?;
    let flags = xs.flags(1)?;
    let mut s: *mut c_char = std::ptr::null_mut();
    // SAFETY: live connection; out-pointer to a local, which libvirt
    // sets only on success.
    check(unsafe { get(conn, &mut s, flags) })?;
    // SAFETY: `s` is NULL (no outputs/filters: undef) or a string libvirt
    // allocated for us, freed after the copy.
    unsafe { xs.ret_owned_cstring(s) }
}

/// `$adm->set_logging_outputs($outputs, $flags=0)` /
/// `set_logging_filters($filters, $flags=0)`: `set(conn, string, flags)`;
/// undef (NULL) sets the daemon's default.
pub(crate) fn set_logging(
    xs: &mut Xs,
    set: unsafe extern "C" fn(*mut virAdmConnect, *const c_char, c_uint) -> c_int,
) -> XsResult {
    let conn = xs.handle::<virAdmConnect>(0)?;
    let flags = xs.flags(2)?;
    let rc = {
        let value = xs.opt_str(1)?;
        // SAFETY: live connection; `value` is NULL or a C string alive
        // for the call.
        unsafe { set(conn, opt_ptr(&value), flags) }
    };
    check(rc)?;
    Ok(())
}

/// `$adm->set_daemon_timeout($seconds, $flags=0)`
pub(crate) fn set_daemon_timeout(xs: &mut Xs) -> XsResult {
    let conn = xs.handle::<virAdmConnect>(0)?;
    let set = late::virAdmConnectSetDaemonTimeout()?;
    let timeout = xs.u32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: live connection.
    check(unsafe { set(conn, timeout, flags) })?;
    Ok(())
}

/// `$srv->get_client_by_id($id, $flags=0)`
pub(crate) fn get_client_by_id(xs: &mut Xs) -> XsResult {
    let srv = xs.handle::<virAdmServer>(0)?;
    let lookup = late::virAdmServerLookupClient()?;
    let id = xs.u64(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: live server.
    let client = check_ptr(unsafe { lookup(srv, id, flags) })?;
    // SAFETY: a new client reference libvirt returned, handed over.
    unsafe { xs.ret_object(client) }
}

/// `$client->get_id()`
pub(crate) fn client_get_id(xs: &mut Xs) -> XsResult {
    let client = xs.handle::<virAdmClient>(0)?;
    let get = late::virAdmClientGetID()?;
    // SAFETY: live client (the only failure is an invalid one).
    xs.ret_u64(unsafe { get(client) })
}

/// `$client->get_timestamp()`: seconds since the Epoch of its connection.
pub(crate) fn client_get_timestamp(xs: &mut Xs) -> XsResult {
    let client = xs.handle::<virAdmClient>(0)?;
    let get = late::virAdmClientGetTimestamp()?;
    // SAFETY: live client.
    let t = unsafe { get(client) };
    if t < 0 {
        return Err(crate::error::last());
    }
    xs.ret_i64(t)
}

// ---- living beside libvirt.so.0 -----------------------------------------
//
// libvirt-admin.so.0 is built with its own copy of libvirt's object types
// (datatypes.c: virConnect... virAdmConnect, and its RPC client's
// virNetSocket, virNetClient...), whose classes it registers through
// libvirt.so.0's `virClassNew`, that is as GLib types named after them.
// libvirt.so.0 registered the same names when this module booted, so
// GLib refuses the admin library's, its classes are left invalid, and its
// first object crashes the process (libvirt 7.0.0 to 11.3.0 at least:
// one process cannot use both libraries). So at boot this module is put
// in the global scope, where its `virClassNew` below is found before
// libvirt.so.0's by the admin library (its import binds when it is
// opened, RTLD_NOW): a class whose name GLib already has
// is registered under a name of its own, "SysVirtAdmin_<name>"; any
// other call goes straight to libvirt's. The names only label GLib
// types: libvirt finds its classes by pointer.

/// `virClass *virClassNew(virClass *parent, const char *name, size_t
/// objectSize, size_t parentSize, virObjectDisposeCallback dispose)`,
/// libvirt's private class constructor (same signature from 4.x to 12.x).
type ClassNewFn =
    unsafe extern "C" fn(*mut c_void, *const c_char, usize, usize, *mut c_void) -> *mut c_void;

/// libvirt.so.0's `virClassNew` and GLib's `g_type_from_name`.
fn originals() -> Option<(ClassNewFn, unsafe extern "C" fn(*const c_char) -> usize)> {
    static ORIGINALS: std::sync::OnceLock<Option<(usize, usize)>> = std::sync::OnceLock::new();
    let (class_new, from_name) = (*ORIGINALS.get_or_init(|| {
        let class_new = late::libvirt_symbol(c"virClassNew")?;
        // SAFETY: a NUL-terminated soname; RTLD_NOLOAD only looks (GLib
        // is loaded: libvirt.so.0 needs it).
        let gobject = unsafe {
            libc::dlopen(
                c"libgobject-2.0.so.0".as_ptr(),
                libc::RTLD_LAZY | libc::RTLD_NOLOAD,
            )
        };
        if gobject.is_null() {
            return None;
        }
        // SAFETY: a handle from dlopen and a NUL-terminated name.
        let from_name = unsafe { libc::dlsym(gobject, c"g_type_from_name".as_ptr()) };
        (!from_name.is_null()).then_some((class_new as usize, from_name as usize))
    }))?;
    // SAFETY: the symbols of those names, whose C signatures these are.
    unsafe {
        Some((
            std::mem::transmute::<usize, ClassNewFn>(class_new),
            std::mem::transmute::<usize, unsafe extern "C" fn(*const c_char) -> usize>(from_name),
        ))
    }
}

/// Whether [`make_global`] put this module in the global scope.
static GLOBAL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// At boot: puts this module in the global scope (see above), ahead of
/// libvirt.so.0, which enters it with the module (its dependency) or
/// later, when libvirt loads a driver module (RTLD_GLOBAL) in this
/// process; the global scope is searched in that order. (Our only other
/// exported symbols are the boot functions.)
pub fn make_global() {
    // SAFETY: an all-zero Dl_info is a valid out-parameter.
    let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
    // SAFETY: the address of a function of this module; dladdr only
    // reads the loader's tables.
    let found = unsafe { libc::dladdr(virClassNew as *const c_void, &mut info) };
    if found == 0 || info.dli_fname.is_null() {
        return;
    }
    // SAFETY: dladdr set a NUL-terminated path; RTLD_NOLOAD finds the copy
    // already loaded and only changes its scope to global (the reference
    // it counts is never released: the module stays for the process).
    let me = unsafe {
        libc::dlopen(
            info.dli_fname,
            libc::RTLD_NOW | libc::RTLD_NOLOAD | libc::RTLD_GLOBAL,
        )
    };
    GLOBAL.store(!me.is_null(), std::sync::atomic::Ordering::Relaxed);
}

/// Called by `late` before it opens libvirt-admin.so.0: whether its
/// classes can be registered (see above), or why not.
pub fn before_loading() -> Result<(), String> {
    if !GLOBAL.load(std::sync::atomic::Ordering::Relaxed) {
        return Err("this module could not be put in the global scope".into());
    }
    if originals().is_none() {
        return Err("libvirt.so.0's virClassNew or GLib's g_type_from_name was not found".into());
    }
    // What the admin library's import will bind to: the first definition
    // in the global scope (not ours if libvirt.so.0 entered it first).
    // SAFETY: a NUL-terminated name; the lookup only reads.
    let first = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"virClassNew".as_ptr()) };
    if first != virClassNew as *mut c_void {
        return Err("libvirt.so.0 is in the global scope before this module, and its object classes would collide with the admin library's".into());
    }
    Ok(())
}

/// libvirt's `virClassNew` for the admin library: see above.
///
/// # Safety
/// Called by libvirt code with `virClassNew`'s arguments.
#[no_mangle]
pub unsafe extern "C" fn virClassNew(
    parent: *mut c_void,
    name: *const c_char,
    object_size: usize,
    parent_size: usize,
    dispose: *mut c_void,
) -> *mut c_void {
    let Some((class_new, type_from_name)) = originals() else {
        return std::ptr::null_mut();
    };
    let mut name = name;
    // SAFETY: `name` is a NUL-terminated class name (libvirt's contract).
    if !name.is_null() && unsafe { type_from_name(name) } != 0 {
        // SAFETY: as above.
        let own = [
            b"SysVirtAdmin_",
            unsafe { std::ffi::CStr::from_ptr(name) }.to_bytes(),
        ]
        .concat();
        if let Ok(own) = std::ffi::CString::new(own) {
            // Kept for the life of the process, as the class is.
            name = Box::leak(own.into_boxed_c_str()).as_ptr();
        }
    }
    // SAFETY: libvirt's constructor with the caller's arguments.
    unsafe { class_new(parent, name, object_size, parent_size, dispose) }
}
