//! Domain methods: device hotplug, key presses and NMI, block jobs (pull,
//! rebase, copy, commit, resize, job control, threshold) and backups.

use crate::error::check;
use crate::perl::{opt_ptr, Xs, XsResult};
use crate::typed_params::{ParamSpec, ParamType, TypedParams};
use std::os::raw::{c_char, c_int, c_uint, c_ulong};
use virt_sys as sys;

/// The parameters `virDomainBlockCopy` accepts, with their types.
const BLOCK_COPY_PARAMS: &[ParamSpec] = &[
    ("bandwidth", ParamType::ULLong), // VIR_DOMAIN_BLOCK_COPY_BANDWIDTH
    ("granularity", ParamType::UInt), // VIR_DOMAIN_BLOCK_COPY_GRANULARITY
    ("buf-size", ParamType::ULLong),  // VIR_DOMAIN_BLOCK_COPY_BUF_SIZE
];

type Dom = sys::virDomainPtr;

/// `attach_device`/`detach_device` (`$xml`, `$flags=0`): the flag-less
/// call `old` when flags are 0, as the original, else `with_flags`.
pub(crate) fn device_xml(
    xs: &mut Xs,
    old: unsafe extern "C" fn(Dom, *const c_char) -> c_int,
    with_flags: unsafe extern "C" fn(Dom, *const c_char, c_uint) -> c_int,
) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: live handle; C string alive for the call.
    let rc = unsafe {
        if flags != 0 {
            with_flags(dom, xml.as_ptr(), flags)
        } else {
            old(dom, xml.as_ptr())
        }
    };
    check(rc)?;
    Ok(())
}

/// `$dom->detach_device_alias($alias, $flags=0)`
pub(crate) fn detach_device_alias(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let alias = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: live handle; C string alive for the call.
    check(unsafe { sys::virDomainDetachDeviceAlias(dom, alias.as_ptr(), flags) })?;
    Ok(())
}

/// `$dom->update_device($xml, $flags=0)`
pub(crate) fn update_device(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: live handle; C string alive for the call.
    check(unsafe { sys::virDomainUpdateDeviceFlags(dom, xml.as_ptr(), flags) })?;
    Ok(())
}

/// `$dom->send_key($keycodeset, $holdtime, \@keycodes, $flags=0)`. The
/// number of keycodes is checked by libvirt (1 to 16).
pub(crate) fn send_key(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let codeset = xs.u32(1)?;
    let holdtime = xs.u32(2)?;
    let av = xs.array_ref(3)?;
    let flags = xs.flags(4)?;
    let mut codes: Vec<c_uint> = Vec::new();
    for item in av.items()? {
        // A hole or undef is key code 0 (undef with Perl's usual warning).
        let code = match item {
            Some(sv) => xs.perl.to_i64(sv)? as c_uint,
            None => 0,
        };
        codes.push(code);
    }
    let n = c_int::try_from(codes.len()).unwrap_or(c_int::MAX);
    // SAFETY: live handle; `codes` holds at least `n` entries.
    check(unsafe { sys::virDomainSendKey(dom, codeset, holdtime, codes.as_mut_ptr(), n, flags) })?;
    Ok(())
}

/// `$dom->block_pull($path, $bandwidth, $flags=0)`
pub(crate) fn block_pull(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let bandwidth = xs.u64(2)? as c_ulong;
    let flags = xs.flags(3)?;
    // SAFETY: live handle; C string alive for the call.
    check(unsafe { sys::virDomainBlockPull(dom, path.as_ptr(), bandwidth, flags) })?;
    Ok(())
}

/// `$dom->block_rebase($path, $base, $bandwidth, $flags=0)`: an undef
/// `$base` is NULL (no backing file).
pub(crate) fn block_rebase(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let base = xs.opt_str(2)?;
    let bandwidth = xs.u64(3)? as c_ulong;
    let flags = xs.flags(4)?;
    // SAFETY: live handle; C strings (or NULL) alive for the call.
    check(unsafe {
        sys::virDomainBlockRebase(dom, path.as_ptr(), opt_ptr(&base), bandwidth, flags)
    })?;
    Ok(())
}

/// `$dom->block_copy($path, $destxml, \%params, $flags=0)`
pub(crate) fn block_copy(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let destxml = xs.str(2)?;
    let hv = xs.hash_ref(3)?;
    let flags = xs.flags(4)?;
    let mut params = TypedParams::from_hash(xs.perl, hv, BLOCK_COPY_PARAMS)?;
    let n = params.len() as c_int;
    // SAFETY: live handle; C strings alive for the call; `params` holds
    // `n` initialised parameters that libvirt only reads.
    check(unsafe {
        sys::virDomainBlockCopy(
            dom,
            path.as_ptr(),
            destxml.as_ptr(),
            params.as_mut_ptr(),
            n,
            flags,
        )
    })?;
    Ok(())
}

/// `$dom->block_commit($path, $base, $top, $bandwidth, $flags=0)`: an
/// undef `$base` or `$top` is NULL (libvirt picks the default).
pub(crate) fn block_commit(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let base = xs.opt_str(2)?;
    let top = xs.opt_str(3)?;
    let bandwidth = xs.u64(4)? as c_ulong;
    let flags = xs.flags(5)?;
    // SAFETY: live handle; C strings (or NULL) alive for the call.
    check(unsafe {
        sys::virDomainBlockCommit(
            dom,
            path.as_ptr(),
            opt_ptr(&base),
            opt_ptr(&top),
            bandwidth,
            flags,
        )
    })?;
    Ok(())
}

/// `$dom->block_resize($disk, $newsize, $flags=0)`
pub(crate) fn block_resize(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let disk = xs.str(1)?;
    let size = xs.u64(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: live handle; C string alive for the call.
    check(unsafe { sys::virDomainBlockResize(dom, disk.as_ptr(), size, flags) })?;
    Ok(())
}

/// `my $info = $dom->get_block_job_info($path, $flags=0)`: a hash with
/// `type`, `bandwidth`, `cur` and `end` (all 0 when no job runs).
pub(crate) fn get_block_job_info(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: an all-zero info structure is valid.
    let mut info: sys::virDomainBlockJobInfo = unsafe { std::mem::zeroed() };
    // SAFETY: live handle; C string alive for the call; local out-struct.
    check(unsafe { sys::virDomainGetBlockJobInfo(dom, path.as_ptr(), &mut info, flags) })?;
    drop(path);
    let mut hv = xs.perl.new_hash();
    hv.store_i64(crate::key!("type"), info.type_ as i64);
    hv.store_u64(crate::key!("bandwidth"), info.bandwidth as u64);
    hv.store_u64(crate::key!("cur"), info.cur as u64);
    hv.store_u64(crate::key!("end"), info.end as u64);
    xs.ret(hv.into_ref());
    Ok(())
}

/// `$dom->set_block_job_speed($path, $bandwidth, $flags=0)`
pub(crate) fn set_block_job_speed(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let bandwidth = xs.u64(2)? as c_ulong;
    let flags = xs.flags(3)?;
    // SAFETY: live handle; C string alive for the call.
    check(unsafe { sys::virDomainBlockJobSetSpeed(dom, path.as_ptr(), bandwidth, flags) })?;
    Ok(())
}

/// `$dom->abort_block_job($path, $flags=0)`
pub(crate) fn abort_block_job(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let path = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: live handle; C string alive for the call.
    check(unsafe { sys::virDomainBlockJobAbort(dom, path.as_ptr(), flags) })?;
    Ok(())
}

/// `$dom->set_block_threshold($dev, $threshold, $flags=0)`
pub(crate) fn set_block_threshold(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let dev = xs.str(1)?;
    let threshold = xs.u64(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: live handle; C string alive for the call.
    check(unsafe { sys::virDomainSetBlockThreshold(dom, dev.as_ptr(), threshold, flags) })?;
    Ok(())
}

/// `$dom->backup_begin($backupxml, $checkpointxml=undef, $flags=0)`:
/// undef XML documents are passed as NULL.
pub(crate) fn backup_begin(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let backup = xs.opt_str(1)?;
    let checkpoint = xs.opt_str(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: live handle; C strings (or NULL) alive for the call.
    check(unsafe {
        sys::virDomainBackupBegin(dom, opt_ptr(&backup), opt_ptr(&checkpoint), flags)
    })?;
    Ok(())
}
