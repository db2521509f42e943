//! Domain methods: statistics (block, interface, memory), block device
//! information, disk errors, background job information, and the peeks
//! into guest disks and memory.

use crate::error::{self, check};
use crate::owned;
use crate::perl::{Key, NewSv, Perl, Result, StaticKeys, Xs, XsResult};
use crate::typed_params::{LibvirtParams, TypedParams};
use std::os::raw::{c_int, c_uint, c_void};
use std::ptr;
use virt_sys as sys;

/// Typed block statistics renamed to the keys of the older
/// `virDomainBlockStats` structure, as the C original does.
const BLOCK_STATS_RENAMES: &[(&[u8], &str)] = &[
    (b"rd_operations", "rd_req"),
    (b"wr_operations", "wr_req"),
    (b"flush_operations", "flush_reqs"),
];

/// `$dom->block_stats($path, $flags=0)`: the typed statistics when the
/// driver has them, else (flags 0 only) the five fields of the old API.
pub(crate) fn block_stats(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let flags = xs.flags(2)?;
    let mut n: c_int = 0;
    // SAFETY: `dom` comes from a live handle (libvirt rejects a NULL one);
    // `path` is a C string alive for the call; a NULL array with
    // nparams 0 asks for the number of parameters. (Asked first, as the
    // original does: a driver without the call fails at once, before
    // anything was allocated for it.)
    let rc = unsafe {
        sys::virDomainBlockStatsFlags(dom, path.as_ptr(), ptr::null_mut(), &mut n, flags)
    };
    if rc < 0 {
        if error::last_code() != sys::VIR_ERR_NO_SUPPORT as i32 || flags != 0 {
            return Err(error::last());
        }
        let h = old_block_stats(xs.perl, dom, &path)?;
        drop(path);
        xs.ret(h);
        return Ok(());
    }
    let mut params = TypedParams::with_len(n.max(0) as usize);
    let mut got = params.len() as c_int;
    // SAFETY: `params` holds `got` zeroed parameters for libvirt to fill;
    // the strings it may store are released by `params`' Drop.
    check(unsafe {
        sys::virDomainBlockStatsFlags(dom, path.as_ptr(), params.as_mut_ptr(), &mut got, flags)
    })?;
    drop(path);
    params.truncate(got.max(0) as usize);
    params.rename(BLOCK_STATS_RENAMES);
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `block_stats` on a driver without the typed call: the five fields of
/// virDomainBlockStats.
fn old_block_stats(perl: Perl, dom: *mut sys::virDomain, path: &std::ffi::CStr) -> Result<NewSv> {
    // SAFETY: an all-zero statistics structure is valid.
    let mut st: sys::virDomainBlockStatsStruct = unsafe { std::mem::zeroed() };
    // SAFETY: live handle, C string alive for the call, a local of the
    // size we pass.
    check(unsafe {
        sys::virDomainBlockStats(
            dom,
            path.as_ptr(),
            &mut st,
            std::mem::size_of::<sys::virDomainBlockStatsStruct>(),
        )
    })?;
    static KEYS: StaticKeys<5> =
        StaticKeys::new(["rd_req", "rd_bytes", "wr_req", "wr_bytes", "errs"]);
    let values = [st.rd_req, st.rd_bytes, st.wr_req, st.wr_bytes, st.errs];
    Ok(perl
        .static_hash(&KEYS, values.map(|v| perl.new_i64(v)))
        .into_ref())
}

/// `$dom->interface_stats($path)`
pub(crate) fn interface_stats(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    // SAFETY: an all-zero statistics structure is valid.
    let mut st: sys::virDomainInterfaceStatsStruct = unsafe { std::mem::zeroed() };
    // SAFETY: live handle, C string alive for the call, a local of the
    // size we pass.
    check(unsafe {
        sys::virDomainInterfaceStats(
            dom,
            path.as_ptr(),
            &mut st,
            std::mem::size_of::<sys::virDomainInterfaceStatsStruct>(),
        )
    })?;
    drop(path);
    static KEYS: StaticKeys<8> = StaticKeys::new([
        "rx_bytes",
        "rx_packets",
        "rx_errs",
        "rx_drop",
        "tx_bytes",
        "tx_packets",
        "tx_errs",
        "tx_drop",
    ]);
    let perl = xs.perl;
    let values = [
        st.rx_bytes,
        st.rx_packets,
        st.rx_errs,
        st.rx_drop,
        st.tx_bytes,
        st.tx_packets,
        st.tx_errs,
        st.tx_drop,
    ];
    xs.ret(
        perl.static_hash(&KEYS, values.map(|v| perl.new_i64(v)))
            .into_ref(),
    );
    Ok(())
}

/// The hash key of each memory statistic tag (unknown tags are skipped).
fn memory_stat_key(tag: c_int) -> Option<&'static Key> {
    Some(match tag as u32 {
        sys::VIR_DOMAIN_MEMORY_STAT_SWAP_IN => crate::key!("swap_in"),
        sys::VIR_DOMAIN_MEMORY_STAT_SWAP_OUT => crate::key!("swap_out"),
        sys::VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT => crate::key!("major_fault"),
        sys::VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT => crate::key!("minor_fault"),
        sys::VIR_DOMAIN_MEMORY_STAT_UNUSED => crate::key!("unused"),
        sys::VIR_DOMAIN_MEMORY_STAT_AVAILABLE => crate::key!("available"),
        sys::VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON => crate::key!("actual_balloon"),
        sys::VIR_DOMAIN_MEMORY_STAT_RSS => crate::key!("rss"),
        sys::VIR_DOMAIN_MEMORY_STAT_USABLE => crate::key!("usable"),
        sys::VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE => crate::key!("last_update"),
        sys::VIR_DOMAIN_MEMORY_STAT_DISK_CACHES => crate::key!("disk_caches"),
        sys::VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC => crate::key!("hugetlb_pgalloc"),
        sys::VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL => crate::key!("hugetlb_pgfail"),
        _ => return None,
    })
}

/// `$dom->memory_stats($flags=0)`
pub(crate) fn memory_stats(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    const NR: usize = sys::VIR_DOMAIN_MEMORY_STAT_NR as usize;
    // SAFETY: all-zero statistics are valid.
    let mut stats: [sys::virDomainMemoryStatStruct; NR] = unsafe { std::mem::zeroed() };
    // SAFETY: live handle; an array of NR entries.
    let got =
        check(unsafe { sys::virDomainMemoryStats(dom, stats.as_mut_ptr(), NR as c_uint, flags) })?;
    let mut hv = xs.perl.new_hash();
    for st in stats.iter().take((got as usize).min(NR)) {
        if let Some(key) = memory_stat_key(st.tag) {
            hv.store_u64(key, st.val);
        }
    }
    xs.ret(hv.into_ref());
    Ok(())
}

/// `$dom->get_block_info($dev, $flags=0)`
pub(crate) fn get_block_info(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let dev = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: an all-zero info structure is valid.
    let mut info: sys::virDomainBlockInfo = unsafe { std::mem::zeroed() };
    // SAFETY: live handle, C string alive for the call, local out-struct.
    check(unsafe { sys::virDomainGetBlockInfo(dom, dev.as_ptr(), &mut info, flags) })?;
    drop(dev);
    let mut hv = xs.perl.new_hash();
    hv.store_u64(crate::key!("capacity"), info.capacity);
    hv.store_u64(crate::key!("allocation"), info.allocation);
    hv.store_u64(crate::key!("physical"), info.physical);
    xs.ret(hv.into_ref());
    Ok(())
}

/// `my @errs = $dom->get_disk_errors($flags=0)`: a list of hash refs
/// with `path` and `error`.
pub(crate) fn get_disk_errors(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: live handle; a NULL array of 0 entries asks for the count.
    let max =
        check(unsafe { sys::virDomainGetDiskErrors(dom, ptr::null_mut(), 0, flags) })? as usize;
    if max == 0 {
        return Ok(());
    }
    // SAFETY: all-zero entries (NULL disk) are valid.
    let mut errors: Vec<sys::virDomainDiskError> =
        (0..max).map(|_| unsafe { std::mem::zeroed() }).collect();
    // SAFETY: live handle; an array of `max` entries.
    let n = check(unsafe {
        sys::virDomainGetDiskErrors(dom, errors.as_mut_ptr(), max as c_uint, flags)
    })? as usize;
    // Take ownership of every returned path first, so each is freed once
    // whatever happens next.
    let found: Vec<(owned::CString, c_int)> = errors
        .iter()
        .take(n.min(max))
        // SAFETY: libvirt allocated each `disk` string for the caller.
        .map(|e| (unsafe { owned::CString::from_raw(e.disk) }, e.error))
        .collect();
    for (disk, err) in &found {
        let mut hv = xs.perl.new_hash();
        let path = xs.perl.new_bytes(disk.bytes());
        hv.store("path", path);
        hv.store_i64(crate::key!("error"), *err as i64);
        xs.ret(hv.into_ref());
    }
    Ok(())
}

/// `my $info = $dom->get_job_info()`
pub(crate) fn get_job_info(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    // SAFETY: an all-zero info structure is valid.
    let mut info: sys::virDomainJobInfo = unsafe { std::mem::zeroed() };
    // SAFETY: live handle, local out-struct.
    check(unsafe { sys::virDomainGetJobInfo(dom, &mut info) })?;
    let mut hv = xs.perl.new_hash();
    hv.store_i64(crate::key!("type"), info.type_ as i64);
    hv.store_u64(crate::key!("timeElapsed"), info.timeElapsed);
    hv.store_u64(crate::key!("timeRemaining"), info.timeRemaining);
    hv.store_u64(crate::key!("dataTotal"), info.dataTotal);
    hv.store_u64(crate::key!("dataProcessed"), info.dataProcessed);
    hv.store_u64(crate::key!("dataRemaining"), info.dataRemaining);
    hv.store_u64(crate::key!("memTotal"), info.memTotal);
    hv.store_u64(crate::key!("memProcessed"), info.memProcessed);
    hv.store_u64(crate::key!("memRemaining"), info.memRemaining);
    hv.store_u64(crate::key!("fileTotal"), info.fileTotal);
    hv.store_u64(crate::key!("fileProcessed"), info.fileProcessed);
    hv.store_u64(crate::key!("fileRemaining"), info.fileRemaining);
    xs.ret(hv.into_ref());
    Ok(())
}

/// `my ($type, $stats) = $dom->get_job_stats($flags=0)`
pub(crate) fn get_job_stats(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    let mut type_: c_int = 0;
    let mut params: sys::virTypedParameterPtr = ptr::null_mut();
    let mut n: c_int = 0;
    // SAFETY: live handle; out-pointers to locals. On success libvirt
    // hands us an array we own (freed by LibvirtParams).
    check(unsafe { sys::virDomainGetJobStats(dom, &mut type_, &mut params, &mut n, flags) })?;
    // SAFETY: the array and count libvirt just returned to us.
    let params = unsafe { LibvirtParams::from_raw(params, n) };
    xs.ret_i64(type_ as i64)?;
    let hv = params.to_hash(xs.perl);
    xs.ret(hv);
    Ok(())
}

/// A zeroed buffer of `size` bytes, or a die (never an abort) when it
/// cannot be allocated.
fn peek_buffer(xs: &Xs, size: u64) -> crate::perl::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let Ok(len) = usize::try_from(size) else {
        return xs.die(format!("cannot allocate a buffer of {size} bytes"));
    };
    if buf.try_reserve_exact(len).is_err() {
        return xs.die(format!("cannot allocate a buffer of {size} bytes"));
    }
    buf.resize(len, 0);
    Ok(buf)
}

/// `$data = $dom->block_peek($path, $offset, $size, $flags=0)`
pub(crate) fn block_peek(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let offset = xs.u64(2)?;
    let size = xs.u64(3)?;
    let flags = xs.flags(4)?;
    let mut buf = peek_buffer(xs, size)?;
    // SAFETY: live handle, C string alive for the call, a buffer of
    // exactly `buf.len()` bytes.
    check(unsafe {
        sys::virDomainBlockPeek(
            dom,
            path.as_ptr(),
            offset,
            buf.len(),
            buf.as_mut_ptr() as *mut c_void,
            flags,
        )
    })?;
    drop(path);
    xs.ret_bytes(&buf)
}

/// `$data = $dom->memory_peek($offset, $size, $flags=0)`
pub(crate) fn memory_peek(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let offset = xs.u64(1)?;
    let size = xs.u64(2)?;
    let flags = xs.flags(3)?;
    let mut buf = peek_buffer(xs, size)?;
    // SAFETY: live handle, a buffer of exactly `buf.len()` bytes.
    check(unsafe {
        sys::virDomainMemoryPeek(
            dom,
            offset,
            buf.len(),
            buf.as_mut_ptr() as *mut c_void,
            flags,
        )
    })?;
    xs.ret_bytes(&buf)
}
