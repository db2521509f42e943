//! Object handles: one mechanism for every class that wraps a libvirt
//! pointer (the classes of data/classes.tsv). A handle is a blessed reference holding the pointer (tagged
//! with its class by the boundary layer); `DESTROY` takes the pointer out
//! and frees it, so it is freed exactly once. Child objects need nothing
//! more to keep their connection alive: libvirt's own reference counting
//! keeps a `virConnect` open while a domain, network... obtained from it
//! exists, as with the C original.
//!
//! Also the generic bodies of methods that are a single libvirt call on
//! the object (`create`, `undefine`, `is_active`, `get_autostart`...),
//! shared by every class.

use crate::error::check;
use crate::perl::{opt_ptr, Got, Invocant, NewSv, Perl, Sv, Xs, XsError, XsResult};
use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_uint, c_void};
use virt_sys as sys;

/// A libvirt object type exposed as a Perl class.
pub trait Handle {
    /// Tag distinguishing this class's handles from every other's.
    const CLASS: u16;
    /// The Perl package new objects are blessed into.
    const PACKAGE: &'static CStr;
    /// libvirt's error for an invalid object of this type (code, domain,
    /// message before the function name), raised for a destroyed object.
    const INVALID: (u32, u32, &'static str);
}

// Each class's impl, generated from data/classes.tsv (build/manifest.rs):
// its tag, package and libvirt's invalid-object error for the type (the
// domain of a connection's error varies by libvirt function; that of
// virConnectGetURI is used).
include!(concat!(env!("OUT_DIR"), "/classes.rs"));

/// The class of `T`, for a manifest row whose invocant is a `T` (the
/// dispatcher checks argument 0 against it), and for other arguments that
/// must be a `T`.
pub const fn invocant<T: Handle>() -> Invocant {
    Invocant {
        class: T::CLASS,
        package: T::PACKAGE,
        invalid: T::INVALID,
    }
}

/// A new Perl object owning one reference to `ptr`.
///
/// # Safety
/// `ptr` is a live `T` whose reference the caller hands over (NULL makes a
/// destroyed object).
pub unsafe fn new_object<T: Handle>(perl: Perl, ptr: *mut T) -> NewSv {
    // SAFETY: per the contract; `T::CLASS` is the class of a `T`.
    unsafe { perl.new_handle(T::PACKAGE, T::CLASS, ptr.cast()) }
}

impl Xs<'_> {
    /// Argument `i` as a live object of class `T`: never NULL. A value
    /// that is not a blessed reference warns and returns undef, as the
    /// original does; an object of another class is refused with a die
    /// instead of being handed to libvirt as the wrong type; a destroyed
    /// object raises libvirt's invalid-object error (not every libvirt
    /// function checks for NULL).
    #[inline]
    pub fn handle<T: Handle>(&self, i: usize) -> Result<*mut T, XsError> {
        match self.handle_arg(i, T::CLASS) {
            Ok(ptr) if !ptr.is_null() => Ok(ptr.cast()),
            Ok(_) => Err(self.destroyed::<T>()),
            Err(1) => Err(XsError::NotBlessed(i)),
            Err(_) => Err(self.wrong_class::<T>(i)),
        }
    }

    /// The error for an object whose `DESTROY` already ran.
    #[cold]
    #[inline(never)]
    fn destroyed<T: Handle>(&self) -> XsError {
        let (code, domain, message) = T::INVALID;
        XsError::Virt(crate::error::VirtError {
            level: sys::VIR_ERR_ERROR as i32,
            code: code as i32,
            domain: domain as i32,
            message: Some(format!("{message}{}", self.sub_name())),
        })
    }

    /// The error for argument `i` holding an object of another class than
    /// `T` (or a forged one): `T`'s invalid-object error (kept out of line:
    /// the hot path is the success).
    #[cold]
    #[inline(never)]
    pub fn wrong_class<T: Handle>(&self, i: usize) -> XsError {
        crate::perl::wrong_class(&self.sub_name(), self.arg_name(i), &invocant::<T>())
    }

    /// Return a new object owning `ptr`.
    ///
    /// # Safety
    /// As [`new_object`]: `ptr` is a live `T` whose reference the caller
    /// hands over.
    pub unsafe fn ret_object<T: Handle>(&mut self, ptr: *mut T) -> XsResult {
        // SAFETY: per the contract; `T::CLASS` is the class of a `T`.
        unsafe { self.ret_handle(T::PACKAGE, T::CLASS, ptr.cast()) };
        Ok(())
    }
}

/// `$parent->list_all_*($flags=0)`: every object a `vir*ListAll*`
/// function lists (domains of a connection, snapshots of a domain, ports
/// of a network...), each as a new object of its class.
pub fn list_all<P: Handle, T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut P, *mut *mut *mut T, std::os::raw::c_uint) -> std::os::raw::c_int,
) -> XsResult {
    let parent = xs.handle::<P>(0)?;
    let flags = xs.flags(1)?;
    let mut list: *mut *mut T = std::ptr::null_mut();
    // SAFETY: `parent` is live; on success
    // libvirt hands us the array and a reference per object.
    let n = crate::error::check(unsafe { f(parent, &mut list, flags) })?;
    // SAFETY: `n` owned objects; the array is freed on drop.
    let list = unsafe { crate::owned::CArray::from_raw(list, n as usize) };
    // Every element becomes a Perl object (which frees it) before we
    // return, so none leaks.
    for &obj in list.as_slice() {
        // SAFETY: each listed object comes with a reference for us.
        unsafe { xs.ret_object(obj) }?;
    }
    Ok(())
}

/// `DESTROY` of every class: release the object's reference once with
/// `free` (`virDomainFree`, `virConnectClose`...), resolved only for a
/// live object (a late-bound one is then known to exist: the library
/// gave the object).
#[inline(always)]
pub fn destroy<T: Handle>(
    xs: &mut Xs,
    free: impl FnOnce() -> Result<unsafe extern "C" fn(*mut T) -> c_int, XsError>,
) -> XsResult {
    let ptr = xs.perl.handle_take(xs.arg(0), T::CLASS);
    if !ptr.is_null() {
        let free = free()?;
        // SAFETY: the pointer was just taken out of its only holder, which
        // owned one reference.
        unsafe { free(ptr.cast()) };
    }
    Ok(())
}

// ---------------------------------------------------------------------
// Methods that are one libvirt call on the object. `f` (`plain`,
// `with_flags`) is always the libvirt entry point named in the method's
// doc. `xs.handle` never yields NULL: a destroyed object is refused before
// any libvirt call.

/// `$obj->method()` calling `f(obj)`, returning nothing.
#[inline(always)]
pub fn call<T: Handle>(xs: &mut Xs, f: unsafe extern "C" fn(*mut T) -> c_int) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    // SAFETY: `obj` is live.
    check(unsafe { f(obj) })?;
    Ok(())
}

/// `$obj->method($flags=0)` calling `f(obj, flags)`, returning nothing.
#[inline(always)]
pub fn call_flags<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T, c_uint) -> c_int,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `obj` is live.
    check(unsafe { f(obj, flags) })?;
    Ok(())
}

/// `$obj->method($flags=0)` where the original calls `plain(obj)` when no
/// flags are set and `with_flags(obj, flags)` otherwise (so drivers that
/// only implement the old call keep working). `with_flags` is resolved
/// only when needed (it may be newer than the running libvirt).
pub fn call_old_or_flags<T: Handle>(
    xs: &mut Xs,
    plain: unsafe extern "C" fn(*mut T) -> c_int,
    with_flags: impl FnOnce() -> Result<unsafe extern "C" fn(*mut T, c_uint) -> c_int, XsError>,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let flags = xs.flags(1)?;
    let rc = if flags != 0 {
        let with_flags = with_flags()?;
        // SAFETY: `obj` is live.
        unsafe { with_flags(obj, flags) }
    } else {
        // SAFETY: `obj` is live.
        unsafe { plain(obj) }
    };
    check(rc)?;
    Ok(())
}

/// `$obj->is_xxx()` (and counts): the int `f(obj)` returns, an error
/// below zero.
#[inline(always)]
pub fn int_result<T: Handle>(xs: &mut Xs, f: unsafe extern "C" fn(*mut T) -> c_int) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    // SAFETY: `obj` is live.
    let v = check(unsafe { f(obj) })?;
    xs.ret_i64(v as i64)
}

/// `$dom->get_id()`: the unsigned int `f(obj)` returns, read as a C int
/// as the original returns it (-1 for an inactive domain); never an
/// error.
#[inline(always)]
pub fn id<T: Handle>(xs: &mut Xs, f: unsafe extern "C" fn(*mut T) -> c_uint) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    // SAFETY: `obj` is live.
    let v = unsafe { f(obj) };
    xs.ret_i64(i64::from(v as c_int))
}

/// `$obj->method($flags=0)`: the int `f(obj, flags)` returns, an error
/// below zero.
#[inline(always)]
pub fn int_result_flags<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T, c_uint) -> c_int,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `obj` is live.
    let v = check(unsafe { f(obj, flags) })?;
    xs.ret_i64(v as i64)
}

/// `$obj->get_autostart()` through `f(obj, &autostart)`.
#[inline(always)]
pub fn get_autostart<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T, *mut c_int) -> c_int,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let mut autostart: c_int = 0;
    // SAFETY: `obj` is live; out-pointer to
    // a local.
    check(unsafe { f(obj, &mut autostart) })?;
    xs.ret_i64(autostart as i64)
}

/// `$obj->set_autostart($flag)` through `f(obj, flag)`.
pub fn set_autostart<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T, c_int) -> c_int,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let autostart = xs.i32(1)?;
    // SAFETY: `obj` is live.
    check(unsafe { f(obj, autostart) })?;
    Ok(())
}

/// `$obj->get_name()` and other getters of a string the object owns:
/// `f(obj)`, NULL on error.
#[inline(always)]
pub fn borrowed_string<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T) -> *const c_char,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    // SAFETY: `obj` is live; the string is owned by the object.
    let s = unsafe { f(obj) };
    if s.is_null() {
        return Err(crate::error::last());
    }
    // SAFETY: a non-NULL result is a live C string of the object, which
    // argument 0 keeps alive until the copy.
    unsafe { xs.ret_cstr_of_arg(s) }
}

/// The fast halves of `int_result`, `id`, `borrowed_string` and `owned_string`
/// for rows of prototype "$" (`xs_fast!`): `obj` was checked in C to be
/// a live object of the row's invocant type `T`, which `f` takes.
#[inline(always)]
pub fn fast_int_result<T>(
    obj: *mut c_void,
    f: unsafe extern "C" fn(*mut T) -> c_int,
) -> crate::perl::Result<Got> {
    // SAFETY: `obj` is a live `T` (see above).
    let v = check(unsafe { f(obj.cast()) })?;
    Ok(Got::Int(v.into()))
}
/// DESTROY's fast half: `sv` is its argument, as it came.
#[inline(always)]
pub fn fast_destroy<T: Handle>(
    perl: Perl,
    sv: *mut c_void,
    free: unsafe extern "C" fn(*mut T) -> c_int,
) -> crate::perl::Result<Got> {
    // SAFETY: the argument of the current call, alive until it returns.
    let ptr = perl.handle_take(unsafe { Sv::from_raw(sv.cast()) }, T::CLASS);
    if !ptr.is_null() {
        // SAFETY: the pointer was just taken out of its only holder, which
        // owned one reference.
        unsafe { free(ptr.cast()) };
    }
    Ok(Got::Nothing)
}
/// [`get_autostart`]'s fast half.
#[inline(always)]
pub fn fast_get_autostart<T>(
    obj: *mut c_void,
    f: unsafe extern "C" fn(*mut T, *mut c_int) -> c_int,
) -> crate::perl::Result<Got> {
    let mut autostart: c_int = 0;
    // SAFETY: `obj` is a live `T` (see above); out-pointer to a local.
    check(unsafe { f(obj.cast(), &mut autostart) })?;
    Ok(Got::Int(autostart.into()))
}
/// [`call`]'s fast half: libvirt's error, or nothing.
#[inline(always)]
pub fn fast_call<T>(
    obj: *mut c_void,
    f: unsafe extern "C" fn(*mut T) -> c_int,
) -> crate::perl::Result<Got> {
    // SAFETY: `obj` is a live `T` (see above).
    check(unsafe { f(obj.cast()) })?;
    Ok(Got::Nothing)
}
#[inline(always)]
pub fn fast_id<T>(
    obj: *mut c_void,
    f: unsafe extern "C" fn(*mut T) -> c_uint,
) -> crate::perl::Result<Got> {
    // SAFETY: `obj` is a live `T` (see above).
    let v = unsafe { f(obj.cast()) };
    Ok(Got::Int(i64::from(v as c_int)))
}
#[inline(always)]
pub fn fast_borrowed_string<T>(
    obj: *mut c_void,
    f: unsafe extern "C" fn(*mut T) -> *const c_char,
) -> crate::perl::Result<Got> {
    // SAFETY: `obj` is a live `T`; the string is the object's, which
    // argument 0 keeps alive until the C side copied it.
    let s = unsafe { f(obj.cast()) };
    if s.is_null() {
        return Err(crate::error::last());
    }
    Ok(Got::Borrowed(s))
}
#[inline(always)]
pub fn fast_owned_string<T>(
    obj: *mut c_void,
    f: unsafe extern "C" fn(*mut T) -> *mut c_char,
) -> crate::perl::Result<Got> {
    // SAFETY: `obj` is a live `T`; the result is NULL or ours to free,
    // which the C side does once it copied it.
    let s = unsafe { f(obj.cast()) };
    if s.is_null() {
        return Err(crate::error::last());
    }
    Ok(Got::Malloced(s))
}

/// `$obj->get_uri()` and other getters of a string libvirt allocates
/// for the caller: `f(obj)`, NULL on error.
#[inline(always)]
pub fn owned_string<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T) -> *mut c_char,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    // SAFETY: `obj` is live; the result is NULL or a string for us to free.
    unsafe { crate::owned::ret_string(xs, f(obj)) }
}

/// `$obj->get_xml_description($flags=0)` and other getters of a string
/// libvirt allocates for the caller: `f(obj, flags)`, NULL on error.
#[inline(always)]
pub fn owned_string_flags<T: Handle>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(*mut T, c_uint) -> *mut c_char,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `obj` is live; the result is NULL or a string for us to free.
    unsafe { crate::owned::ret_string(xs, f(obj, flags)) }
}

/// `virDomainGetMetadata`'s shape, shared by networks.
pub type GetMetadataFn<T> =
    unsafe extern "C" fn(*mut T, c_int, *const c_char, c_uint) -> *mut c_char;
/// `virDomainSetMetadata`'s shape, shared by networks.
pub type SetMetadataFn<T> = unsafe extern "C" fn(
    *mut T,
    c_int,
    *const c_char,
    *const c_char,
    *const c_char,
    c_uint,
) -> c_int;

/// `$obj->get_metadata($type, $uri=undef, $flags=0)` through `f`, which
/// is resolved once the object was checked (it may be late-bound).
pub fn get_metadata<T: Handle>(
    xs: &mut Xs,
    f: impl FnOnce() -> Result<GetMetadataFn<T>, XsError>,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let f = f()?;
    let kind = xs.i32(1)?;
    let flags = xs.flags(3)?;
    let text = {
        let uri = xs.opt_str(2)?;
        // SAFETY: `obj` is live; `uri` is NULL or a C string alive for the
        // call; the string returned is ours to free.
        unsafe { f(obj, kind, opt_ptr(&uri), flags) }
    };
    // SAFETY: `text` is NULL or the string the call returned for us to free.
    unsafe { crate::owned::ret_string(xs, text) }
}

/// `$obj->set_metadata($type, $val=undef, $key=undef, $uri=undef,
/// $flags=0)` through `f`, resolved once the object was checked.
pub fn set_metadata<T: Handle>(
    xs: &mut Xs,
    f: impl FnOnce() -> Result<SetMetadataFn<T>, XsError>,
) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let f = f()?;
    let kind = xs.i32(1)?;
    let flags = xs.flags(5)?;
    let rc = {
        let val = xs.opt_str(2)?;
        let key = xs.opt_str(3)?;
        let uri = xs.opt_str(4)?;
        // SAFETY: `obj` is live; each string is NULL or a C string alive
        // for the call.
        unsafe {
            f(
                obj,
                kind,
                opt_ptr(&val),
                opt_ptr(&key),
                opt_ptr(&uri),
                flags,
            )
        }
    };
    check(rc)?;
    Ok(())
}
