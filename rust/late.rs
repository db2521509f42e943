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
//!
//! libvirt's other libraries (libvirt-qemu.so.0, libvirt-lxc.so.0,
//! libvirt-admin.so.0) are not link-time dependencies at all: their
//! functions are rows of their own tables below, and the library is opened
//! on the first call of one of them, from the folder of the libvirt.so.0
//! in use. Where it is absent, those methods raise `ERR_NO_SUPPORT` and the
//! module itself loads as ever.

use crate::admin::{
    virAdmClient as AdmClient, virAdmConnect as AdmConnect, virAdmServer as AdmServer, AdmCloseFunc,
};
use crate::error::VirtError;
use crate::perl::XsError;
use std::ffi::{c_void, CStr};
use std::os::raw::{c_char, c_int, c_longlong, c_uint, c_ulonglong};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use virt_sys as sys;

/// A slot's value before the lookup, and when the symbol is missing.
const UNRESOLVED: usize = 0;
const MISSING: usize = 1;

/// The library a late-bound function is in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Library {
    /// libvirt.so.0, already loaded (the module links it).
    Libvirt,
    /// libvirt-qemu.so.0, opened on first use.
    Qemu,
    /// libvirt-lxc.so.0, opened on first use.
    Lxc,
    /// libvirt-admin.so.0, opened on first use.
    Admin,
}

impl Library {
    fn soname(self) -> &'static str {
        match self {
            Library::Libvirt => "libvirt.so.0",
            Library::Qemu => "libvirt-qemu.so.0",
            Library::Lxc => "libvirt-lxc.so.0",
            Library::Admin => "libvirt-admin.so.0",
        }
    }

    /// The library's dlopen handle, or why it could not be opened.
    fn handle(self) -> Result<*mut c_void, &'static str> {
        static HANDLES: [OnceLock<Result<usize, String>>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        let slot = &HANDLES[self as usize];
        match slot.get_or_init(|| self.open()) {
            Ok(h) => Ok(*h as *mut c_void),
            Err(e) => Err(e.as_str()),
        }
    }

    fn open(self) -> Result<usize, String> {
        if let Some(why) = crate::test_hooks::hidden_library(self.soname()) {
            return Err(why);
        }
        if self == Library::Libvirt {
            // Never loads another: Perl loads XS modules with RTLD_LOCAL,
            // so libvirt's symbols are not in the global scope, and
            // RTLD_NOLOAD finds the copy already mapped.
            // SAFETY: a NUL-terminated soname; RTLD_NOLOAD only looks.
            let h = unsafe {
                libc::dlopen(
                    c"libvirt.so.0".as_ptr(),
                    libc::RTLD_LAZY | libc::RTLD_NOLOAD,
                )
            };
            return if h.is_null() {
                Err(dl_error())
            } else {
                Ok(h as usize)
            };
        }
        if self == Library::Admin {
            crate::admin::before_loading()?;
        }
        // Beside the libvirt.so.0 in use, so that a private libvirt
        // (LD_LIBRARY_PATH) never gets another version's library; then
        // wherever the dynamic loader finds it.
        let mut tried = Vec::new();
        for path in [
            beside_libvirt(self.soname()),
            Some(self.soname().to_owned()),
        ]
        .into_iter()
        .flatten()
        {
            let Ok(c) = std::ffi::CString::new(path.clone()) else {
                continue;
            };
            // SAFETY: a NUL-terminated path. The handle is kept for the
            // life of the process (never dlclose'd: function pointers from
            // it are cached).
            let h = unsafe { libc::dlopen(c.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
            if !h.is_null() {
                return Ok(h as usize);
            }
            tried.push(dl_error());
        }
        Err(tried.join("; "))
    }
}

/// The address of `name` in libvirt.so.0 (already loaded), if it has it.
pub fn libvirt_symbol(name: &CStr) -> Option<*mut c_void> {
    let lib = Library::Libvirt.handle().ok()?;
    // SAFETY: a handle from dlopen and a NUL-terminated name.
    let addr = unsafe { libc::dlsym(lib, name.as_ptr()) };
    (!addr.is_null()).then_some(addr)
}

/// `dir/soname` where dir holds the libvirt.so.0 this module runs on.
fn beside_libvirt(soname: &str) -> Option<String> {
    // SAFETY: an all-zero Dl_info is a valid out-parameter.
    let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
    // SAFETY: the address of a function of libvirt.so.0; dladdr only
    // reads the loader's tables.
    let found = unsafe { libc::dladdr(sys::virGetVersion as *const c_void, &mut info) };
    if found == 0 || info.dli_fname.is_null() {
        return None;
    }
    // SAFETY: dladdr set a NUL-terminated path owned by the loader.
    let path = unsafe { CStr::from_ptr(info.dli_fname) }.to_str().ok()?;
    let dir = std::path::Path::new(path).parent()?;
    Some(dir.join(soname).to_str()?.to_owned())
}

/// dlerror()'s message (the last dl* failure of this thread).
fn dl_error() -> String {
    // SAFETY: dlerror returns NULL or a NUL-terminated message.
    let e = unsafe { libc::dlerror() };
    if e.is_null() {
        "unknown error".into()
    } else {
        // SAFETY: non-NULL, NUL-terminated, valid until the next dl* call.
        unsafe { CStr::from_ptr(e) }.to_string_lossy().into_owned()
    }
}

/// One late-bound function: its name, the libvirt version that added it,
/// its library, and its address once looked up.
pub struct Late {
    name: &'static CStr,
    since: &'static str,
    library: Library,
    slot: AtomicUsize,
    /// Why the library could not be opened, once we know it could not.
    unavailable: OnceLock<&'static str>,
}

impl Late {
    pub const fn new(name: &'static CStr, since: &'static str, library: Library) -> Late {
        Late {
            name,
            since,
            library,
            slot: AtomicUsize::new(UNRESOLVED),
            unavailable: OnceLock::new(),
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
        let addr = match self.library.handle() {
            // SAFETY: a handle from dlopen and a NUL-terminated name.
            Ok(lib) => unsafe { libc::dlsym(lib, self.name.as_ptr()) },
            Err(why) => {
                let _ = self.unavailable.set(why);
                std::ptr::null_mut()
            }
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
        let name = self.name.to_string_lossy();
        let message = match self.unavailable.get() {
            Some(why) => format!(
                "this function is not supported here: {name} is in {}, which could not be loaded ({why})",
                self.library.soname()
            ),
            None => format!(
                "this function is not supported by the running libvirt {}: {name} needs libvirt {} or newer",
                running_version(),
                self.since
            ),
        };
        XsError::Virt(VirtError {
            level: sys::VIR_ERR_ERROR as i32,
            code: sys::VIR_ERR_NO_SUPPORT as i32,
            domain: sys::VIR_FROM_NONE as i32,
            message: Some(message),
        })
    }
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

/// A table: `in Library; "version" fn name(args) -> ret;...` generates
/// `late::name() -> Result<unsafe extern "C" fn(args) -> ret, XsError>`
/// for each row.
macro_rules! late_bound {
    (in $lib:ident; $($since:literal fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty;)*) => {$(
        #[allow(non_snake_case)]
        #[doc = concat!("`", stringify!($name), "` (libvirt ", $since, "), looked up at run time.")]
        pub fn $name() -> Result<unsafe extern "C" fn($($ty),*) -> $ret, XsError> {
            static F: Late = Late::new(
                match CStr::from_bytes_with_nul(concat!(stringify!($name), "\0").as_bytes()) {
                    Ok(name) => name,
                    Err(_) => panic!("a function name has no NUL"),
                },
                $since,
                Library::$lib,
            );
            let addr = F.address()?;
            // SAFETY: the symbol of that name in the row's library has this
            // C signature (libvirt's header), and is never unloaded.
            Ok(unsafe { std::mem::transmute::<*mut c_void, unsafe extern "C" fn($($ty),*) -> $ret>(addr) })
        }
    )*};
}

// libvirt.so.0: functions newer than the floor.
late_bound! {
    in Libvirt;
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

/// `virConnectDomainQemuMonitorEventCallback` (libvirt-qemu.h).
pub type QemuMonitorEventCallback = Option<
    unsafe extern "C" fn(
        conn: sys::virConnectPtr,
        dom: sys::virDomainPtr,
        event: *const c_char,
        seconds: std::os::raw::c_longlong,
        micros: c_uint,
        details: *const c_char,
        opaque: *mut c_void,
    ),
>;

// libvirt-qemu.so.0 (libvirt-qemu.h; versions from libvirt-qemu-api.xml).
late_bound! {
    in Qemu;
    "0.8.3" fn virDomainQemuMonitorCommand(domain: sys::virDomainPtr, cmd: *const c_char, result: *mut *mut c_char, flags: c_uint) -> c_int;
    "8.2.0" fn virDomainQemuMonitorCommandWithFiles(domain: sys::virDomainPtr, cmd: *const c_char, ninfiles: c_uint, infiles: *mut c_int, noutfiles: *mut c_uint, outfiles: *mut *mut c_int, result: *mut *mut c_char, flags: c_uint) -> c_int;
    "0.10.0" fn virDomainQemuAgentCommand(domain: sys::virDomainPtr, cmd: *const c_char, timeout: c_int, flags: c_uint) -> *mut c_char;
    "1.2.3" fn virConnectDomainQemuMonitorEventRegister(conn: sys::virConnectPtr, dom: sys::virDomainPtr, event: *const c_char, cb: QemuMonitorEventCallback, opaque: *mut c_void, freecb: sys::virFreeCallback, flags: c_uint) -> c_int;
    "1.2.3" fn virConnectDomainQemuMonitorEventDeregister(conn: sys::virConnectPtr, callback_id: c_int) -> c_int;
}

// libvirt-lxc.so.0 (libvirt-lxc.h; versions from libvirt-lxc-api.xml).
late_bound! {
    in Lxc;
    "1.0.2" fn virDomainLxcOpenNamespace(domain: sys::virDomainPtr, fdlist: *mut *mut c_int, flags: c_uint) -> c_int;
    "1.0.2" fn virDomainLxcEnterNamespace(domain: sys::virDomainPtr, nfdlist: c_uint, fdlist: *mut c_int, noldfdlist: *mut c_uint, oldfdlist: *mut *mut c_int, flags: c_uint) -> c_int;
    "1.0.4" fn virDomainLxcEnterSecurityLabel(model: sys::virSecurityModelPtr, label: sys::virSecurityLabelPtr, oldlabel: sys::virSecurityLabelPtr, flags: c_uint) -> c_int;
    "2.0.0" fn virDomainLxcEnterCGroup(domain: sys::virDomainPtr, flags: c_uint) -> c_int;
}

// libvirt-admin.so.0: the admin API (Sys::Virt::Admin and its servers and
// clients), whose types virt-sys does not declare (crate::admin does).
late_bound! {
    in Admin;
    "2.0.0" fn virAdmConnectOpen(name: *const c_char, flags: c_uint) -> *mut AdmConnect;
    "2.0.0" fn virAdmConnectClose(conn: *mut AdmConnect) -> c_int;
    "2.0.0" fn virAdmConnectIsAlive(conn: *mut AdmConnect) -> c_int;
    "2.0.0" fn virAdmConnectGetURI(conn: *mut AdmConnect) -> *mut c_char;
    "2.0.0" fn virAdmConnectGetLibVersion(conn: *mut AdmConnect, lib_ver: *mut c_ulonglong) -> c_int;
    "2.0.0" fn virAdmConnectRegisterCloseCallback(conn: *mut AdmConnect, cb: AdmCloseFunc, opaque: *mut c_void, freecb: sys::virFreeCallback) -> c_int;
    "2.0.0" fn virAdmConnectUnregisterCloseCallback(conn: *mut AdmConnect, cb: AdmCloseFunc) -> c_int;
    "2.0.0" fn virAdmConnectListServers(conn: *mut AdmConnect, servers: *mut *mut *mut AdmServer, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmConnectLookupServer(conn: *mut AdmConnect, name: *const c_char, flags: c_uint) -> *mut AdmServer;
    "3.0.0" fn virAdmConnectGetLoggingOutputs(conn: *mut AdmConnect, outputs: *mut *mut c_char, flags: c_uint) -> c_int;
    "3.0.0" fn virAdmConnectGetLoggingFilters(conn: *mut AdmConnect, filters: *mut *mut c_char, flags: c_uint) -> c_int;
    "3.0.0" fn virAdmConnectSetLoggingOutputs(conn: *mut AdmConnect, outputs: *const c_char, flags: c_uint) -> c_int;
    "3.0.0" fn virAdmConnectSetLoggingFilters(conn: *mut AdmConnect, filters: *const c_char, flags: c_uint) -> c_int;
    "8.6.0" fn virAdmConnectSetDaemonTimeout(conn: *mut AdmConnect, timeout: c_uint, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmServerFree(srv: *mut AdmServer) -> c_int;
    "2.0.0" fn virAdmServerGetName(srv: *mut AdmServer) -> *const c_char;
    "2.0.0" fn virAdmServerGetThreadPoolParameters(srv: *mut AdmServer, params: *mut sys::virTypedParameterPtr, nparams: *mut c_int, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmServerSetThreadPoolParameters(srv: *mut AdmServer, params: sys::virTypedParameterPtr, nparams: c_int, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmServerGetClientLimits(srv: *mut AdmServer, params: *mut sys::virTypedParameterPtr, nparams: *mut c_int, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmServerSetClientLimits(srv: *mut AdmServer, params: sys::virTypedParameterPtr, nparams: c_int, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmServerListClients(srv: *mut AdmServer, clients: *mut *mut *mut AdmClient, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmServerLookupClient(srv: *mut AdmServer, id: c_ulonglong, flags: c_uint) -> *mut AdmClient;
    "2.0.0" fn virAdmServerUpdateTlsFiles(srv: *mut AdmServer, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmClientFree(client: *mut AdmClient) -> c_int;
    "2.0.0" fn virAdmClientGetID(client: *mut AdmClient) -> c_ulonglong;
    "2.0.0" fn virAdmClientGetTimestamp(client: *mut AdmClient) -> c_longlong;
    "2.0.0" fn virAdmClientGetTransport(client: *mut AdmClient) -> c_int;
    "2.0.0" fn virAdmClientGetInfo(client: *mut AdmClient, params: *mut sys::virTypedParameterPtr, nparams: *mut c_int, flags: c_uint) -> c_int;
    "2.0.0" fn virAdmClientClose(client: *mut AdmClient, flags: c_uint) -> c_int;
}
