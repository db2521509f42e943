//! Domain methods: lookups, identity, state and lifecycle.
//!
//! Where the C original picks between an old libvirt entry point and its
//! `...Flags` successor depending on whether flags were given (create,
//! define, destroy, shutdown, undefine, save), we make the same choice, so
//! drivers that only implement the old call keep working.

use crate::error::{check, check_ptr};
use crate::late;
use crate::perl::{opt_ptr, HashRef, Perl, StaticKeys, Sv, Xs, XsError, XsResult};
use crate::typed_params::{ParamSpec, ParamType, TypedParams};
use std::os::raw::{c_int, c_uint};
use virt_sys as sys;

// ------------------------------------------------------------- helpers

/// A list of file descriptors from an array reference (argument `i`).
fn fd_list(xs: &Xs, i: usize) -> Result<Vec<c_int>, XsError> {
    let av = xs.array_ref(i)?;
    let mut fds = Vec::new();
    for (n, item) in av.items()?.into_iter().enumerate() {
        match item {
            Some(sv) => fds.push(xs.perl.to_i64(sv)? as c_int),
            None => {
                return xs.die(format!(
                    "{} has no file descriptor at index {n}",
                    xs.arg_name(i)
                ))
            }
        }
    }
    Ok(fds)
}

// ------------------------------------------------------- construction

/// `_create($con, $xml, $flags=0)`
pub(crate) fn create_xml(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let flags = xs.flags(2)?;
    let dom = {
        let xml = xs.str(1)?;
        // SAFETY: `con` is live; `xml` is a C string alive for the call.
        unsafe {
            if flags != 0 {
                sys::virDomainCreateXML(con, xml.as_ptr(), flags)
            } else {
                sys::virDomainCreateLinux(con, xml.as_ptr(), 0)
            }
        }
    };
    let dom = check_ptr(dom)?;
    // SAFETY: `dom` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(dom) }
}

/// `_create_with_files($con, $xml, \@fds, $flags=0)`
pub(crate) fn create_xml_with_files(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let mut fds = fd_list(xs, 2)?;
    let flags = xs.flags(3)?;
    let dom = {
        let xml = xs.str(1)?;
        // SAFETY: `fds` holds `len` ints for the duration of the call.
        unsafe {
            sys::virDomainCreateXMLWithFiles(
                con,
                xml.as_ptr(),
                fds.len() as c_uint,
                fds.as_mut_ptr(),
                flags,
            )
        }
    };
    let dom = check_ptr(dom)?;
    // SAFETY: `dom` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(dom) }
}

/// `_lookup_by_id($con, $id)`
pub(crate) fn lookup_by_id(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let id = xs.i32(1)?;
    // SAFETY: `con` is live.
    let dom = check_ptr(unsafe { sys::virDomainLookupByID(con, id) })?;
    // SAFETY: `dom` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(dom) }
}

/// `_lookup_by_uuid($con, $uuid)`: 16 raw bytes.
pub(crate) fn lookup_by_uuid(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let mut raw = [0u8; sys::VIR_UUID_BUFLEN as usize];
    {
        let bytes = xs.bytes(1)?;
        // libvirt reads 16 bytes whatever the string's length: refuse a
        // shorter one rather than let it read past the end.
        if bytes.len() < raw.len() {
            return xs.die(format!(
                "{} must be {} bytes long",
                xs.arg_name(1),
                raw.len()
            ));
        }
        raw.copy_from_slice(&bytes[..sys::VIR_UUID_BUFLEN as usize]);
    }
    // SAFETY: `raw` holds the 16 bytes libvirt reads.
    let dom = check_ptr(unsafe { sys::virDomainLookupByUUID(con, raw.as_ptr()) })?;
    // SAFETY: `dom` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(dom) }
}

// ------------------------------------------------------------ identity

/// `$dom->rename($newname, $flags=0)`
pub(crate) fn rename(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(2)?;
    let rc = {
        let name = xs.str(1)?;
        // SAFETY: `name` is a C string alive for the call.
        unsafe { sys::virDomainRename(dom, name.as_ptr(), flags) }
    };
    check(rc)?;
    Ok(())
}

// --------------------------------------------------------------- state

/// `$dom->get_info()`: { state maxMem memory nrVirtCpu cpuTime }
pub(crate) fn get_info(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    // SAFETY: a plain C struct of integers; all-zero is valid.
    let mut info: sys::virDomainInfo = unsafe { std::mem::zeroed() };
    // SAFETY: `info` is a local libvirt fills.
    check(unsafe { sys::virDomainGetInfo(dom, &mut info) })?;
    static KEYS: StaticKeys<5> =
        StaticKeys::new(["state", "maxMem", "memory", "nrVirtCpu", "cpuTime"]);
    let perl = xs.perl;
    let h = perl.static_hash(
        &KEYS,
        [
            perl.new_i64(info.state.into()),
            perl.new_u64(info.maxMem as u64),
            perl.new_u64(info.memory as u64),
            perl.new_u64(info.nrVirtCpu.into()),
            perl.new_u64(info.cpuTime),
        ],
    );
    xs.ret(h.into_ref());
    Ok(())
}

/// `$dom->get_state($flags=0)`: the list (state, reason); in scalar
/// context Perl keeps the last value, the reason, as with the original.
pub(crate) fn get_state(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    let (mut state, mut reason): (c_int, c_int) = (0, 0);
    // SAFETY: out-pointers to locals.
    check(unsafe { sys::virDomainGetState(dom, &mut state, &mut reason, flags) })?;
    xs.ret_i64(state as i64)?;
    xs.ret_i64(reason as i64)
}

/// `$dom->get_control_info($flags=0)`: { state details stateTime }
pub(crate) fn get_control_info(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: a plain C struct of integers; all-zero is valid.
    let mut info: sys::virDomainControlInfo = unsafe { std::mem::zeroed() };
    // SAFETY: `info` is a local libvirt fills.
    check(unsafe { sys::virDomainGetControlInfo(dom, &mut info, flags) })?;
    let mut h = xs.perl.new_hash();
    h.store_u64(crate::key!("state"), info.state as u64);
    h.store_u64(crate::key!("details"), info.details as u64);
    h.store_u64(crate::key!("stateTime"), info.stateTime);
    xs.ret(h.into_ref());
    Ok(())
}

/// `$dom->get_time($flags=0)`: one array reference `[$secs, $nsecs]`,
/// which is what the original returns (its POD shows a plain list).
pub(crate) fn get_time(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(1)?;
    let mut secs: std::os::raw::c_longlong = 0;
    let mut nsecs: c_uint = 0;
    // SAFETY: out-pointers to locals.
    check(unsafe { sys::virDomainGetTime(dom, &mut secs, &mut nsecs, flags) })?;
    let mut av = xs.perl.new_array();
    av.push(xs.perl.new_i64(secs));
    av.push(xs.perl.new_u64(nsecs as u64));
    xs.ret(av.into_ref());
    Ok(())
}

/// `$dom->set_time($secs, $nsecs, $flags=0)`
pub(crate) fn set_time(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let secs = xs.i64(1)?;
    let nsecs = xs.u32(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is a live domain.
    check(unsafe { sys::virDomainSetTime(dom, secs, nsecs, flags) })?;
    Ok(())
}

// ----------------------------------------------------------- lifecycle

/// `$dom->create_with_files(\@fds, $flags=0)`
pub(crate) fn create_with_files(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let mut fds = fd_list(xs, 1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `fds` holds `len` ints for the duration of the call.
    check(unsafe {
        sys::virDomainCreateWithFiles(dom, fds.len() as c_uint, fds.as_mut_ptr(), flags)
    })?;
    Ok(())
}

/// `$dom->pm_suspend_for_duration($target, $duration, $flags=0)`
pub(crate) fn pm_suspend_for_duration(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let target = xs.u32(1)?;
    let duration = xs.u64(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `dom` is a live domain.
    check(unsafe { sys::virDomainPMSuspendForDuration(dom, target, duration, flags) })?;
    Ok(())
}

// ------------------------------------------------ saved state and dumps

/// Is argument `i` passed and defined?
fn defined(xs: &Xs, i: usize) -> Result<bool, XsError> {
    Ok(xs.has(i) && xs.perl.is_defined(xs.arg(i))?)
}

/// The fields of the `save` params hash (and of `restore_domain`'s), as
/// Sys::Virt 12.7.0 passes them: `VIR_DOMAIN_SAVE_PARAM_FILE`, `_DXML`,
/// `_IMAGE_FORMAT` (libvirt 11.2.0) and `_PARALLEL_CHANNELS` (11.2.0).
const SAVE_PARAMS: &[ParamSpec] = &[
    ("file", ParamType::String),
    ("dxml", ParamType::String),
    ("image_format", ParamType::String),
    ("parallel.channels", ParamType::Int),
];

/// The parameters of virDomainSaveParams / virDomainRestoreParams: the
/// hash's entries of [`SAVE_PARAMS`], its `file` and `dxml` replaced by
/// `file` / `dxml` when those are given (as the original, which stores
/// them into the hash; ours is left as it was).
pub(crate) fn save_params(
    perl: Perl,
    hv: HashRef,
    file: Option<Sv>,
    dxml: Option<Sv>,
) -> Result<TypedParams, XsError> {
    let mut params = TypedParams::with_len(0);
    for &(field, ty) in SAVE_PARAMS {
        let value: Option<Sv> = match (field, file, dxml) {
            ("file", Some(sv), _) | ("dxml", _, Some(sv)) => Some(sv),
            _ => hv.get(field)?,
        };
        if let Some(sv) = value {
            params.push(perl, field, ty, sv)?;
        }
    }
    Ok(params)
}

/// `$dom->save($to=undef, $dxml=undef, \%params=undef, $flags=0)`
///
/// As the original: with a params hash, virDomainSaveParams gets the
/// hash's entries of [`SAVE_PARAMS`], `file` and `dxml` replaced by `$to` /
/// `$dxml` when those are given; without one, virDomainSaveFlags is used
/// when `$dxml` or flags are given, else virDomainSave.
pub(crate) fn save(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(4)?;
    let has_to = defined(xs, 1)?;
    let has_dxml = defined(xs, 2)?;
    if defined(xs, 3)? {
        let hv = xs.hash_ref(3)?;
        let to = has_to.then(|| xs.arg(1));
        let dxml = has_dxml.then(|| xs.arg(2));
        let mut params = save_params(xs.perl, hv, to, dxml)?;
        // SAFETY: `params` holds `len` initialised parameters.
        check(unsafe {
            late::virDomainSaveParams()?(dom, params.as_mut_ptr(), params.len() as c_int, flags)
        })?;
        return Ok(());
    }
    if !has_to {
        return Err(XsError::die(
            "Either $to or $params parameter must be supplied",
        ));
    }
    let to = xs.str(1)?;
    let dxml = if has_dxml { Some(xs.str(2)?) } else { None };
    // SAFETY: `to` and `dxml` are NULL or C strings alive for the call.
    let rc = unsafe {
        if dxml.is_some() || flags != 0 {
            sys::virDomainSaveFlags(dom, to.as_ptr(), opt_ptr(&dxml), flags)
        } else {
            sys::virDomainSave(dom, to.as_ptr())
        }
    };
    check(rc)?;
    Ok(())
}

/// `$dom->managed_save_define_xml($xml, $flags=0)`
pub(crate) fn managed_save_define_xml(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(2)?;
    let rc = {
        let xml = xs.str(1)?;
        // SAFETY: `xml` is a C string alive for the call.
        unsafe { sys::virDomainManagedSaveDefineXML(dom, xml.as_ptr(), flags) }
    };
    check(rc)?;
    Ok(())
}

/// `$dom->core_dump($to, $flags=0)`
pub(crate) fn core_dump(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let flags = xs.flags(2)?;
    let rc = {
        let to = xs.str(1)?;
        // SAFETY: `to` is a C string alive for the call.
        unsafe { sys::virDomainCoreDump(dom, to.as_ptr(), flags) }
    };
    check(rc)?;
    Ok(())
}

/// `$dom->core_dump_format($to, $format, $flags=0)`
pub(crate) fn core_dump_format(xs: &mut Xs) -> XsResult {
    let dom = xs.handle::<sys::virDomain>(0)?;
    let format = xs.u32(2)?;
    let flags = xs.flags(3)?;
    let rc = {
        let to = xs.str(1)?;
        // SAFETY: `to` is a C string alive for the call.
        unsafe { sys::virDomainCoreDumpWithFormat(dom, to.as_ptr(), format, flags) }
    };
    check(rc)?;
    Ok(())
}
