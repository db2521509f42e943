//! Declarations of the C half of the boundary (`glue.c`) and the few
//! exported `Perl_*` functions used directly. Only `rust/perl/` uses them.

use super::key_templates::FieldNames;
use std::os::raw::{c_char, c_int, c_void};

/// `PerlInterpreter` (opaque).
#[repr(C)]
pub struct Interpreter {
    _private: [u8; 0],
}
/// `SV` (opaque).
#[repr(C)]
pub struct SV {
    _private: [u8; 0],
}
/// `HV` (opaque).
#[repr(C)]
pub struct HV {
    _private: [u8; 0],
}
/// `AV` (opaque).
#[repr(C)]
pub struct AV {
    _private: [u8; 0],
}
/// `sysvirt_lent`: an object lent to a callback (see "Lent handles" in
/// glue.c).
#[repr(C)]
pub struct Lent {
    pub rv: *mut SV,
    pub obj: *mut SV,
    pub ptr: *mut c_void,
    pub take_ref: unsafe extern "C" fn(*mut c_void) -> c_int,
    pub classid: u16,
    pub settled: c_int,
}
/// `CV` (opaque).
#[repr(C)]
pub struct CV {
    _private: [u8; 0],
}

pub type P = *mut Interpreter;

/// What the generic XSUB does once the Rust body has returned.
#[repr(C)]
pub struct Outcome {
    /// Set with one of the two below (neither: an exit, see glue.c).
    pub failed: c_int,
    pub croak: *mut SV,
    /// A message to warn (then return undef); lives at least until the
    /// C side has warned (a leaked or entry-owned string).
    pub warn: *const c_char,
    /// Number of return values; when at most `INLINE_RETURNS`, they are
    /// in `vals` and the C side stores them on the stack.
    pub count: i32,
    pub vals: [*mut SV; INLINE_RETURNS],
    /// The first value, for the C side to store in the call's target SV:
    /// 1 or 2 `targ_iv` signed or unsigned, 3 the C string `targ_pv`
    /// (alive until the XSUB returns), 4 the same, to `free()` after.
    pub targ: c_int,
    pub targ_iv: i64,
    pub targ_pv: *mut c_char,
}

/// Return values passed back in [`Outcome::vals`] (SYSVIRT_INLINE_RETURNS).
pub const INLINE_RETURNS: usize = 4;

/// Result of a scalar read (`sysvirt_sv_read`).
#[repr(C)]
pub struct Scalar {
    pub iv: i64,
    pub uv: u64,
    pub nv: f64,
    pub pv: *const c_char,
    pub len: usize,
    pub defined: c_int,
    pub truth: c_int,
}

impl Scalar {
    pub fn new() -> Scalar {
        Scalar {
            iv: 0,
            uv: 0,
            nv: 0.0,
            pv: std::ptr::null(),
            len: 0,
            defined: 0,
            truth: 0,
        }
    }
}

pub const READ_IV: c_int = 1;
pub const READ_UV: c_int = 2;
pub const READ_NV: c_int = 3;
pub const READ_PV: c_int = 4;
pub const READ_BOOL: c_int = 5;
pub const READ_DEFINED: c_int = 6;

extern "C" {
    pub fn sysvirt_boot(p: P, cv: *mut CV);
    pub fn sysvirt_newxs(p: P, name: *const c_char, proto: *const c_char, entry: *const c_void);
    pub fn sysvirt_newconst_iv(p: P, pkg: *const c_char, name: *const c_char, v: i64);
    pub fn sysvirt_newconst_uv(p: P, pkg: *const c_char, name: *const c_char, v: u64);
    pub fn sysvirt_constants_defined(p: P, pkg: *const c_char);
    pub fn sysvirt_newconst_pv(p: P, pkg: *const c_char, name: *const c_char, v: *const c_char);

    pub fn sysvirt_stack_arg(p: P, ax: i32, i: i32) -> *mut SV;
    pub fn sysvirt_stack_put(p: P, ax: i32, vals: *const *mut SV, n: i32);

    pub fn sysvirt_new_iv(p: P, v: i64) -> *mut SV;
    pub fn sysvirt_new_uv(p: P, v: u64) -> *mut SV;
    pub fn sysvirt_new_nv(p: P, v: f64) -> *mut SV;
    pub fn sysvirt_new_pvn(p: P, s: *const c_char, n: usize) -> *mut SV;
    pub fn sysvirt_new_undef(p: P) -> *mut SV;
    pub fn sysvirt_new_rv_noinc(p: P, sv: *mut SV) -> *mut SV;
    pub fn sysvirt_new_hv(p: P) -> *mut HV;
    pub fn sysvirt_new_hv_sized(p: P, keys: isize) -> *mut HV;
    pub fn sysvirt_new_av(p: P) -> *mut AV;
    pub fn sysvirt_sv_undef(p: P) -> *mut SV;
    pub fn sysvirt_targ_pvn(p: P, s: *const c_char, n: usize) -> *mut SV;
    pub fn sysvirt_targ_pv(p: P, s: *const c_char) -> *mut SV;
    pub fn sysvirt_mortal(p: P, sv: *mut SV) -> *mut SV;
    pub fn sysvirt_refcnt_dec(p: P, sv: *mut SV);
    pub fn sysvirt_refcnt_inc(p: P, sv: *mut SV) -> *mut SV;
    pub fn sysvirt_new_copy(p: P, sv: *mut SV, out: *mut *mut SV) -> c_int;
    pub fn sysvirt_hv_store(p: P, hv: *mut HV, key: *const c_char, klen: i32, val: *mut SV);
    pub fn sysvirt_hv_store_num(
        p: P,
        hv: *mut HV,
        key: *const c_char,
        klen: i32,
        hash: u32,
        v: i64,
        is_unsigned: c_int,
    );
    pub fn sysvirt_key_hash(key: *const c_char, klen: i32) -> u32;
    pub fn sysvirt_template_find(
        p: P,
        names: *const FieldNames,
        tmpl: *mut *mut HV,
        order: *mut *const u16,
    ) -> c_int;
    pub fn sysvirt_hv_from_template(p: P, tmpl: *mut HV, vals: *mut *mut SV) -> *mut HV;
    pub fn sysvirt_template_store(p: P, names: *const FieldNames, built: *mut HV);
    pub fn sysvirt_av_push(p: P, av: *mut AV, val: *mut SV);
    pub fn sysvirt_bless(p: P, rv: *mut SV, pkg: *const c_char) -> *mut SV;

    pub fn sysvirt_sv_read(p: P, sv: *mut SV, what: c_int, out: *mut Scalar) -> c_int;
    pub fn sysvirt_deref_hv(p: P, sv: *mut SV) -> *mut HV;
    pub fn sysvirt_deref_av(p: P, sv: *mut SV) -> *mut AV;
    pub fn sysvirt_is_code_ref(p: P, sv: *mut SV) -> c_int;
    pub fn sysvirt_hv_fetch_protected(
        p: P,
        hv: *mut HV,
        key: *const c_char,
        klen: i32,
        out: *mut *mut SV,
    ) -> c_int;
    pub fn sysvirt_av_len_protected(p: P, av: *mut AV, len: *mut isize) -> c_int;
    pub fn sysvirt_av_fetch_protected(p: P, av: *mut AV, i: isize, out: *mut *mut SV) -> c_int;
    pub fn sysvirt_sv_setpvn_protected(p: P, sv: *mut SV, s: *const c_char, n: usize) -> c_int;

    pub fn sysvirt_call_eval(
        p: P,
        cb: *mut SV,
        args: *const *mut SV,
        n: i32,
        context: i32,
        hand_over: c_int,
        lent: *mut Lent,
        results: *mut *mut AV,
    ) -> c_int;
    pub fn sysvirt_exit_is_pending() -> c_int;
    pub fn sysvirt_exit_discard();
    pub fn sysvirt_hook_failure_keep(err: *mut SV) -> c_int;
    pub fn sysvirt_in_module() -> c_int;
    pub fn sysvirt_g_scalar() -> i32;
    pub fn sysvirt_g_scalar_discard() -> i32;
    pub fn sysvirt_g_list() -> i32;
    pub fn sysvirt_av_shift_noinc(p: P, av: *mut AV) -> *mut SV;

    pub fn sysvirt_handle_new(p: P, pkg: *const c_char, ptr: *mut c_void, classid: u16) -> *mut SV;
    pub fn sysvirt_handle_new_lent(
        p: P,
        pkg: *const c_char,
        ptr: *mut c_void,
        classid: u16,
        lent: *mut Lent,
    ) -> *mut SV;
    pub fn sysvirt_lent_settle(p: P, lent: *mut Lent);
    pub fn sysvirt_handle_new_mortal(
        p: P,
        pkg: *const c_char,
        ptr: *mut c_void,
        classid: u16,
    ) -> *mut SV;
    pub fn sysvirt_handles_init(seed: u64);
    pub fn sysvirt_handle_arg(p: P, ax: i32, i: i32, classid: u16, ptr: *mut *mut c_void) -> c_int;
    pub fn sysvirt_handle_get(p: P, sv: *mut SV, classid: u16, ptr: *mut *mut c_void) -> c_int;
    pub fn sysvirt_handle_take(p: P, sv: *mut SV, classid: u16) -> *mut c_void;

    pub fn sysvirt_current_interpreter() -> P;
    pub fn sysvirt_get_cv(p: P, name: *const c_char) -> *mut SV;
    pub fn sysvirt_deref_scalar(p: P, sv: *mut SV) -> *mut SV;
}
