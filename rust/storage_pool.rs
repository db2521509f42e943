//! `Sys::Virt::StoragePool`: storage pools.

use crate::error::{check, check_ptr};
use crate::handle::{self, destroy};
use crate::identity;
use crate::owned::{ret_name_list, LIST_MAX};

use crate::perl::{Xs, XsResult, Xsub};
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virStoragePool>,
    "_lookup_by_name" => lookup_by_name,
    "_lookup_by_uuid" => lookup_by_uuid,
    "_lookup_by_uuid_string" => lookup_by_uuid_string,
    "_lookup_by_volume" => lookup_by_volume,
    "_lookup_by_target_path" => lookup_by_target_path,
    "_create_xml" => create_xml,
    "_define_xml" => define_xml,
    "get_name" => identity::get_name::<sys::virStoragePool>,
    "get_uuid" => identity::get_uuid::<sys::virStoragePool>,
    "get_uuid_string" => identity::get_uuid_string::<sys::virStoragePool>,
    "get_xml_description" => identity::get_xml_description::<sys::virStoragePool>,
    "is_active" => is_active,
    "is_persistent" => is_persistent,
    "get_autostart" => get_autostart,
    "set_autostart" => set_autostart,
    "create" => create,
    "destroy" => destroy_pool,
    "undefine" => undefine,
    "build" => build,
    "delete" => delete,
    "refresh" => refresh,
    "get_info" => get_info,
    "num_of_storage_volumes" => num_of_storage_volumes,
    "list_storage_vol_names" => list_storage_vol_names,
    "list_all_volumes" => list_all_volumes,
];

/// `_lookup_by_name($con, $name)`
fn lookup_by_name(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virStoragePoolLookupByName)
}

/// `_lookup_by_uuid($con, $uuid)` with the 16 raw bytes.
fn lookup_by_uuid(xs: &mut Xs) -> XsResult {
    identity::lookup_by_uuid(xs, sys::virStoragePoolLookupByUUID)
}

/// `_lookup_by_uuid_string($con, $uuid)`
fn lookup_by_uuid_string(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virStoragePoolLookupByUUIDString)
}

/// `_lookup_by_volume($vol)`: the pool holding a volume.
fn lookup_by_volume(xs: &mut Xs) -> XsResult {
    let vol = xs.handle::<sys::virStorageVol>(0)?;
    // SAFETY: `vol` is live.
    let pool = check_ptr(unsafe { sys::virStoragePoolLookupByVolume(vol) })?;
    // SAFETY: `pool` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(pool) }
}

/// `_lookup_by_target_path($con, $path)`
fn lookup_by_target_path(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virStoragePoolLookupByTargetPath)
}

/// `_create_xml($con, $xml)`: start a transient pool.
fn create_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virStoragePoolCreateXML)
}

/// `_define_xml($con, $xml, $flags=0)`
fn define_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virStoragePoolDefineXML)
}

/// `$pool->is_active()`
fn is_active(xs: &mut Xs) -> XsResult {
    handle::int_result(xs, sys::virStoragePoolIsActive)
}

/// `$pool->is_persistent()`
fn is_persistent(xs: &mut Xs) -> XsResult {
    handle::int_result(xs, sys::virStoragePoolIsPersistent)
}

/// `$pool->get_autostart()`
fn get_autostart(xs: &mut Xs) -> XsResult {
    handle::get_autostart(xs, sys::virStoragePoolGetAutostart)
}

/// `$pool->set_autostart($flag)`
fn set_autostart(xs: &mut Xs) -> XsResult {
    handle::set_autostart(xs, sys::virStoragePoolSetAutostart)
}

/// `$pool->create()`: start a defined pool.
fn create(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virStoragePoolCreate)
}

/// `$pool->destroy()`: stop the pool (the object stays usable).
fn destroy_pool(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virStoragePoolDestroy)
}

/// `$pool->undefine()`
fn undefine(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virStoragePoolUndefine)
}

/// `$pool->build($flags=0)`
fn build(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virStoragePoolBuild)
}

/// `$pool->delete($flags=0)`
fn delete(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virStoragePoolDelete)
}

/// `$pool->refresh($flags=0)`
fn refresh(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virStoragePoolRefresh)
}

/// `$pool->get_info()`: { state, capacity, allocation, available }.
fn get_info(xs: &mut Xs) -> XsResult {
    let pool = xs.handle::<sys::virStoragePool>(0)?;
    // SAFETY: an all-zero info struct is valid; libvirt fills it.
    let mut info: sys::virStoragePoolInfo = unsafe { std::mem::zeroed() };
    // SAFETY: out-pointer to a local.
    check(unsafe { sys::virStoragePoolGetInfo(pool, &mut info) })?;
    let mut h = xs.perl.new_hash();
    h.store_i64("state", info.state as i64);
    h.store_u64("capacity", info.capacity);
    h.store_u64("allocation", info.allocation);
    h.store_u64("available", info.available);
    xs.ret(h.into_ref());
    Ok(())
}

/// `$pool->num_of_storage_volumes()`
fn num_of_storage_volumes(xs: &mut Xs) -> XsResult {
    handle::int_result(xs, sys::virStoragePoolNumOfVolumes)
}

/// `$pool->list_storage_vol_names($maxnames)`: a list of names.
fn list_storage_vol_names(xs: &mut Xs) -> XsResult {
    let pool = xs.handle::<sys::virStoragePool>(0)?;
    let maxnames = xs.count(1, LIST_MAX)?;
    // SAFETY: `names` has room for `max` pointers (a negative count is
    // rejected by libvirt before it writes anything); libvirt stores the
    // names it counts, each a string handed over to us.
    unsafe {
        ret_name_list(xs, maxnames, |names, max| {
            sys::virStoragePoolListVolumes(pool, names, max)
        })
    }
}

/// `$pool->list_all_volumes($flags=0)`: a list of Sys::Virt::StorageVol.
fn list_all_volumes(xs: &mut Xs) -> XsResult {
    handle::list_all(xs, sys::virStoragePoolListAllVolumes)
}
