//! Typed parameters: `virTypedParameter` arrays <-> Perl hash refs keyed by
//! field name (the string constants, e.g. `Sys::Virt::Domain::MEMORY_HARD_LIMIT`
//! = "hard_limit"). Written once, used by every class.
//!
//! - getters fill a [`TypedParams`] (or receive a [`LibvirtParams`] that
//!   libvirt allocated) and return [`TypedParams::to_hash`];
//! - getters of the `get(params, &n)` kind run through [`get_params`]: one
//!   call when the parameters fit the call's RPC limit ([`rpc_limit`]), the
//!   C original's two (count, then values) only when they may not;
//! - setters that first read the current values (to learn each field's
//!   type) use [`params_from_current`] (or [`TypedParams::keep_from_hash`],
//!   [`LibvirtParams::keep_from_hash`]);
//! - calls that take parameters of documented types (migration, save,
//!   backup...) build them with [`TypedParams::from_hash`] and a spec.

use crate::error::check;
use crate::handle::Handle;
use crate::owned::{fixed_cstr, opt_cstr_sv};
use crate::perl::{FieldNames, HashRef, NewSv, Perl, Result, Sv, Xs, XsError, XsResult};
use std::os::raw::{c_char, c_int, c_uint};
use virt_sys as sys;

/// The type of a parameter a caller may pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamType {
    Int,
    UInt,
    LLong,
    ULLong,
    Double,
    Boolean,
    String,
    /// Several STRING parameters with the same name, from an array ref.
    StringList,
}

impl ParamType {
    /// The type of a parameter libvirt reported (`None`: a type this
    /// binding does not know).
    fn of(p: &sys::virTypedParameter) -> Option<ParamType> {
        Some(match p.type_ as u32 {
            sys::VIR_TYPED_PARAM_INT => ParamType::Int,
            sys::VIR_TYPED_PARAM_UINT => ParamType::UInt,
            sys::VIR_TYPED_PARAM_LLONG => ParamType::LLong,
            sys::VIR_TYPED_PARAM_ULLONG => ParamType::ULLong,
            sys::VIR_TYPED_PARAM_DOUBLE => ParamType::Double,
            sys::VIR_TYPED_PARAM_BOOLEAN => ParamType::Boolean,
            sys::VIR_TYPED_PARAM_STRING => ParamType::String,
            _ => return None,
        })
    }
}

/// A parameter name accepted by a call, and its type.
pub type ParamSpec = (&'static str, ParamType);

/// A parameter's name, as bytes.
pub fn field_name(p: &sys::virTypedParameter) -> &[u8] {
    fixed_cstr(&p.field)
}

/// A parameter's name as a hash key.
fn field_key(p: &sys::virTypedParameter) -> String {
    String::from_utf8_lossy(field_name(p)).into_owned()
}

/// Give `p` the name `name`: false (`p` unchanged) when it does not fit
/// libvirt's field or holds a NUL.
pub fn set_field_name(p: &mut sys::virTypedParameter, name: &[u8]) -> bool {
    if name.len() >= p.field.len() || name.contains(&0) {
        return false;
    }
    p.field.fill(0);
    for (dst, &src) in p.field.iter_mut().zip(name) {
        *dst = src as c_char;
    }
    true
}

/// The `n` parameters at `ptr`, borrowed (none for NULL).
///
/// # Safety
/// `ptr` is NULL or points at `n` initialised parameters that outlive `'a`.
pub unsafe fn borrowed<'a>(
    ptr: *const sys::virTypedParameter,
    n: c_int,
) -> &'a [sys::virTypedParameter] {
    if ptr.is_null() || n <= 0 {
        return &[];
    }
    // SAFETY: per the contract.
    unsafe { std::slice::from_raw_parts(ptr, n as usize) }
}

/// One parameter's value as a new Perl value.
fn value_to_sv(perl: Perl, p: &sys::virTypedParameter) -> NewSv {
    // SAFETY: the union member read is the one `type_` says is set.
    unsafe {
        match p.type_ as u32 {
            sys::VIR_TYPED_PARAM_INT => perl.new_i64(p.value.i as i64),
            sys::VIR_TYPED_PARAM_UINT => perl.new_u64(p.value.ui as u64),
            sys::VIR_TYPED_PARAM_LLONG => perl.new_i64(p.value.l),
            sys::VIR_TYPED_PARAM_ULLONG => perl.new_u64(p.value.ul),
            sys::VIR_TYPED_PARAM_DOUBLE => perl.new_f64(p.value.d),
            sys::VIR_TYPED_PARAM_BOOLEAN => perl.new_i64(p.value.b as i64),
            sys::VIR_TYPED_PARAM_STRING => opt_cstr_sv(perl, p.value.s),
            _ => perl.new_undef(),
        }
    }
}

/// A hash ref of `params`. A name that appears several times (a string
/// list) keeps its last value, as the C original does.
///
/// The names repeat call after call, so the hash is a copy of a template
/// of them when the interpreter has one (`Perl::templated_hash`).
pub fn params_to_hash(perl: Perl, params: &[sys::virTypedParameter]) -> NewSv {
    let (base, field_len) = params
        .first()
        .map_or((std::ptr::null(), 0), |p| (p.field.as_ptr(), p.field.len()));
    // SAFETY: parameter k's `field` (`field_len` bytes) is at `base` plus
    // k parameters, borrowed from `params` for the call.
    let names = unsafe {
        FieldNames::new(
            base,
            std::mem::size_of::<sys::virTypedParameter>(),
            field_len,
            params.len(),
        )
    };
    perl.templated_hash(&names, |k| value_to_sv(perl, &params[k]))
        .into_ref()
}

/// Set `p`'s value from a Perl value according to `p.type_`.
fn set_value(perl: Perl, p: &mut sys::virTypedParameter, sv: Sv) -> Result<()> {
    match p.type_ as u32 {
        sys::VIR_TYPED_PARAM_INT => p.value.i = perl.to_i64(sv)? as c_int,
        sys::VIR_TYPED_PARAM_UINT => p.value.ui = perl.to_u64(sv)? as u32,
        sys::VIR_TYPED_PARAM_LLONG => p.value.l = perl.to_i64(sv)?,
        sys::VIR_TYPED_PARAM_ULLONG => p.value.ul = perl.to_u64(sv)?,
        sys::VIR_TYPED_PARAM_DOUBLE => p.value.d = perl.to_f64(sv)?,
        sys::VIR_TYPED_PARAM_BOOLEAN => p.value.b = perl.to_bool(sv)? as c_char,
        sys::VIR_TYPED_PARAM_STRING => {
            let s = perl.to_cstr(sv)?;
            // SAFETY: strdup copies a valid C string; the copy is owned by
            // the parameter and released by virTypedParamsClear.
            let dup = unsafe { libc::strdup(s.as_ptr()) };
            if dup.is_null() {
                return Err(XsError::die("out of memory"));
            }
            // SAFETY: any string previously held was ours; free it first.
            unsafe {
                libc::free(p.value.s.cast());
                p.value.s = dup;
            }
        }
        t => return Err(XsError::Die(format!("unknown typed parameter type {t}"))),
    }
    Ok(())
}

fn new_param(name: &str, type_: u32) -> Result<sys::virTypedParameter> {
    // SAFETY: an all-zero virTypedParameter is valid (empty name, NULL s).
    let mut p: sys::virTypedParameter = unsafe { std::mem::zeroed() };
    if !set_field_name(&mut p, name.as_bytes()) {
        return Err(XsError::Die(format!(
            "typed parameter name '{name}' is invalid"
        )));
    }
    p.type_ = type_ as c_int;
    Ok(p)
}

/// An array of typed parameters owned by Rust (string values included).
pub struct TypedParams(Vec<sys::virTypedParameter>);

impl Drop for TypedParams {
    fn drop(&mut self) {
        // SAFETY: frees the string values we or libvirt put in our array
        // (each exactly once) and leaves the array to Vec.
        unsafe { sys::virTypedParamsClear(self.0.as_mut_ptr(), self.0.len() as c_int) }
    }
}

impl TypedParams {
    /// `n` empty parameters, for a libvirt getter to fill.
    pub fn with_len(n: usize) -> TypedParams {
        // SAFETY: all-zero parameters are valid (type 0 is never read).
        TypedParams(vec![unsafe { std::mem::zeroed() }; n])
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// For libvirt calls: the array (NULL-safe even when empty).
    pub fn as_mut_ptr(&mut self) -> *mut sys::virTypedParameter {
        self.0.as_mut_ptr()
    }
    /// Keep the first `n` parameters (a getter filled fewer than asked).
    pub fn truncate(&mut self, n: usize) {
        if n < self.0.len() {
            let tail = &mut self.0[n..];
            // SAFETY: frees the tail's string values, once; the array
            // itself is plain data that Vec::truncate just forgets.
            unsafe { sys::virTypedParamsClear(tail.as_mut_ptr(), tail.len() as c_int) };
            self.0.truncate(n);
        }
    }
    pub fn to_hash(&self, perl: Perl) -> NewSv {
        params_to_hash(perl, &self.0)
    }
    /// Give each parameter named `from` of `renames` the name `to` (at most
    /// as long: every `to` must fit the field).
    pub fn rename(&mut self, renames: &[(&[u8], &str)]) {
        for p in self.0.iter_mut() {
            let name = field_name(p);
            if let Some(&(_, to)) = renames.iter().find(|(from, _)| *from == name) {
                set_field_name(p, to.as_bytes());
            }
        }
    }
    /// `[[field, type, value], ...]` in order, the type by name ("int",
    /// "uint", "llong", "ullong", "double", "boolean", "string"): what a
    /// libvirt call receives, for the test hook `_test_typed_params`.
    pub fn to_list(&self, perl: Perl) -> NewSv {
        let mut list = perl.new_array();
        for p in &self.0 {
            let ty = match p.type_ as u32 {
                sys::VIR_TYPED_PARAM_INT => "int",
                sys::VIR_TYPED_PARAM_UINT => "uint",
                sys::VIR_TYPED_PARAM_LLONG => "llong",
                sys::VIR_TYPED_PARAM_ULLONG => "ullong",
                sys::VIR_TYPED_PARAM_DOUBLE => "double",
                sys::VIR_TYPED_PARAM_BOOLEAN => "boolean",
                sys::VIR_TYPED_PARAM_STRING => "string",
                _ => "unknown",
            };
            let mut item = perl.new_array();
            item.push(perl.new_bytes(field_name(p)));
            item.push(perl.new_str(ty));
            item.push(value_to_sv(perl, p));
            list.push(item.into_ref());
        }
        list.into_ref()
    }
    /// For setters: keep only the parameters the hash names, with the
    /// hash's values (each field's type is the one the getter reported).
    pub fn keep_from_hash(&mut self, perl: Perl, hv: HashRef) -> Result<()> {
        // In place: the kept parameters move to the front, in their order,
        // and every parameter stays in the array until the rest is cleared
        // (so a failure leaves each string to Drop, freed once).
        let mut kept = 0;
        for i in 0..self.0.len() {
            let Some(sv) = hv.get(field_name(&self.0[i]))? else {
                continue;
            };
            if kept != i {
                self.0.swap(kept, i);
            }
            kept += 1;
            // A string the getter returned is freed by set_value when it
            // replaces it.
            set_value(perl, &mut self.0[kept - 1], sv)?;
        }
        let rest = &mut self.0[kept..];
        if !rest.is_empty() {
            // SAFETY: frees the strings of the parameters left out, once:
            // they leave the array right after.
            unsafe { sys::virTypedParamsClear(rest.as_mut_ptr(), rest.len() as c_int) };
            self.0.truncate(kept);
        }
        Ok(())
    }
    /// Parameters from the hash keys that `spec` lists (others are
    /// ignored, as by the C original). A `StringList` key takes an array
    /// ref (or a single string).
    pub fn from_hash(perl: Perl, hv: HashRef, spec: &[ParamSpec]) -> Result<TypedParams> {
        let mut out = TypedParams(Vec::new());
        for &(name, ty) in spec {
            let Some(sv) = hv.get(name)? else { continue };
            out.push(perl, name, ty, sv)?;
        }
        Ok(out)
    }
    /// Add one parameter (several for a string list) from a Perl value.
    pub fn push(&mut self, perl: Perl, name: &str, ty: ParamType, sv: Sv) -> Result<()> {
        let vir_type = match ty {
            ParamType::Int => sys::VIR_TYPED_PARAM_INT,
            ParamType::UInt => sys::VIR_TYPED_PARAM_UINT,
            ParamType::LLong => sys::VIR_TYPED_PARAM_LLONG,
            ParamType::ULLong => sys::VIR_TYPED_PARAM_ULLONG,
            ParamType::Double => sys::VIR_TYPED_PARAM_DOUBLE,
            ParamType::Boolean => sys::VIR_TYPED_PARAM_BOOLEAN,
            ParamType::String => sys::VIR_TYPED_PARAM_STRING,
            ParamType::StringList => {
                let items = match perl.array_ref(sv) {
                    Some(av) => av.items()?,
                    None => vec![Some(sv)],
                };
                for item in items.into_iter().flatten() {
                    self.push(perl, name, ParamType::String, item)?;
                }
                return Ok(());
            }
        };
        self.0.push(new_param(name, vir_type)?);
        let last = self.0.last_mut().expect("just pushed");
        set_value(perl, last, sv)
    }
}

/// The most parameters one call of `getter` can return over RPC: libvirt's
/// limits in remote_protocol.x (`REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX`...).
/// Every driver fills at most the `*nparams` it is given and says how many
/// it filled, so a buffer of this size gets them all in one call whenever
/// fewer come back ([`get_params`]). A getter missing here is a build error
/// where the manifest names it.
const RPC_LIMITS: &[(&str, usize)] = &[
    ("virDomainGetMemoryParameters", 16),
    ("virDomainGetBlkioParameters", 16),
    ("virDomainGetNumaParameters", 16),
    ("virDomainGetInterfaceParameters", 16),
    ("virDomainGetBlockIoTune", 32),
    ("virNodeGetMemoryParameters", 64),
    ("virDomainGetCPUStats", 16),
];

/// `getter`'s entry in [`RPC_LIMITS`], at compile time.
pub const fn rpc_limit(getter: &str) -> usize {
    let mut i = 0;
    while i < RPC_LIMITS.len() {
        let (name, limit) = RPC_LIMITS[i];
        if const_str_eq(name, getter) {
            return limit;
        }
        i += 1;
    }
    panic!("typed_params::RPC_LIMITS lacks a getter the manifest uses")
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Run a typed-parameter getter `get(params, &n)`, where libvirt fills at
/// most `n` parameters and sets `n` to how many it filled. First one call
/// with room for `limit` ([`rpc_limit`]): fewer than `limit` back is all of
/// them. Only a full buffer (there may be more) falls back to the C
/// original's two steps, `get(NULL, &n)` for the count, then the values.
/// One libvirt call, one round trip on a remote connection, instead of two.
pub fn get_params(
    limit: usize,
    get: impl Fn(*mut sys::virTypedParameter, &mut c_int) -> c_int,
) -> Result<TypedParams> {
    let mut params = TypedParams::with_len(limit);
    let mut n = limit as c_int;
    if limit > 0 {
        check(get(params.as_mut_ptr(), &mut n))?;
        if (n.max(0) as usize) < limit {
            params.truncate(n.max(0) as usize);
            return Ok(params);
        }
    }
    n = 0;
    check(get(std::ptr::null_mut(), &mut n))?;
    let want = n.max(0) as usize;
    let mut params = TypedParams::with_len(want);
    if want == 0 {
        return Ok(params);
    }
    check(get(params.as_mut_ptr(), &mut n))?;
    params.truncate((n.max(0) as usize).min(want));
    Ok(params)
}

/// A setter's parameters: the current ones from the getter `get` (as for
/// [`get_params`]), restricted to (and valued from) the caller's hash.
pub fn params_from_current(
    perl: Perl,
    hv: HashRef,
    limit: usize,
    get: impl Fn(*mut sys::virTypedParameter, &mut c_int) -> c_int,
) -> Result<TypedParams> {
    let mut params = get_params(limit, get)?;
    params.keep_from_hash(perl, hv)?;
    Ok(params)
}

/// A parameter array allocated by libvirt (`virTypedParamsFree` on drop).
pub struct LibvirtParams {
    ptr: *mut sys::virTypedParameter,
    n: c_int,
}

impl LibvirtParams {
    /// # Safety
    /// `ptr` is NULL or an array of `n` parameters libvirt allocated for
    /// the caller, who now owns it.
    pub unsafe fn from_raw(ptr: *mut sys::virTypedParameter, n: c_int) -> LibvirtParams {
        LibvirtParams { ptr, n }
    }
    pub fn as_slice(&self) -> &[sys::virTypedParameter] {
        // SAFETY: `n` initialised parameters (constructor contract), ours
        // until drop.
        unsafe { borrowed(self.ptr, self.n) }
    }
    pub fn to_hash(&self, perl: Perl) -> NewSv {
        params_to_hash(perl, self.as_slice())
    }
    /// For setters whose getter allocates the array: the parameters the
    /// hash names, with the hash's values and the types libvirt reported
    /// (fields of an unknown type are left out).
    pub fn keep_from_hash(&self, perl: Perl, hv: HashRef) -> Result<TypedParams> {
        let mut out = TypedParams(Vec::new());
        for p in self.as_slice() {
            let Some(ty) = ParamType::of(p) else { continue };
            let name = field_key(p);
            if let Some(sv) = hv.get(&name)? {
                out.push(perl, &name, ty, sv)?;
            }
        }
        Ok(out)
    }
}

impl Drop for LibvirtParams {
    fn drop(&mut self) {
        // SAFETY: we own the array and its strings; freed once.
        unsafe { sys::virTypedParamsFree(self.ptr, self.n) }
    }
}

// ---------------------------------------------------------------------
// The typed-parameter getter/setter shapes of the manifest: libvirt's
// `get(obj, params, &nparams, flags)` / `set(obj, params, nparams, flags)`
// pairs (memory, blkio, NUMA parameters...), and the same with a device
// name after the object (interface parameters, block I/O tuning).

/// `get(obj, params, &nparams, flags)`: NULL params asks for the count.
pub type GetFn<T> =
    unsafe extern "C" fn(*mut T, *mut sys::virTypedParameter, *mut c_int, c_uint) -> c_int;
/// `set(obj, params, nparams, flags)`.
pub type SetFn<T> =
    unsafe extern "C" fn(*mut T, *mut sys::virTypedParameter, c_int, c_uint) -> c_int;
/// `get(obj, device, params, &nparams, flags)`.
pub type DeviceGetFn<T> = unsafe extern "C" fn(
    *mut T,
    *const c_char,
    *mut sys::virTypedParameter,
    *mut c_int,
    c_uint,
) -> c_int;
/// `set(obj, device, params, nparams, flags)`.
pub type DeviceSetFn<T> = unsafe extern "C" fn(
    *mut T,
    *const c_char,
    *mut sys::virTypedParameter,
    c_int,
    c_uint,
) -> c_int;

/// `$params = $obj->get_...($flags=0)`
pub fn getter<T: Handle>(xs: &mut Xs, get: GetFn<T>, limit: usize) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `obj` is live; `p` is NULL with n = 0, or an array of `n`
    // parameters, which bounds what libvirt writes.
    let params = get_params(limit, |p, n| unsafe { get(obj, p, n, flags) })?;
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `$obj->set_...(\%params, $flags=0)`: the current values (read with
/// `get`) updated from the hash, then `set`.
pub fn setter<T: Handle>(xs: &mut Xs, get: GetFn<T>, set: SetFn<T>, limit: usize) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let hv = xs.hash_ref(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: as in `getter`.
    let mut params = params_from_current(xs.perl, hv, limit, |p, n| unsafe { get(obj, p, n, 0) })?;
    // SAFETY: `params` holds `len` initialised parameters.
    check(unsafe { set(obj, params.as_mut_ptr(), params.len() as c_int, flags) })?;
    Ok(())
}

/// `$params = $obj->get_...($device, $flags=0)`
pub fn device_getter<T: Handle>(xs: &mut Xs, get: DeviceGetFn<T>, limit: usize) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let params = {
        let dev = xs.str(1)?;
        let flags = xs.flags(2)?;
        let d = dev.as_ptr();
        // SAFETY: `obj` is live; `d` is a C string alive for the call; `p`
        // is NULL with n = 0 or an array of `n` parameters.
        get_params(limit, |p, n| unsafe { get(obj, d, p, n, flags) })?
    };
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `$obj->set_...($device, \%params, $flags=0)`
pub fn device_setter<T: Handle>(
    xs: &mut Xs,
    get: DeviceGetFn<T>,
    set: DeviceSetFn<T>,
    limit: usize,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let dev = xs.str(1)?;
    let hv = xs.hash_ref(2)?;
    let flags = xs.flags(3)?;
    let d = dev.as_ptr();
    // SAFETY: as in `device_getter`.
    let mut params =
        params_from_current(xs.perl, hv, limit, |p, n| unsafe { get(obj, d, p, n, 0) })?;
    // SAFETY: `params` holds `len` initialised parameters.
    check(unsafe { set(obj, d, params.as_mut_ptr(), params.len() as c_int, flags) })?;
    Ok(())
}

/// `get(obj, &params, &nparams, flags)`: libvirt allocates the array
/// (the admin API's thread pool, client limit and client info getters).
pub type AllocGetFn<T> =
    unsafe extern "C" fn(*mut T, *mut sys::virTypedParameterPtr, *mut c_int, c_uint) -> c_int;

/// The parameters `get(obj, ..., flags)` allocates.
fn alloc_params<T>(obj: *mut T, get: AllocGetFn<T>, flags: c_uint) -> Result<LibvirtParams> {
    let mut p: sys::virTypedParameterPtr = std::ptr::null_mut();
    let mut n: c_int = 0;
    // SAFETY: `obj` is live (callers checked it); out-pointers to locals.
    let rc = unsafe { get(obj, &mut p, &mut n, flags) };
    // SAFETY: on success the array of `n` parameters is ours; on failure
    // it is NULL (freeing NULL is harmless).
    let params = unsafe { LibvirtParams::from_raw(p, n) };
    check(rc)?;
    Ok(params)
}

/// `$params = $obj->get_...($flags=0)` through a getter that allocates.
pub fn alloc_getter<T: Handle>(xs: &mut Xs, get: AllocGetFn<T>) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let flags = xs.flags(1)?;
    let params = alloc_params(obj, get, flags)?;
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `$obj->set_...(\%params, $flags=0)` whose getter allocates: the
/// hash's keys that the getter reports are set, with the types it
/// reports for them.
pub fn alloc_setter<T: Handle>(xs: &mut Xs, get: AllocGetFn<T>, set: SetFn<T>) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let hv = xs.hash_ref(1)?;
    let flags = xs.flags(2)?;
    let current = alloc_params(obj, get, 0)?;
    let mut wanted = current.keep_from_hash(xs.perl, hv)?;
    // SAFETY: `obj` is live; `wanted` holds `len` initialised parameters.
    check(unsafe { set(obj, wanted.as_mut_ptr(), wanted.len() as c_int, flags) })?;
    Ok(())
}
