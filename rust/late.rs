//! libvirt functions newer than the oldest libvirt this module runs on
//! (7.0.0, the floor: every function called directly is in it), looked
//! up at run time.
//!
//! libvirt.so.0 versions its symbols (`virDomainGetMessages@LIBVIRT_7.1.0`)
//! and the module is linked with immediate binding: a direct call to a
//! function newer than the running libvirt would be an import it cannot
//! satisfy, and the whole module would fail to load. So every such
//! function is a row of the table below (the libvirt version that added
//! it, as libvirt's API XML gives it, and its C signature), and
//! `late::name()?` returns its pointer: looked up once in the libvirt
//! already loaded, then cached; a function the running libvirt lacks is an
//! ordinary `ERR_NO_SUPPORT` error naming it and the version that has it.
//! t/04-libvirt-floor.t checks that the built module imports no libvirt
//! symbol newer than the floor.

use crate::error::VirtError;
use crate::perl::XsError;
use std::ffi::{c_void, CStr};
use std::os::raw::{c_char, c_int, c_uint};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use virt_sys as sys;

/// A slot's value before the lookup, and when the symbol is missing.
const UNRESOLVED: usize = 0;
const MISSING: usize = 1;

/// One late-bound function: its name, the libvirt version that added it,
/// and its address once looked up.
pub struct Late {
    name: &'static CStr,
    since: &'static str,
    slot: AtomicUsize,
}

impl Late {
    pub const fn new(name: &'static CStr, since: &'static str) -> Late {
        Late {
            name,
            since,
            slot: AtomicUsize::new(UNRESOLVED),
        }
    }

    /// The function's address, or the error for a libvirt without it.
    #[inline]
    pub fn address(&self) -> Result<*mut c_void, XsError> {
        match self.slot.load(Ordering::Acquire) {
            UNRESOLVED => self.resolve(),
            MISSING => Err(self.missing()),
            addr => Ok(addr as *mut c_void),
        }
    }

    #[cold]
    #[inline(never)]
    fn resolve(&self) -> Result<*mut c_void, XsError> {
        let lib = loaded_libvirt();
        let addr = if lib.is_null() {
            std::ptr::null_mut()
        } else {
            // SAFETY: a handle from dlopen and a NUL-terminated name.
            unsafe { libc::dlsym(lib, self.name.as_ptr()) }
        };
        // Racing threads store the same value.
        self.slot.store(
            if addr.is_null() {
                MISSING
            } else {
                addr as usize
            },
            Ordering::Release,
        );
        if addr.is_null() {
            Err(self.missing())
        } else {
            Ok(addr)
        }
    }

    #[cold]
    fn missing(&self) -> XsError {
        XsError::Virt(VirtError {
            level: sys::VIR_ERR_ERROR as i32,
            code: sys::VIR_ERR_NO_SUPPORT as i32,
            domain: sys::VIR_FROM_NONE as i32,
            message: Some(format!(
                "this function is not supported by the running libvirt {}: {} needs libvirt {} or newer",
                running_version(),
                self.name.to_string_lossy(),
                self.since
            )),
        })
    }
}

/// The libvirt.so.0 this module was loaded with (never loads another:
/// Perl loads XS modules with RTLD_LOCAL, so its symbols are not in the
/// global scope, and RTLD_NOLOAD finds the copy already mapped).
fn loaded_libvirt() -> *mut c_void {
    static HANDLE: OnceLock<usize> = OnceLock::new();
    *HANDLE.get_or_init(|| {
        // SAFETY: a NUL-terminated soname; RTLD_NOLOAD only looks.
        unsafe {
            libc::dlopen(
                c"libvirt.so.0".as_ptr(),
                libc::RTLD_LAZY | libc::RTLD_NOLOAD,
            ) as usize
        }
    }) as *mut c_void
}

/// "9.0.0": the version of the running libvirt.
pub fn running_version() -> String {
    let mut v: std::os::raw::c_ulong = 0;
    // SAFETY: out-pointer to a local; NULL asks for no driver version.
    if unsafe { sys::virGetVersion(&mut v, std::ptr::null(), std::ptr::null_mut()) } < 0 {
        return "(unknown)".into();
    }
    format!("{}.{}.{}", v / 1_000_000, v / 1000 % 1000, v % 1000)
}

/// The table: `"version" fn name(args) -> ret;` generates
/// `late::name() -> Result<unsafe extern "C" fn(args) -> ret, XsError>`.
macro_rules! late_bound {
    ($($since:literal fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty;)*) => {$(
        #[allow(non_snake_case)]
        #[doc = concat!("`", stringify!($name), "` (libvirt ", $since, "), looked up at run time.")]
        pub fn $name() -> Result<unsafe extern "C" fn($($ty),*) -> $ret, XsError> {
            static F: Late = Late::new(
                match CStr::from_bytes_with_nul(concat!(stringify!($name), "\0").as_bytes()) {
                    Ok(name) => name,
                    Err(_) => panic!("a function name has no NUL"),
                },
                $since,
            );
            let addr = F.address()?;
            // SAFETY: the symbol of that name in libvirt.so.0 has this C
            // signature (libvirt's header), and is never unloaded.
            Ok(unsafe { std::mem::transmute::<*mut c_void, unsafe extern "C" fn($($ty),*) -> $ret>(addr) })
        }
    )*};
}

late_bound! {
    "7.1.0" fn virDomainGetMessages(domain: sys::virDomainPtr, msgs: *mut *mut *mut c_char, flags: c_uint) -> c_int;
    "7.2.0" fn virDomainStartDirtyRateCalc(domain: sys::virDomainPtr, seconds: c_int, flags: c_uint) -> c_int;
    "7.3.0" fn virNodeDeviceCreate(dev: sys::virNodeDevicePtr, flags: c_uint) -> c_int;
    "7.3.0" fn virNodeDeviceDefineXML(conn: sys::virConnectPtr, xml: *const c_char, flags: c_uint) -> sys::virNodeDevicePtr;
    "7.3.0" fn virNodeDeviceUndefine(dev: sys::virNodeDevicePtr, flags: c_uint) -> c_int;
    "7.7.0" fn virNWFilterDefineXMLFlags(conn: sys::virConnectPtr, xml: *const c_char, flags: c_uint) -> sys::virNWFilterPtr;
    "7.7.0" fn virNetworkDefineXMLFlags(conn: sys::virConnectPtr, xml: *const c_char, flags: c_uint) -> sys::virNetworkPtr;
    "7.8.0" fn virNetworkCreateXMLFlags(conn: sys::virConnectPtr, xml: *const c_char, flags: c_uint) -> sys::virNetworkPtr;
    "7.8.0" fn virNodeDeviceGetAutostart(dev: sys::virNodeDevicePtr, autostart: *mut c_int) -> c_int;
    "7.8.0" fn virNodeDeviceIsActive(dev: sys::virNodeDevicePtr) -> c_int;
    "7.8.0" fn virNodeDeviceIsPersistent(dev: sys::virNodeDevicePtr) -> c_int;
    "7.8.0" fn virNodeDeviceSetAutostart(dev: sys::virNodeDevicePtr, autostart: c_int) -> c_int;
    "8.0.0" fn virDomainSetLaunchSecurityState(domain: sys::virDomainPtr, params: sys::virTypedParameterPtr, nparams: c_int, flags: c_uint) -> c_int;
    "8.4.0" fn virDomainRestoreParams(conn: sys::virConnectPtr, params: sys::virTypedParameterPtr, nparams: c_int, flags: c_uint) -> c_int;
    "8.4.0" fn virDomainSaveParams(domain: sys::virDomainPtr, params: sys::virTypedParameterPtr, nparams: c_int, flags: c_uint) -> c_int;
    "8.5.0" fn virDomainAbortJobFlags(domain: sys::virDomainPtr, flags: c_uint) -> c_int;
    "9.0.0" fn virDomainFDAssociate(domain: sys::virDomainPtr, name: *const c_char, nfds: c_uint, fds: *mut c_int, flags: c_uint) -> c_int;
    "9.7.0" fn virNetworkGetMetadata(network: sys::virNetworkPtr, kind: c_int, uri: *const c_char, flags: c_uint) -> *mut c_char;
    "9.7.0" fn virNetworkSetMetadata(network: sys::virNetworkPtr, kind: c_int, metadata: *const c_char, key: *const c_char, uri: *const c_char, flags: c_uint) -> c_int;
    "10.1.0" fn virNodeDeviceUpdate(dev: sys::virNodeDevicePtr, xml: *const c_char, flags: c_uint) -> c_int;
    "10.2.0" fn virDomainGraphicsReload(domain: sys::virDomainPtr, kind: c_uint, flags: c_uint) -> c_int;
    "11.2.0" fn virDomainGetAutostartOnce(domain: sys::virDomainPtr, autostart: *mut c_int) -> c_int;
    "11.2.0" fn virDomainSetAutostartOnce(domain: sys::virDomainPtr, autostart: c_int) -> c_int;
    "11.2.0" fn virDomainSetThrottleGroup(dom: sys::virDomainPtr, group: *const c_char, params: sys::virTypedParameterPtr, nparams: c_int, flags: c_uint) -> c_int;
    "11.2.0" fn virDomainDelThrottleGroup(dom: sys::virDomainPtr, group: *const c_char, flags: c_uint) -> c_int;
    "12.5.0" fn virDomainAnnounceInterface(dom: sys::virDomainPtr, device: *const c_char, params: sys::virTypedParameterPtr, nparams: c_int, flags: c_uint) -> c_int;
}
