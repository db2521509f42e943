//! Sys::Virt::Event: libvirt's event loop, from Perl.
//!
//! - the default implementation (`register_default`, `run_default`) and
//!   the handle/timeout API (`add_handle`... `remove_timeout`);
//! - an event loop written in Perl (`Sys::Virt::Event::register($impl)`):
//!   `_register_impl` installs hooks that call the `.pm`'s `_add_handle`...
//!   subs, and the `_run_*_callback_helper` / `_free_callback_opaque_helper`
//!   subs of `Sys::Virt::EventImpl` (the base class of such loops, where
//!   Sys::Virt 9.7.0 moved them from `Sys::Virt::Event`) let that loop run
//!   libvirt's callbacks;
//! - what every callback into Perl shares: a die in a Perl callback is
//!   caught (`G_EVAL`, rule 4 of docs/perl-rust-boundary.md), kept as the
//!   pending failure of this thread and raised once control is back in the
//!   XS sub that entered libvirt ([`raise_pending`]). An `exit` in a Perl
//!   callback ends the program once the XS sub returns, unless a die was
//!   pending first (the first pending event wins).

use crate::error::{self, check};
use crate::perl::{
    self, catch_callback_panic, CallArgs, NewSv, Perl, Sv, Thrown, Xs, XsError, XsResult,
};
use std::cell::RefCell;
use std::ffi::CStr;
use std::os::raw::{c_int, c_void};
use std::sync::Mutex;
use virt_sys as sys;

// ---- the pending failure of a callback ----------------------------------

/// The first die of a Perl callback run from inside libvirt on this
/// thread, not yet raised. Dropped without touching Perl at thread exit
/// (the interpreter may be gone by then).
struct Pending(Option<NewSv>);

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(v) = self.0.take() {
            std::mem::forget(v);
        }
    }
}

thread_local! {
    static PENDING: RefCell<Pending> = const { RefCell::new(Pending(None)) };
}

/// Keep `err` (a callback's `$@`) to raise later; the first pending event
/// wins (an earlier die, or an `exit` waiting to be performed).
pub fn keep_failure(err: NewSv) {
    if perl::exit_pending() {
        return;
    }
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if p.0.is_none() {
            p.0 = Some(err);
        }
    });
}

/// A callback called `exit`: it is performed when the XS sub returns,
/// unless a die is already pending, which wins.
fn keep_exit() {
    if PENDING.with(|p| p.borrow().0.is_some()) {
        perl::discard_pending_exit();
    }
}

/// `Err` with the pending failure, if a callback died since the last call.
pub fn raise_pending() -> XsResult {
    match PENDING.with(|p| p.borrow_mut().0.take()) {
        Some(err) => Err(XsError::DieWith(err)),
        None => Ok(()),
    }
}

/// Call a Perl callback for its effect from inside libvirt, in scalar
/// context as the original does (its value is dropped): under `G_EVAL`,
/// its die kept as the pending failure.
pub fn call_callback_discard<const CAP: usize>(perl: Perl, cb: Sv, args: CallArgs<CAP>) {
    match perl.call_discard_handing(cb, args) {
        Ok(()) => {}
        Err(Thrown::Died(err)) => keep_failure(err),
        Err(Thrown::Exit) => keep_exit(),
    }
}

/// The most arguments an event callback gets: the connection or stream,
/// then up to six (a domain graphics event's).
const MAX_EVENT_ARGS: usize = 8;

/// The arguments of an event callback, built on the stack.
pub type EventArgs = CallArgs<MAX_EVENT_ARGS>;

/// After a call that may have run callbacks returned `rc`: a callback's
/// die first, then libvirt's error.
pub fn raise_after(rc: c_int) -> XsResult {
    let failed = (rc < 0).then(error::last);
    raise_pending()?;
    failed.map_or(Ok(()), Err)
}

/// After a registration that handed libvirt callback data returned `rc`:
/// when it failed, `reclaim` the data (libvirt did not keep it) and raise
/// libvirt's error. A callback's die comes first either way; `rc` else.
pub fn after_register(rc: c_int, reclaim: impl FnOnce()) -> Result<c_int, XsError> {
    if rc < 0 {
        let e = error::last();
        reclaim();
        raise_pending()?;
        return Err(e);
    }
    raise_pending()?;
    Ok(rc)
}

/// Run the body of a C callback libvirt called: a panic never crosses
/// back into libvirt (rule 3); it becomes the pending failure.
pub fn guard<R>(perl: Perl, what: &str, fallback: R, body: impl FnOnce() -> R) -> R {
    match catch_callback_panic(what, || Ok(body())) {
        Ok(r) => r,
        Err(e) => {
            let msg = match e {
                XsError::Die(msg) => msg,
                _ => format!("{what}: internal error"),
            };
            keep_failure(perl.new_str(&format!("{msg}\n")));
            fallback
        }
    }
}

// ---- the default implementation ------------------------------------------

/// `Sys::Virt::Event::register_default()`
pub(crate) fn register_default(_xs: &mut Xs) -> XsResult {
    // SAFETY: no arguments; libvirt makes repeated calls harmless.
    check(unsafe { sys::virEventRegisterDefaultImpl() })?;
    Ok(())
}

/// `Sys::Virt::Event::run_default()`: one iteration of the default loop;
/// a die in a callback it ran is raised once libvirt has returned.
pub(crate) fn run_default(_xs: &mut Xs) -> XsResult {
    // SAFETY: no arguments; the callbacks it runs never unwind.
    raise_after(unsafe { sys::virEventRunDefaultImpl() })
}

/// A Perl callback given to `add_handle`/`add_timeout`, owned by libvirt
/// until it calls [`free_watch`].
struct Watch {
    perl: Perl,
    cb: NewSv,
}

fn new_watch(xs: &Xs, i: usize) -> Result<*mut Watch, XsError> {
    let perl = xs.perl;
    // A copy of the argument: the caller changing its variable later
    // changes nothing here.
    let cb = perl.new_copy(xs.arg(i))?;
    Ok(Box::into_raw(Box::new(Watch { perl, cb })))
}

/// virFreeCallback of a [`Watch`].
unsafe extern "C" fn free_watch(opaque: *mut c_void) {
    if opaque.is_null() {
        return;
    }
    // SAFETY: libvirt hands back the Watch we leaked, exactly once.
    let w = unsafe { Box::from_raw(opaque as *mut Watch) };
    let perl = w.perl;
    guard(perl, "Sys::Virt::Event", (), move || drop(w));
}

/// Calls the Perl callback of a [`Watch`] with `args`.
fn fire<const N: usize>(opaque: *mut c_void, args: impl FnOnce(Perl) -> [NewSv; N]) {
    if opaque.is_null() {
        return;
    }
    // SAFETY: `opaque` is a live Watch: libvirt frees it only after the
    // watch is removed and no callback of it is running.
    let w = unsafe { &*(opaque as *const Watch) };
    let perl = w.perl;
    guard(perl, "Sys::Virt::Event", (), || {
        let cb = perl.retain(w.cb.as_sv());
        let mut all = CallArgs::<N>::new(perl);
        args(perl).into_iter().for_each(|a| all.push(a));
        call_callback_discard(perl, cb.as_sv(), all);
    });
}

unsafe extern "C" fn handle_fired(watch: c_int, fd: c_int, events: c_int, opaque: *mut c_void) {
    fire(opaque, |perl| {
        [
            perl.new_i64(watch.into()),
            perl.new_i64(fd.into()),
            perl.new_i64(events.into()),
        ]
    });
}

unsafe extern "C" fn timeout_fired(timer: c_int, opaque: *mut c_void) {
    fire(opaque, |perl| [perl.new_i64(timer.into())]);
}

/// After `virEventAddHandle`/`virEventAddTimeout` returned `id` for the
/// watch `w`: return the id (see [`after_register`]).
fn ret_added(xs: &mut Xs, w: *mut Watch, id: c_int) -> XsResult {
    // SAFETY: run only when libvirt refused `w`, so we still own it.
    let id = after_register(id, || drop(unsafe { Box::from_raw(w) }))?;
    xs.ret_i64(id.into())
}

/// `update_handle`/`update_timeout`: `f($id, $events_or_frequency)`.
pub(crate) fn update(xs: &mut Xs, f: unsafe extern "C" fn(c_int, c_int)) -> XsResult {
    let (id, value) = (xs.i32(0)?, xs.i32(1)?);
    // SAFETY: plain integers.
    unsafe { f(id, value) };
    raise_pending()
}

/// `remove_handle`/`remove_timeout`: `f($id)`.
pub(crate) fn remove(xs: &mut Xs, f: unsafe extern "C" fn(c_int) -> c_int) -> XsResult {
    let id = xs.i32(0)?;
    // SAFETY: a plain integer.
    raise_after(unsafe { f(id) })
}

/// `Sys::Virt::Event::add_handle($fd, $events, $coderef)`
pub(crate) fn add_handle(xs: &mut Xs) -> XsResult {
    let fd = xs.i32(0)?;
    let events = xs.i32(1)?;
    let w = new_watch(xs, 2)?;
    // SAFETY: `w` is ours until libvirt accepts it (then it calls
    // free_watch once); the callbacks match libvirt's signatures.
    let watch = unsafe {
        sys::virEventAddHandle(fd, events, Some(handle_fired), w.cast(), Some(free_watch))
    };
    ret_added(xs, w, watch)
}

/// `Sys::Virt::Event::add_timeout($frequency, $coderef)`
pub(crate) fn add_timeout(xs: &mut Xs) -> XsResult {
    let frequency = xs.i32(0)?;
    let w = new_watch(xs, 1)?;
    // SAFETY: as in add_handle.
    let timer = unsafe {
        sys::virEventAddTimeout(frequency, Some(timeout_fired), w.cast(), Some(free_watch))
    };
    ret_added(xs, w, timer)
}

// ---- an event loop written in Perl ---------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Handle,
    Timeout,
}

/// A handle or timeout libvirt added to the Perl event loop. The Perl side
/// only sees the pointers as references to integers; they are checked
/// against this list before use, so a forged, stale or already freed
/// pointer is refused instead of being called, and data still in use
/// (registered, or its callback running) is never freed.
#[derive(Clone, Copy)]
struct Registered {
    /// Unique for the life of the process: finds the entry again after
    /// Perl code ran (the list may have changed meanwhile).
    serial: u64,
    kind: Kind,
    id: c_int,
    cb: usize,
    opaque: usize,
    ff: usize,
    removed: bool,
    /// Calls of its callback in progress (`_run_*_callback_helper`).
    running: u32,
}

/// The Perl event loop's registrations not yet freed (process-wide, as
/// libvirt's event implementation is), with the next serial.
static REGISTERED: Mutex<(Vec<Registered>, u64)> = Mutex::new((Vec::new(), 0));

fn registered() -> std::sync::MutexGuard<'static, (Vec<Registered>, u64)> {
    REGISTERED.lock().unwrap_or_else(|e| e.into_inner())
}

/// `Sys::Virt::Event::_register_impl()`: route libvirt's event loop to
/// the Perl implementation `register` stored.
pub(crate) fn register_impl(_xs: &mut Xs) -> XsResult {
    // SAFETY: the hooks match libvirt's signatures and never unwind.
    unsafe {
        sys::virEventRegisterImpl(
            Some(hook_add_handle),
            Some(hook_update_handle),
            Some(hook_remove_handle),
            Some(hook_add_timeout),
            Some(hook_update_timeout),
            Some(hook_remove_timeout),
        )
    };
    Ok(())
}

/// Call `Sys::Virt::Event::<name>` with `args` (a hook of the Perl event
/// loop): `None` when there is no interpreter on this thread or the sub
/// died. Its die (or a panic here) is kept for the XS call that made
/// libvirt call the hook, which raises it once it returns
/// ([`perl::keep_hook_failure`]).
fn call_impl(name: &CStr, args: impl FnOnce(Perl) -> Vec<NewSv>) -> Option<NewSv> {
    let perl = Perl::current()?;
    let failed = |msg: String| {
        perl::keep_hook_failure(perl.new_str(&msg));
        None
    };
    let run = catch_callback_panic("Sys::Virt::Event", || {
        let Some(sub) = perl.sub_named(name) else {
            return Ok(failed(format!(
                "{} is not defined\n",
                name.to_string_lossy()
            )));
        };
        let args = args(perl);
        let args: Vec<Sv> = args.iter().map(NewSv::as_sv).collect();
        Ok(match perl.call(sub.as_sv(), &args) {
            Ok(v) => Some(v),
            Err(Thrown::Died(err)) => {
                perl::keep_hook_failure(err);
                None
            }
            // performed by the XS call once libvirt returned
            Err(Thrown::Exit) => None,
        })
    });
    match run {
        Ok(v) => v,
        Err(XsError::Die(msg)) => failed(format!("{msg}\n")),
        Err(_) => failed("Sys::Virt::Event: internal error\n".into()),
    }
}

/// `\$address`, as the original passes libvirt's pointers to Perl.
fn pointer_ref(perl: Perl, p: usize) -> NewSv {
    perl.new_ref(perl.new_u64(p as u64))
}

/// The int a hook's Perl sub returned (a watch or timer id), -1 on failure.
fn returned_id(ret: Option<NewSv>) -> c_int {
    let Some(ret) = ret else { return -1 };
    let Some(perl) = Perl::current() else {
        return -1;
    };
    match perl.to_i64(ret.as_sv()) {
        Ok(v) => v.clamp(-1, c_int::MAX as i64) as c_int,
        Err(_) => -1,
    }
}

fn add_registration(kind: Kind, id: c_int, cb: usize, opaque: usize, ff: usize) {
    if id >= 0 {
        let mut guard = registered();
        let (list, next) = &mut *guard;
        *next += 1;
        list.push(Registered {
            serial: *next,
            kind,
            id,
            cb,
            opaque,
            ff,
            removed: false,
            running: 0,
        });
    }
}

fn mark_removed(kind: Kind, id: c_int) {
    for r in registered()
        .0
        .iter_mut()
        .filter(|r| r.kind == kind && r.id == id)
    {
        r.removed = true;
    }
}

/// Registers a watch or timer with the Perl implementation (`sub`, called
/// with `leading` values then the callback, opaque and free-callback
/// pointers) and records it; returns the implementation's id.
fn add_to_impl(
    kind: Kind,
    sub: &CStr,
    leading: &[c_int],
    cbp: usize,
    opaque: *mut c_void,
    ff: sys::virFreeCallback,
) -> c_int {
    let (op, ffp) = (opaque as usize, ff.map_or(0, |f| f as usize));
    let ret = call_impl(sub, |perl| {
        let mut args: Vec<NewSv> = leading.iter().map(|&v| perl.new_i64(v.into())).collect();
        args.extend([
            pointer_ref(perl, cbp),
            pointer_ref(perl, op),
            pointer_ref(perl, ffp),
        ]);
        args
    });
    let id = returned_id(ret);
    add_registration(kind, id, cbp, op, ffp);
    id
}

/// Changes a watch's events or a timer's interval in the Perl
/// implementation.
fn update_in_impl(sub: &CStr, id: c_int, value: c_int) {
    call_impl(sub, |perl| {
        vec![perl.new_i64(id.into()), perl.new_i64(value.into())]
    });
}

/// Removes a watch or timer from the Perl implementation: -1 when the
/// implementation died or returned a negative number (an id it does not
/// know, as libvirt's own loop), 0 otherwise (the original's value for
/// anything else).
fn remove_from_impl(kind: Kind, sub: &CStr, id: c_int) -> c_int {
    mark_removed(kind, id);
    let Some(ret) = call_impl(sub, |perl| vec![perl.new_i64(id.into())]) else {
        return -1;
    };
    let Some(perl) = Perl::current() else {
        return 0;
    };
    let refused = perl.is_defined(ret.as_sv()).unwrap_or(false)
        && perl.to_i64(ret.as_sv()).is_ok_and(|v| v < 0);
    if refused {
        -1
    } else {
        0
    }
}

unsafe extern "C" fn hook_add_handle(
    fd: c_int,
    events: c_int,
    cb: sys::virEventHandleCallback,
    opaque: *mut c_void,
    ff: sys::virFreeCallback,
) -> c_int {
    let cbp = cb.map_or(0, |f| f as usize);
    add_to_impl(
        Kind::Handle,
        c"Sys::Virt::Event::_add_handle",
        &[fd, events],
        cbp,
        opaque,
        ff,
    )
}

unsafe extern "C" fn hook_update_handle(watch: c_int, events: c_int) {
    update_in_impl(c"Sys::Virt::Event::_update_handle", watch, events);
}

unsafe extern "C" fn hook_remove_handle(watch: c_int) -> c_int {
    remove_from_impl(Kind::Handle, c"Sys::Virt::Event::_remove_handle", watch)
}

unsafe extern "C" fn hook_add_timeout(
    interval: c_int,
    cb: sys::virEventTimeoutCallback,
    opaque: *mut c_void,
    ff: sys::virFreeCallback,
) -> c_int {
    let cbp = cb.map_or(0, |f| f as usize);
    add_to_impl(
        Kind::Timeout,
        c"Sys::Virt::Event::_add_timeout",
        &[interval],
        cbp,
        opaque,
        ff,
    )
}

unsafe extern "C" fn hook_update_timeout(timer: c_int, interval: c_int) {
    update_in_impl(c"Sys::Virt::Event::_update_timeout", timer, interval);
}

unsafe extern "C" fn hook_remove_timeout(timer: c_int) -> c_int {
    remove_from_impl(Kind::Timeout, c"Sys::Virt::Event::_remove_timeout", timer)
}

/// The address in a `\$address` argument (undef reads as 0).
fn pointer_arg(xs: &Xs, i: usize) -> Result<usize, XsError> {
    let sv = xs.arg(i);
    if !xs.perl.is_defined(sv)? {
        return Ok(0);
    }
    match xs.perl.scalar_ref(sv) {
        Some(inner) => Ok(xs.perl.to_u64(inner)? as usize),
        None => xs.die(format!(
            "{} must be a reference to a libvirt pointer",
            xs.arg_name(i)
        )),
    }
}

/// Marks the live registration `id` of `kind` with these pointers as
/// running its callback; returns it, or `None` when there is none (never
/// added, removed, or freed).
fn start_running(kind: Kind, id: c_int, cb: usize, opaque: usize) -> Option<Registered> {
    let mut guard = registered();
    let r = guard
        .0
        .iter_mut()
        .find(|r| r.kind == kind && r.id == id && r.cb == cb && r.opaque == opaque && !r.removed)?;
    r.running += 1;
    Some(*r)
}

/// The callback of `r` (from [`start_running`]) returned.
fn stop_running(r: &Registered) {
    if let Some(r) = registered().0.iter_mut().find(|x| x.serial == r.serial) {
        r.running -= 1;
    }
}

/// `_run_handle_callback_helper($watch, $fd, $events, $cbref, $opaqueref)`
pub(crate) fn run_handle_callback_helper(xs: &mut Xs) -> XsResult {
    let (watch, fd, events) = (xs.i32(0)?, xs.i32(1)?, xs.i32(2)?);
    let (cb, opaque) = (pointer_arg(xs, 3)?, pointer_arg(xs, 4)?);
    let Some(r) = start_running(Kind::Handle, watch, cb, opaque) else {
        return xs.die("not the callback of a live handle watch");
    };
    // SAFETY: `r.cb` is the virEventHandleCallback libvirt gave the hook
    // for this live watch, with its opaque data (checked above), which
    // cannot be freed while the callback runs (`running`).
    unsafe {
        let f: unsafe extern "C" fn(c_int, c_int, c_int, *mut c_void) = std::mem::transmute(r.cb);
        f(watch, fd, events, r.opaque as *mut c_void);
    }
    stop_running(&r);
    raise_pending()
}

/// `_run_timeout_callback_helper($timer, $cbref, $opaqueref)`
pub(crate) fn run_timeout_callback_helper(xs: &mut Xs) -> XsResult {
    let timer = xs.i32(0)?;
    let (cb, opaque) = (pointer_arg(xs, 1)?, pointer_arg(xs, 2)?);
    let Some(r) = start_running(Kind::Timeout, timer, cb, opaque) else {
        return xs.die("not the callback of a live timeout");
    };
    // SAFETY: `r.cb` is the virEventTimeoutCallback libvirt gave the hook
    // for this live timeout, with its opaque data (checked above), which
    // cannot be freed while the callback runs (`running`).
    unsafe {
        let f: unsafe extern "C" fn(c_int, *mut c_void) = std::mem::transmute(r.cb);
        f(timer, r.opaque as *mut c_void);
    }
    stop_running(&r);
    raise_pending()
}

/// `_free_callback_opaque_helper($ffref, $opaqueref)`: frees the data of
/// a removed handle or timeout, once, and never while it is still
/// registered or its callback runs (libvirt would use freed memory).
pub(crate) fn free_callback_opaque_helper(xs: &mut Xs) -> XsResult {
    let (ff, opaque) = (pointer_arg(xs, 0)?, pointer_arg(xs, 1)?);
    let found = {
        let mut guard = registered();
        let list = &mut guard.0;
        let mine = |r: &&Registered| r.ff == ff && r.opaque == opaque;
        // (libvirt may have added the same data again since)
        match list
            .iter()
            .position(|r| r.ff == ff && r.opaque == opaque && r.removed && r.running == 0)
        {
            Some(i) => Ok(Some(list.swap_remove(i))),
            None if list.iter().filter(mine).any(|r| r.removed) => {
                Err("its callback is still running: free it once that returned")
            }
            None if list.iter().any(|r| mine(&r)) => Err("it is still registered: remove it first"),
            None => Ok(None),
        }
    };
    if ff == 0 || opaque == 0 {
        return Ok(());
    }
    let found = match found {
        Ok(found) => found,
        Err(why) => {
            return xs.die(format!(
                "cannot free the data of a handle or timeout: {why}"
            ))
        }
    };
    if found.is_none() {
        return xs.die("not the data of a handle or timeout, or already freed");
    }
    // SAFETY: `ff` is the virFreeCallback libvirt gave a hook for
    // `opaque`, removed and idle; its registration was just dropped, so
    // this runs once.
    unsafe {
        let f: unsafe extern "C" fn(*mut c_void) = std::mem::transmute(ff);
        f(opaque as *mut c_void);
    }
    raise_pending()
}

// ---- callbacks of objects (connection events, close, streams) -------------

/// The opaque data of an object's event callback: the interpreter (rule
/// 5), our own copy of the object reference passed first to the callback
/// (it keeps the object alive while registered, as in the original), and
/// the Perl callback. Owned by libvirt from registration until it calls
/// [`free_callback`], exactly once.
pub struct Callback {
    perl: Perl,
    owner: NewSv,
    cb: NewSv,
}

impl Callback {
    /// Opaque data for libvirt: `owner` and `cb` are copied (changing the
    /// caller's variables later changes nothing here).
    pub fn leak(perl: Perl, owner: Sv, cb: Sv) -> Result<*mut c_void, XsError> {
        let owner = perl.new_copy(owner)?;
        let cb = perl.new_copy(cb)?;
        Ok(Box::into_raw(Box::new(Callback { perl, owner, cb })).cast())
    }

    /// Free data libvirt refused (its registration failed).
    ///
    /// # Safety
    /// `opaque` came from [`Callback::leak`] and libvirt does not hold it.
    pub unsafe fn reclaim(opaque: *mut c_void) {
        // SAFETY: per the contract, we are its only owner.
        drop(unsafe { Box::from_raw(opaque as *mut Callback) });
    }

    /// After a registration given `opaque` returned `rc`: see
    /// [`after_register`] (the data is reclaimed when libvirt refused it).
    ///
    /// # Safety
    /// `opaque` came from [`Callback::leak`]; libvirt holds it only if
    /// `rc >= 0`.
    pub unsafe fn after_register(opaque: *mut c_void, rc: c_int) -> Result<c_int, XsError> {
        // SAFETY: run only when the registration failed (contract).
        after_register(rc, || unsafe { Callback::reclaim(opaque) })
    }

    /// Call the Perl callback of `opaque` as `$cb->($owner, @args)` under
    /// G_EVAL; its die becomes the pending failure, a panic too.
    ///
    /// # Safety
    /// `opaque` is live data from [`Callback::leak`] that libvirt passed to
    /// one of its callbacks.
    pub unsafe fn fire<const N: usize>(opaque: *mut c_void, args: impl FnOnce(Perl) -> [NewSv; N]) {
        // SAFETY: per the contract.
        unsafe { Callback::fire_lending(opaque, |_| (), args) }
    }

    /// [`Callback::fire`] for `$cb->($owner, $object, @args)`, where
    /// `object` pushes the event's object (lent to the call, see
    /// [`CallArgs::push_lent`]).
    ///
    /// # Safety
    /// As [`Callback::fire`].
    pub unsafe fn fire_lending<const N: usize>(
        opaque: *mut c_void,
        object: impl FnOnce(&mut EventArgs),
        args: impl FnOnce(Perl) -> [NewSv; N],
    ) {
        // the owner, the object and the arguments
        const { assert!(N + 2 <= MAX_EVENT_ARGS) };
        if opaque.is_null() {
            return;
        }
        // SAFETY: per the contract, libvirt keeps it alive during the call.
        let c = unsafe { &*(opaque as *const Callback) };
        let perl = c.perl;
        guard(perl, "Sys::Virt event callback", (), || {
            // Our own references for the call: the callback may unregister
            // itself (libvirt may then free `c` right after we return).
            let cb = perl.retain(c.cb.as_sv());
            // ($owner, $object, @args) on our stack: no allocation per event.
            let mut all = EventArgs::new(perl);
            all.push(perl.retain(c.owner.as_sv()));
            object(&mut all);
            args(perl).into_iter().for_each(|a| all.push(a));
            call_callback_discard(perl, cb.as_sv(), all);
        });
    }
}

/// virFreeCallback of a [`Callback`].
pub unsafe extern "C" fn free_callback(opaque: *mut c_void) {
    if opaque.is_null() {
        return;
    }
    // SAFETY: libvirt hands back data from Callback::leak, exactly once.
    let c = unsafe { Box::from_raw(opaque as *mut Callback) };
    let perl = c.perl;
    guard(perl, "Sys::Virt event callback", (), move || drop(c));
}
