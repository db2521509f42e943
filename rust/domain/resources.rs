//! Domain methods: memory and vCPU resources, CPU pinning, IOThreads,
//! tunables (scheduler, memory, blkio, NUMA, interface, block I/O,
//! perf events, launch security), guest-agent calls and a few others
//! (security labels, messages, lifecycle actions, graphics sockets).
//!
//! Tunables travel as hash refs of typed parameters. Getters ask libvirt
//! for the parameter count, then for the values; setters read the current
//! parameters first (to learn each field's type), keep those the caller's
//! hash names, and send them back, as the C original does.

use crate::error::{self, check, check_ptr};
use crate::late;
use crate::owned::{
    self, fixed_cstr, opt_cstr_sv, ret_string, CArray, CStringList, RecordList, StrArray,
};
use crate::perl::{opt_ptr, NewSv, Perl, Result, StaticKeys, Xs, XsResult};
use crate::typed_params::{params_to_hash, LibvirtParams, ParamSpec, ParamType, TypedParams};
use std::os::raw::{c_char, c_int, c_uint};
use std::ptr::null_mut;
use virt_sys as sys;

type Dom = *mut sys::virDomain;

/// The domain invocant (argument 0).
fn dom(xs: &Xs) -> Result<Dom> {
    xs.handle::<sys::virDomain>(0)
}

/// The length in bytes of a CPU map covering every CPU of the host the
/// domain runs on (`VIR_CPU_MAPLEN(VIR_NODEINFO_MAXCPUS(nodeinfo))`).
fn host_cpumap_len(dom: Dom) -> Result<usize> {
    // SAFETY: an all-zero virNodeInfo is valid (plain integers and chars).
    let mut node: sys::virNodeInfo = unsafe { std::mem::zeroed() };
    // SAFETY: `dom` is live, so is its connection (borrowed, not owned);
    // `node` is a valid out-param.
    check(unsafe { sys::virNodeGetInfo(sys::virDomainGetConnect(dom), &mut node) })?;
    let maxcpus = [node.nodes, node.sockets, node.cores, node.threads]
        .iter()
        .fold(1u64, |acc, &n| acc.saturating_mul(n as u64));
    // libvirt takes the length as an int.
    Ok((maxcpus.div_ceil(8)).min(i32::MAX as u64) as usize)
}

// ------------------------------------------------------------------ memory

/// `$dom->get_max_memory()`: KiB; libvirt reports failure as 0.
pub(crate) fn get_max_memory(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    // SAFETY: `dom` is a live domain (`handle` refuses a destroyed one).
    let mem = unsafe { sys::virDomainGetMaxMemory(dom) };
    if mem == 0 {
        return Err(error::last());
    }
    xs.ret_u64(mem as u64)
}

/// `$dom->set_max_memory($kib)`
pub(crate) fn set_max_memory(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let val = xs.u64(1)?;
    // SAFETY: `dom` is live.
    check(unsafe { sys::virDomainSetMaxMemory(dom, val as _) })?;
    Ok(())
}

/// `$dom->set_memory($kib, $flags=0)`: the flag-less call when no flags.
pub(crate) fn set_memory(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let val = xs.u64(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live.
    check(unsafe {
        if flags != 0 {
            sys::virDomainSetMemoryFlags(dom, val as _, flags)
        } else {
            sys::virDomainSetMemory(dom, val as _)
        }
    })?;
    Ok(())
}

/// `$dom->set_memory_stats_period($secs, $flags=0)`
pub(crate) fn set_memory_stats_period(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let period = xs.i32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live.
    check(unsafe { sys::virDomainSetMemoryStatsPeriod(dom, period, flags) })?;
    Ok(())
}

// -------------------------------------------------------------------- vCPUs

/// `$dom->get_max_vcpus()`
pub(crate) fn get_max_vcpus(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    // SAFETY: `dom` is live.
    let n = unsafe { sys::virDomainGetMaxVcpus(dom) };
    // The original returns libvirt's -1 (e.g. for a shut-off domain)
    // instead of raising; scripts that poll every domain rely on it.
    xs.ret_i64(n as i64)
}

/// `$dom->get_vcpus($flags=0)`
pub(crate) fn get_vcpus(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let flags = xs.flags(1)?;
    // SAFETY: `dom` is live.
    let n = check(unsafe { sys::virDomainGetVcpusFlags(dom, flags) })?;
    xs.ret_i64(n as i64)
}

/// `$dom->set_vcpus($count, $flags=0)`: the flag-less call when no flags.
pub(crate) fn set_vcpus(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let num = xs.i32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live. A negative count becomes a huge
    // unsigned one, which libvirt rejects, as in C.
    check(unsafe {
        if flags != 0 {
            sys::virDomainSetVcpusFlags(dom, num as c_uint, flags)
        } else {
            sys::virDomainSetVcpus(dom, num as c_uint)
        }
    })?;
    Ok(())
}

/// `$dom->set_vcpu($cpumap, $state, $flags=0)`: `$cpumap` is a list of
/// vCPU numbers such as "1-3,^2".
pub(crate) fn set_vcpu(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let map = xs.str(1)?;
    let state = xs.i32(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is live; `map` is a C string alive for the call.
    check(unsafe { sys::virDomainSetVcpu(dom, map.as_ptr(), state, flags) })?;
    Ok(())
}

/// `@info = $dom->get_vcpu_info($flags=0)`: one hash per vCPU with
/// `number`, `state`, `cpuTime`, `cpu` and `affinity` (the CPU map bytes).
/// Without flags the live state is read; when the domain is not running
/// (or flags are given) only the pinning is known and the rest is 0.
pub(crate) fn get_vcpu_info(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let flags = xs.flags(1)?;
    let maplen = host_cpumap_len(dom)?;
    // SAFETY: an all-zero virDomainInfo is valid (plain integers).
    let mut dinfo: sys::virDomainInfo = unsafe { std::mem::zeroed() };
    // SAFETY: `dom` is live; `dinfo` is a valid out-param.
    check(unsafe { sys::virDomainGetInfo(dom, &mut dinfo) })?;
    let nvcpus = dinfo.nrVirtCpu as usize;
    let mut maps = vec![0u8; nvcpus * maplen];
    // SAFETY: all-zero virVcpuInfo records are valid (plain integers).
    let mut info: Vec<sys::virVcpuInfo> =
        (0..nvcpus).map(|_| unsafe { std::mem::zeroed() }).collect();

    let pin_info = |maps: &mut [u8]| -> Result<c_int> {
        // SAFETY: `maps` holds `nvcpus` maps of `maplen` bytes each, which
        // bounds what libvirt writes.
        check(unsafe {
            sys::virDomainGetVcpuPinInfo(
                dom,
                nvcpus as c_int,
                maps.as_mut_ptr(),
                maplen as c_int,
                flags,
            )
        })
    };
    let mut live = false;
    let count = if flags == 0 {
        // SAFETY: `info` has room for `nvcpus` records and `maps` for
        // `nvcpus` maps of `maplen` bytes; libvirt writes no more.
        let n = unsafe {
            sys::virDomainGetVcpus(
                dom,
                info.as_mut_ptr(),
                nvcpus as c_int,
                maps.as_mut_ptr(),
                maplen as c_int,
            )
        };
        if n >= 0 {
            live = true;
            n
        } else {
            // An inactive domain has no live vCPUs: fall back to the pinning.
            if error::last_code() != sys::VIR_ERR_OPERATION_INVALID as i32 {
                return Err(error::last());
            }
            pin_info(&mut maps)?
        }
    } else {
        pin_info(&mut maps)?
    };

    static KEYS: StaticKeys<5> = StaticKeys::new(["number", "state", "cpuTime", "cpu", "affinity"]);
    let perl = xs.perl;
    for i in 0..(count.max(0) as usize).min(nvcpus) {
        let v = &info[i];
        let (number, state, cpu_time, cpu) = if live {
            (v.number.into(), v.state.into(), v.cpuTime, v.cpu.into())
        } else {
            (i as u64, 0, 0, 0)
        };
        let h = perl.static_hash(
            &KEYS,
            [
                perl.new_u64(number),
                perl.new_i64(state),
                perl.new_u64(cpu_time),
                perl.new_i64(cpu),
                perl.new_bytes(&maps[i * maplen..(i + 1) * maplen]),
            ],
        );
        xs.ret(h.into_ref());
    }
    Ok(())
}

/// `$dom->pin_vcpu($vcpu, $mask, $flags=0)`: `$mask` is a CPU bitmap
/// string, 8 CPUs per byte.
pub(crate) fn pin_vcpu(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let vcpu = xs.u32(1)?;
    let mut mask = xs.bytes(2)?.to_vec();
    let flags = xs.flags(3)?;
    let len = mask.len().min(i32::MAX as usize) as c_int;
    // SAFETY: `dom` is live; `mask` holds `len` bytes (libvirt
    // only reads it despite the non-const pointer).
    check(unsafe {
        if flags != 0 {
            sys::virDomainPinVcpuFlags(dom, vcpu, mask.as_mut_ptr(), len, flags)
        } else {
            sys::virDomainPinVcpu(dom, vcpu, mask.as_mut_ptr(), len)
        }
    })?;
    Ok(())
}

/// `$mask = $dom->get_emulator_pin_info($flags=0)`
pub(crate) fn get_emulator_pin_info(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let flags = xs.flags(1)?;
    let maplen = host_cpumap_len(dom)?;
    let mut map = vec![0u8; maplen];
    // SAFETY: `map` holds `maplen` bytes, which bounds what libvirt writes.
    check(unsafe {
        sys::virDomainGetEmulatorPinInfo(dom, map.as_mut_ptr(), maplen as c_int, flags)
    })?;
    xs.ret_bytes(&map)
}

/// `$dom->pin_emulator($mask, $flags=0)`
pub(crate) fn pin_emulator(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let mut mask = xs.bytes(1)?.to_vec();
    let flags = xs.flags(2)?;
    let len = mask.len().min(i32::MAX as usize) as c_int;
    // SAFETY: `dom` is live; `mask` holds `len` bytes.
    check(unsafe { sys::virDomainPinEmulator(dom, mask.as_mut_ptr(), len, flags) })?;
    Ok(())
}

/// `@threads = $dom->get_iothread_info($flags=0)`: hashes with `number`
/// and `affinity`.
pub(crate) fn get_iothread_info(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let flags = xs.flags(1)?;
    let mut ptr: *mut sys::virDomainIOThreadInfoPtr = null_mut();
    // SAFETY: `dom` is live; `ptr` is a valid out-param.
    let n = check(unsafe { sys::virDomainGetIOThreadInfo(dom, &mut ptr, flags) })?;
    // SAFETY: on success libvirt hands us `n` records to free.
    let list = unsafe { RecordList::from_raw(ptr, n, sys::virDomainIOThreadInfoFree) };
    for t in list.iter() {
        let mut h = xs.perl.new_hash();
        h.store_u64(crate::key!("number"), t.iothread_id as u64);
        let map: &[u8] = if t.cpumap.is_null() || t.cpumaplen <= 0 {
            &[]
        } else {
            // SAFETY: `cpumap` holds `cpumaplen` bytes.
            unsafe { std::slice::from_raw_parts(t.cpumap, t.cpumaplen as usize) }
        };
        h.store("affinity", xs.perl.new_bytes(map));
        xs.ret(h.into_ref());
    }
    Ok(())
}

/// `$dom->pin_iothread($id, $mask, $flags=0)`
pub(crate) fn pin_iothread(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let id = xs.u32(1)?;
    let mut mask = xs.bytes(2)?.to_vec();
    let flags = xs.flags(3)?;
    let len = mask.len().min(i32::MAX as usize) as c_int;
    // SAFETY: `dom` is live; `mask` holds `len` bytes.
    check(unsafe { sys::virDomainPinIOThread(dom, id, mask.as_mut_ptr(), len, flags) })?;
    Ok(())
}

/// `$dom->add_iothread($id, $flags=0)`
pub(crate) fn add_iothread(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let id = xs.u32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live.
    check(unsafe { sys::virDomainAddIOThread(dom, id, flags) })?;
    Ok(())
}

/// `$dom->del_iothread($id, $flags=0)`
pub(crate) fn del_iothread(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let id = xs.u32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live.
    check(unsafe { sys::virDomainDelIOThread(dom, id, flags) })?;
    Ok(())
}

/// The IOThread parameters `set_iothread` accepts, with libvirt's types.
const IOTHREAD_PARAMS: &[ParamSpec] = &[
    ("poll_max_ns", ParamType::ULLong),
    ("poll_grow", ParamType::UInt),
    ("poll_shrink", ParamType::UInt),
    ("poll_weight", ParamType::UInt),
    ("thread_pool_min", ParamType::Int),
    ("thread_pool_max", ParamType::Int),
];

/// `$dom->set_iothread($id, \%params, $flags=0)`
pub(crate) fn set_iothread(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let id = xs.u32(1)?;
    let hv = xs.hash_ref(2)?;
    let flags = xs.flags(3)?;
    let mut params = TypedParams::from_hash(xs.perl, hv, IOTHREAD_PARAMS)?;
    // SAFETY: `params` holds `len` initialised parameters.
    check(unsafe {
        sys::virDomainSetIOThreadParams(dom, id, params.as_mut_ptr(), params.len() as c_int, flags)
    })?;
    Ok(())
}

/// `@stats = $dom->get_cpu_stats($start_cpu, $ncpus, $flags=0)`: one hash
/// of typed parameters per host CPU from `$start_cpu`; with `$start_cpu`
/// -1 (and `$ncpus` 1), a single hash of totals. `$ncpus` 0 means every
/// CPU. Only the CPUs the host has are returned.
///
/// One libvirt call when it can be: libvirt fills at most `nparams` values
/// per CPU at a stride of `nparams`, and returns how many it filled, so a
/// stride of the RPC limit gets them all whenever fewer come back. The C
/// original asks for the count first, every time.
pub(crate) fn get_cpu_stats(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let start = xs.i32(1)?;
    let mut ncpus = xs.u32(2)?;
    let flags = xs.flags(3)?;
    let stats = |p: *mut sys::virTypedParameter, np: c_uint, start: c_int, n: c_uint| {
        // SAFETY: `dom` is live; callers pass NULL/0 to query
        // counts, or an array of `np * n` parameters to fill.
        check(unsafe { sys::virDomainGetCPUStats(dom, p, np, start, n, flags) })
    };
    let host_cpus = || stats(null_mut(), 0, 0, 0).map(|n| n as u32);
    // The CPUs to ask for. Totals: libvirt insists on $ncpus 1 and says
    // so, before writing anything. Per CPU, with no $ncpus or more than
    // one call may carry: no more than the host has from `start` (libvirt
    // stops there anyway), so a huge $ncpus allocates nothing huge; a
    // start past the end still asks for one, for libvirt to refuse.
    let chunks = if start < 0 {
        1
    } else if ncpus == 0 || ncpus > RPC_MAX_CPUS {
        let host = host_cpus()?;
        if ncpus == 0 {
            ncpus = host;
        }
        ncpus = match host.saturating_sub(start as u32) {
            0 => ncpus.min(1),
            avail => ncpus.min(avail),
        };
        ncpus
    } else {
        ncpus
    };
    let limit = const { crate::typed_params::rpc_limit("virDomainGetCPUStats") };
    let mut stride = limit;
    let mut params = TypedParams::with_len(stride * chunks as usize);
    let filled = stats(params.as_mut_ptr(), stride as c_uint, start, ncpus)? as usize;
    if filled >= limit {
        // A full stride: there may be more. The two steps, then.
        stride = stats(null_mut(), 0, if start < 0 { -1 } else { 0 }, 1)? as usize;
        params = TypedParams::with_len(stride * chunks as usize);
        stats(params.as_mut_ptr(), stride as c_uint, start, ncpus)?;
    }
    if filled == 0 || stride == 0 {
        // No values at all: one empty hash per CPU the host has.
        let n = if start < 0 {
            1
        } else {
            chunks.min(host_cpus()?.saturating_sub(start as u32))
        };
        for _ in 0..n {
            xs.ret(xs.perl.new_hash().into_ref());
        }
        return Ok(());
    }
    // SAFETY: `params` owns `len` initialised parameters; reordering them
    // in place keeps each one owned exactly once.
    let all = unsafe { std::slice::from_raw_parts_mut(params.as_mut_ptr(), params.len()) };
    // CPUs past the host's last are left untouched by libvirt: drop them.
    let cpus = all
        .chunks(stride)
        .rposition(|chunk| chunk.iter().any(|p| p.type_ != 0))
        .map_or(0, |last| last + 1);
    for chunk in all.chunks_mut(stride).take(cpus) {
        // Parameters a CPU has no value for stay unset (type 0, no name):
        // move them last and leave them out.
        chunk.sort_by_key(|p| p.type_ == 0);
        let set = chunk.iter().take_while(|p| p.type_ != 0).count();
        let h = params_to_hash(xs.perl, &chunk[..set]);
        xs.ret(h);
    }
    Ok(())
}

/// The most CPUs one `virDomainGetCPUStats` call may cover over RPC
/// (`REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX`); `RPC_MAX_CPUS` times the
/// stride limit is `REMOTE_DOMAIN_GET_CPU_STATS_MAX`.
const RPC_MAX_CPUS: u32 = 128;

// ----------------------------------------------------------------- tunables

/// `$type = $dom->get_scheduler_type()`
pub(crate) fn get_scheduler_type(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let mut n: c_int = 0;
    // SAFETY: `dom` is live; the type string is NULL or ours to free.
    unsafe { ret_string(xs, sys::virDomainGetSchedulerType(dom, &mut n)) }
}

/// The number of scheduler parameters (from `virDomainGetSchedulerType`).
fn scheduler_nparams(dom: Dom) -> Result<usize> {
    let mut n: c_int = 0;
    // SAFETY: `dom` is live; the type string is ours to free.
    let t = check_ptr(unsafe { sys::virDomainGetSchedulerType(dom, &mut n) })?;
    // SAFETY: malloc'd by libvirt, freed once here.
    unsafe { libc::free(t.cast()) };
    Ok(n.max(0) as usize)
}

/// The current scheduler parameters; the flag-less call when no flags.
fn scheduler_params(dom: Dom, flags: u32) -> Result<TypedParams> {
    let n = scheduler_nparams(dom)?;
    let mut params = TypedParams::with_len(n);
    let mut got = n as c_int;
    // SAFETY: `params` has room for `got` parameters, which bounds what
    // libvirt writes; `dom` is live.
    check(unsafe {
        if flags != 0 {
            sys::virDomainGetSchedulerParametersFlags(dom, params.as_mut_ptr(), &mut got, flags)
        } else {
            sys::virDomainGetSchedulerParameters(dom, params.as_mut_ptr(), &mut got)
        }
    })?;
    params.truncate((got.max(0) as usize).min(n));
    Ok(params)
}

/// `$params = $dom->get_scheduler_parameters($flags=0)`
pub(crate) fn get_scheduler_parameters(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let flags = xs.flags(1)?;
    let params = scheduler_params(dom, flags)?;
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `$dom->set_scheduler_parameters(\%params, $flags=0)`
pub(crate) fn set_scheduler_parameters(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let hv = xs.hash_ref(1)?;
    let flags = xs.flags(2)?;
    let mut params = scheduler_params(dom, 0)?;
    params.keep_from_hash(xs.perl, hv)?;
    let n = params.len() as c_int;
    // SAFETY: `params` holds `n` initialised parameters.
    check(unsafe {
        if flags != 0 {
            sys::virDomainSetSchedulerParametersFlags(dom, params.as_mut_ptr(), n, flags)
        } else {
            sys::virDomainSetSchedulerParameters(dom, params.as_mut_ptr(), n)
        }
    })?;
    Ok(())
}

/// The launch security parameters a caller may set, with their types.
const LAUNCH_SECURITY_PARAMS: &[ParamSpec] = &[
    ("sev-secret-header", ParamType::String),
    ("sev-secret", ParamType::String),
    ("sev-secret-set-address", ParamType::ULLong),
];

/// `$dom->set_launch_security_state(\%params, $flags=0)`
pub(crate) fn set_launch_security_state(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let hv = xs.hash_ref(1)?;
    let flags = xs.flags(2)?;
    let mut params = TypedParams::from_hash(xs.perl, hv, LAUNCH_SECURITY_PARAMS)?;
    // SAFETY: `params` holds `len` initialised parameters.
    check(unsafe {
        late::virDomainSetLaunchSecurityState()?(
            dom,
            params.as_mut_ptr(),
            params.len() as c_int,
            flags,
        )
    })?;
    Ok(())
}

// -------------------------------------------------------------- guest agent

/// `$params = $dom->get_guest_vcpus($flags=0)`
pub(crate) fn get_guest_vcpus(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let flags = xs.flags(1)?;
    let mut p: *mut sys::virTypedParameter = null_mut();
    let mut n: c_uint = 0;
    // SAFETY: `dom` is live; out-params are valid.
    check(unsafe { sys::virDomainGetGuestVcpus(dom, &mut p, &mut n, flags) })?;
    // SAFETY: on success the array is ours.
    let params = unsafe { LibvirtParams::from_raw(p, n.min(i32::MAX as c_uint) as c_int) };
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `$dom->set_guest_vcpus($cpumap, $state, $flags=0)`
pub(crate) fn set_guest_vcpus(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let map = xs.str(1)?;
    let state = xs.i32(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is live; `map` is alive for the call.
    check(unsafe { sys::virDomainSetGuestVcpus(dom, map.as_ptr(), state, flags) })?;
    Ok(())
}

/// `fs_freeze` / `fs_thaw`: an empty list means every file system.
pub(crate) fn fs_freeze_thaw(
    xs: &mut Xs,
    f: unsafe extern "C" fn(Dom, *mut *const c_char, c_uint, c_uint) -> c_int,
) -> XsResult {
    let dom = dom(xs)?;
    let mut mounts = StrArray::from_arg(xs, 1)?;
    let flags = xs.flags(2)?;
    let n = mounts.len() as c_uint;
    // SAFETY: `dom` is live; `mounts` holds `n` C strings alive for the
    // call (or is NULL when empty).
    check(unsafe { f(dom, mounts.as_mut_ptr_or_null(), n, flags) })?;
    Ok(())
}

/// `$dom->fs_trim($mount_point, $minimum, $flags=0)`: an undef mount point
/// trims every file system.
pub(crate) fn fs_trim(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let mount = xs.opt_str(1)?;
    let minimum = xs.u64(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is live; `mount` is NULL or alive for the call.
    check(unsafe { sys::virDomainFSTrim(dom, opt_ptr(&mount), minimum, flags) })?;
    Ok(())
}

/// `@fs = $dom->get_fs_info($flags=0)`: hashes with `name`, `mountpoint`,
/// `fstype` and `devalias` (an array ref of device aliases).
pub(crate) fn get_fs_info(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let flags = xs.flags(1)?;
    let mut ptr: *mut sys::virDomainFSInfoPtr = null_mut();
    // SAFETY: `dom` is live; `ptr` is a valid out-param.
    let n = check(unsafe { sys::virDomainGetFSInfo(dom, &mut ptr, flags) })?;
    // SAFETY: on success libvirt hands us `n` records to free.
    let list = unsafe { RecordList::from_raw(ptr, n, sys::virDomainFSInfoFree) };
    let perl = xs.perl;
    for fs in list.iter() {
        let mut h = perl.new_hash();
        // SAFETY: the record's strings are NULL or live, owned by `list`.
        unsafe {
            h.store("name", opt_cstr_sv(perl, fs.name));
            h.store("mountpoint", opt_cstr_sv(perl, fs.mountpoint));
            h.store("fstype", opt_cstr_sv(perl, fs.fstype));
        }
        let mut aliases = perl.new_array();
        if !fs.devAlias.is_null() {
            for j in 0..fs.ndevAlias {
                // SAFETY: `devAlias` holds `ndevAlias` strings, NULL or
                // live, owned by `list`.
                aliases.push(unsafe { opt_cstr_sv(perl, *fs.devAlias.add(j)) });
            }
        }
        h.store("devalias", aliases.into_ref());
        xs.ret(h.into_ref());
    }
    Ok(())
}

/// `$info = $dom->get_guest_info($types=0, $flags=0)`
pub(crate) fn get_guest_info(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let types = xs.u32_or(1, 0)?;
    let flags = xs.flags(2)?;
    let mut p: *mut sys::virTypedParameter = null_mut();
    let mut n: c_int = 0;
    // SAFETY: `dom` is live; out-params are valid.
    check(unsafe { sys::virDomainGetGuestInfo(dom, types, &mut p, &mut n, flags) })?;
    // SAFETY: on success the array is ours.
    let params = unsafe { LibvirtParams::from_raw(p, n) };
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `@ifaces = $dom->get_interface_addresses($src, $flags=0)`: hashes with
/// `name`, `hwaddr` and `addrs` (hashes with `type`, `addr`, `prefix`).
pub(crate) fn get_interface_addresses(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let src = xs.u32(1)?;
    let flags = xs.flags(2)?;
    let mut ptr: *mut sys::virDomainInterfacePtr = null_mut();
    // SAFETY: `dom` is live; `ptr` is a valid out-param.
    let n = check(unsafe { sys::virDomainInterfaceAddresses(dom, &mut ptr, src, flags) })?;
    // SAFETY: on success libvirt hands us `n` records to free.
    let list = unsafe { RecordList::from_raw(ptr, n, sys::virDomainInterfaceFree) };
    let perl = xs.perl;
    for iface in list.iter() {
        let mut h = perl.new_hash();
        // SAFETY: the record's strings are NULL or live, owned by `list`.
        unsafe {
            h.store("name", opt_cstr_sv(perl, iface.name));
            h.store("hwaddr", opt_cstr_sv(perl, iface.hwaddr));
        }
        let mut addrs = perl.new_array();
        if !iface.addrs.is_null() {
            for j in 0..iface.naddrs as usize {
                // SAFETY: `addrs` holds `naddrs` records.
                let a = unsafe { &*iface.addrs.add(j) };
                let mut ah = perl.new_hash();
                ah.store_i64(crate::key!("type"), a.type_ as i64);
                // SAFETY: as the record's strings.
                ah.store("addr", unsafe { opt_cstr_sv(perl, a.addr) });
                ah.store_u64(crate::key!("prefix"), a.prefix as u64);
                addrs.push(ah.into_ref());
            }
        }
        h.store("addrs", addrs.into_ref());
        xs.ret(h.into_ref());
    }
    Ok(())
}

/// `$dom->set_user_password($user, $password, $flags=0)`
pub(crate) fn set_user_password(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let user = xs.str(1)?;
    let password = xs.str(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is live; both strings are alive for the call.
    check(unsafe { sys::virDomainSetUserPassword(dom, user.as_ptr(), password.as_ptr(), flags) })?;
    Ok(())
}

/// `@keys = $dom->authorized_ssh_keys_get($user, $flags=0)`
pub(crate) fn authorized_ssh_keys_get(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let user = xs.str(1)?;
    let flags = xs.flags(2)?;
    let mut keys: *mut *mut c_char = null_mut();
    // SAFETY: `dom` is live; `keys` is a valid out-param.
    let n =
        check(unsafe { sys::virDomainAuthorizedSSHKeysGet(dom, user.as_ptr(), &mut keys, flags) })?;
    // SAFETY: on success the array of `n` strings is ours.
    let list = unsafe { CStringList::from_raw(keys, n as usize) };
    drop(user);
    xs.ret_string_list(list)
}

/// `$dom->authorized_ssh_keys_set($user, \@keys, $flags=0)`
pub(crate) fn authorized_ssh_keys_set(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let user = xs.str(1)?;
    let mut keys = StrArray::from_arg(xs, 2)?;
    let flags = xs.flags(3)?;
    let n = keys.len() as c_uint;
    // SAFETY: `dom` is live; the strings are kept alive by `user`
    // and `keys` for the call.
    check(unsafe {
        sys::virDomainAuthorizedSSHKeysSet(dom, user.as_ptr(), keys.as_mut_ptr_or_null(), n, flags)
    })?;
    Ok(())
}

/// `$dom->send_process_signal($pid, $signum, $flags=0)`
pub(crate) fn send_process_signal(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let pid = xs.i64(1)?;
    let signum = xs.u32(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is live.
    check(unsafe { sys::virDomainSendProcessSignal(dom, pid, signum, flags) })?;
    Ok(())
}

/// `$dom->set_agent_response_timeout($seconds, $flags=0)`
pub(crate) fn set_agent_response_timeout(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let timeout = xs.i32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live.
    check(unsafe { sys::virDomainAgentSetResponseTimeout(dom, timeout, flags) })?;
    Ok(())
}

// --------------------------------------------------------------------- misc

/// `{label, enforcing}` of a security label.
pub(crate) fn seclabel_hash(perl: Perl, l: &sys::virSecurityLabel) -> NewSv {
    let mut h = perl.new_hash();
    h.store("label", perl.new_bytes(fixed_cstr(&l.label)));
    h.store_i64(crate::key!("enforcing"), l.enforcing as i64);
    h.into_ref()
}

/// `$label = $dom->get_security_label()`: a hash with `label` and
/// `enforcing`.
pub(crate) fn get_security_label(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    // SAFETY: an all-zero label is valid (chars and an int).
    let mut label: sys::virSecurityLabel = unsafe { std::mem::zeroed() };
    // SAFETY: `dom` is live; `label` is a valid out-param.
    check(unsafe { sys::virDomainGetSecurityLabel(dom, &mut label) })?;
    let h = seclabel_hash(xs.perl, &label);
    xs.ret(h);
    Ok(())
}

/// `@labels = $dom->get_security_label_list()`
pub(crate) fn get_security_label_list(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let mut ptr: *mut sys::virSecurityLabel = null_mut();
    // SAFETY: `dom` is live; `ptr` is a valid out-param.
    let n = check(unsafe { sys::virDomainGetSecurityLabelList(dom, &mut ptr) })?;
    // SAFETY: on success the array of `n` labels is ours to free.
    let labels = unsafe { CArray::from_raw(ptr, n as usize) };
    for l in labels.as_slice() {
        let h = seclabel_hash(xs.perl, l);
        xs.ret(h);
    }
    Ok(())
}

/// `@msgs = $dom->get_messages($flags=0)`
pub(crate) fn get_messages(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let flags = xs.flags(1)?;
    let mut msgs: *mut *mut c_char = null_mut();
    // SAFETY: `dom` is live; `msgs` is a valid out-param.
    let n = check(unsafe { late::virDomainGetMessages()?(dom, &mut msgs, flags) })?;
    // SAFETY: on success the array of `n` strings is ours.
    let list = unsafe { CStringList::from_raw(msgs, n as usize) };
    xs.ret_string_list(list)
}

/// `$dom->start_dirty_rate_calc($secs, $flags=0)`
pub(crate) fn start_dirty_rate_calc(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let secs = xs.i32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live.
    check(unsafe { late::virDomainStartDirtyRateCalc()?(dom, secs, flags) })?;
    Ok(())
}

/// `$dom->set_lifecycle_action($type, $action, $flags=0)`
pub(crate) fn set_lifecycle_action(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let ty = xs.u32(1)?;
    let action = xs.u32(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is live.
    check(unsafe { sys::virDomainSetLifecycleAction(dom, ty, action, flags) })?;
    Ok(())
}

/// `$dom->fd_associate($name, \@fds, $flags=0)`
pub(crate) fn fd_associate(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let name = xs.str(1)?;
    let mut fds = owned::fd_list(xs, 2)?;
    let flags = xs.flags(3)?;
    let ptr = owned::fds_ptr(&mut fds);
    // SAFETY: `dom` is live; `ptr` holds `fds.len()` ints (or is
    // NULL when empty); `name` is alive for the call.
    check(unsafe {
        late::virDomainFDAssociate()?(dom, name.as_ptr(), fds.len() as c_uint, ptr, flags)
    })?;
    Ok(())
}

/// `$dom->open_graphics($idx, $fd, $flags=0)`
pub(crate) fn open_graphics(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let idx = xs.u32(1)?;
    let fd = xs.i32(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is live; libvirt validates the descriptor.
    check(unsafe { sys::virDomainOpenGraphics(dom, idx, fd, flags) })?;
    Ok(())
}

/// `$fd = $dom->open_graphics_fd($idx, $flags=0)`
pub(crate) fn open_graphics_fd(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let idx = xs.u32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live.
    let fd = check(unsafe { sys::virDomainOpenGraphicsFD(dom, idx, flags) })?;
    xs.ret_i64(fd as i64)
}

/// `$dom->graphics_reload($type, $flags=0)`: virDomainGraphicsReload
/// (libvirt 10.2.0).
pub(crate) fn graphics_reload(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let ty = xs.u32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live.
    check(unsafe { late::virDomainGraphicsReload()?(dom, ty, flags) })?;
    Ok(())
}

/// The fields of a throttle group, as Sys::Virt 12.7.0 passes them: the
/// `VIR_DOMAIN_BLOCK_IOTUNE_*` limits (unsigned long long) and the group
/// name (string).
pub(crate) const THROTTLE_GROUP_PARAMS: &[ParamSpec] = &[
    ("total_bytes_sec", ParamType::ULLong),
    ("read_bytes_sec", ParamType::ULLong),
    ("write_bytes_sec", ParamType::ULLong),
    ("total_iops_sec", ParamType::ULLong),
    ("read_iops_sec", ParamType::ULLong),
    ("write_iops_sec", ParamType::ULLong),
    ("total_bytes_sec_max", ParamType::ULLong),
    ("read_bytes_sec_max", ParamType::ULLong),
    ("write_bytes_sec_max", ParamType::ULLong),
    ("total_iops_sec_max", ParamType::ULLong),
    ("read_iops_sec_max", ParamType::ULLong),
    ("write_iops_sec_max", ParamType::ULLong),
    ("size_iops_sec", ParamType::ULLong),
    ("group_name", ParamType::String),
    ("total_bytes_sec_max_length", ParamType::ULLong),
    ("read_bytes_sec_max_length", ParamType::ULLong),
    ("write_bytes_sec_max_length", ParamType::ULLong),
    ("total_iops_sec_max_length", ParamType::ULLong),
    ("read_iops_sec_max_length", ParamType::ULLong),
    ("write_iops_sec_max_length", ParamType::ULLong),
];

/// `$dom->set_throttle_group($group, \%params, $flags=0)`:
/// virDomainSetThrottleGroup (libvirt 11.2.0).
pub(crate) fn set_throttle_group(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let group = xs.str(1)?;
    let hv = xs.hash_ref(2)?;
    let flags = xs.flags(3)?;
    let mut params = TypedParams::from_hash(xs.perl, hv, THROTTLE_GROUP_PARAMS)?;
    // SAFETY: `dom` is live; `group` is alive for the call;
    // `params` holds `len` initialised parameters.
    check(unsafe {
        late::virDomainSetThrottleGroup()?(
            dom,
            group.as_ptr(),
            params.as_mut_ptr(),
            params.len() as c_int,
            flags,
        )
    })?;
    Ok(())
}

/// `$dom->del_throttle_group($group, $flags=0)`: virDomainDelThrottleGroup
/// (libvirt 11.2.0).
pub(crate) fn del_throttle_group(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let group = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dom` is live; `group` is alive for the call.
    check(unsafe { late::virDomainDelThrottleGroup()?(dom, group.as_ptr(), flags) })?;
    Ok(())
}

/// The `VIR_DOMAIN_ANNOUNCE_INTERFACE_*` fields, unsigned ints as
/// Sys::Virt 12.7.0 passes them.
pub(crate) const ANNOUNCE_INTERFACE_PARAMS: &[ParamSpec] = &[
    ("initial", ParamType::UInt),
    ("max", ParamType::UInt),
    ("rounds", ParamType::UInt),
    ("step", ParamType::UInt),
];

/// `$dom->announce_interface($device, \%params, $flags=0)`:
/// virDomainAnnounceInterface (libvirt 12.5.0). `$device` is read as a
/// string, as the original does.
pub(crate) fn announce_interface(xs: &mut Xs) -> XsResult {
    let dom = dom(xs)?;
    let device = xs.str(1)?;
    let hv = xs.hash_ref(2)?;
    let flags = xs.flags(3)?;
    let mut params = TypedParams::from_hash(xs.perl, hv, ANNOUNCE_INTERFACE_PARAMS)?;
    // SAFETY: `dom` is live; `device` is alive for the call;
    // `params` holds `len` initialised parameters.
    check(unsafe {
        late::virDomainAnnounceInterface()?(
            dom,
            device.as_ptr(),
            params.as_mut_ptr(),
            params.len() as c_int,
            flags,
        )
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iothread_spec_names_match_constants() {
        let names: Vec<&str> = IOTHREAD_PARAMS.iter().map(|p| p.0).collect();
        assert_eq!(
            names,
            [
                "poll_max_ns",
                "poll_grow",
                "poll_shrink",
                "poll_weight",
                "thread_pool_min",
                "thread_pool_max"
            ]
        );
    }
}
