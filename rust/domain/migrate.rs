//! Domain methods: migration (`_migrate` and `_migrate_to_uri`, behind the
//! Perl-level `migrate*` methods of Domain.pm) and the migration tunables.

use crate::error::{check, check_ptr};
use crate::perl::{opt_ptr, Xs, XsResult};
use crate::typed_params::{ParamSpec, ParamType, TypedParams};
use std::os::raw::{c_int, c_uint, c_ulong, c_ulonglong};
use virt_sys as sys;

/// Every `VIR_MIGRATE_PARAM_*` of libvirt 12.8.0 with its documented type
/// (those newer than 9.0.0 at the end, with the libvirt version that added
/// them). The multiple-value fields (`migrate_disks`, `compression`,
/// `migrate_disks_detect_zeroes`, `migrate_disks_target_zero`) take an
/// array ref (or a single string).
pub(crate) const MIGRATE_PARAMS: &[ParamSpec] = &[
    ("migrate_uri", ParamType::String),        // VIR_MIGRATE_PARAM_URI
    ("destination_name", ParamType::String),   // VIR_MIGRATE_PARAM_DEST_NAME
    ("destination_xml", ParamType::String),    // VIR_MIGRATE_PARAM_DEST_XML
    ("persistent_xml", ParamType::String),     // VIR_MIGRATE_PARAM_PERSIST_XML
    ("bandwidth", ParamType::ULLong),          // VIR_MIGRATE_PARAM_BANDWIDTH
    ("bandwidth.postcopy", ParamType::ULLong), // VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY
    ("graphics_uri", ParamType::String),       // VIR_MIGRATE_PARAM_GRAPHICS_URI
    ("listen_address", ParamType::String),     // VIR_MIGRATE_PARAM_LISTEN_ADDRESS
    ("migrate_disks", ParamType::StringList),  // VIR_MIGRATE_PARAM_MIGRATE_DISKS
    ("disks_port", ParamType::Int),            // VIR_MIGRATE_PARAM_DISKS_PORT
    ("disks_uri", ParamType::String),          // VIR_MIGRATE_PARAM_DISKS_URI
    ("compression", ParamType::StringList),    // VIR_MIGRATE_PARAM_COMPRESSION
    ("compression.mt.level", ParamType::Int),  // VIR_MIGRATE_PARAM_COMPRESSION_MT_LEVEL
    ("compression.mt.threads", ParamType::Int), // VIR_MIGRATE_PARAM_COMPRESSION_MT_THREADS
    ("compression.mt.dthreads", ParamType::Int), // VIR_MIGRATE_PARAM_COMPRESSION_MT_DTHREADS
    ("compression.xbzrle.cache", ParamType::ULLong), // VIR_MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE
    ("auto_converge.initial", ParamType::Int), // VIR_MIGRATE_PARAM_AUTO_CONVERGE_INITIAL
    ("auto_converge.increment", ParamType::Int), // VIR_MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT
    ("parallel.connections", ParamType::Int),  // VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS
    ("tls.destination", ParamType::String),    // VIR_MIGRATE_PARAM_TLS_DESTINATION
    ("compression.zlib.level", ParamType::Int), // VIR_MIGRATE_PARAM_COMPRESSION_ZLIB_LEVEL (9.4.0)
    ("compression.zstd.level", ParamType::Int), // VIR_MIGRATE_PARAM_COMPRESSION_ZSTD_LEVEL (9.4.0)
    ("migrate_disks_detect_zeroes", ParamType::StringList), // VIR_MIGRATE_PARAM_MIGRATE_DISKS_DETECT_ZEROES (10.9.0)
    ("bandwidth.avail.switchover", ParamType::ULLong), // VIR_MIGRATE_PARAM_BANDWIDTH_AVAIL_SWITCHOVER (11.1.0)
    ("migrate_disks_target_zero", ParamType::StringList), // VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO (12.2.0)
];

/// `my $ddom = $dom->_migrate($destcon, \%params, $flags=0)`:
/// `virDomainMigrate3`, returning the domain object on the destination.
pub(crate) fn migrate(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let dconn = xs.handle::<sys::virConnect>(1)?;
    let hv = xs.hash_ref(2)?;
    let flags = xs.flags(3)?;
    let mut params = TypedParams::from_hash(xs.perl, hv, MIGRATE_PARAMS)?;
    let n = params.len() as c_uint;
    // SAFETY: live handles (libvirt rejects NULL ones); `params` holds `n`
    // initialised parameters that libvirt only reads. The domain returned
    // holds a reference we now own.
    let ddom =
        check_ptr(unsafe { sys::virDomainMigrate3(dom, dconn, params.as_mut_ptr(), n, flags) })?;
    drop(params);
    // SAFETY: `ddom` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(ddom) }
}

/// `$dom->_migrate_to_uri($desturi, \%params, $flags=0)`:
/// `virDomainMigrateToURI3`. An undef `$desturi` is NULL (direct
/// migration needs none).
pub(crate) fn migrate_to_uri(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let uri = xs.opt_str(1)?;
    let hv = xs.hash_ref(2)?;
    let flags = xs.flags(3)?;
    let mut params = TypedParams::from_hash(xs.perl, hv, MIGRATE_PARAMS)?;
    let n = params.len() as c_uint;
    // SAFETY: live handle; `uri` is NULL or a C string alive for the
    // call; `params` holds `n` initialised parameters.
    check(unsafe {
        sys::virDomainMigrateToURI3(dom, opt_ptr(&uri), params.as_mut_ptr(), n, flags)
    })?;
    Ok(())
}

/// `$value = $dom->migrate_get_*($flags=0)`: `f(dom, &value, flags)`.
fn get_tunable<V: Default + Into<u64>>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(sys::virDomainPtr, *mut V, c_uint) -> c_int,
) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    let mut value = V::default();
    // SAFETY: live handle; out-pointer to a local.
    check(unsafe { f(dom, &mut value, flags) })?;
    xs.ret_u64(value.into())
}

/// `$dom->migrate_set_*($value, $flags=0)`: `f(dom, value, flags)`, the
/// value converted (as C would) by `conv`.
fn set_tunable<V>(
    xs: &mut Xs,
    f: unsafe extern "C" fn(sys::virDomainPtr, V, c_uint) -> c_int,
    conv: fn(u64) -> V,
) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let value = conv(xs.u64(1)?);
    let flags = xs.flags(2)?;
    // SAFETY: live handle.
    check(unsafe { f(dom, value, flags) })?;
    Ok(())
}

/// `$size = $dom->migrate_get_compression_cache($flags=0)`
pub(crate) fn migrate_get_compression_cache(xs: &mut Xs) -> XsResult {
    get_tunable::<c_ulonglong>(xs, sys::virDomainMigrateGetCompressionCache)
}

/// `$dom->migrate_set_compression_cache($size, $flags=0)`
pub(crate) fn migrate_set_compression_cache(xs: &mut Xs) -> XsResult {
    set_tunable(xs, sys::virDomainMigrateSetCompressionCache, |v| v)
}

/// `$downtime = $dom->migrate_get_max_downtime($flags=0)`
pub(crate) fn migrate_get_max_downtime(xs: &mut Xs) -> XsResult {
    get_tunable::<c_ulonglong>(xs, sys::virDomainMigrateGetMaxDowntime)
}

/// `$dom->migrate_set_max_downtime($downtime, $flags=0)`
pub(crate) fn migrate_set_max_downtime(xs: &mut Xs) -> XsResult {
    set_tunable(xs, sys::virDomainMigrateSetMaxDowntime, |v| v)
}

/// `$bandwidth = $dom->migrate_get_max_speed($flags=0)`
pub(crate) fn migrate_get_max_speed(xs: &mut Xs) -> XsResult {
    get_tunable::<c_ulong>(xs, sys::virDomainMigrateGetMaxSpeed)
}

/// `$dom->migrate_set_max_speed($bandwidth, $flags=0)`
pub(crate) fn migrate_set_max_speed(xs: &mut Xs) -> XsResult {
    set_tunable(xs, sys::virDomainMigrateSetMaxSpeed, |v| v as c_ulong)
}

/// `$dom->migrate_start_post_copy($flags=0)`
pub(crate) fn migrate_start_post_copy(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: live handle.
    check(unsafe { sys::virDomainMigrateStartPostCopy(dom, flags) })?;
    Ok(())
}
