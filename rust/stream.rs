//! `Sys::Virt::Stream`.
//!
//! The `*_all` methods hand libvirt C callbacks that call the user's Perl
//! handlers from inside `virStreamSendAll` & co. Each callback runs under
//! `catch_unwind`, calls Perl with `G_EVAL` (a `die` never unwinds through
//! libvirt), and on failure returns -1 so that libvirt aborts the stream;
//! the handler's `$@` is raised once libvirt has returned.

use crate::error::{self, check, check_ptr};
use crate::event::{free_callback, raise_after, Callback};
use crate::perl::{catch_callback_panic, NewSv, Perl, Sv, Xs, XsError, XsResult};
use std::os::raw::{c_char, c_int, c_longlong, c_void};
use virt_sys as sys;

/// `_new_obj($con, $flags=0)`: `virStreamNew`.
pub(crate) fn new_obj(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `con` is live.
    let st = check_ptr(unsafe { sys::virStreamNew(con, flags) })?;
    // SAFETY: `st` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(st) }
}

/// `$st->send($data, $nbytes)`: bytes sent, or -2 when a non-blocking
/// stream would block. At most `length($data)` bytes are sent.
pub(crate) fn send(xs: &mut Xs) -> XsResult {
    let st = xs.handle::<sys::virStream>(0)?;
    let nbytes = xs.u64(2)?;
    let rc = {
        let data: &[u8] = if xs.perl.is_defined(xs.arg(1))? {
            xs.bytes(1)?
        } else {
            b""
        };
        let n = usize::try_from(nbytes)
            .unwrap_or(usize::MAX)
            .min(data.len());
        // SAFETY: `st` is live; `data` holds
        // at least `n` bytes and outlives the call.
        unsafe { sys::virStreamSend(st, data.as_ptr() as *const c_char, n) }
    };
    if rc < 0 && rc != -2 {
        return Err(error::last());
    }
    xs.ret_i64(rc as i64)
}

/// `$st->recv($data, $nbytes, $flags=0)`: stores what it read in `$data`
/// and returns its length; 0 at the end of the stream (`$data` left as
/// it was), -2 when a non-blocking stream would block, -3 at a hole with
/// `RECV_STOP_AT_HOLE`.
pub(crate) fn recv(xs: &mut Xs) -> XsResult {
    let st = xs.handle::<sys::virStream>(0)?;
    let nbytes = usize::try_from(xs.u64(2)?).unwrap_or(usize::MAX);
    let flags = xs.flags(3)?;
    let mut buf: Vec<u8> = Vec::new();
    if buf.try_reserve_exact(nbytes).is_err() {
        return xs.die(format!("cannot allocate a buffer of {nbytes} bytes"));
    }
    let ptr = buf.as_mut_ptr() as *mut c_char;
    // SAFETY: `st` is live; `ptr` has room
    // for `nbytes` bytes.
    let rc = unsafe {
        if flags != 0 {
            sys::virStreamRecvFlags(st, ptr, nbytes, flags)
        } else {
            sys::virStreamRecv(st, ptr, nbytes)
        }
    };
    if rc < 0 && rc != -2 && rc != -3 {
        return Err(error::last());
    }
    if rc > 0 {
        // SAFETY: libvirt initialised the first `rc` (<= nbytes) bytes.
        unsafe { buf.set_len((rc as usize).min(nbytes)) };
        xs.perl.set_bytes(xs.arg(1), &buf)?;
    }
    xs.ret_i64(rc as i64)
}

/// `$st->recv_hole($flags=0)`: the length of the hole at the current
/// position.
pub(crate) fn recv_hole(xs: &mut Xs) -> XsResult {
    let st = xs.handle::<sys::virStream>(0)?;
    let flags = xs.flags(1)?;
    let mut len: c_longlong = 0;
    // SAFETY: `st` as above; out-pointer to a local.
    check(unsafe { sys::virStreamRecvHole(st, &mut len, flags) })?;
    xs.ret_i64(len)
}

/// `$st->send_hole($length, $flags=0)`
pub(crate) fn send_hole(xs: &mut Xs) -> XsResult {
    let st = xs.handle::<sys::virStream>(0)?;
    let length = xs.i64(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `st` as above.
    check(unsafe { sys::virStreamSendHole(st, length, flags) })?;
    Ok(())
}

// ---- the *_all methods and their callbacks ------------------------------

/// What the C callbacks of one `*_all` call need: the interpreter (rule
/// 5), the stream object and handlers (our own references, so a handler
/// dropping its variables frees nothing in use), and why a handler failed.
struct Handlers {
    perl: Perl,
    stream: NewSv,
    data: NewSv,
    hole: Option<NewSv>,
    skip: Option<NewSv>,
    /// The first failure of a handler (its `$@`); raised after libvirt
    /// returns.
    error: Option<XsError>,
}

impl Handlers {
    /// The value of `r`, or `None` with its error kept as the failure.
    fn ok<T>(&mut self, r: Result<T, XsError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// Call the handler `pick` selects (`None`: there is none) as
    /// `$handler->($st, @args)` under `G_EVAL`; on a die keep `$@` and
    /// return `None`.
    fn call(&mut self, pick: fn(&Handlers) -> Option<&NewSv>, args: &[Sv]) -> Option<NewSv> {
        let cb = pick(self)?;
        let mut all = vec![self.stream.as_sv()];
        all.extend_from_slice(args);
        let r = self.perl.call(cb.as_sv(), &all).map_err(XsError::from);
        self.ok(r)
    }

    /// A handler's return value as a C int, saturating (a huge count must
    /// not wrap to 0 or a negative "error").
    fn int(&mut self, v: Sv) -> Option<c_int> {
        let n = self.ok(self.perl.to_i64(v))?;
        Some(n.clamp(c_int::MIN as i64, c_int::MAX as i64) as c_int)
    }
}

/// Run a callback body against the `Handlers` behind `opaque`: never
/// unwinds (rule 3 of docs/perl-rust-boundary.md), and once a handler has
/// failed every later call fails too, so libvirt stops.
fn guarded(opaque: *mut c_void, body: impl FnOnce(&mut Handlers) -> Option<c_int>) -> c_int {
    // SAFETY: `opaque` is the `Handlers` of the XS call that is inside
    // libvirt right now, on this thread; nothing else borrows it.
    let h = unsafe { &mut *(opaque as *mut Handlers) };
    if h.error.is_some() {
        return -1;
    }
    let ran = catch_callback_panic("Sys::Virt::Stream: a stream handler", || Ok(body(&mut *h)));
    match ran {
        Ok(rc) => rc.unwrap_or(-1),
        Err(e) => {
            h.error = Some(e);
            -1
        }
    }
}

/// Sink of `recv_all`/`sparse_recv_all`: `$handler->($st, $data, $nbytes)`
/// returns how many bytes it consumed (libvirt calls again with the rest).
unsafe extern "C" fn sink(
    _st: sys::virStreamPtr,
    data: *const c_char,
    nbytes: usize,
    opaque: *mut c_void,
) -> c_int {
    guarded(opaque, |h| {
        let bytes = if data.is_null() {
            &[][..]
        } else {
            // SAFETY: libvirt passes `nbytes` readable bytes at `data`.
            unsafe { std::slice::from_raw_parts(data as *const u8, nbytes) }
        };
        let data = h.perl.new_bytes(bytes);
        let n = h.perl.new_u64(nbytes as u64);
        let ret = h.call(|h| Some(&h.data), &[data.as_sv(), n.as_sv()])?;
        h.int(ret.as_sv())
    })
}

/// Source of `send_all`/`sparse_send_all`: `$handler->($st, $data,
/// $nbytes)` fills `$data` and returns how many bytes it put there (0 at
/// the end). We copy no more than it returned, than `$nbytes`, and than
/// `$data` really holds, and return what we copied.
unsafe extern "C" fn source(
    _st: sys::virStreamPtr,
    data: *mut c_char,
    nbytes: usize,
    opaque: *mut c_void,
) -> c_int {
    guarded(opaque, |h| {
        let buf = h.perl.new_bytes(b"");
        let n = h.perl.new_u64(nbytes as u64);
        let ret = h.call(|h| Some(&h.data), &[buf.as_sv(), n.as_sv()])?;
        let want = h.int(ret.as_sv())?;
        if want <= 0 {
            return Some(want);
        }
        let filled = h.ok(h.perl.to_bytes(buf.as_sv()))?;
        let count = (want as usize).min(nbytes).min(filled.len());
        if count > 0 && !data.is_null() {
            // SAFETY: libvirt's buffer holds `nbytes` >= `count` bytes;
            // `filled` holds at least `count`; they cannot overlap.
            unsafe { std::ptr::copy_nonoverlapping(filled.as_ptr(), data as *mut u8, count) };
        }
        Some(count as c_int)
    })
}

/// `$handler->($st, $length)` for the handler `which` picks.
fn length_handler(
    opaque: *mut c_void,
    length: c_longlong,
    which: fn(&Handlers) -> Option<&NewSv>,
) -> c_int {
    guarded(opaque, |h| {
        let len = h.perl.new_i64(length);
        let ret = h.call(which, &[len.as_sv()])?;
        h.int(ret.as_sv())
    })
}

/// Hole handler of `sparse_recv_all`: `$hole_handler->($st, $length)`.
unsafe extern "C" fn sink_hole(
    _st: sys::virStreamPtr,
    length: c_longlong,
    opaque: *mut c_void,
) -> c_int {
    length_handler(opaque, length, |h| h.hole.as_ref())
}

/// Hole handler of `sparse_send_all`: `$hole_handler->($st)` returns
/// `($in_data, $section_len)`; anything but two values is a failure.
unsafe extern "C" fn source_hole(
    _st: sys::virStreamPtr,
    in_data: *mut c_int,
    length: *mut c_longlong,
    opaque: *mut c_void,
) -> c_int {
    guarded(opaque, |h| {
        let cb = h.hole.as_ref()?.as_sv();
        let values = match h.perl.call_list(cb, &[h.stream.as_sv()]) {
            Ok(values) if values.len() == 2 => Ok(values),
            Ok(values) => Err(XsError::Die(format!(
                "Sys::Virt::Stream::sparse_send_all: the hole handler returned {} values, not (in_data, length)",
                values.len()
            ))),
            Err(thrown) => Err(thrown.into()),
        };
        let values = h.ok(values)?;
        let flag = h.int(values[0].as_sv())?;
        let len = h.ok(h.perl.to_i64(values[1].as_sv()))?;
        // SAFETY: libvirt passes valid out-pointers.
        unsafe {
            *in_data = flag;
            *length = len;
        }
        Some(0)
    })
}

/// Skip handler of `sparse_send_all`: `$skip_handler->($st, $length)`.
unsafe extern "C" fn source_skip(
    _st: sys::virStreamPtr,
    length: c_longlong,
    opaque: *mut c_void,
) -> c_int {
    length_handler(opaque, length, |h| h.skip.as_ref())
}

/// One extra libvirt reference to the stream for the length of a `*_all`
/// call, so a handler that destroys the Perl object frees nothing in use.
struct StreamRef(sys::virStreamPtr);

impl StreamRef {
    fn new(st: sys::virStreamPtr) -> Result<StreamRef, XsError> {
        // SAFETY: `st` is live.
        check(unsafe { sys::virStreamRef(st) })?;
        Ok(StreamRef(st))
    }
}

impl Drop for StreamRef {
    fn drop(&mut self) {
        // SAFETY: releases the reference taken in `new`.
        unsafe { sys::virStreamFree(self.0) };
    }
}

/// Argument `i` as a handler: a code reference, or (as Perl's `call_sv`
/// allows) the name of a sub. undef, hash and array references are
/// refused up front rather than when libvirt first calls back.
fn handler_arg(xs: &Xs, i: usize) -> Result<NewSv, XsError> {
    let sv = xs.arg(i);
    let p = xs.perl;
    if !p.is_code_ref(sv)
        && (!p.is_defined(sv)? || p.hash_ref(sv).is_some() || p.array_ref(sv).is_some())
    {
        return xs.die(format!("{} must be a code reference", xs.arg_name(i)));
    }
    p.new_copy(sv)
}

/// The common body of the four `*_all` methods: run `call` (the libvirt
/// function) with our `Handlers` as its opaque data, then raise the
/// handler's failure if there was one, else libvirt's error.
fn run_all(
    xs: &mut Xs,
    nhandlers: usize,
    call: impl FnOnce(sys::virStreamPtr, *mut c_void) -> c_int,
) -> XsResult {
    let st = xs.handle::<sys::virStream>(0)?;
    let data = handler_arg(xs, 1)?;
    let hole = if nhandlers >= 2 {
        Some(handler_arg(xs, 2)?)
    } else {
        None
    };
    let skip = if nhandlers >= 3 {
        Some(handler_arg(xs, 3)?)
    } else {
        None
    };
    let keep = StreamRef::new(st)?;
    let mut h = Handlers {
        perl: xs.perl,
        stream: xs.perl.new_copy(xs.arg(0))?,
        data,
        hole,
        skip,
        error: None,
    };
    let rc = call(st, &mut h as *mut Handlers as *mut c_void);
    let libvirt_err = (rc < 0).then(error::last);
    drop(keep);
    if let Some(e) = h.error.take() {
        return Err(e);
    }
    match libvirt_err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// `$st->recv_all($handler)`
pub(crate) fn recv_all(xs: &mut Xs) -> XsResult {
    run_all(xs, 1, |st, opaque| {
        // SAFETY: `st` holds our extra reference; `opaque` is the
        // `Handlers` living until `run_all` returns.
        unsafe { sys::virStreamRecvAll(st, Some(sink), opaque) }
    })
}

/// `$st->send_all($handler)`
pub(crate) fn send_all(xs: &mut Xs) -> XsResult {
    run_all(xs, 1, |st, opaque| {
        // SAFETY: as in recv_all.
        unsafe { sys::virStreamSendAll(st, Some(source), opaque) }
    })
}

/// `$st->sparse_recv_all($handler, $hole_handler)`
pub(crate) fn sparse_recv_all(xs: &mut Xs) -> XsResult {
    run_all(xs, 2, |st, opaque| {
        // SAFETY: as in recv_all.
        unsafe { sys::virStreamSparseRecvAll(st, Some(sink), Some(sink_hole), opaque) }
    })
}

/// `$st->sparse_send_all($handler, $hole_handler, $skip_handler)`
pub(crate) fn sparse_send_all(xs: &mut Xs) -> XsResult {
    run_all(xs, 3, |st, opaque| {
        // SAFETY: as in recv_all.
        unsafe {
            sys::virStreamSparseSendAll(
                st,
                Some(source),
                Some(source_hole),
                Some(source_skip),
                opaque,
            )
        }
    })
}

// ---- event callbacks (need an event loop) ---------------------------------

/// virStreamEventCallback: `$cb->($st, $events)`.
unsafe extern "C" fn stream_event(_st: sys::virStreamPtr, events: c_int, opaque: *mut c_void) {
    // SAFETY: `opaque` is the Callback registered by add_callback; libvirt
    // keeps it alive while calling us.
    unsafe { Callback::fire(opaque, |perl| [perl.new_i64(events.into())]) };
}

/// `$st->add_callback($events, $coderef)`
pub(crate) fn add_callback(xs: &mut Xs) -> XsResult {
    let st = xs.handle::<sys::virStream>(0)?;
    let events = xs.i32(1)?;
    let opaque = Callback::leak(xs.perl, xs.arg(0), xs.arg(2))?;
    // SAFETY: live stream; libvirt owns `opaque` on success and frees it
    // once with free_callback.
    let rc = unsafe {
        sys::virStreamEventAddCallback(st, events, Some(stream_event), opaque, Some(free_callback))
    };
    // SAFETY: `opaque` is from `leak`; libvirt keeps it only on success.
    unsafe { Callback::after_register(opaque, rc) }?;
    Ok(())
}

/// `$st->update_callback($events)`
pub(crate) fn update_callback(xs: &mut Xs) -> XsResult {
    let st = xs.handle::<sys::virStream>(0)?;
    let events = xs.i32(1)?;
    // SAFETY: live stream.
    raise_after(unsafe { sys::virStreamEventUpdateCallback(st, events) })
}

/// `$st->remove_callback()`
pub(crate) fn remove_callback(xs: &mut Xs) -> XsResult {
    let st = xs.handle::<sys::virStream>(0)?;
    // SAFETY: live stream; libvirt frees the callback's data once.
    raise_after(unsafe { sys::virStreamEventRemoveCallback(st) })
}
