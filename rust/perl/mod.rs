//! The Perl/Rust boundary: every `unsafe` touch of the Perl API lives in
//! this module (and its C half, `glue.c`). The rest of the crate sees:
//!
//! - [`Perl`], the interpreter handle (passed, never global: rule 5);
//! - [`Sv`], a borrowed Perl value, and [`NewSv`], an owned new one;
//! - [`Hash`] and [`Array`] builders and readers;
//! - [`Xs`], the call context of an XS method body, and [`XsError`];
//! - the registration of XSUBs and constants at boot.
//!
//! Conversions that may run Perl code (tie, overload, warnings turned fatal)
//! are protected in C and come back as `Err(XsError::PerlDied)`, so Rust
//! frames unwind normally before the die resumes (rules 1 and 2).
//!
//! "rule N" in comments: the rules of docs/perl-rust-boundary.md.

mod dispatch;
mod ffi;
mod key_templates;

pub use dispatch::{
    catch_callback_panic, fast_body, method_body, register_method, run_fast, run_method,
    wrong_class, ConstValue, FastValue, Frame, Got, Invocant, Method, Xs, XsFast, XsResult, XsRun,
};
pub use ffi::Outcome;
pub use ffi::{AV, HV, P, SV};
pub use key_templates::{FieldNames, StaticKeys};

use std::borrow::Cow;
use std::ffi::{CStr, CString};
use std::marker::PhantomData;
use std::os::raw::{c_char, c_int, c_void};

/// Why an XS body stopped early. The generic XSUB turns it into a Perl
/// `die` (or, for `NotBlessed`, a warning and `undef`) once every Rust
/// frame is gone.
pub enum XsError {
    /// A libvirt call failed: becomes a `Sys::Virt::Error` object.
    Virt(crate::error::VirtError),
    /// A plain `die` with this message (Perl appends " at FILE line N.").
    Die(String),
    /// Die with this Perl value, e.g. the `$@` of a user callback.
    DieWith(NewSv),
    /// Argument `n` should be an object but is not a blessed reference:
    /// warn "<sub>() -- <var> is not a blessed SV reference", return undef.
    NotBlessed(usize),
    /// Perl code run by a conversion (or a DESTROY) died or exited: Perl
    /// has unwound past this call, and `glue.c` resumes its longjmp once
    /// the body has returned.
    PerlDied,
    /// A callback called `exit`: the program exits from C once the body
    /// has returned (see [`Thrown::Exit`]).
    Exit,
}

impl XsError {
    pub fn die(msg: impl Into<String>) -> XsError {
        XsError::Die(msg.into())
    }
}

/// Why a call into Perl ([`Perl::call`]) returned no value.
pub enum Thrown {
    /// The code died: its `$@`.
    Died(NewSv),
    /// The code called `exit` (or Perl is already leaving this XSUB): no
    /// more Perl code runs, and once the XS body has returned, `glue.c`
    /// ends the program as Perl's `exit` does, unless
    /// [`discard_pending_exit`] gave the precedence to an earlier failure.
    Exit,
}

impl From<Thrown> for XsError {
    fn from(t: Thrown) -> XsError {
        match t {
            Thrown::Died(err) => XsError::DieWith(err),
            Thrown::Exit => XsError::Exit,
        }
    }
}

/// Is an `exit` of a callback waiting for the XS call to return?
pub fn exit_pending() -> bool {
    // SAFETY: reads a thread-local flag of glue.c.
    unsafe { ffi::sysvirt_exit_is_pending() != 0 }
}

/// An earlier failure (a callback's die kept to be raised) wins over the
/// pending `exit`: the program goes on, and the die is raised.
pub fn discard_pending_exit() {
    // SAFETY: clears a thread-local flag of glue.c.
    unsafe { ffi::sysvirt_exit_discard() }
}

/// Keep `err`, the die of an event loop implementation's method that
/// libvirt called (`Sys::Virt::Event::register`), to be raised by the XS
/// call running now once its body has returned, before anything else it
/// would raise or return (`glue.c`). The first one is kept; an `exit`
/// pending wins over it.
pub fn keep_hook_failure(err: NewSv) {
    // SAFETY: `err` holds one reference, which C keeps when it says so.
    if unsafe { ffi::sysvirt_hook_failure_keep(err.sv) } != 0 {
        std::mem::forget(err);
    }
}

/// Is this module's Rust or libvirt code running on this thread (inside
/// an XS call or boot, and not in Perl code it called)?
pub fn in_module_code() -> bool {
    // SAFETY: reads a thread-local counter of glue.c.
    unsafe { ffi::sysvirt_in_module() != 0 }
}

pub type Result<T> = std::result::Result<T, XsError>;

/// The running interpreter. Copy it freely; never store it in a global.
#[derive(Clone, Copy)]
pub struct Perl(ffi::P);

/// A borrowed Perl value (an argument, a hash element...), valid for `'a`:
/// the borrow of what keeps it alive (the [`Xs`] call for an argument, the
/// [`NewSv`] holding it, the hash or array it was read from). Whatever is
/// read from it (`to_bytes`, `to_cstr`...) is borrowed for the same `'a`,
/// so keeping either past the call does not compile.
#[derive(Clone, Copy)]
#[repr(transparent)] // a slice of them is an array of SV pointers for C
pub struct Sv<'a> {
    ptr: *mut SV,
    life: PhantomData<&'a SV>,
}

impl Sv<'_> {
    /// # Safety
    /// `ptr` is a live SV that stays alive for the lifetime the caller
    /// picks.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut SV) -> Sv<'a> {
        Sv {
            ptr,
            life: PhantomData,
        }
    }
}

/// A new Perl value holding one reference, dropped (refcount decremented)
/// unless handed over to Perl with [`NewSv::into_raw`] or a store/return.
pub struct NewSv {
    perl: Perl,
    sv: *mut SV,
}

impl Drop for NewSv {
    fn drop(&mut self) {
        // SAFETY: `sv` holds exactly one reference that we own.
        unsafe { ffi::sysvirt_refcnt_dec(self.perl.0, self.sv) }
    }
}

impl NewSv {
    /// Give up ownership: the caller has passed the reference to Perl.
    fn into_raw(self) -> *mut SV {
        let sv = self.sv;
        std::mem::forget(self);
        sv
    }
    pub fn as_sv(&self) -> Sv<'_> {
        // SAFETY: we hold a reference to it while the borrow lasts.
        unsafe { Sv::from_raw(self.sv) }
    }
}

/// A hash key's length for hv_store/hv_fetch, where a negative length
/// would mean a UTF-8 key of the opposite length.
fn key_len(key: &[u8]) -> i32 {
    i32::try_from(key.len()).unwrap_or(i32::MAX)
}

fn jmp(ret: c_int) -> Result<()> {
    if ret == 0 {
        Ok(())
    } else {
        Err(XsError::PerlDied)
    }
}

/// A C string borrowed from a Perl value, or copied when it had to be.
pub type PerlCStr<'a> = Cow<'a, CStr>;

/// An optional string argument as libvirt takes it: NULL for `None`.
pub fn opt_ptr<S: AsRef<CStr>>(s: &Option<S>) -> *const c_char {
    s.as_ref().map_or(std::ptr::null(), |s| s.as_ref().as_ptr())
}

impl Perl {
    fn read(self, sv: Sv, what: c_int) -> Result<ffi::Scalar> {
        let mut out = ffi::Scalar::new();
        // SAFETY: `sv` is a live SV; the read is protected in C.
        jmp(unsafe { ffi::sysvirt_sv_read(self.0, sv.ptr, what, &mut out) })?;
        Ok(out)
    }

    /// The interpreter of the current thread, for the hooks libvirt calls
    /// without user data (the event loop implementation of
    /// `Sys::Virt::Event::register`); `None` on a thread without one.
    pub fn current() -> Option<Perl> {
        // SAFETY: reads perl's thread-local context pointer.
        let p = unsafe { ffi::sysvirt_current_interpreter() };
        (!p.is_null()).then_some(Perl(p))
    }
    /// The sub called `name` (fully qualified), usable with
    /// [`Perl::call`], or `None` when it is not defined. Ours to hold: the
    /// symbol table entry may be redefined while we use it.
    pub fn sub_named(self, name: &CStr) -> Option<NewSv> {
        // SAFETY: `name` is a C string; get_cv runs no Perl code.
        let cv = unsafe { ffi::sysvirt_get_cv(self.0, name.as_ptr()) };
        // SAFETY: a CV found in the symbol table is live now; we take a
        // reference of our own at once.
        (!cv.is_null()).then(|| self.retain(unsafe { Sv::from_raw(cv) }))
    }

    // ---- reading ----------------------------------------------------

    pub fn is_defined(self, sv: Sv) -> Result<bool> {
        Ok(self.read(sv, ffi::READ_DEFINED)?.defined != 0)
    }
    pub fn to_i64(self, sv: Sv) -> Result<i64> {
        Ok(self.read(sv, ffi::READ_IV)?.iv)
    }
    pub fn to_u64(self, sv: Sv) -> Result<u64> {
        Ok(self.read(sv, ffi::READ_UV)?.uv)
    }
    pub fn to_f64(self, sv: Sv) -> Result<f64> {
        Ok(self.read(sv, ffi::READ_NV)?.nv)
    }
    pub fn to_bool(self, sv: Sv) -> Result<bool> {
        Ok(self.read(sv, ffi::READ_BOOL)?.truth != 0)
    }
    /// The bytes of a value as Perl holds them (`SvPV`, as the C original):
    /// the UTF-8 encoding of a character string, the bytes of a byte string.
    /// Borrowed for as long as `sv` is.
    pub fn to_bytes<'a>(self, sv: Sv<'a>) -> Result<&'a [u8]> {
        let s = self.read(sv, ffi::READ_PV)?;
        if s.pv.is_null() {
            return Ok(&[]);
        }
        // SAFETY: Perl gave us a buffer of `len` bytes owned by the SV,
        // which lives for 'a (see `Sv`).
        Ok(unsafe { std::slice::from_raw_parts(s.pv as *const u8, s.len) })
    }
    /// The value as a C string for libvirt: bytes up to the first NUL, as
    /// the C original passes `SvPV` to libvirt.
    pub fn to_cstr<'a>(self, sv: Sv<'a>) -> Result<PerlCStr<'a>> {
        let s = self.read(sv, ffi::READ_PV)?;
        if s.pv.is_null() {
            return Ok(Cow::Borrowed(c""));
        }
        // SAFETY: as in `to_bytes`; Perl NUL-terminates string buffers, and
        // we only borrow when the byte after the string is that NUL.
        unsafe {
            if *s.pv.add(s.len) == 0 {
                Ok(Cow::Borrowed(CStr::from_ptr(s.pv)))
            } else {
                let bytes = std::slice::from_raw_parts(s.pv as *const u8, s.len);
                let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
                Ok(Cow::Owned(
                    CString::new(&bytes[..end]).expect("no NUL before end"),
                ))
            }
        }
    }
    /// `None` for undef, else the C string.
    pub fn to_opt_cstr<'a>(self, sv: Sv<'a>) -> Result<Option<PerlCStr<'a>>> {
        if !self.is_defined(sv)? {
            return Ok(None);
        }
        self.to_cstr(sv).map(Some)
    }

    pub fn is_code_ref(self, sv: Sv) -> bool {
        // SAFETY: `sv` is live; no Perl code runs.
        unsafe { ffi::sysvirt_is_code_ref(self.0, sv.ptr) != 0 }
    }
    /// The hash behind a hash reference, or `None`.
    pub fn hash_ref<'a>(self, sv: Sv<'a>) -> Option<HashRef<'a>> {
        // SAFETY: `sv` is live; no Perl code runs.
        let hv = unsafe { ffi::sysvirt_deref_hv(self.0, sv.ptr) };
        (!hv.is_null()).then_some(HashRef {
            perl: self,
            hv,
            life: PhantomData,
        })
    }
    /// The scalar behind a reference to a plain scalar, or `None`.
    pub fn scalar_ref<'a>(self, sv: Sv<'a>) -> Option<Sv<'a>> {
        // SAFETY: `sv` is live; no Perl code runs.
        let inner = unsafe { ffi::sysvirt_deref_scalar(self.0, sv.ptr) };
        // SAFETY: the reference `sv` (alive for 'a) keeps its target alive.
        (!inner.is_null()).then(|| unsafe { Sv::from_raw(inner) })
    }
    /// The array behind an array reference, or `None`.
    pub fn array_ref<'a>(self, sv: Sv<'a>) -> Option<ArrayRef<'a>> {
        // SAFETY: `sv` is live; no Perl code runs.
        let av = unsafe { ffi::sysvirt_deref_av(self.0, sv.ptr) };
        (!av.is_null()).then_some(ArrayRef {
            perl: self,
            av,
            life: PhantomData,
        })
    }

    // ---- building -----------------------------------------------------

    fn own(self, sv: *mut SV) -> NewSv {
        NewSv { perl: self, sv }
    }
    pub fn new_i64(self, v: i64) -> NewSv {
        // SAFETY: plain constructor.
        self.own(unsafe { ffi::sysvirt_new_iv(self.0, v) })
    }
    pub fn new_u64(self, v: u64) -> NewSv {
        // SAFETY: plain constructor.
        self.own(unsafe { ffi::sysvirt_new_uv(self.0, v) })
    }
    pub fn new_f64(self, v: f64) -> NewSv {
        // SAFETY: plain constructor.
        self.own(unsafe { ffi::sysvirt_new_nv(self.0, v) })
    }
    pub fn new_bytes(self, v: &[u8]) -> NewSv {
        // SAFETY: `v` is a valid buffer of `v.len()` bytes, copied by Perl.
        self.own(unsafe { ffi::sysvirt_new_pvn(self.0, v.as_ptr() as *const c_char, v.len()) })
    }
    pub fn new_str(self, v: &str) -> NewSv {
        self.new_bytes(v.as_bytes())
    }
    pub fn new_undef(self) -> NewSv {
        // SAFETY: plain constructor.
        self.own(unsafe { ffi::sysvirt_new_undef(self.0) })
    }
    /// A new independent copy of a value (`newSVsv`); a tied value's
    /// FETCH runs, protected.
    pub fn new_copy(self, sv: Sv) -> Result<NewSv> {
        let mut out = std::ptr::null_mut();
        // SAFETY: `sv` is live; the copy is protected in C.
        jmp(unsafe { ffi::sysvirt_new_copy(self.0, sv.ptr, &mut out) })?;
        Ok(self.own(out))
    }
    /// Keep one more reference to `sv` (e.g. a callback), owned by Rust.
    pub fn retain(self, sv: Sv) -> NewSv {
        // SAFETY: `sv` is live; we own the extra reference we take.
        self.own(unsafe { ffi::sysvirt_refcnt_inc(self.0, sv.ptr) })
    }
    pub fn new_hash(self) -> Hash {
        // SAFETY: plain constructor.
        let hv = unsafe { ffi::sysvirt_new_hv(self.0) };
        Hash { perl: self, hv }
    }
    /// A new hash with room for `keys` keys (stored without resizing).
    pub fn new_hash_sized(self, keys: usize) -> Hash {
        // SAFETY: plain constructor.
        let hv =
            unsafe { ffi::sysvirt_new_hv_sized(self.0, keys.min(isize::MAX as usize) as isize) };
        Hash { perl: self, hv }
    }
    pub fn new_array(self) -> Array {
        // SAFETY: plain constructor.
        let av = unsafe { ffi::sysvirt_new_av(self.0) };
        Array { perl: self, av }
    }
    /// A reference to `v` (`\$v`), taking over `v`.
    pub fn new_ref(self, v: NewSv) -> NewSv {
        // SAFETY: newRV_noinc takes over our reference to `v`.
        self.own(unsafe { ffi::sysvirt_new_rv_noinc(self.0, v.into_raw()) })
    }

    /// Call a Perl code reference in scalar context under `G_EVAL` (rule
    /// 4), isolated from the caller's frames: `Ok(return value)`, or why
    /// not. Neither a die nor an `exit` unwinds through the caller, which
    /// may be a libvirt callback.
    pub fn call(self, cb: Sv, args: &[Sv]) -> std::result::Result<NewSv, Thrown> {
        // SAFETY: reads a constant.
        let context = unsafe { ffi::sysvirt_g_scalar() };
        let mut values = self.call_in(context, cb, args)?;
        Ok(values.pop().unwrap_or_else(|| self.new_undef()))
    }
    /// Call a Perl code reference in list context, as [`Perl::call`]:
    /// `Ok(returned values)`, or why not.
    pub fn call_list(self, cb: Sv, args: &[Sv]) -> std::result::Result<Vec<NewSv>, Thrown> {
        // SAFETY: reads a constant.
        let context = unsafe { ffi::sysvirt_g_list() };
        self.call_in(context, cb, args)
    }
    /// Call a Perl code reference in scalar context for its effect, as
    /// [`Perl::call`] but leaving its value to Perl to drop, and handing
    /// `args` over to the call: they are released right after it, still
    /// inside its protection (a DESTROY that dies or exits is caught as
    /// the callback's own would be), so no protected release of ours
    /// follows; a lent object among them is settled first.
    pub fn call_discard_handing<const CAP: usize>(
        self,
        cb: Sv,
        mut args: CallArgs<CAP>,
    ) -> std::result::Result<(), Thrown> {
        // SAFETY: reads a constant.
        let context = unsafe { ffi::sysvirt_g_scalar_discard() };
        let n = std::mem::take(&mut args.len);
        let lent = args
            .lent
            .as_mut()
            .map_or(std::ptr::null_mut(), |l| l as *mut ffi::Lent);
        // SAFETY: the first `n` pointers are references we own, and so is
        // the lent object's; from here `sysvirt_call_eval` owns them (len
        // 0 and the lent object's cleared: `args` frees nothing).
        unsafe { self.call_raw(context, cb, &args.ptrs[..n], true, lent) }.map(drop)
    }
    fn call_in(self, context: i32, cb: Sv, args: &[Sv]) -> std::result::Result<Vec<NewSv>, Thrown> {
        // SAFETY: `Sv` is a transparent SV pointer, live for the call;
        // borrowed, not handed over.
        unsafe {
            let args = std::slice::from_raw_parts(args.as_ptr().cast::<*mut SV>(), args.len());
            self.call_raw(context, cb, args, false, std::ptr::null_mut())
        }
    }
    /// # Safety
    /// `args` are live values; with `hand_over`, one reference to each is
    /// ours and passes to the call, and so does the one of `lent` (NULL,
    /// or a lent object among them; only with `hand_over`).
    unsafe fn call_raw(
        self,
        context: i32,
        cb: Sv,
        args: &[*mut SV],
        hand_over: bool,
        lent: *mut ffi::Lent,
    ) -> std::result::Result<Vec<NewSv>, Thrown> {
        let mut av = std::ptr::null_mut();
        // SAFETY: `cb` and `args` are live (contract); the call is G_EVAL
        // and isolated, so it returns normally whatever the Perl code does.
        // We own `av` (NULL: nothing in it).
        let outcome = unsafe {
            ffi::sysvirt_call_eval(
                self.0,
                cb.ptr,
                args.as_ptr(),
                args.len() as i32,
                context,
                c_int::from(hand_over),
                lent,
                &mut av,
            )
        };
        let mut values = Vec::new();
        if !av.is_null() {
            let holder = Array { perl: self, av };
            // SAFETY: shifting hands each element's reference to us.
            while let Some(sv) = unsafe { ffi::sysvirt_av_shift_noinc(self.0, holder.av).as_mut() }
            {
                values.push(self.own(sv));
            }
        }
        match outcome {
            0 => Ok(values),
            1 => Err(Thrown::Died(
                values.pop().unwrap_or_else(|| self.new_undef()),
            )),
            _ => Err(Thrown::Exit),
        }
    }
    /// Assign bytes to an existing value, running its set magic.
    pub fn set_bytes(self, sv: Sv, v: &[u8]) -> Result<()> {
        // SAFETY: `sv` is live; protected in C.
        jmp(unsafe {
            ffi::sysvirt_sv_setpvn_protected(self.0, sv.ptr, v.as_ptr() as *const c_char, v.len())
        })
    }

    // ---- object handles ---------------------------------------------

    /// A new object: a reference blessed into `pkg` holding `ptr`, sealed
    /// with `class` so it is recognised by [`Perl::handle_ptr`].
    ///
    /// # Safety
    /// `ptr` is a reference to a live libvirt object of the type `class`
    /// stands for, handed over to the new object (its `DESTROY` frees it,
    /// and methods pass it to libvirt as that type).
    pub unsafe fn new_handle(self, pkg: &CStr, class: u16, ptr: *mut c_void) -> NewSv {
        // SAFETY: plain constructor; `ptr` is stored, not dereferenced.
        self.own(unsafe { ffi::sysvirt_handle_new(self.0, pkg.as_ptr(), ptr, class) })
    }
    /// The pointer held by an object of `class`. `Err(1)`: not a blessed
    /// reference; `Err(2)`: blessed but not a handle of that class.
    pub fn handle_ptr(self, sv: Sv, class: u16) -> std::result::Result<*mut c_void, c_int> {
        let mut ptr = std::ptr::null_mut();
        // SAFETY: `sv` is live; no Perl code runs.
        match unsafe { ffi::sysvirt_handle_get(self.0, sv.ptr, class, &mut ptr) } {
            0 => Ok(ptr),
            e => Err(e),
        }
    }
    /// Take the pointer out of an object (null when already taken), so
    /// the caller frees it exactly once.
    pub fn handle_take(self, sv: Sv, class: u16) -> *mut c_void {
        // SAFETY: `sv` is live; no Perl code runs.
        unsafe { ffi::sysvirt_handle_take(self.0, sv.ptr, class) }
    }
}

/// Up to `CAP` arguments for [`Perl::call_discard_handing`], owned until
/// handed over (freed here if they never are); among them at most one
/// lent object.
pub struct CallArgs<const CAP: usize> {
    perl: Perl,
    ptrs: [*mut SV; CAP],
    len: usize,
    lent: Option<ffi::Lent>,
}

impl<const CAP: usize> CallArgs<CAP> {
    pub fn new(perl: Perl) -> Self {
        CallArgs {
            perl,
            ptrs: [std::ptr::null_mut(); CAP],
            len: 0,
            lent: None,
        }
    }
    pub fn perl(&self) -> Perl {
        self.perl
    }
    /// Append `v`. More than `CAP` is a bug of the caller: a panic.
    pub fn push(&mut self, v: NewSv) {
        self.push_raw(v.into_raw());
    }
    fn push_raw(&mut self, sv: *mut SV) {
        assert!(self.len < CAP, "CallArgs: more than {CAP} arguments");
        self.ptrs[self.len] = sv;
        self.len += 1;
    }
    /// Append a new object of `class` (blessed into `pkg`) lending `ptr`
    /// to the call without a reference of its own; once the call has
    /// returned it takes one with `take_ref` if the Perl code kept it (see
    /// "Lent handles" in glue.c). One per call; a second is a panic.
    ///
    /// # Safety
    /// `ptr` is a live libvirt object of the type `class` stands for, and
    /// stays alive until the call returns (an event's object during its
    /// callback); `take_ref` takes a reference to such an object.
    pub unsafe fn push_lent(
        &mut self,
        pkg: &CStr,
        class: u16,
        ptr: *mut c_void,
        take_ref: unsafe extern "C" fn(*mut c_void) -> c_int,
    ) {
        assert!(self.lent.is_none(), "CallArgs: a second lent object");
        assert!(self.len < CAP, "CallArgs: more than {CAP} arguments");
        let lent = self.lent.insert(ffi::Lent {
            rv: std::ptr::null_mut(),
            obj: std::ptr::null_mut(),
            ptr,
            take_ref,
            classid: class,
            settled: 0,
        });
        // SAFETY: plain constructor; `ptr` is stored, not dereferenced, and
        // `lent` is filled in (it is settled before it is freed).
        let rv =
            unsafe { ffi::sysvirt_handle_new_lent(self.perl.0, pkg.as_ptr(), ptr, class, lent) };
        self.push_raw(rv);
    }
}

impl<const CAP: usize> Drop for CallArgs<CAP> {
    fn drop(&mut self) {
        let perl = self.perl.0;
        if let Some(lent) = self.lent.as_mut() {
            // SAFETY: its argument and object are still ours; no Perl code
            // runs.
            unsafe { ffi::sysvirt_lent_settle(perl, lent) };
        }
        for &sv in &self.ptrs[..self.len] {
            // SAFETY: a reference we own, never handed over.
            unsafe { ffi::sysvirt_refcnt_dec(perl, sv) }
        }
        if let Some(lent) = self.lent.as_mut() {
            // SAFETY: our reference to the object, or NULL once handed over.
            unsafe {
                ffi::sysvirt_refcnt_dec(
                    perl,
                    std::mem::replace(&mut lent.obj, std::ptr::null_mut()),
                )
            }
        }
    }
}

/// A new hash, owned until turned into a reference.
pub struct Hash {
    perl: Perl,
    hv: *mut HV,
}

impl Drop for Hash {
    fn drop(&mut self) {
        // SAFETY: we own the one reference to `hv`.
        unsafe { ffi::sysvirt_refcnt_dec(self.perl.0, self.hv as *mut SV) }
    }
}

impl Hash {
    /// Store `val` at `key`, a byte-string key as the original's
    /// `hv_store` calls make (a `&str` or a libvirt field's bytes, with no
    /// copy).
    pub fn store(&mut self, key: &(impl AsRef<[u8]> + ?Sized), val: NewSv) {
        let key = key.as_ref();
        // SAFETY: `hv` is live and not magical (we made it); hv_store takes
        // over the reference held by `val`.
        unsafe {
            ffi::sysvirt_hv_store(
                self.perl.0,
                self.hv,
                key.as_ptr() as *const c_char,
                key_len(key),
                val.into_raw(),
            )
        }
    }
    pub fn store_i64(&mut self, key: impl HashKey, v: i64) {
        self.store_num(key, v, false)
    }
    pub fn store_u64(&mut self, key: impl HashKey, v: u64) {
        self.store_num(key, v as i64, true)
    }
    /// A new number made and stored by one call (`v` read as unsigned
    /// when `unsigned`).
    fn store_num(&mut self, key: impl HashKey, v: i64, unsigned: bool) {
        let (bytes, hash) = (key.bytes(), key.hash());
        // SAFETY: as in `store`; the value is a new plain number; `hash`
        // is Perl's hash of the key, or 0 for Perl to compute it.
        unsafe {
            ffi::sysvirt_hv_store_num(
                self.perl.0,
                self.hv,
                bytes.as_ptr().cast(),
                key_len(bytes),
                hash,
                v,
                unsigned.into(),
            )
        }
    }
    pub fn store_str(&mut self, key: &str, v: &str) {
        let sv = self.perl.new_str(v);
        self.store(key, sv)
    }
    /// A reference to the hash (`\%h`), consuming the builder.
    pub fn into_ref(self) -> NewSv {
        let perl = self.perl;
        let hv = self.hv;
        std::mem::forget(self);
        // SAFETY: newRV_noinc takes over our reference to `hv`.
        perl.own(unsafe { ffi::sysvirt_new_rv_noinc(perl.0, hv as *mut SV) })
    }
    /// A reference to the hash blessed into `pkg` (an object).
    pub fn into_blessed_ref(self, pkg: &CStr) -> NewSv {
        let perl = self.perl;
        let rv = self.into_ref();
        // SAFETY: `rv` is a reference (sv_bless croaks on anything else)
        // to a hash we made; blessing runs no Perl code.
        unsafe { ffi::sysvirt_bless(perl.0, rv.sv, pkg.as_ptr()) };
        rv
    }
}

/// A hash key written in the source (`key!("maxMem")`): Perl's hash of it
/// is computed the first time it is stored and kept, so storing it again
/// skips hashing the bytes. The hash seed is the process's, so one value
/// serves every interpreter.
pub struct Key {
    name: &'static str,
    /// Perl's hash of `name`; 0 until computed (a key whose hash is 0 is
    /// simply hashed by Perl every time).
    hash: std::sync::atomic::AtomicU32,
}

impl Key {
    pub const fn new(name: &'static str) -> Key {
        Key {
            name,
            hash: std::sync::atomic::AtomicU32::new(0),
        }
    }
}

/// `&'static Key` for a string literal: `h.store_u64(key!("memory"), m)`.
#[macro_export]
macro_rules! key {
    ($name:literal) => {{
        static KEY: $crate::perl::Key = $crate::perl::Key::new($name);
        &KEY
    }};
}

/// What the number stores of [`Hash`] take as a key: bytes (Perl hashes
/// them), or a [`Key`] (hashed once).
pub trait HashKey {
    fn bytes(&self) -> &[u8];
    /// Perl's hash of the bytes, or 0 for Perl to compute it.
    fn hash(&self) -> u32;
}

impl HashKey for &Key {
    fn bytes(&self) -> &[u8] {
        self.name.as_bytes()
    }
    fn hash(&self) -> u32 {
        use std::sync::atomic::Ordering::Relaxed;
        match self.hash.load(Relaxed) {
            0 => {
                let b = self.name.as_bytes();
                // SAFETY: reads `b`, a live buffer of that length.
                let h = unsafe { ffi::sysvirt_key_hash(b.as_ptr().cast(), key_len(b)) };
                self.hash.store(h, Relaxed);
                h
            }
            h => h,
        }
    }
}

impl HashKey for &[u8] {
    fn bytes(&self) -> &[u8] {
        self
    }
    fn hash(&self) -> u32 {
        0
    }
}

/// A new array, owned until turned into a reference.
pub struct Array {
    perl: Perl,
    av: *mut AV,
}

impl Drop for Array {
    fn drop(&mut self) {
        // SAFETY: we own the one reference to `av`.
        unsafe { ffi::sysvirt_refcnt_dec(self.perl.0, self.av as *mut SV) }
    }
}

impl Array {
    pub fn push(&mut self, val: NewSv) {
        // SAFETY: `av` is live; av_push takes over the reference.
        unsafe { ffi::sysvirt_av_push(self.perl.0, self.av, val.into_raw()) }
    }
    /// A reference to the array (`\@a`), consuming the builder.
    pub fn into_ref(self) -> NewSv {
        let perl = self.perl;
        let av = self.av;
        std::mem::forget(self);
        // SAFETY: newRV_noinc takes over our reference to `av`.
        perl.own(unsafe { ffi::sysvirt_new_rv_noinc(perl.0, av as *mut SV) })
    }
}

/// A hash passed in by the caller, borrowed for `'a` (as the reference
/// it was found behind). Reads are protected: a tied hash's FETCH may die.
#[derive(Clone, Copy)]
pub struct HashRef<'a> {
    perl: Perl,
    hv: *mut HV,
    life: PhantomData<&'a HV>,
}

impl<'a> HashRef<'a> {
    /// The value at `key`, or `None`.
    pub fn get(&self, key: &(impl AsRef<[u8]> + ?Sized)) -> Result<Option<Sv<'a>>> {
        let key = key.as_ref();
        let mut out = std::ptr::null_mut();
        // SAFETY: `hv` is live for the call; protected in C.
        jmp(unsafe {
            ffi::sysvirt_hv_fetch_protected(
                self.perl.0,
                self.hv,
                key.as_ptr() as *const c_char,
                key_len(key),
                &mut out,
            )
        })?;
        // SAFETY: the hash, alive for 'a, holds the value.
        Ok((!out.is_null()).then(|| unsafe { Sv::from_raw(out) }))
    }
}

/// An array passed in by the caller, borrowed for `'a` (as the reference
/// it was found behind). Reads are protected.
#[derive(Clone, Copy)]
pub struct ArrayRef<'a> {
    perl: Perl,
    av: *mut AV,
    life: PhantomData<&'a AV>,
}

impl<'a> ArrayRef<'a> {
    pub fn len(&self) -> Result<usize> {
        let mut n = 0isize;
        // SAFETY: `av` is live for the call; protected in C.
        jmp(unsafe { ffi::sysvirt_av_len_protected(self.perl.0, self.av, &mut n) })?;
        Ok(n.max(0) as usize)
    }
    /// Element `i`; a hole reads as `None`.
    pub fn get(&self, i: usize) -> Result<Option<Sv<'a>>> {
        let mut out = std::ptr::null_mut();
        // SAFETY: `av` is live for the call; protected in C.
        jmp(unsafe {
            ffi::sysvirt_av_fetch_protected(self.perl.0, self.av, i as isize, &mut out)
        })?;
        // SAFETY: the array, alive for 'a, holds the element.
        Ok((!out.is_null()).then(|| unsafe { Sv::from_raw(out) }))
    }
    /// Every element; holes read as `None`.
    pub fn items(&self) -> Result<Vec<Option<Sv<'a>>>> {
        (0..self.len()?).map(|i| self.get(i)).collect()
    }
}
