//! `Sys::Virt::StorageVol`: volumes of a storage pool.

use crate::error::{check, check_ptr};
use crate::perl::{Xs, XsResult};
use std::os::raw::{c_int, c_uint, c_ulonglong};
use virt_sys as sys;

/// `_lookup_by_name($pool, $name)`
pub(crate) fn lookup_by_name(xs: &mut Xs) -> XsResult {
    let pool = xs.handle::<sys::virStoragePool>(0)?;
    let name = xs.str(1)?;
    // SAFETY: `pool` is live; `name` is a C string alive for the call.
    let vol = check_ptr(unsafe { sys::virStorageVolLookupByName(pool, name.as_ptr()) })?;
    // SAFETY: `vol` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(vol) }
}

/// `_lookup_by_key($con, $key)`
pub(crate) fn lookup_by_key(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let key = xs.str(1)?;
    // SAFETY: `key` is a C string alive for the call.
    let vol = check_ptr(unsafe { sys::virStorageVolLookupByKey(con, key.as_ptr()) })?;
    // SAFETY: `vol` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(vol) }
}

/// `_lookup_by_path($con, $path)`
pub(crate) fn lookup_by_path(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let path = xs.str(1)?;
    // SAFETY: `path` is a C string alive for the call.
    let vol = check_ptr(unsafe { sys::virStorageVolLookupByPath(con, path.as_ptr()) })?;
    // SAFETY: `vol` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(vol) }
}

/// `_create_xml($pool, $xml, $flags=0)`
pub(crate) fn create_xml(xs: &mut Xs) -> XsResult {
    let pool = xs.handle::<sys::virStoragePool>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `xml` is a C string alive for the call.
    let vol = check_ptr(unsafe { sys::virStorageVolCreateXML(pool, xml.as_ptr(), flags) })?;
    // SAFETY: `vol` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(vol) }
}

/// `_create_xml_from($pool, $xml, $clone, $flags=0)`: a new volume
/// holding a copy of `$clone`'s data.
pub(crate) fn create_xml_from(xs: &mut Xs) -> XsResult {
    let pool = xs.handle::<sys::virStoragePool>(0)?;
    let xml = xs.str(1)?;
    let clone = xs.handle::<sys::virStorageVol>(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: `xml` is a C string alive for the call; `clone` is live.
    let vol =
        check_ptr(unsafe { sys::virStorageVolCreateXMLFrom(pool, xml.as_ptr(), clone, flags) })?;
    // SAFETY: `vol` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(vol) }
}

/// `$vol->get_info($flags=0)`: { type, capacity, allocation }.
pub(crate) fn get_info(xs: &mut Xs) -> XsResult {
    let vol = xs.handle::<sys::virStorageVol>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: an all-zero info struct is valid; libvirt fills it.
    let mut info: sys::virStorageVolInfo = unsafe { std::mem::zeroed() };
    // SAFETY: out-pointer to a local. Without flags the older entry
    // point is used, so older servers keep working.
    check(unsafe {
        if flags == 0 {
            sys::virStorageVolGetInfo(vol, &mut info)
        } else {
            sys::virStorageVolGetInfoFlags(vol, &mut info, flags)
        }
    })?;
    let mut h = xs.perl.new_hash();
    h.store_i64(crate::key!("type"), info.type_ as i64);
    h.store_u64(crate::key!("capacity"), info.capacity);
    h.store_u64(crate::key!("allocation"), info.allocation);
    xs.ret(h.into_ref());
    Ok(())
}

/// `$vol->delete($flags=0)`
pub(crate) fn delete(xs: &mut Xs) -> XsResult {
    let vol = xs.handle::<sys::virStorageVol>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `vol` is live.
    check(unsafe { sys::virStorageVolDelete(vol, flags) })?;
    Ok(())
}

/// `$vol->resize($newcapacity, $flags=0)`
pub(crate) fn resize(xs: &mut Xs) -> XsResult {
    let vol = xs.handle::<sys::virStorageVol>(0)?;
    let capacity = xs.u64(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `vol` is live.
    check(unsafe { sys::virStorageVolResize(vol, capacity, flags) })?;
    Ok(())
}

/// `$vol->wipe($flags=0)`
pub(crate) fn wipe(xs: &mut Xs) -> XsResult {
    let vol = xs.handle::<sys::virStorageVol>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `vol` is live.
    check(unsafe { sys::virStorageVolWipe(vol, flags) })?;
    Ok(())
}

/// `$vol->wipe_pattern($algorithm, $flags=0)`
pub(crate) fn wipe_pattern(xs: &mut Xs) -> XsResult {
    let vol = xs.handle::<sys::virStorageVol>(0)?;
    let algorithm = xs.u32(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `vol` is live.
    check(unsafe { sys::virStorageVolWipePattern(vol, algorithm, flags) })?;
    Ok(())
}

/// `upload`/`download`: `f(vol, st, offset, length, flags)`.
pub(crate) fn transfer(
    xs: &mut Xs,
    f: unsafe extern "C" fn(
        sys::virStorageVolPtr,
        sys::virStreamPtr,
        c_ulonglong,
        c_ulonglong,
        c_uint,
    ) -> c_int,
) -> XsResult {
    let vol = xs.handle::<sys::virStorageVol>(0)?;
    let st = xs.handle::<sys::virStream>(1)?;
    let offset = xs.u64(2)?;
    let length = xs.u64(3)?;
    let flags = xs.flags(4)?;
    // SAFETY: `vol` and `st` are live.
    check(unsafe { f(vol, st, offset, length, flags) })?;
    Ok(())
}
