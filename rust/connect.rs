//! `Sys::Virt`: the connection class.
//!
//! Opening connections (with Perl credential callbacks), host/node
//! queries, object listings, CPU model helpers, save images and the
//! other `virConnect*` / `virNode*` calls. Event registration and close
//! callbacks live elsewhere.

use crate::error::{self, check, check_ptr};
use crate::handle::{new_object, Handle};
use crate::late;
use crate::owned::{
    fixed_cstr, opt_cstr_sv, ret_name_list, ret_string, CArray, CStringList, StrArray, LIST_MAX,
    NODE_DEVICE_LIST_MAX,
};
use crate::perl::{catch_callback_panic, opt_ptr, NewSv, Perl, Sv, Xs, XsError, XsResult};
use crate::typed_params::{
    self, get_params, params_from_current, params_to_hash, LibvirtParams, ParamSpec, ParamType,
    TypedParams,
};
use std::os::raw::{c_char, c_int, c_uint, c_ulong, c_void};
use std::ptr;
use virt_sys as sys;

type Conn = *mut sys::virConnect;

// ---------------------------------------------------------------- helpers

/// The invocant, a `Sys::Virt` object.
fn conn(xs: &Xs) -> Result<Conn, XsError> {
    xs.handle::<sys::virConnect>(0)
}

/// A zero-filled buffer of `n` elements (none when `n <= 0`) for libvirt
/// to write into. The size comes from the caller, so an allocation that
/// fails is reported as a die instead of aborting the process.
fn zeroed_buffer<T: Copy>(xs: &Xs, n: i64) -> Result<Vec<T>, XsError> {
    if n <= 0 || std::mem::size_of::<T>() == 0 {
        return Ok(Vec::new());
    }
    let n = usize::try_from(n).map_err(|_| XsError::die("size out of range"))?;
    let layout = match std::alloc::Layout::array::<T>(n) {
        Ok(l) => l,
        Err(_) => return xs.die(format!("cannot allocate room for {n} elements")),
    };
    // SAFETY: the layout has a non-zero size (n > 0, T not zero-sized).
    let p = unsafe { std::alloc::alloc_zeroed(layout) } as *mut T;
    if p.is_null() {
        return xs.die(format!("cannot allocate room for {n} elements"));
    }
    // SAFETY: `p` was allocated by the global allocator with the layout
    // of `n` T; callers only use T (integers, raw pointers) for which all
    // zero bits are a valid value.
    Ok(unsafe { Vec::from_raw_parts(p, n, n) })
}

// ---------------------------------------------------------------- opening

/// `Sys::Virt::_open($uri, $flags)`: no authentication callback at all,
/// as the original (`auth => 1` without a callback, `_open_auth`, is what
/// gets libvirt's default one, which prompts on the terminal).
pub(crate) fn open(xs: &mut Xs) -> XsResult {
    let name = xs.opt_str(0)?;
    let flags = xs.u32(1)?;
    // SAFETY: `uri` is NULL or a C string alive for the call; NULL auth
    // is allowed.
    let conn =
        check_ptr(unsafe { sys::virConnectOpenAuth(opt_ptr(&name), std::ptr::null_mut(), flags) })?;
    drop(name);
    // SAFETY: `conn` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(conn) }
}

/// What the credential callback needs, handed to libvirt as `cbdata`.
struct AuthContext {
    /// The interpreter (rule 5 of docs/perl-rust-boundary.md): the
    /// callback runs on its thread, inside virConnectOpenAuth.
    perl: Perl,
    /// Our own reference to the Perl callback.
    cb: NewSv,
    /// The first failure (a die in the callback, a panic...). Once set,
    /// the callback answers -1 without running any more Perl code, and
    /// `_open_auth` raises it when virConnectOpenAuth returns.
    failure: Option<XsError>,
}

/// virConnectAuthCallbackPtr: asks the Perl callback for `ncred`
/// credentials. Never unwinds: a die or a panic becomes -1 for libvirt.
unsafe extern "C" fn auth_callback(
    cred: sys::virConnectCredentialPtr,
    ncred: c_uint,
    cbdata: *mut c_void,
) -> c_int {
    if cbdata.is_null() {
        return -1;
    }
    // SAFETY: `cbdata` is the AuthContext that `open_auth` keeps alive,
    // unaliased, for the whole virConnectOpenAuth call that runs us.
    let ctx = unsafe { &mut *(cbdata as *mut AuthContext) };
    if ctx.failure.is_some() {
        return -1;
    }
    let creds: &mut [sys::virConnectCredential] = if cred.is_null() || ncred == 0 {
        &mut []
    } else {
        // SAFETY: libvirt passes an array of `ncred` credentials that we
        // may fill in until we return.
        unsafe { std::slice::from_raw_parts_mut(cred, ncred as usize) }
    };
    let perl = ctx.perl;
    let cb = ctx.cb.as_sv();
    let asked = catch_callback_panic("Sys::Virt::_open_auth: the credential callback", || {
        ask_credentials(perl, cb, creds)
    });
    match asked {
        Ok(rc) => rc,
        Err(e) => {
            ctx.failure = Some(e);
            -1
        }
    }
}

/// Calls the Perl callback with `[{type, prompt, challenge, result}, ...]`
/// and copies each `result` it set back for libvirt. Returns the
/// callback's return value (as an int, like the original).
fn ask_credentials(
    perl: Perl,
    cb: Sv,
    creds: &mut [sys::virConnectCredential],
) -> Result<c_int, XsError> {
    let mut list = perl.new_array();
    for c in creds.iter() {
        let mut h = perl.new_hash();
        h.store_i64(crate::key!("type"), c.type_ as i64);
        // SAFETY: libvirt's credential strings are NULL or live while it
        // runs the callback.
        unsafe {
            h.store("prompt", opt_cstr_sv(perl, c.prompt));
            h.store("challenge", opt_cstr_sv(perl, c.challenge));
            h.store("result", opt_cstr_sv(perl, c.defresult));
        }
        list.push(h.into_ref());
    }
    let list = list.into_ref();
    let ret = perl.call(cb, &[list.as_sv()]).map_err(XsError::from)?;
    let rc = perl.to_i64(ret.as_sv())? as c_int;

    // Read every answer before handing any memory to libvirt, so a die
    // half-way (a tied value...) leaks nothing.
    let mut answers: Vec<Option<Vec<u8>>> = Vec::with_capacity(creds.len());
    let av = perl
        .array_ref(list.as_sv())
        .ok_or_else(|| XsError::die("credential list vanished"))?;
    for i in 0..creds.len() {
        let hv = match av.get(i)? {
            Some(sv) => perl.hash_ref(sv),
            None => None,
        };
        let mut answer = None;
        if let Some(hv) = hv {
            if let Some(v) = hv.get("result")? {
                if perl.is_defined(v)? {
                    answer = Some(perl.to_bytes(v)?.to_vec());
                }
            }
        }
        answers.push(answer);
    }
    for (c, answer) in creds.iter_mut().zip(answers) {
        c.result = ptr::null_mut();
        c.resultlen = 0;
        let Some(bytes) = answer else { continue };
        // SAFETY: libvirt frees `result` with free(); we allocate it with
        // malloc, copy the answer and NUL-terminate it.
        unsafe {
            let p = libc::malloc(bytes.len() + 1) as *mut c_char;
            if p.is_null() {
                return Err(XsError::die("out of memory"));
            }
            ptr::copy_nonoverlapping(bytes.as_ptr() as *const c_char, p, bytes.len());
            *p.add(bytes.len()) = 0;
            c.result = p;
        }
        c.resultlen = bytes.len() as c_uint;
    }
    Ok(rc)
}

/// `Sys::Virt::_open_auth($uri, \@credtypes, $callback, $flags)`
pub(crate) fn open_auth(xs: &mut Xs) -> XsResult {
    let perl = xs.perl;
    let name = xs.opt_str(0)?;
    let flags = xs.u32(3)?;
    let uri = opt_ptr(&name);
    if !(perl.is_defined(xs.arg(2))? && perl.is_defined(xs.arg(1))?) {
        // SAFETY: as in `open`.
        let conn = check_ptr(unsafe {
            sys::virConnectOpenAuth(uri, sys::virConnectAuthPtrDefault, flags)
        })?;
        drop(name);
        // SAFETY: `conn` is a new reference libvirt returned (checked
        // non-NULL), handed over to the object.
        return unsafe { xs.ret_object(conn) };
    }

    let av = xs.array_ref(1)?;
    let mut types: Vec<c_int> = Vec::new();
    for (n, item) in av.items()?.into_iter().enumerate() {
        match item {
            Some(sv) => types.push(perl.to_i64(sv)? as c_int),
            None => return xs.die(format!("credential type {n} is missing")),
        }
    }
    let mut ctx = AuthContext {
        perl,
        cb: perl.retain(xs.arg(2)),
        failure: None,
    };
    let mut auth = sys::virConnectAuth {
        credtype: types.as_mut_ptr(),
        ncredtype: types.len() as c_uint,
        cb: Some(auth_callback),
        cbdata: &mut ctx as *mut AuthContext as *mut c_void,
    };
    // SAFETY: `auth`, the credential types and `ctx` outlive the call;
    // the callback only runs during it, on this thread.
    let conn = unsafe { sys::virConnectOpenAuth(uri, &mut auth, flags) };
    let err = conn.is_null().then(error::last);
    if let Some(failure) = ctx.failure.take() {
        // The callback died: that is the error the caller sees.
        if !conn.is_null() {
            // SAFETY: we own the new connection and drop it unused.
            unsafe { sys::virConnectClose(conn) };
        }
        return Err(failure);
    }
    if let Some(e) = err {
        return Err(e);
    }
    drop(name);
    // SAFETY: `conn` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(conn) }
}

/// `Sys::Virt::_get_library_version($ignored)`: the local libvirt version.
pub(crate) fn get_library_version(xs: &mut Xs) -> XsResult {
    let mut v: c_ulong = 0;
    // SAFETY: out-pointer to a local; a NULL type version is allowed.
    check(unsafe { sys::virGetVersion(&mut v, ptr::null(), ptr::null_mut()) })?;
    xs.ret_u64(v as u64)
}

/// `$conn->_get_conn_version()`: the hypervisor's version.
pub(crate) fn get_conn_version(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let mut v: c_ulong = 0;
    // SAFETY: live handle; local out-pointer.
    check(unsafe { sys::virConnectGetVersion(conn, &mut v) })?;
    xs.ret_u64(v as u64)
}

/// `$conn->_get_conn_library_version()`: libvirt's version at the other end.
pub(crate) fn get_conn_library_version(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let mut v: c_ulong = 0;
    // SAFETY: as above.
    check(unsafe { sys::virConnectGetLibVersion(conn, &mut v) })?;
    xs.ret_u64(v as u64)
}

// ---------------------------------------------------------------- identity

/// `$conn->get_sysinfo($flags=0)`. The original returned undef (and
/// leaked nothing but the error) when libvirt failed; we raise the error.
pub(crate) fn get_sysinfo(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(1)?;
    // SAFETY: live handle; the result is ours to free.
    let p = unsafe { sys::virConnectGetSysinfo(conn, flags) };
    if p.is_null() {
        // As the original: undef, not an error. Hosts without SMBIOS
        // (cloud VMs, containers) have no sysinfo, and monitoring scripts
        // test for undef.
        return xs.ret_undef();
    }
    // SAFETY: the string the call returned for us to free.
    unsafe { xs.ret_owned_cstring(p) }
}

/// `$conn->get_max_vcpus($domtype)`
pub(crate) fn get_max_vcpus(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let n = {
        let ty = xs.str(1)?;
        // SAFETY: live handle; `ty` is a C string alive for the call.
        check(unsafe { sys::virConnectGetMaxVcpus(conn, ty.as_ptr()) })?
    };
    xs.ret_i64(n as i64)
}

/// `$conn->set_keep_alive($interval, $count)`
pub(crate) fn set_keep_alive(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let interval = xs.i32(1)?;
    let count = xs.u32(2)?;
    // SAFETY: live handle.
    check(unsafe { sys::virConnectSetKeepAlive(conn, interval, count) })?;
    Ok(())
}

/// The identity fields `set_identity` accepts, with their types.
const IDENTITY_PARAMS: &[ParamSpec] = &[
    ("user-name", ParamType::String),
    ("unix-user-id", ParamType::ULLong),
    ("group-name", ParamType::String),
    ("unix-group-id", ParamType::ULLong),
    ("process-id", ParamType::LLong),
    ("process-time", ParamType::ULLong),
    ("sasl-user-name", ParamType::String),
    ("x509-distinguished-name", ParamType::String),
    ("selinux-context", ParamType::String),
];

/// `$conn->set_identity(\%identity, $flags=0)`
pub(crate) fn set_identity(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let hv = xs.hash_ref(1)?;
    let flags = xs.flags(2)?;
    let mut params = TypedParams::from_hash(xs.perl, hv, IDENTITY_PARAMS)?;
    // SAFETY: live handle; `params` holds `len` initialised parameters.
    check(unsafe {
        sys::virConnectSetIdentity(conn, params.as_mut_ptr(), params.len() as c_int, flags)
    })?;
    Ok(())
}

// ---------------------------------------------------------------- node

/// `$conn->get_node_info()`: { model memory cpus mhz nodes sockets cores threads }
pub(crate) fn get_node_info(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    // SAFETY: all-zero virNodeInfo is valid; libvirt fills it.
    let mut info: sys::virNodeInfo = unsafe { std::mem::zeroed() };
    // SAFETY: live handle; local out-struct.
    check(unsafe { sys::virNodeGetInfo(conn, &mut info) })?;
    let perl = xs.perl;
    let mut h = perl.new_hash();
    h.store("model", perl.new_bytes(fixed_cstr(&info.model)));
    h.store_u64(crate::key!("memory"), info.memory as u64);
    h.store_u64(crate::key!("cpus"), info.cpus as u64);
    h.store_u64(crate::key!("mhz"), info.mhz as u64);
    h.store_u64(crate::key!("nodes"), info.nodes as u64);
    h.store_u64(crate::key!("sockets"), info.sockets as u64);
    h.store_u64(crate::key!("cores"), info.cores as u64);
    h.store_u64(crate::key!("threads"), info.threads as u64);
    xs.ret(h.into_ref());
    Ok(())
}

/// `$conn->get_node_security_model()`: { model, doi }
pub(crate) fn get_node_security_model(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    // SAFETY: all-zero virSecurityModel is valid; libvirt fills it.
    let mut m: sys::virSecurityModel = unsafe { std::mem::zeroed() };
    // SAFETY: live handle; local out-struct.
    check(unsafe { sys::virNodeGetSecurityModel(conn, &mut m) })?;
    let perl = xs.perl;
    let mut h = perl.new_hash();
    h.store("model", perl.new_bytes(fixed_cstr(&m.model)));
    h.store("doi", perl.new_bytes(fixed_cstr(&m.doi)));
    xs.ret(h.into_ref());
    Ok(())
}

/// `$conn->get_node_cpu_map($flags=0)`: ($ncpus, $onlinemap_bytes, $nonline)
pub(crate) fn get_node_cpu_map(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(1)?;
    let mut map: *mut u8 = ptr::null_mut();
    let mut online: c_uint = 0;
    // SAFETY: live handle; local out-pointers; the map is ours to free.
    let ncpus = check(unsafe { sys::virNodeGetCPUMap(conn, &mut map, &mut online, flags) })?;
    let maplen = (ncpus as usize).div_ceil(8);
    // SAFETY: libvirt allocated a map of VIR_CPU_MAPLEN(ncpus) bytes.
    let map = unsafe { CArray::from_raw(map, maplen) };
    xs.ret_i64(ncpus as i64)?;
    xs.ret_bytes(map.as_slice())?;
    xs.ret_u64(online as u64)
}

/// The CPU statistics the original reports (others are left out, as there).
const CPU_STATS_FIELDS: &[&str] = &["kernel", "user", "idle", "iowait", "intr", "utilization"];
/// The memory statistics the original reports.
const MEMORY_STATS_FIELDS: &[&str] = &["total", "free", "buffers", "cached"];

/// An entry of the node statistics libvirt fills (CPU or memory): a
/// field name and its value.
trait NodeStat {
    fn field(&self) -> &[c_char];
    fn value(&self) -> u64;
}

impl NodeStat for sys::virNodeCPUStats {
    fn field(&self) -> &[c_char] {
        &self.field
    }
    fn value(&self) -> u64 {
        self.value
    }
}

impl NodeStat for sys::virNodeMemoryStats {
    fn field(&self) -> &[c_char] {
        &self.field
    }
    fn value(&self) -> u64 {
        self.value
    }
}

/// `f(conn, which, stats, &n, flags)`: libvirt's node statistics getter.
type NodeStatsFn<S> = unsafe extern "C" fn(Conn, c_int, *mut S, *mut c_int, c_uint) -> c_int;

/// `$conn->get_node_xxx_stats($which=all, $flags=0)`: { field => value }
/// for the fields in `known`. `f` is called once for the count, then to
/// fill the entries.
fn node_stats<S: NodeStat>(xs: &mut Xs, all: c_int, f: NodeStatsFn<S>, known: &[&str]) -> XsResult {
    let conn = conn(xs)?;
    let which = xs.i32_or(1, all)?;
    let flags = xs.flags(2)?;
    let mut n: c_int = 0;
    // SAFETY: live handle; NULL params asks for the count.
    check(unsafe { f(conn, which, ptr::null_mut(), &mut n, flags) })?;
    let mut stats: Vec<S> = (0..n.max(0))
        // SAFETY: an all-zero stats entry (a char array and an integer)
        // is valid.
        .map(|_| unsafe { std::mem::zeroed() })
        .collect();
    // SAFETY: `stats` has room for `n` entries.
    check(unsafe { f(conn, which, stats.as_mut_ptr(), &mut n, flags) })?;
    let perl = xs.perl;
    let mut h = perl.new_hash();
    for s in stats.iter().take(n.max(0) as usize) {
        let field = fixed_cstr(s.field());
        if let Some(name) = known.iter().find(|k| k.as_bytes() == field) {
            h.store(name, perl.new_u64(s.value()));
        }
    }
    xs.ret(h.into_ref());
    Ok(())
}

/// `$conn->get_node_cpu_stats($cpuNum=-1, $flags=0)`: { field => value }
pub(crate) fn get_node_cpu_stats(xs: &mut Xs) -> XsResult {
    node_stats(
        xs,
        sys::VIR_NODE_CPU_STATS_ALL_CPUS,
        sys::virNodeGetCPUStats,
        CPU_STATS_FIELDS,
    )
}

/// `$conn->get_node_memory_stats($cellNum=-1, $flags=0)`: { field => value }
pub(crate) fn get_node_memory_stats(xs: &mut Xs) -> XsResult {
    node_stats(
        xs,
        sys::VIR_NODE_MEMORY_STATS_ALL_CELLS,
        sys::virNodeGetMemoryStats,
        MEMORY_STATS_FIELDS,
    )
}

/// `$conn->get_node_free_memory()`
pub(crate) fn get_node_free_memory(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    // SAFETY: live handle.
    let m = unsafe { sys::virNodeGetFreeMemory(conn) };
    if m == 0 {
        return Err(error::last());
    }
    xs.ret_u64(m)
}

/// More NUMA cells than any host has (libvirt's remote protocol allows 1024).
const MAX_CELLS: i32 = 1 << 16;

/// `$conn->get_node_cells_free_memory($start, $end)`: one value per cell
/// of `$start..=$end` that exists.
pub(crate) fn get_node_cells_free_memory(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let start = xs.i32(1)?;
    let end = xs.i32(2)?;
    // As the original: maxCells = end - start + 1 in C int arithmetic,
    // capped far above any real NUMA cell count so that a huge range does
    // not reserve gigabytes (libvirt returns the cells that exist).
    let max = end.wrapping_sub(start).wrapping_add(1).min(MAX_CELLS);
    let mut mem: Vec<u64> = zeroed_buffer(xs, max as i64)?;
    // SAFETY: `mem` has room for `max` entries (none when max <= 0, which
    // libvirt rejects before writing).
    let n = check(unsafe { sys::virNodeGetCellsFreeMemory(conn, mem.as_mut_ptr(), start, max) })?;
    mem.truncate(n as usize);
    for m in mem {
        xs.ret_u64(m)?;
    }
    Ok(())
}

/// `$conn->get_node_free_pages(\@pagesizes, $start, $end, $flags=0)`:
/// ({ cell => N, pages => { size => count } }, ...) for each cell.
pub(crate) fn get_node_free_pages(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let av = xs.array_ref(1)?;
    let mut pages: Vec<c_uint> = Vec::new();
    for (n, item) in av.items()?.into_iter().enumerate() {
        match item {
            Some(sv) => pages.push(xs.perl.to_i64(sv)? as c_uint),
            None => return xs.die(format!("page size {n} is missing")),
        }
    }
    let start = xs.i32(2)?;
    let end = xs.u32(3)?;
    let flags = xs.flags(4)?;
    // As the original: an unsigned cell count, end - start + 1.
    let cells = end.wrapping_sub(start as u32).wrapping_add(1);
    let total = (pages.len() as u64).saturating_mul(cells as u64);
    let total = i64::try_from(total).unwrap_or(i64::MAX);
    let mut counts: Vec<u64> = zeroed_buffer(xs, total)?;
    // SAFETY: `pages` holds `npages` sizes and `counts` room for
    // npages * cells entries.
    check(unsafe {
        sys::virNodeGetFreePages(
            conn,
            pages.len() as c_uint,
            pages.as_mut_ptr(),
            start,
            cells,
            counts.as_mut_ptr(),
            flags,
        )
    })?;
    let perl = xs.perl;
    let np = pages.len();
    for i in 0..cells as usize {
        let mut per_size = perl.new_hash();
        for (j, size) in pages.iter().enumerate() {
            let count = counts.get(i * np + j).copied().unwrap_or(0);
            per_size.store(&size.to_string(), perl.new_u64(count));
        }
        let mut rec = perl.new_hash();
        rec.store_i64(crate::key!("cell"), start.wrapping_add(i as i32) as i64);
        rec.store("pages", per_size.into_ref());
        xs.ret(rec.into_ref());
    }
    Ok(())
}

/// `$conn->node_alloc_pages([[$size, $count], ...], $start, $end, $flags=0)`
pub(crate) fn node_alloc_pages(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let perl = xs.perl;
    let av = xs.array_ref(1)?;
    let mut sizes: Vec<c_uint> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    for (n, item) in av.items()?.into_iter().enumerate() {
        let pair = match item.and_then(|sv| perl.array_ref(sv)) {
            Some(pair) => pair,
            None => {
                return xs.die(format!(
                    "page entry {n} is not an array reference [size, count]"
                ))
            }
        };
        let (Some(size), Some(count)) = (pair.get(0)?, pair.get(1)?) else {
            return xs.die(format!("page entry {n} needs a size and a count"));
        };
        sizes.push(perl.to_i64(size)? as c_uint);
        counts.push(perl.to_u64(count)?);
    }
    let start = xs.i32(2)?;
    let end = xs.u32(3)?;
    let flags = xs.flags(4)?;
    let cells = end.wrapping_sub(start as u32).wrapping_add(1);
    // SAFETY: both arrays hold `npages` entries, read only by libvirt.
    check(unsafe {
        sys::virNodeAllocPages(
            conn,
            sizes.len() as c_uint,
            sizes.as_mut_ptr(),
            counts.as_mut_ptr(),
            start,
            cells,
            flags,
        )
    })?;
    Ok(())
}

/// `$conn->get_node_memory_parameters($flags=0)`
pub(crate) fn get_node_memory_parameters(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(1)?;
    let limit = const { typed_params::rpc_limit("virNodeGetMemoryParameters") };
    let params = get_params(limit, |p, n| {
        // As the original, the count is asked without the flags.
        let flags = if p.is_null() { 0 } else { flags };
        // SAFETY: live handle; `p` is NULL with n = 0, or an array of `n`
        // parameters, which bounds what libvirt writes.
        unsafe { sys::virNodeGetMemoryParameters(conn, p, n, flags) }
    })?;
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `$conn->set_node_memory_parameters(\%params, $flags=0)`
pub(crate) fn set_node_memory_parameters(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let hv = xs.hash_ref(1)?;
    let flags = xs.flags(2)?;
    let limit = const { typed_params::rpc_limit("virNodeGetMemoryParameters") };
    let mut params = params_from_current(xs.perl, hv, limit, |p, n| {
        // SAFETY: as in get_node_memory_parameters.
        unsafe { sys::virNodeGetMemoryParameters(conn, p, n, 0) }
    })?;
    // SAFETY: `params` holds `len` initialised parameters.
    check(unsafe {
        sys::virNodeSetMemoryParameters(conn, params.as_mut_ptr(), params.len() as c_int, flags)
    })?;
    Ok(())
}

/// `$conn->get_node_sev_info($flags=0)`
pub(crate) fn get_node_sev_info(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(1)?;
    let mut p: sys::virTypedParameterPtr = ptr::null_mut();
    let mut n: c_int = 0;
    // SAFETY: live handle; local out-pointers.
    check(unsafe { sys::virNodeGetSEVInfo(conn, &mut p, &mut n, flags) })?;
    // SAFETY: libvirt allocated `n` parameters for us.
    let params = unsafe { LibvirtParams::from_raw(p, n) };
    let h = params.to_hash(xs.perl);
    xs.ret(h);
    Ok(())
}

/// `$conn->node_suspend_for_duration($target, $duration, $flags=0)`
pub(crate) fn node_suspend_for_duration(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let target = xs.u32(1)?;
    let duration = xs.u64(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: live handle.
    check(unsafe { sys::virNodeSuspendForDuration(conn, target, duration, flags) })?;
    Ok(())
}

// ---------------------------------------------------------------- CPU models

/// `$conn->compare_cpu($xml, $flags=0)`
pub(crate) fn compare_cpu(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(2)?;
    let r = {
        let xml = xs.str(1)?;
        // SAFETY: live handle; `xml` alive for the call.
        check(unsafe { sys::virConnectCompareCPU(conn, xml.as_ptr(), flags) })?
    };
    xs.ret_i64(r as i64)
}

/// `$conn->compare_hypervisor_cpu($emulator, $arch, $machine, $virttype, $xml, $flags=0)`
pub(crate) fn compare_hypervisor_cpu(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(6)?;
    let r = {
        let emulator = xs.opt_str(1)?;
        let arch = xs.opt_str(2)?;
        let machine = xs.opt_str(3)?;
        let virttype = xs.opt_str(4)?;
        let xml = xs.str(5)?;
        // SAFETY: live handle; every string is NULL or alive for the call.
        check(unsafe {
            sys::virConnectCompareHypervisorCPU(
                conn,
                opt_ptr(&emulator),
                opt_ptr(&arch),
                opt_ptr(&machine),
                opt_ptr(&virttype),
                xml.as_ptr(),
                flags,
            )
        })?
    };
    xs.ret_i64(r as i64)
}

/// `$conn->baseline_cpu(\@xml, $flags=0)`
pub(crate) fn baseline_cpu(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(2)?;
    let p = {
        let mut docs = StrArray::from_arg(xs, 1)?;
        // SAFETY: live handle; `docs` holds its strings, alive for the call.
        unsafe { sys::virConnectBaselineCPU(conn, docs.as_mut_ptr(), docs.len() as c_uint, flags) }
    };
    // SAFETY: `p` is NULL or the string the call returned for us to free.
    unsafe { ret_string(xs, p) }
}

/// `$conn->baseline_hypervisor_cpu($emulator, $arch, $machine, $virttype, \@xml, $flags=0)`
pub(crate) fn baseline_hypervisor_cpu(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(6)?;
    let p = {
        let emulator = xs.opt_str(1)?;
        let arch = xs.opt_str(2)?;
        let machine = xs.opt_str(3)?;
        let virttype = xs.opt_str(4)?;
        let mut docs = StrArray::from_arg(xs, 5)?;
        // SAFETY: live handle; every string is NULL or alive for the call.
        unsafe {
            sys::virConnectBaselineHypervisorCPU(
                conn,
                opt_ptr(&emulator),
                opt_ptr(&arch),
                opt_ptr(&machine),
                opt_ptr(&virttype),
                docs.as_mut_ptr(),
                docs.len() as c_uint,
                flags,
            )
        }
    };
    // SAFETY: `p` is NULL or the string the call returned for us to free.
    unsafe { ret_string(xs, p) }
}

/// `$conn->get_cpu_model_names($arch, $flags=0)`: a list of names.
pub(crate) fn get_cpu_model_names(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(2)?;
    let mut names: *mut *mut c_char = ptr::null_mut();
    let n = {
        let arch = xs.str(1)?;
        // SAFETY: live handle; `arch` alive for the call; the list and its
        // strings become ours.
        check(unsafe { sys::virConnectGetCPUModelNames(conn, arch.as_ptr(), &mut names, flags) })?
    };
    // SAFETY: libvirt allocated `n` strings for us.
    let list = unsafe { CStringList::from_raw(names, n as usize) };
    xs.ret_string_list(list)
}

/// `$conn->get_domain_capabilities($emulator, $arch, $machine, $virttype, $flags=0)`
pub(crate) fn get_domain_capabilities(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(5)?;
    let p = {
        let emulator = xs.opt_str(1)?;
        let arch = xs.opt_str(2)?;
        let machine = xs.opt_str(3)?;
        let virttype = xs.opt_str(4)?;
        // SAFETY: live handle; every string is NULL or alive for the call.
        unsafe {
            sys::virConnectGetDomainCapabilities(
                conn,
                opt_ptr(&emulator),
                opt_ptr(&arch),
                opt_ptr(&machine),
                opt_ptr(&virttype),
                flags,
            )
        }
    };
    // SAFETY: `p` is NULL or the string the call returned for us to free.
    unsafe { ret_string(xs, p) }
}

/// `$conn->get_storage_pool_capabilities($flags=0)`
pub(crate) fn get_storage_pool_capabilities(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(1)?;
    // SAFETY: live handle; the result is ours to free.
    let p = unsafe { sys::virConnectGetStoragePoolCapabilities(conn, flags) };
    // SAFETY: `p` is NULL or the string the call returned for us to free.
    unsafe { ret_string(xs, p) }
}

/// `domain_xml_from_native`/`domain_xml_to_native`: the document `f`
/// converts (`$format`, `$config_or_xml`, `$flags=0`).
pub(crate) fn convert_native(
    xs: &mut Xs,
    f: unsafe extern "C" fn(Conn, *const c_char, *const c_char, c_uint) -> *mut c_char,
) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(3)?;
    let p = {
        let format = xs.str(1)?;
        let doc = xs.str(2)?;
        // SAFETY: live handle; strings alive for the call.
        unsafe { f(conn, format.as_ptr(), doc.as_ptr(), flags) }
    };
    // SAFETY: `p` is NULL or the string the call returned for us to free.
    unsafe { ret_string(xs, p) }
}

/// `$conn->find_storage_pool_sources($type, $srcspec, $flags=0)`. An
/// undef `$srcspec` is passed as NULL (the original passed "", which no
/// driver accepts, contrary to its documentation).
pub(crate) fn find_storage_pool_sources(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(3)?;
    let p = {
        let ty = xs.str(1)?;
        let spec = xs.opt_str(2)?;
        // SAFETY: live handle; strings NULL or alive for the call.
        unsafe { sys::virConnectFindStoragePoolSources(conn, ty.as_ptr(), opt_ptr(&spec), flags) }
    };
    // SAFETY: `p` is NULL or the string the call returned for us to free.
    unsafe { ret_string(xs, p) }
}

// ---------------------------------------------------------------- save images

/// `$conn->restore_domain($savefile, $dxml=undef, \%params=undef, $flags=0)`:
/// virDomainRestoreParams when a hash is given (its entries of
/// `domain::SAVE_PARAMS`, `file` and `dxml` replaced by `$savefile` and
/// `$dxml` when those are defined, as the original does), else
/// virDomainRestoreFlags when `$dxml` or `$flags` is, else
/// virDomainRestore.
pub(crate) fn restore_domain(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let perl = xs.perl;
    let from = xs.opt_str(1)?;
    let dxml = xs.opt_str(2)?;
    let params = if xs.has(3) && perl.is_defined(xs.arg(3))? {
        let hv = xs.hash_ref(3)?;
        let file = from.is_some().then(|| xs.arg(1));
        let dxml = dxml.is_some().then(|| xs.arg(2));
        Some(crate::domain::save_params(perl, hv, file, dxml)?)
    } else {
        None
    };
    let flags = xs.flags(4)?;
    let rc = match params {
        Some(mut p) => {
            // SAFETY: live handle; `p` holds `len` initialised parameters.
            unsafe {
                late::virDomainRestoreParams()?(conn, p.as_mut_ptr(), p.len() as c_int, flags)
            }
        }
        None if from.is_none() => {
            return Err(XsError::die(
                "Either $from or $params parameter must be supplied",
            ))
        }
        None if dxml.is_some() || flags != 0 => {
            // SAFETY: live handle; strings NULL or alive for the call.
            unsafe { sys::virDomainRestoreFlags(conn, opt_ptr(&from), opt_ptr(&dxml), flags) }
        }
        // SAFETY: live handle; `from` alive for the call.
        None => unsafe { sys::virDomainRestore(conn, opt_ptr(&from)) },
    };
    check(rc)?;
    Ok(())
}

/// `$conn->define_save_image_xml($file, $dxml, $flags=0)`
pub(crate) fn define_save_image_xml(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(3)?;
    let file = xs.str(1)?;
    let xml = xs.str(2)?;
    // SAFETY: live handle; strings alive for the call.
    check(unsafe { sys::virDomainSaveImageDefineXML(conn, file.as_ptr(), xml.as_ptr(), flags) })?;
    Ok(())
}

/// `$conn->get_save_image_xml_description($file, $flags=0)`
pub(crate) fn get_save_image_xml_description(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(2)?;
    let p = {
        let file = xs.str(1)?;
        // SAFETY: live handle; `file` alive for the call.
        unsafe { sys::virDomainSaveImageGetXMLDesc(conn, file.as_ptr(), flags) }
    };
    // SAFETY: `p` is NULL or the string the call returned for us to free.
    unsafe { ret_string(xs, p) }
}

// ---------------------------------------------------------------- interfaces

// ---------------------------------------------------------------- listings

/// `$conn->list_domain_ids($maxids)`
pub(crate) fn list_domain_ids(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    // libvirt's remote driver refuses more than its list limit.
    let max = xs.count(1, LIST_MAX)?;
    let mut ids: Vec<c_int> = zeroed_buffer(xs, max as i64)?;
    // SAFETY: `ids` has room for `max` entries (see list_names).
    let n = check(unsafe { sys::virConnectListDomains(conn, ids.as_mut_ptr(), max) })?;
    ids.truncate(n as usize);
    for id in ids {
        xs.ret_i64(id as i64)?;
    }
    Ok(())
}

/// `$conn->num_of_node_devices($capability, $flags=0)`: undef = any.
pub(crate) fn num_of_node_devices(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let flags = xs.flags(2)?;
    let n = {
        let cap = xs.opt_str(1)?;
        // SAFETY: live handle; `cap` NULL or alive for the call.
        check(unsafe { sys::virNodeNumOfDevices(conn, opt_ptr(&cap), flags) })?
    };
    xs.ret_i64(n as i64)
}

/// `$conn->list_node_device_names($capability, $maxnames, $flags=0)`
pub(crate) fn list_node_device_names(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let max = xs.count(2, NODE_DEVICE_LIST_MAX)?;
    let flags = xs.flags(3)?;
    let cap = xs.opt_str(1)?.map(|c| c.into_owned());
    let cap_ptr = opt_ptr(&cap);
    // SAFETY: live handle; `cap_ptr` is NULL or `cap`, alive for the
    // call; `names` has room for `max` entries, where libvirt stores the
    // names it counts, each a string handed over to us.
    unsafe {
        ret_name_list(xs, max, |names, max| {
            sys::virNodeListDevices(conn, cap_ptr, names, max, flags)
        })
    }
}

/// A NULL-terminated list of stats records, freed on drop.
///
/// Each record holds a reference to its domain. The Perl objects we return
/// take those references over (the record's `dom` is then NULL) instead of
/// taking one more with `virDomainRef` for `virDomainStatsRecordListFree` to
/// drop again: two libvirt calls saved per domain. So the list is freed as
/// that function does, minus the domains handed over (it would report an
/// error for a NULL one). libvirt allocates it with malloc (g_new), like
/// every array its API hands over for `free`.
struct StatsRecords(*mut sys::virDomainStatsRecordPtr);

impl Drop for StatsRecords {
    fn drop(&mut self) {
        if self.0.is_null() {
            return;
        }
        // SAFETY: a list libvirt allocated for us: records up to a NULL
        // one, each with its parameters and a domain reference or NULL
        // (handed over); each is freed once, then the list.
        unsafe {
            let mut next = self.0;
            while !(*next).is_null() {
                let rec = *next;
                sys::virTypedParamsFree((*rec).params, (*rec).nparams);
                if !(*rec).dom.is_null() {
                    sys::virDomainFree((*rec).dom);
                }
                libc::free(rec.cast());
                next = next.add(1);
            }
            libc::free(self.0.cast());
        }
    }
}

/// `$conn->get_all_domain_stats($stats, \@doms=undef, $flags=0)`:
/// ({ dom => Sys::Virt::Domain, data => { field => value } }, ...)
pub(crate) fn get_all_domain_stats(xs: &mut Xs) -> XsResult {
    let conn = conn(xs)?;
    let perl = xs.perl;
    let stats = xs.u32(1)?;
    let flags = xs.flags(3)?;
    let mut doms: Vec<sys::virDomainPtr> = Vec::new();
    if xs.has(2) && perl.is_defined(xs.arg(2))? {
        let av = xs.array_ref(2)?;
        for (i, item) in av.items()?.into_iter().enumerate() {
            let p = item.map(|sv| perl.handle_ptr(sv, sys::virDomain::CLASS));
            match p {
                Some(Ok(p)) if !p.is_null() => doms.push(p.cast()),
                _ => {
                    return xs.die(format!(
                        "element {i} of {} is not a Sys::Virt::Domain object",
                        xs.arg_name(2)
                    ))
                }
            }
        }
    }
    let mut recs: *mut sys::virDomainStatsRecordPtr = ptr::null_mut();
    let n = if doms.is_empty() {
        // SAFETY: live handle; the record list becomes ours.
        unsafe { sys::virConnectGetAllDomainStats(conn, stats, &mut recs, flags) }
    } else {
        doms.push(ptr::null_mut());
        // SAFETY: a NULL-terminated array of live domains; the record
        // list becomes ours.
        unsafe { sys::virDomainListGetStats(doms.as_mut_ptr(), stats, &mut recs, flags) }
    };
    let n = check(n)?;
    let recs = StatsRecords(recs);
    if recs.0.is_null() {
        return Ok(());
    }
    for i in 0..n as usize {
        // SAFETY: the list holds `n` non-NULL records before its NULL end.
        let rec = unsafe { &mut **recs.0.add(i) };
        let mut h = perl.new_hash();
        // SAFETY: the record's domain reference is handed over to the
        // object, and the record forgets it (see StatsRecords).
        h.store("dom", unsafe { new_object(perl, rec.dom) });
        rec.dom = ptr::null_mut();
        // SAFETY: `nparams` parameters owned by the record.
        let params = unsafe { typed_params::borrowed(rec.params, rec.nparams) };
        h.store("data", params_to_hash(perl, params));
        xs.ret(h.into_ref());
    }
    Ok(())
}
