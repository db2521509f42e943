//! The generic XSUB's Rust half: argument-count checks, the call of the
//! method body under `catch_unwind` (rule 3), return values, and the
//! translation of errors into what `glue.c` raises after we return (rule 1).
//! Also boot: `boot_Sys__Virt` and the registration of XSUBs and constants.
//! ("rule N": the rules of docs/perl-rust-boundary.md.)

use super::ffi::{self, Outcome, CV, SV};
use super::{NewSv, Perl, PerlCStr, Result, Sv, XsError};
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

pub type XsResult = Result<()>;

/// The Rust half of one XSUB, which the C dispatcher calls: one function
/// per method ([`xs_method!`]), so that the method's body is compiled into
/// it rather than called through a pointer.
pub type XsRun = unsafe extern "C" fn(ffi::P, *const c_void, *mut Frame);

/// The fast half of a getter of one object and nothing else
/// (`sysvirt_xs_getter` in glue.c): called with argument 0's pointer once
/// C found it a live object of the row's class; sets the outcome only
/// when it fails.
pub type XsFast =
    unsafe extern "C" fn(ffi::P, *mut c_void, *mut Outcome, *const c_void) -> FastValue;

/// What a fast half returns (sysvirt_fast_value in glue.c), in two
/// registers: `kind` 0 failed, 1 the integer `value`, 3 a C string of the
/// object at `value`, 4 a malloc'd one for the C side to free.
#[repr(C)]
pub struct FastValue {
    value: isize,
    kind: c_int,
}

/// What a getter's fast body found.
pub enum Got {
    Int(i64),
    /// No value (DESTROY).
    Nothing,
    /// A string the object owns (alive until the XSUB returns).
    Borrowed(*const c_char),
    /// A malloc'd string, handed over.
    Malloced(*mut c_char),
}

/// The [`XsFast`] of a getter body (`|perl, obj| -> Result<Got>`, `obj` a
/// live object of the row's class, or for DESTROY its argument, an SV), as build.rs writes the getter rows that
/// have one; `Option` for the manifest's `fast` field.
#[macro_export]
macro_rules! xs_fast {
    ($body:expr) => {{
        unsafe extern "C" fn fast(
            p: $crate::perl::P,
            obj: *mut std::os::raw::c_void,
            out: *mut $crate::perl::Outcome,
            entry: *const std::os::raw::c_void,
        ) -> $crate::perl::FastValue {
            let body = $crate::perl::fast_body($body);
            // SAFETY: the C getter calls us with a live object of the
            // entry's class, its own outcome and the entry of its CV.
            unsafe { $crate::perl::run_fast(p, obj, out, entry, body) }
        }
        Some(fast as $crate::perl::XsFast)
    }};
}

/// A getter's fast body as [`xs_fast!`] takes it (this pins the
/// closure's argument type).
#[inline(always)]
pub fn fast_body<F: FnOnce(Perl, *mut c_void) -> Result<Got>>(f: F) -> F {
    f
}

/// The body of every [`XsFast`]: `body` under `catch_unwind` (rule 3); a
/// failure is written to the outcome for glue.c to raise (rule 1).
///
/// # Safety
/// Called only by an [`XsFast`], with its arguments.
#[inline(always)]
pub unsafe fn run_fast(
    p: ffi::P,
    obj: *mut c_void,
    out: *mut Outcome,
    entry: *const c_void,
    body: impl FnOnce(Perl, *mut c_void) -> Result<Got>,
) -> FastValue {
    let (value, kind) = match catch_unwind(AssertUnwindSafe(|| body(Perl(p), obj))) {
        Ok(Ok(Got::Int(v))) => (v as isize, 1),
        Ok(Ok(Got::Nothing)) => (0, 2),
        Ok(Ok(Got::Borrowed(s))) => (s as isize, 3),
        Ok(Ok(Got::Malloced(s))) => (s as isize, 4),
        Ok(Err(e)) => {
            // SAFETY: as the caller's contract says.
            unsafe { fast_failed(Perl(p), entry, Err(e), out) };
            (0, 0)
        }
        Err(panic) => {
            // SAFETY: as the caller's contract says.
            unsafe { fast_failed(Perl(p), entry, Ok(panic), out) };
            (0, 0)
        }
    };
    FastValue { value, kind }
}

/// A fast half's failure (an error, or a panic), written to the C
/// getter's outcome as the generic path writes it.
///
/// # Safety
/// `entry` is an entry registered for a CV; `out` the C caller's outcome.
#[cold]
#[inline(never)]
unsafe fn fast_failed(
    perl: Perl,
    entry: *const c_void,
    why: std::result::Result<Box<dyn std::any::Any + Send>, XsError>,
    out: *mut Outcome,
) {
    // SAFETY: entries are leaked at registration and live forever.
    let entry: &XsEntry = unsafe { &*(entry as *const XsEntry) };
    // SAFETY: the caller's outcome, ours to write until we return; C
    // initialises none of it for the fast path.
    let out = unsafe { &mut *out };
    out.failed = 0;
    out.croak = std::ptr::null_mut();
    out.warn = std::ptr::null();
    out.count = 0;
    out.targ = 0;
    match why {
        Err(e) => fail(perl, entry, e, out),
        Ok(panic) => internal_error(perl, entry, panic, out),
    }
}

/// The [`XsRun`] of a method body (a closure `|xs: &mut Xs| -> XsResult`
/// that reads its arguments from the [`Xs`] and pushes its return values
/// onto it), as build.rs writes each row of the manifest.
#[macro_export]
macro_rules! xs_method {
    ($body:expr) => {{
        unsafe extern "C" fn run(
            p: $crate::perl::P,
            entry: *const std::os::raw::c_void,
            frame: *mut $crate::perl::Frame,
        ) {
            let body = $crate::perl::method_body($body);
            // SAFETY: the C dispatcher calls us with its own frame and
            // the entry registered for its CV.
            unsafe { $crate::perl::run_method(p, entry, frame, body) }
        }
        run as $crate::perl::XsRun
    }};
}

/// One XS method, as build.rs generates it from its row of the method
/// manifest (data/methods.tsv).
pub struct Method {
    pub package: &'static str,
    pub name: &'static str,
    /// The Perl prototype ("$$;$"), which bounds the argument count.
    pub prototype: Option<&'static str>,
    /// Argument names as in the usage message: "dom, flags=0".
    pub usage: &'static str,
    /// The class of object argument 0 must be, if any
    /// (`handle::invocant`).
    pub invocant: Option<Invocant>,
    /// Argument names as the POD names them ("$dom, \\%params, $flags"),
    /// for messages; `None` for internal subs (the usage names serve).
    pub arguments: Option<&'static str>,
    pub run: XsRun,
    /// A getter's fast half ([`xs_fast!`]), for rows that have one.
    pub fast: Option<XsFast>,
}

/// A class of object an argument must be: its tag, its package, and
/// libvirt's error for an invalid object of the class (code, domain,
/// message prefix), which is also what the wrong class raises.
#[derive(Clone, Copy)]
pub struct Invocant {
    pub class: u16,
    pub package: &'static CStr,
    pub invalid: (u32, u32, &'static str),
}

/// The `Sys::Virt::Error` for argument `arg` of `sub_name` holding an
/// object of another class (or a forged one): the class's invalid-object
/// error, as libvirt raised it when the original passed such a pointer;
/// the pointer itself never reaches libvirt.
#[cold]
#[inline(never)]
pub fn wrong_class(sub_name: &str, arg: &str, class: &Invocant) -> XsError {
    let (code, domain, _) = class.invalid;
    XsError::Virt(crate::error::VirtError {
        level: 2, // VIR_ERR_ERROR
        code: code as i32,
        domain: domain as i32,
        message: Some(format!(
            "{sub_name}: {arg} is not a {} object",
            class.package.to_string_lossy()
        )),
    })
}

/// What the generic XSUB knows about the sub it is running.
#[repr(C)]
struct XsEntry {
    // The C dispatcher reads these three fields (sysvirt_entry_head).
    /// Class of the object argument 0 must be (0: not an object).
    self_class: u16,
    run: XsRun,
    fast: Option<XsFast>,
    /// The class of `self_class`, for the wrong-class error.
    invocant: Option<Invocant>,
    package: &'static str,
    name: &'static str,
    /// Argument names as in the XS usage message: "dom, flags=0".
    usage: &'static str,
    /// Argument names as the POD gives them, if it does.
    arguments: Option<&'static str>,
    min_args: i32,
    max_args: i32,
    /// "<sub>() -- <arg> is not a blessed SV reference" for each argument,
    /// made the first time one is needed.
    not_blessed: OnceLock<Box<[CString]>>,
}

impl XsEntry {
    fn full_name(&self) -> String {
        format!("{}::{}", self.package, self.name)
    }
    /// The original typemap's warning for argument `i`.
    fn not_blessed_message(&self, i: usize) -> &CStr {
        let all = self.not_blessed.get_or_init(|| {
            let n = self.usage.split(", ").count().max(i + 1);
            (0..n)
                .map(|a| {
                    let msg = format!(
                        "{}() -- {} is not a blessed SV reference",
                        self.full_name(),
                        self.arg_name(a)
                    );
                    CString::new(msg).unwrap_or_default()
                })
                .collect()
        });
        all.get(i)
            .map_or(c"argument is not a blessed SV reference", |m| m.as_c_str())
    }
    /// Name of argument `i` in the usage message ("dom" in "dom, flags=0").
    fn arg_name(&self, i: usize) -> &str {
        self.usage
            .split(", ")
            .nth(i)
            .map(|a| a.split('=').next().unwrap_or(a))
            .unwrap_or("arg")
    }
    /// Name of argument `i` as the POD names it ("$params"), or as the
    /// usage message does for subs the POD does not document.
    fn pod_arg_name(&self, i: usize) -> &str {
        match self.arguments.and_then(|a| a.split(", ").nth(i)) {
            Some(name) => name,
            None => self.arg_name(i),
        }
    }
}

/// Up to four return values live inline (and go back to C in the
/// outcome); more spill to the heap and are put on the stack from here.
use super::ffi::INLINE_RETURNS;

/// A first return value the C side stores in the call's target SV.
enum Target {
    None,
    Signed(i64),
    Unsigned(u64),
    /// A C string alive until the XSUB returns (owned by an argument).
    Borrowed(*const c_char),
    /// A malloc'd C string, freed by the C side once copied (or here,
    /// if the call fails).
    Malloced(*mut c_char),
}

impl Drop for Target {
    fn drop(&mut self) {
        if let Target::Malloced(p) = *self {
            // SAFETY: a string we own and did not hand over.
            unsafe { libc::free(p.cast()) }
        }
    }
}

impl Target {
    /// (kind, number, string) as the C side reads them; hands a malloc'd
    /// string over.
    fn hand_over(self) -> (c_int, i64, *mut c_char) {
        let parts = match self {
            Target::None => (0, 0, std::ptr::null_mut()),
            Target::Signed(v) => (1, v, std::ptr::null_mut()),
            Target::Unsigned(v) => (2, v as i64, std::ptr::null_mut()),
            Target::Borrowed(p) => (3, 0, p as *mut c_char),
            Target::Malloced(p) => (4, 0, p),
        };
        std::mem::forget(self);
        parts
    }
    /// The value as a mortal SV (for a list too long for the C side).
    fn into_mortal(self, perl: Perl) -> Option<*mut SV> {
        let sv = match &self {
            Target::None => return None,
            Target::Signed(v) => perl.new_i64(*v),
            Target::Unsigned(v) => perl.new_u64(*v),
            Target::Borrowed(p) => {
                // SAFETY: alive until the XSUB returns, per the variant.
                perl.new_bytes(unsafe { CStr::from_ptr(*p) }.to_bytes())
            }
            Target::Malloced(p) => {
                // SAFETY: ours until dropped, per the variant.
                perl.new_bytes(unsafe { CStr::from_ptr(*p) }.to_bytes())
            }
        };
        Some(mortal(perl, sv))
    }
}

/// The call context of an XS method body.
pub struct Xs<'a> {
    pub perl: Perl,
    /// Argument 0's pointer, already checked by the C dispatcher to be an
    /// object of class `entry.self_class`.
    this: *mut c_void,
    ax: i32,
    items: i32,
    entry: &'a XsEntry,
    /// The first return values, written straight into the C caller's
    /// outcome; a longer list continues in `spill`.
    vals: &'a mut [*mut SV; INLINE_RETURNS],
    count: usize,
    spill: Option<Vec<*mut SV>>,
    /// A first return value the C side stores in the call's target SV.
    targ: Target,
}

impl Xs<'_> {
    /// Was argument `i` passed at all?
    pub fn has(&self, i: usize) -> bool {
        i < self.items as usize
    }
    /// Argument `i`, borrowed for the call; `undef` when not passed.
    pub fn arg(&self, i: usize) -> Sv<'_> {
        // SAFETY: i < items, so ST(i) is an argument of this call, alive
        // until the XSUB returns; PL_sv_undef is immortal.
        unsafe {
            Sv::from_raw(if self.has(i) {
                ffi::sysvirt_stack_arg(self.perl.0, self.ax, i as i32)
            } else {
                ffi::sysvirt_sv_undef(self.perl.0)
            })
        }
    }
    /// The pointer held by argument `i` if it is an object of `class`:
    /// `Err(1)` not a blessed reference, `Err(2)` another class.
    #[inline]
    pub fn handle_arg(
        &self,
        i: usize,
        class: u16,
    ) -> std::result::Result<*mut c_void, std::os::raw::c_int> {
        if i == 0 && class == self.entry.self_class && self.items > 0 {
            return Ok(self.this);
        }
        self.handle_arg_slow(i, class)
    }
    #[inline(never)]
    fn handle_arg_slow(
        &self,
        i: usize,
        class: u16,
    ) -> std::result::Result<*mut c_void, std::os::raw::c_int> {
        if !self.has(i) {
            return Err(1);
        }
        let mut ptr = std::ptr::null_mut();
        // SAFETY: i < items, so ST(i) is a live argument; no Perl code runs.
        match unsafe { ffi::sysvirt_handle_arg(self.perl.0, self.ax, i as i32, class, &mut ptr) } {
            0 => Ok(ptr),
            e => Err(e),
        }
    }
    /// `"Sys::Virt::Domain::get_name"`.
    pub fn sub_name(&self) -> String {
        self.entry.full_name()
    }
    /// A die naming this method: "Sys::Virt::Domain::foo: <msg>".
    pub fn die<T>(&self, msg: impl std::fmt::Display) -> Result<T> {
        Err(XsError::Die(format!("{}: {}", self.sub_name(), msg)))
    }

    // ---- arguments, as the original's typemaps read them --------------

    /// A string argument (`const char *`): undef reads as "" with Perl's
    /// usual warning.
    pub fn str(&self, i: usize) -> Result<PerlCStr<'_>> {
        self.perl.to_cstr(self.arg(i))
    }
    /// A string argument that may be undef or absent (`NULL` to libvirt).
    pub fn opt_str(&self, i: usize) -> Result<Option<PerlCStr<'_>>> {
        if !self.has(i) {
            return Ok(None);
        }
        self.perl.to_opt_cstr(self.arg(i))
    }
    /// Binary-safe bytes of an argument.
    pub fn bytes(&self, i: usize) -> Result<&[u8]> {
        self.perl.to_bytes(self.arg(i))
    }
    pub fn i64(&self, i: usize) -> Result<i64> {
        self.perl.to_i64(self.arg(i))
    }
    pub fn u64(&self, i: usize) -> Result<u64> {
        self.perl.to_u64(self.arg(i))
    }
    /// An `int` argument (truncated as C would).
    pub fn i32(&self, i: usize) -> Result<i32> {
        Ok(self.i64(i)? as i32)
    }
    /// A count of slots to allocate (`$maxnames`, `$maxids`): an `int`
    /// lowered to `limit`, and saturated rather than truncated (a
    /// reference numifies to its address, which would wrap to a count of
    /// random size and sign).
    pub fn count(&self, i: usize, limit: i32) -> Result<i32> {
        Ok(self.i64(i)?.clamp(i32::MIN.into(), limit.into()) as i32)
    }
    /// An `unsigned int` argument (truncated as C would).
    pub fn u32(&self, i: usize) -> Result<u32> {
        Ok(self.u64(i)? as u32)
    }
    /// An optional `unsigned int` argument, `default` when not passed.
    pub fn u32_or(&self, i: usize, default: u32) -> Result<u32> {
        if self.has(i) {
            self.u32(i)
        } else {
            Ok(default)
        }
    }
    /// An optional `int` argument, `default` when not passed.
    pub fn i32_or(&self, i: usize, default: i32) -> Result<i32> {
        if self.has(i) {
            self.i32(i)
        } else {
            Ok(default)
        }
    }
    /// The usual trailing `$flags=0`.
    pub fn flags(&self, i: usize) -> Result<u32> {
        self.u32_or(i, 0)
    }
    /// A required hash reference argument, refused with the wording of
    /// the original's `HV *` typemap ("...: \\%params is not a HASH
    /// reference"), naming the argument as the POD does.
    pub fn hash_ref(&self, i: usize) -> Result<super::HashRef<'_>> {
        match self.perl.hash_ref(self.arg(i)) {
            Some(h) => Ok(h),
            None => self.die(format!("{} is not a HASH reference", self.arg_name(i))),
        }
    }
    /// A required array reference argument.
    pub fn array_ref(&self, i: usize) -> Result<super::ArrayRef<'_>> {
        match self.perl.array_ref(self.arg(i)) {
            Some(a) => Ok(a),
            None => self.die(format!("{} must be an array reference", self.arg_name(i))),
        }
    }
    /// Name of argument `i` as the POD names it ("$params"), for
    /// messages; the usage message's name for internal subs.
    pub fn arg_name(&self, i: usize) -> &str {
        self.entry.pod_arg_name(i)
    }

    // ---- return values ------------------------------------------------

    /// Push a return value (made mortal: Perl frees it after the statement).
    pub fn ret(&mut self, v: NewSv) {
        // SAFETY: we hand our reference to the mortal stack.
        let sv = unsafe { ffi::sysvirt_mortal(self.perl.0, v.into_raw()) };
        self.push_returned(sv);
    }
    fn push_returned(&mut self, sv: *mut SV) {
        if self.count < INLINE_RETURNS {
            self.vals[self.count] = sv;
        } else {
            let vals = &*self.vals;
            self.spill.get_or_insert_with(|| vals.to_vec()).push(sv);
        }
        self.count += 1;
    }
    // The first return value goes into the call's target SV when perl
    // reserved one, as xsubpp's typemaps do: no SV allocated per call.
    #[inline]
    pub fn ret_i64(&mut self, v: i64) -> XsResult {
        if self.count == 0 {
            self.set_targ(Target::Signed(v));
        } else {
            let sv = self.perl.new_i64(v);
            self.ret(sv);
        }
        Ok(())
    }
    #[inline]
    pub fn ret_u64(&mut self, v: u64) -> XsResult {
        if self.count == 0 {
            self.set_targ(Target::Unsigned(v));
        } else {
            let sv = self.perl.new_u64(v);
            self.ret(sv);
        }
        Ok(())
    }
    #[inline]
    pub fn ret_bytes(&mut self, v: &[u8]) -> XsResult {
        if self.count == 0 {
            // SAFETY: sets the current sub call's target, a live SV; Perl
            // copies the `v.len()` bytes.
            let sv = unsafe { ffi::sysvirt_targ_pvn(self.perl.0, v.as_ptr().cast(), v.len()) };
            self.push_returned(sv);
        } else {
            let sv = self.perl.new_bytes(v);
            self.ret(sv);
        }
        Ok(())
    }
    /// Return a C string owned by an argument of this call (an object's
    /// name...): the C side copies it after the body returned.
    ///
    /// # Safety
    /// `ptr` is a NUL-terminated string that stays alive until the XSUB
    /// returns.
    #[inline]
    pub unsafe fn ret_cstr_of_arg(&mut self, ptr: *const c_char) -> XsResult {
        if ptr.is_null() {
            return self.ret_undef();
        }
        if self.count == 0 {
            self.set_targ(Target::Borrowed(ptr));
            Ok(())
        } else {
            // SAFETY: per the contract.
            unsafe { self.ret_cstr(ptr) }
        }
    }
    /// Return a string libvirt allocated for us (undef for NULL), and
    /// free it: once copied, or here if the call fails.
    ///
    /// # Safety
    /// `ptr` is NULL or a malloc'd NUL-terminated string that the caller
    /// owns and hands over.
    #[inline(always)]
    pub unsafe fn ret_owned_cstring(&mut self, ptr: *mut c_char) -> XsResult {
        if ptr.is_null() {
            return self.ret_undef();
        }
        if self.count == 0 {
            self.set_targ(Target::Malloced(ptr));
        } else if let Some(sv) = Target::Malloced(ptr).into_mortal(self.perl) {
            self.push_returned(sv);
        }
        Ok(())
    }
    /// The first return value, for the C side's target SV. Nothing was
    /// stored there before (it is the first), so nothing is dropped.
    #[inline(always)]
    fn set_targ(&mut self, v: Target) {
        std::mem::forget(std::mem::replace(&mut self.targ, v));
        self.push_returned(std::ptr::null_mut());
    }
    /// Return a C string (copied now; it need only live for this call).
    ///
    /// # Safety
    /// `ptr` is a live NUL-terminated string.
    #[inline]
    pub unsafe fn ret_cstr(&mut self, ptr: *const c_char) -> XsResult {
        if self.count == 0 {
            // SAFETY: sets the current sub call's target, a live SV; Perl
            // copies the string, live per the contract.
            let sv = unsafe { ffi::sysvirt_targ_pv(self.perl.0, ptr) };
            self.push_returned(sv);
            Ok(())
        } else {
            // SAFETY: per the contract.
            let bytes = unsafe { CStr::from_ptr(ptr).to_bytes() };
            let sv = self.perl.new_bytes(bytes);
            self.ret(sv);
            Ok(())
        }
    }
    /// Return a new object of `class`, blessed into `pkg`, owning `ptr`.
    ///
    /// # Safety
    /// As [`Perl::new_handle`].
    pub unsafe fn ret_handle(&mut self, pkg: &CStr, class: u16, ptr: *mut c_void) {
        // SAFETY: plain constructor of a mortal; `ptr` is stored, not
        // dereferenced (the contract says what it is).
        let sv = unsafe { ffi::sysvirt_handle_new_mortal(self.perl.0, pkg.as_ptr(), ptr, class) };
        self.push_returned(sv);
    }
    pub fn ret_undef(&mut self) -> XsResult {
        let sv = self.perl.new_undef();
        self.ret(sv);
        Ok(())
    }
}

/// A method body as [`xs_method!`] takes it (this pins the closure's
/// argument type).
#[inline(always)]
pub fn method_body<F: FnOnce(&mut Xs) -> XsResult>(f: F) -> F {
    f
}

/// The body of every method's [`XsRun`]: argument count and invocant
/// checks, then `body` under `catch_unwind` (rule 3), then the outcome for
/// `sysvirt_xs_dispatch` in glue.c to act on (rule 1).
///
/// # Safety
/// Called only by an [`XsRun`], with the generic XSUB's own `ax`, `items`,
/// outcome and the entry registered for its CV.
#[inline(always)]
pub unsafe fn run_method(
    p: ffi::P,
    entry: *const c_void,
    frame: *mut Frame,
    body: impl FnOnce(&mut Xs) -> XsResult,
) {
    let perl = Perl(p);
    // SAFETY: `entry` was leaked at registration and lives forever.
    let entry: &XsEntry = unsafe { &*(entry as *const XsEntry) };
    // SAFETY: `frame` is the C caller's, ours until we return.
    let frame = unsafe { &mut *frame };
    let (ax, items, this) = (frame.ax, frame.items, (frame.status, frame.ptr));
    let out = &mut frame.out;
    let run = catch_unwind(AssertUnwindSafe(|| {
        run_body(perl, entry, ax, items, this, out, body)
    }));
    if let Err(panic) = run {
        internal_error(perl, entry, panic, out);
    }
}

#[cold]
#[inline(never)]
fn internal_error(
    perl: Perl,
    entry: &XsEntry,
    panic: Box<dyn std::any::Any + Send>,
    out: &mut Outcome,
) {
    let text = format!(
        "{}: internal error: {}",
        entry.full_name(),
        panic_message(&panic)
    );
    out.count = 0;
    out.fail_with_croak(mortal_str(perl, &text));
}

/// One call of the generic XSUB, as the C dispatcher hands it over
/// (sysvirt_frame in glue.c): its arguments on Perl's stack, what it found
/// in argument 0, and the outcome for it to act on once we return.
#[repr(C)]
pub struct Frame {
    out: Outcome,
    ax: i32,
    items: i32,
    /// As `sysvirt_handle_get`: 0 (`ptr` set), 1 not a blessed reference,
    /// 2 another class.
    status: std::os::raw::c_int,
    ptr: *mut c_void,
}

// The hot path is kept small: every failure is handled out of line.
#[inline(always)]
fn run_body(
    perl: Perl,
    entry: &XsEntry,
    ax: i32,
    items: i32,
    (status, this): (std::os::raw::c_int, *mut c_void),
    out: &mut Outcome,
    body: impl FnOnce(&mut Xs) -> XsResult,
) {
    if items < entry.min_args || items > entry.max_args {
        return usage_error(perl, entry, out);
    }
    if entry.self_class != 0 && status != 0 {
        return object_error(perl, entry, status, out);
    }
    let mut xs = Xs {
        perl,
        this,
        ax,
        items,
        entry,
        vals: &mut out.vals,
        count: 0,
        spill: None,
        targ: Target::None,
    };
    let result = body(&mut xs);
    let Xs {
        count, spill, targ, ..
    } = xs;
    match result {
        Ok(()) => match spill {
            None => {
                out.count = count as i32;
                (out.targ, out.targ_iv, out.targ_pv) = targ.hand_over();
            }
            Some(list) => put_long_list(perl, ax, list, targ, out),
        },
        Err(e) => fail(perl, entry, e, out),
    }
}

#[cold]
#[inline(never)]
fn usage_error(perl: Perl, entry: &XsEntry, out: &mut Outcome) {
    let usage = format!("Usage: {}({})", entry.full_name(), entry.usage);
    out.fail_with_croak(mortal_str(perl, &usage));
}

/// Argument 0 is not an object of the sub's class: warn and return undef
/// (not a blessed reference, as the original), or die (another class).
#[cold]
#[inline(never)]
fn object_error(perl: Perl, entry: &XsEntry, status: std::os::raw::c_int, out: &mut Outcome) {
    let e = match (status, &entry.invocant) {
        (1, _) | (_, None) => XsError::NotBlessed(0),
        (_, Some(class)) => wrong_class(&entry.full_name(), entry.pod_arg_name(0), class),
    };
    fail(perl, entry, e, out);
}

#[cold]
#[inline(never)]
fn put_long_list(perl: Perl, ax: i32, mut list: Vec<*mut SV>, targ: Target, out: &mut Outcome) {
    // A first value kept for the target SV becomes an ordinary mortal.
    if let Some(sv) = targ.into_mortal(perl) {
        list[0] = sv;
    }
    // SAFETY: every value is a live mortal; the C side grows the stack
    // before storing.
    unsafe { ffi::sysvirt_stack_put(perl.0, ax, list.as_ptr(), list.len() as i32) };
    out.count = list.len() as i32;
    out.targ = 0;
}

#[cold]
#[inline(never)]
fn fail(perl: Perl, entry: &XsEntry, e: XsError, out: &mut Outcome) {
    match e {
        XsError::Virt(err) => out.fail_with_croak(mortal(perl, crate::error::to_perl(perl, &err))),
        XsError::Die(msg) => out.fail_with_croak(mortal_str(perl, &msg)),
        XsError::DieWith(sv) => out.fail_with_croak(mortal(perl, sv)),
        XsError::NotBlessed(i) => {
            out.fail_with_croak(std::ptr::null_mut());
            out.warn = entry.not_blessed_message(i).as_ptr();
        }
        // Nothing to raise: glue.c resumes Perl's longjmp, or performs
        // the exit, before it looks at the outcome.
        XsError::PerlDied | XsError::Exit => out.fail_with_croak(std::ptr::null_mut()),
    }
}

impl Outcome {
    /// Mark the call failed (the C side initialises only `failed`; a
    /// success sets `count` and `targ`).
    fn fail_with_croak(&mut self, croak: *mut SV) {
        self.failed = 1;
        self.croak = croak;
        self.warn = std::ptr::null();
    }
}

fn mortal(perl: Perl, v: NewSv) -> *mut SV {
    // SAFETY: hands our reference to the mortal stack.
    unsafe { ffi::sysvirt_mortal(perl.0, v.into_raw()) }
}

fn mortal_str(perl: Perl, s: &str) -> *mut SV {
    mortal(perl, perl.new_str(s))
}

/// Run the Rust body of a C callback that libvirt calls (credentials,
/// stream handlers, events): a panic becomes an `XsError::Die` naming
/// `what`, instead of unwinding into C (rule 3).
pub fn catch_callback_panic<T>(what: &str, body: impl FnOnce() -> Result<T>) -> Result<T> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(panic) => Err(XsError::Die(format!(
            "{what}: internal error: {}",
            panic_message(&panic)
        ))),
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

// ---------------------------------------------------------------- boot

/// The entry point XSLoader calls. It only forwards to C, which performs
/// the version handshake (and may croak: this frame owns nothing).
///
/// # Safety
/// Called by Perl's DynaLoader with the running interpreter and the boot CV.
#[no_mangle]
pub unsafe extern "C" fn boot_Sys__Virt(p: ffi::P, cv: *mut CV) {
    // SAFETY: forwarding Perl's own arguments.
    unsafe { ffi::sysvirt_boot(p, cv) }
}

/// Called by `sysvirt_boot` after the handshake: registers everything.
/// Returns NULL, or a mortal message to croak with.
///
/// # Safety
/// Called only from `sysvirt_boot` with the running interpreter.
#[no_mangle]
pub unsafe extern "C" fn sysvirt_rust_boot(p: ffi::P) -> *mut SV {
    let perl = Perl(p);
    // A per-process secret for the seals on object handles.
    let seed = {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_usize(&perl as *const Perl as usize);
        h.finish()
    };
    // SAFETY: sets a process-wide value once; later calls keep it.
    unsafe { ffi::sysvirt_handles_init(seed) };
    match catch_unwind(AssertUnwindSafe(|| crate::boot(perl))) {
        Ok(Ok(())) => std::ptr::null_mut(),
        Ok(Err(msg)) => mortal_str(perl, &format!("Sys::Virt boot failed: {msg}")),
        Err(panic) => mortal_str(
            perl,
            &format!("Sys::Virt boot failed: {}", panic_message(&panic)),
        ),
    }
}

/// Argument-count bounds implied by a prototype such as `"$$;$"`.
fn arity(proto: Option<&str>) -> (i32, i32) {
    let Some(proto) = proto else {
        return (0, i32::MAX);
    };
    let (req, opt) = proto.split_once(';').unwrap_or((proto, ""));
    let unlimited = proto.contains('@') || proto.contains('%');
    let min = req.chars().filter(|c| *c == '$').count() as i32;
    let max = if unlimited {
        i32::MAX
    } else {
        min + opt.chars().filter(|c| *c == '$').count() as i32
    };
    (min, max)
}

/// Register one method of the manifest as an XSUB of its package.
pub fn register_method(perl: Perl, m: &'static Method) -> std::result::Result<(), String> {
    let (min_args, max_args) = arity(m.prototype);
    let self_class = m.invocant.map_or(0, |c| c.class);
    // Leaked: the CV points at it for the life of the process (and
    // ithreads copy the pointer into cloned interpreters).
    let entry: &'static XsEntry = Box::leak(Box::new(XsEntry {
        self_class,
        invocant: m.invocant,
        run: m.run,
        fast: m.fast,
        package: m.package,
        name: m.name,
        usage: m.usage,
        arguments: m.arguments,
        min_args,
        max_args,
        not_blessed: OnceLock::new(),
    }));
    let full = CString::new(format!("{}::{}", m.package, m.name)).map_err(|e| e.to_string())?;
    let proto_c = m
        .prototype
        .map(|p| CString::new(p).map_err(|e| e.to_string()))
        .transpose()?;
    // SAFETY: names are valid C strings; `entry` lives forever.
    unsafe {
        ffi::sysvirt_newxs(
            perl.0,
            full.as_ptr(),
            proto_c.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
            entry as *const XsEntry as *const c_void,
        )
    };
    Ok(())
}

/// A constant's value.
pub enum ConstValue {
    Int(i64),
    Uint(u64),
    Str(&'static CStr),
}

impl Perl {
    /// After the constants of `pkg` are defined: its method caches are
    /// stale (once per package, not per constant).
    pub fn constants_defined(self, pkg: &CStr) {
        // SAFETY: a valid C string; no Perl code runs.
        unsafe { ffi::sysvirt_constants_defined(self.0, pkg.as_ptr()) }
    }
    /// Define the constant `pkg::name` (a sub with the empty prototype, or
    /// the reference Perl turns into one: sysvirt_newconst_op in glue.c).
    pub fn define_constant(self, pkg: &CStr, name: &CStr, value: &ConstValue) {
        // SAFETY: valid C strings; the stash copies the name and takes
        // over the new value SV.
        unsafe {
            match value {
                ConstValue::Int(v) => {
                    ffi::sysvirt_newconst_iv(self.0, pkg.as_ptr(), name.as_ptr(), *v)
                }
                ConstValue::Uint(v) => {
                    ffi::sysvirt_newconst_uv(self.0, pkg.as_ptr(), name.as_ptr(), *v)
                }
                ConstValue::Str(v) => {
                    ffi::sysvirt_newconst_pv(self.0, pkg.as_ptr(), name.as_ptr(), v.as_ptr())
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arity_from_prototype() {
        assert_eq!(arity(Some("$")), (1, 1));
        assert_eq!(arity(Some("$$;$")), (2, 3));
        assert_eq!(arity(Some("$;$$$$")), (1, 5));
        assert_eq!(arity(Some("$$;@")), (2, i32::MAX));
        assert_eq!(arity(None), (0, i32::MAX));
    }
}
