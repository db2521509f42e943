//! Sys::Virt (connection): event callbacks of domains, networks, storage
//! pools, node devices and secrets, and the close callback.
//!
//! Every registration hands libvirt a [`Callback`] (the interpreter, our
//! copy of the connection reference and of the Perl callback), freed
//! exactly once by libvirt's free callback. Each event ID has its own C
//! callback with libvirt's signature, calling the Perl callback as
//! `$cb->($conn, $object, <event arguments>)` like the original, with a
//! new object lent libvirt's pointer: it takes a reference of its own
//! once the callback returns, only if the callback kept it.

use crate::event::{free_callback, raise_pending, Callback, EventArgs};
use crate::handle::Handle;
// `s`: the string arguments of the callback table below.
use crate::owned::opt_cstr_sv as s;
use crate::perl::{NewSv, Perl, Xs, XsError, XsResult};
use crate::typed_params::{self, params_to_hash};
use std::os::raw::{c_char, c_int, c_longlong, c_uint, c_ulonglong, c_void};
use std::sync::Mutex;
use virt_sys as sys;

// ---- building the callback arguments ----------------------------------

/// The object of an event, lent to the callback: it takes a reference of
/// its own only if the callback keeps it (see [`EventArgs::push_lent`]).
fn lend<T: Handle>(
    args: &mut EventArgs,
    ptr: *mut T,
    take_ref: unsafe extern "C" fn(*mut T) -> c_int,
) {
    if ptr.is_null() {
        args.push(args.perl().new_undef());
        return;
    }
    // SAFETY: only the pointee's type changes; the function takes a
    // pointer either way, and is called with this object's.
    let take_ref = unsafe {
        std::mem::transmute::<
            unsafe extern "C" fn(*mut T) -> c_int,
            unsafe extern "C" fn(*mut c_void) -> c_int,
        >(take_ref)
    };
    // SAFETY: libvirt keeps `ptr`, a `T`, alive during the callback.
    unsafe { args.push_lent(T::PACKAGE, T::CLASS, ptr.cast(), take_ref) }
}

fn i(perl: Perl, v: impl Into<i64>) -> NewSv {
    perl.new_i64(v.into())
}

fn u(perl: Perl, v: impl Into<u64>) -> NewSv {
    perl.new_u64(v.into())
}

/// `{family, node, service}` of a graphics event address.
fn graphics_address(perl: Perl, a: *const sys::virDomainEventGraphicsAddress) -> NewSv {
    if a.is_null() {
        return perl.new_undef();
    }
    // SAFETY: libvirt passes a valid address for the callback.
    let a = unsafe { &*a };
    let mut h = perl.new_hash();
    h.store_i64(crate::key!("family"), a.family.into());
    // SAFETY: the address's strings are NULL or live for the callback.
    unsafe {
        h.store("node", s(perl, a.node));
        h.store("service", s(perl, a.service));
    }
    h.into_ref()
}

/// `[{type, name}, ...]` of a graphics event subject.
fn graphics_subject(perl: Perl, subj: *const sys::virDomainEventGraphicsSubject) -> NewSv {
    let mut list = perl.new_array();
    // SAFETY: libvirt passes a valid subject whose `identities` holds
    // `nidentity` entries.
    unsafe {
        if let Some(subj) = subj.as_ref() {
            if !subj.identities.is_null() && subj.nidentity > 0 {
                let ids = std::slice::from_raw_parts(subj.identities, subj.nidentity as usize);
                for id in ids {
                    let mut h = perl.new_hash();
                    h.store("type", s(perl, id.type_));
                    h.store("name", s(perl, id.name));
                    list.push(h.into_ref());
                }
            }
        }
    }
    list.into_ref()
}

fn params(perl: Perl, p: sys::virTypedParameterPtr, n: c_int) -> NewSv {
    // SAFETY: libvirt passes `n` parameters alive for the callback.
    params_to_hash(perl, unsafe { typed_params::borrowed(p, n) })
}

// ---- domain event callbacks -------------------------------------------

/// Defines a C callback with libvirt's signature for one event type:
/// `$cb->($conn, $obj, <args>)`.
macro_rules! callbacks {
    ($($name:ident($obj:ident: $objty:ty $(, $arg:ident: $ty:ty)*) -> [$($val:expr),*];)*) => {$(
        unsafe extern "C" fn $name(
            _conn: sys::virConnectPtr,
            $obj: $objty,
            $($arg: $ty,)*
            opaque: *mut c_void,
        ) {
            // SAFETY: `opaque` is the Callback registered with this
            // callback; libvirt keeps it alive while calling us, and the
            // strings it passes (read by `s`) are NULL or live until we
            // return.
            unsafe {
                Callback::fire_lending(opaque, |a| $obj.lend(a), |_perl| {
                    [$($val(_perl)),*]
                })
            }
        }
    )*};
}

/// The object of an event, lent to the callback.
trait EventObject {
    fn lend(self, args: &mut EventArgs);
}

impl EventObject for sys::virDomainPtr {
    fn lend(self, args: &mut EventArgs) {
        lend(args, self, sys::virDomainRef)
    }
}
impl EventObject for sys::virNetworkPtr {
    fn lend(self, args: &mut EventArgs) {
        lend(args, self, sys::virNetworkRef)
    }
}
impl EventObject for sys::virStoragePoolPtr {
    fn lend(self, args: &mut EventArgs) {
        lend(args, self, sys::virStoragePoolRef)
    }
}
impl EventObject for sys::virNodeDevicePtr {
    fn lend(self, args: &mut EventArgs) {
        lend(args, self, sys::virNodeDeviceRef)
    }
}
impl EventObject for sys::virSecretPtr {
    fn lend(self, args: &mut EventArgs) {
        lend(args, self, sys::virSecretRef)
    }
}

type Dom = sys::virDomainPtr;
type Str = *const c_char;

callbacks! {
    dom_generic(d: Dom) -> [];
    dom_rtc_change(d: Dom, utcoffset: c_longlong) -> [|p| i(p, utcoffset)];
    dom_watchdog(d: Dom, action: c_int) -> [|p| i(p, action)];
    dom_io_error(d: Dom, src: Str, alias: Str, action: c_int)
        -> [|p| s(p, src), |p| s(p, alias), |p| i(p, action)];
    dom_io_error_reason(d: Dom, src: Str, alias: Str, action: c_int, reason: Str)
        -> [|p| s(p, src), |p| s(p, alias), |p| i(p, action), |p| s(p, reason)];
    dom_graphics(d: Dom, phase: c_int, local: *const sys::virDomainEventGraphicsAddress,
        remote: *const sys::virDomainEventGraphicsAddress, scheme: Str,
        subject: *const sys::virDomainEventGraphicsSubject)
        -> [|p| i(p, phase), |p| graphics_address(p, local), |p| graphics_address(p, remote),
            |p| s(p, scheme), |p| graphics_subject(p, subject)];
    dom_block_job(d: Dom, disk: Str, ty: c_int, status: c_int)
        -> [|p| s(p, disk), |p| i(p, ty), |p| i(p, status)];
    dom_disk_change(d: Dom, old: Str, new: Str, alias: Str, reason: c_int)
        -> [|p| s(p, old), |p| s(p, new), |p| s(p, alias), |p| i(p, reason)];
    dom_tray_change(d: Dom, alias: Str, reason: c_int) -> [|p| s(p, alias), |p| i(p, reason)];
    dom_reason(d: Dom, reason: c_int) -> [|p| i(p, reason)];
    dom_balloon_change(d: Dom, actual: c_ulonglong) -> [|p| u(p, actual)];
    dom_device(d: Dom, alias: Str) -> [|p| s(p, alias)];
    dom_params(d: Dom, ps: sys::virTypedParameterPtr, n: c_int) -> [|p| params(p, ps, n)];
    dom_agent_lifecycle(d: Dom, state: c_int, reason: c_int) -> [|p| i(p, state), |p| i(p, reason)];
    dom_migration_iteration(d: Dom, iteration: c_int) -> [|p| i(p, iteration)];
    dom_metadata_change(d: Dom, ty: c_int, nsuri: Str) -> [|p| i(p, ty), |p| s(p, nsuri)];
    dom_block_threshold(d: Dom, dev: Str, path: Str, threshold: c_ulonglong, excess: c_ulonglong)
        -> [|p| s(p, dev), |p| s(p, path), |p| u(p, threshold), |p| u(p, excess)];
    dom_memory_failure(d: Dom, recipient: c_int, action: c_int, flags: c_uint)
        -> [|p| i(p, recipient), |p| i(p, action), |p| u(p, flags)];
    dom_memory_device_size_change(d: Dom, alias: Str, size: c_ulonglong)
        -> [|p| s(p, alias), |p| u(p, size)];
    // libvirt 11.2.0
    dom_nic_mac_change(d: Dom, alias: Str, old_mac: Str, new_mac: Str)
        -> [|p| s(p, alias), |p| s(p, old_mac), |p| s(p, new_mac)];
    // libvirt 12.4.0
    dom_vcpu_removed(d: Dom, vcpuid: c_uint) -> [|p| u(p, vcpuid)];
    dom_channel_lifecycle(d: Dom, channel: Str, state: c_int, reason: c_int)
        -> [|p| s(p, channel), |p| i(p, state), |p| i(p, reason)];
    // libvirt-qemu's virConnectDomainQemuMonitorEventCallback
    dom_qemu_monitor(d: Dom, event: Str, seconds: c_longlong, micros: c_uint, details: Str)
        -> [|p| s(p, event), |p| i(p, seconds), |p| u(p, micros), |p| s(p, details)];
    net_generic(n: sys::virNetworkPtr) -> [];
    net_lifecycle(n: sys::virNetworkPtr, event: c_int, detail: c_int) -> [|p| i(p, event), |p| i(p, detail)];
    // libvirt 9.8.0
    net_metadata_change(n: sys::virNetworkPtr, ty: c_int, nsuri: Str) -> [|p| i(p, ty), |p| s(p, nsuri)];
    pool_generic(n: sys::virStoragePoolPtr) -> [];
    pool_lifecycle(n: sys::virStoragePoolPtr, event: c_int, detail: c_int) -> [|p| i(p, event), |p| i(p, detail)];
    dev_generic(n: sys::virNodeDevicePtr) -> [];
    dev_lifecycle(n: sys::virNodeDevicePtr, event: c_int, detail: c_int) -> [|p| i(p, event), |p| i(p, detail)];
    secret_generic(n: sys::virSecretPtr) -> [];
    secret_lifecycle(n: sys::virSecretPtr, event: c_int, detail: c_int) -> [|p| i(p, event), |p| i(p, detail)];
}

/// The domain lifecycle callback (also used by the old
/// `domain_event_register` API, whose callback returns an int).
unsafe extern "C" fn dom_lifecycle(
    _conn: sys::virConnectPtr,
    d: sys::virDomainPtr,
    event: c_int,
    detail: c_int,
    opaque: *mut c_void,
) -> c_int {
    // SAFETY: `opaque` is the Callback registered with this callback.
    unsafe { Callback::fire_lending(opaque, |a| d.lend(a), |p| [i(p, event), i(p, detail)]) };
    0
}

/// The callback type `virConnect*EventRegisterAny` takes: libvirt casts
/// it back to the event's own signature before calling it.
type GenericFn<O> = unsafe extern "C" fn(sys::virConnectPtr, O, *mut c_void);

/// `f` (a callback of an event's own signature) as the generic type.
macro_rules! generic {
    ($o:ty, $f:expr) => {
        // SAFETY: only a change of the function pointer's type; libvirt
        // calls it with the signature of the event it was registered for.
        Some(unsafe { std::mem::transmute::<*const (), GenericFn<$o>>($f as *const ()) })
    };
}

fn domain_callback(id: c_int) -> Option<GenericFn<Dom>> {
    match id as u32 {
        sys::VIR_DOMAIN_EVENT_ID_LIFECYCLE => generic!(Dom, dom_lifecycle),
        sys::VIR_DOMAIN_EVENT_ID_RTC_CHANGE => generic!(Dom, dom_rtc_change),
        sys::VIR_DOMAIN_EVENT_ID_WATCHDOG => generic!(Dom, dom_watchdog),
        sys::VIR_DOMAIN_EVENT_ID_IO_ERROR => generic!(Dom, dom_io_error),
        sys::VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON => generic!(Dom, dom_io_error_reason),
        sys::VIR_DOMAIN_EVENT_ID_GRAPHICS => generic!(Dom, dom_graphics),
        sys::VIR_DOMAIN_EVENT_ID_BLOCK_JOB | sys::VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 => {
            generic!(Dom, dom_block_job)
        }
        sys::VIR_DOMAIN_EVENT_ID_DISK_CHANGE => generic!(Dom, dom_disk_change),
        sys::VIR_DOMAIN_EVENT_ID_TRAY_CHANGE => generic!(Dom, dom_tray_change),
        sys::VIR_DOMAIN_EVENT_ID_PMWAKEUP
        | sys::VIR_DOMAIN_EVENT_ID_PMSUSPEND
        | sys::VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK => generic!(Dom, dom_reason),
        sys::VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE => generic!(Dom, dom_balloon_change),
        sys::VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED
        | sys::VIR_DOMAIN_EVENT_ID_DEVICE_ADDED
        | sys::VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED => generic!(Dom, dom_device),
        sys::VIR_DOMAIN_EVENT_ID_TUNABLE | sys::VIR_DOMAIN_EVENT_ID_JOB_COMPLETED => {
            generic!(Dom, dom_params)
        }
        sys::VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE => generic!(Dom, dom_agent_lifecycle),
        sys::VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION => generic!(Dom, dom_migration_iteration),
        sys::VIR_DOMAIN_EVENT_ID_METADATA_CHANGE => generic!(Dom, dom_metadata_change),
        sys::VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD => generic!(Dom, dom_block_threshold),
        sys::VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE => generic!(Dom, dom_memory_failure),
        sys::VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE => {
            generic!(Dom, dom_memory_device_size_change)
        }
        sys::VIR_DOMAIN_EVENT_ID_NIC_MAC_CHANGE => generic!(Dom, dom_nic_mac_change),
        sys::VIR_DOMAIN_EVENT_ID_VCPU_REMOVED => generic!(Dom, dom_vcpu_removed),
        sys::VIR_DOMAIN_EVENT_ID_CHANNEL_LIFECYCLE => generic!(Dom, dom_channel_lifecycle),
        // REBOOT, CONTROL_ERROR and IDs this build does not know.
        _ => generic!(Dom, dom_generic),
    }
}

// ---- registration -----------------------------------------------------

/// Argument `i`, the object an event registration is limited to: NULL
/// (every object) for undef or any plain value, as the original; an
/// object of another class or an unblessed reference is refused.
fn filter_arg<T: Handle>(xs: &Xs, i: usize) -> Result<*mut T, XsError> {
    let sv = xs.arg(i);
    let perl = xs.perl;
    match perl.handle_ptr(sv, T::CLASS) {
        Ok(p) => Ok(p.cast()),
        Err(1) => {
            let is_ref = perl.scalar_ref(sv).is_some()
                || perl.hash_ref(sv).is_some()
                || perl.array_ref(sv).is_some()
                || perl.is_code_ref(sv);
            if is_ref {
                Err(xs.wrong_class::<T>(i))
            } else {
                Ok(std::ptr::null_mut())
            }
        }
        Err(_) => Err(xs.wrong_class::<T>(i)),
    }
}

/// Registers a callback with `register(conn, obj, id, opaque)` and
/// returns the callback ID; on failure the Callback is freed here.
fn register_any<T: Handle>(
    xs: &mut Xs,
    register: impl FnOnce(sys::virConnectPtr, *mut T, c_int, *mut c_void) -> c_int,
) -> XsResult {
    let conn = xs.handle::<sys::virConnect>(0)?;
    let obj = filter_arg::<T>(xs, 1)?;
    let id = xs.i32(2)?;
    let opaque = Callback::leak(xs.perl, xs.arg(0), xs.arg(3))?;
    let ret = register(conn, obj, id, opaque);
    // SAFETY: `opaque` is from `leak`; libvirt keeps it only on success.
    let ret = unsafe { Callback::after_register(opaque, ret) }?;
    xs.ret_i64(ret.into())
}

/// `$conn->domain_event_register_any($dom, $eventID, $callback)`
pub(crate) fn domain_event_register_any(xs: &mut Xs) -> XsResult {
    register_any::<sys::virDomain>(xs, |c, o, id, opaque| {
        // SAFETY: live connection; `o` NULL or a live domain; the callback
        // matches the event ID; libvirt owns `opaque` on success.
        unsafe {
            sys::virConnectDomainEventRegisterAny(
                c,
                o,
                id,
                domain_callback(id),
                opaque,
                Some(free_callback),
            )
        }
    })
}

/// `$conn->network_event_register_any($net, $eventID, $callback)`
pub(crate) fn network_event_register_any(xs: &mut Xs) -> XsResult {
    register_any::<sys::virNetwork>(xs, |c, o, id, opaque| {
        let cb = match id as u32 {
            sys::VIR_NETWORK_EVENT_ID_LIFECYCLE => generic!(sys::virNetworkPtr, net_lifecycle),
            sys::VIR_NETWORK_EVENT_ID_METADATA_CHANGE => {
                generic!(sys::virNetworkPtr, net_metadata_change)
            }
            _ => generic!(sys::virNetworkPtr, net_generic),
        };
        // SAFETY: as in domain_event_register_any.
        unsafe { sys::virConnectNetworkEventRegisterAny(c, o, id, cb, opaque, Some(free_callback)) }
    })
}

/// `$conn->storage_pool_event_register_any($pool, $eventID, $callback)`
pub(crate) fn storage_pool_event_register_any(xs: &mut Xs) -> XsResult {
    register_any::<sys::virStoragePool>(xs, |c, o, id, opaque| {
        let cb = match id as u32 {
            sys::VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE => {
                generic!(sys::virStoragePoolPtr, pool_lifecycle)
            }
            _ => generic!(sys::virStoragePoolPtr, pool_generic),
        };
        // SAFETY: as in domain_event_register_any.
        unsafe {
            sys::virConnectStoragePoolEventRegisterAny(c, o, id, cb, opaque, Some(free_callback))
        }
    })
}

/// `$conn->node_device_event_register_any($dev, $eventID, $callback)`
pub(crate) fn node_device_event_register_any(xs: &mut Xs) -> XsResult {
    register_any::<sys::virNodeDevice>(xs, |c, o, id, opaque| {
        let cb = match id as u32 {
            sys::VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE => {
                generic!(sys::virNodeDevicePtr, dev_lifecycle)
            }
            _ => generic!(sys::virNodeDevicePtr, dev_generic),
        };
        // SAFETY: as in domain_event_register_any.
        unsafe {
            sys::virConnectNodeDeviceEventRegisterAny(c, o, id, cb, opaque, Some(free_callback))
        }
    })
}

/// `$conn->secret_event_register_any($secret, $eventID, $callback)`
pub(crate) fn secret_event_register_any(xs: &mut Xs) -> XsResult {
    register_any::<sys::virSecret>(xs, |c, o, id, opaque| {
        let cb = match id as u32 {
            sys::VIR_SECRET_EVENT_ID_LIFECYCLE => generic!(sys::virSecretPtr, secret_lifecycle),
            _ => generic!(sys::virSecretPtr, secret_generic),
        };
        // SAFETY: as in domain_event_register_any.
        unsafe { sys::virConnectSecretEventRegisterAny(c, o, id, cb, opaque, Some(free_callback)) }
    })
}

/// `$conn->domain_qemu_monitor_event_register($dom, $event, $callback, $flags=0)`:
/// QEMU monitor events (libvirt-qemu.so.0), of one domain or all (undef),
/// named `$event` or all (undef); returns the callback ID.
pub(crate) fn domain_qemu_monitor_event_register(xs: &mut Xs) -> XsResult {
    let conn = xs.handle::<sys::virConnect>(0)?;
    let dom = filter_arg::<sys::virDomain>(xs, 1)?;
    let event = xs.opt_str(2)?;
    let flags = xs.flags(4)?;
    let register = crate::late::virConnectDomainQemuMonitorEventRegister()?;
    let opaque = Callback::leak(xs.perl, xs.arg(0), xs.arg(3))?;
    // SAFETY: live connection; `dom` NULL or a live domain; `event` NULL
    // or alive for the call; libvirt owns `opaque` on success and frees it
    // once with `free_callback`.
    let rc = unsafe {
        register(
            conn,
            dom,
            crate::perl::opt_ptr(&event),
            Some(dom_qemu_monitor),
            opaque,
            Some(free_callback),
            flags,
        )
    };
    drop(event);
    // SAFETY: `opaque` is from `leak`; libvirt keeps it only on success.
    let id = unsafe { Callback::after_register(opaque, rc) }?;
    xs.ret_i64(id.into())
}

/// `$conn->domain_qemu_monitor_event_deregister($callbackID)`
pub(crate) fn domain_qemu_monitor_event_deregister(xs: &mut Xs) -> XsResult {
    xs.handle::<sys::virConnect>(0)?;
    let deregister = crate::late::virConnectDomainQemuMonitorEventDeregister()?;
    deregister_any(xs, deregister)
}

/// `$conn->*_event_deregister_any($callbackID)`: like the original, the
/// result of libvirt's call is not checked (an unknown ID is ignored).
pub(crate) fn deregister_any(
    xs: &mut Xs,
    deregister: unsafe extern "C" fn(sys::virConnectPtr, c_int) -> c_int,
) -> XsResult {
    let conn = xs.handle::<sys::virConnect>(0)?;
    let id = xs.i32(1)?;
    // SAFETY: live connection; libvirt frees the callback's data (once)
    // when the ID is known.
    unsafe { deregister(conn, id) };
    raise_pending()
}

/// `$conn->domain_event_register($callback)`: the old lifecycle-only API.
pub(crate) fn domain_event_register(xs: &mut Xs) -> XsResult {
    let conn = xs.handle::<sys::virConnect>(0)?;
    let opaque = Callback::leak(xs.perl, xs.arg(0), xs.arg(1))?;
    // SAFETY: live connection; libvirt owns `opaque` on success.
    let rc = unsafe {
        sys::virConnectDomainEventRegister(conn, Some(dom_lifecycle), opaque, Some(free_callback))
    };
    // SAFETY: `opaque` is from `leak`; libvirt keeps it only on success.
    unsafe { Callback::after_register(opaque, rc) }?;
    Ok(())
}

/// `$conn->domain_event_deregister()`: removes the callback of
/// `domain_event_register` (libvirt's result unchecked, as the original).
pub(crate) fn domain_event_deregister(xs: &mut Xs) -> XsResult {
    let conn = xs.handle::<sys::virConnect>(0)?;
    // SAFETY: live connection; libvirt frees the callback's data once.
    unsafe { sys::virConnectDomainEventDeregister(conn, Some(dom_lifecycle)) };
    raise_pending()
}

/// A connection's close callback: `virConnectCloseFunc`,
/// `virAdmConnectCloseFunc`.
pub type CloseFn<C> = unsafe extern "C" fn(*mut C, c_int, *mut c_void);
/// `vir*ConnectRegisterCloseCallback(conn, cb, opaque, freecb)`.
pub type RegisterCloseFn<C> =
    unsafe extern "C" fn(*mut C, Option<CloseFn<C>>, *mut c_void, sys::virFreeCallback) -> c_int;
/// `vir*ConnectUnregisterCloseCallback(conn, cb)`.
pub type UnregisterCloseFn<C> = unsafe extern "C" fn(*mut C, Option<CloseFn<C>>) -> c_int;

/// The body of every close callback: `$cb->($conn, $reason)`.
///
/// # Safety
/// `opaque` is the Callback registered with the calling close callback.
pub unsafe fn close_fire(reason: c_int, opaque: *mut c_void) {
    // SAFETY: per the contract.
    unsafe { Callback::fire(opaque, |p| [i(p, reason)]) };
}

/// virConnectCloseFunc: `$cb->($conn, $reason)`.
unsafe extern "C" fn close_fired(_conn: sys::virConnectPtr, reason: c_int, opaque: *mut c_void) {
    // SAFETY: `opaque` is the Callback registered with this callback.
    unsafe { close_fire(reason, opaque) };
}

/// The close callbacks we registered, by class and connection. We own
/// them rather than libvirt: drivers without close callbacks (the
/// in-process test driver...) accept the registration and drop it, so
/// libvirt would never call a free callback and the Perl callback would
/// leak.
static CLOSE_CALLBACKS: Mutex<Vec<((u16, usize), usize)>> = Mutex::new(Vec::new());

fn close_callbacks() -> std::sync::MutexGuard<'static, Vec<((u16, usize), usize)>> {
    CLOSE_CALLBACKS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Take our close callback of `conn` out of the table.
fn take_close_callback<C: Handle>(conn: *mut C) -> Option<*mut c_void> {
    let mut list = close_callbacks();
    let i = list
        .iter()
        .position(|(c, _)| *c == (C::CLASS, conn as usize))?;
    Some(list.swap_remove(i).1 as *mut c_void)
}

/// `$conn->register_close_callback($coderef)` of a connection class `C`,
/// through libvirt's `register` with our C callback `fired` (which calls
/// [`close_fire`]).
pub(crate) fn register_close<C: Handle>(
    xs: &mut Xs,
    register: RegisterCloseFn<C>,
    fired: CloseFn<C>,
) -> XsResult {
    let conn = xs.handle::<C>(0)?;
    let opaque = Callback::leak(xs.perl, xs.arg(0), xs.arg(1))?;
    // SAFETY: live connection; `opaque` stays alive (in CLOSE_CALLBACKS)
    // until unregister_close has unregistered it.
    let rc = unsafe { register(conn, Some(fired), opaque, None) };
    // SAFETY: `opaque` is from `leak`; libvirt keeps it only on success.
    unsafe { Callback::after_register(opaque, rc) }?;
    // A driver that accepted a second registration dropped the first.
    let previous = take_close_callback(conn);
    close_callbacks().push(((C::CLASS, conn as usize), opaque as usize));
    if let Some(old) = previous {
        // SAFETY: ours, and no driver holds it any more.
        unsafe { Callback::reclaim(old) };
    }
    raise_pending()
}

/// `$conn->unregister_close_callback()` of a connection class `C`:
/// returns quietly whatever libvirt says, as the original (cleanup code
/// runs it when nothing is registered, or after the daemon dropped the
/// connection).
pub(crate) fn unregister_close<C: Handle>(
    xs: &mut Xs,
    unregister: UnregisterCloseFn<C>,
    is_alive: unsafe extern "C" fn(*mut C) -> c_int,
    fired: CloseFn<C>,
) -> XsResult {
    let conn = xs.handle::<C>(0)?;
    // SAFETY: live connection.
    let rc = unsafe { unregister(conn, Some(fired)) };
    // A failed unregistration leaves the callback with libvirt, except on
    // a dead connection: its client has closed and calls it no more.
    // SAFETY: live connection.
    if rc >= 0 || unsafe { is_alive(conn) } == 0 {
        if let Some(old) = take_close_callback(conn) {
            // SAFETY: libvirt no longer calls it.
            unsafe { Callback::reclaim(old) };
        }
    }
    raise_pending()
}

/// `$conn->register_close_callback($coderef)`
pub(crate) fn register_close_callback(xs: &mut Xs) -> XsResult {
    register_close(xs, sys::virConnectRegisterCloseCallback, close_fired)
}

/// `$conn->unregister_close_callback()`
pub(crate) fn unregister_close_callback(xs: &mut Xs) -> XsResult {
    unregister_close(
        xs,
        sys::virConnectUnregisterCloseCallback,
        sys::virConnectIsAlive,
        close_fired,
    )
}
