//! `Sys::Virt::StoragePool`: storage pools.

use crate::error::{check, check_ptr};
use crate::owned::{ret_name_list, LIST_MAX};

use crate::perl::{Xs, XsResult};
use virt_sys as sys;

/// `_lookup_by_volume($vol)`: the pool holding a volume.
pub(crate) fn lookup_by_volume(xs: &mut Xs) -> XsResult {
    let vol = xs.handle::<sys::virStorageVol>(0)?;
    // SAFETY: `vol` is live.
    let pool = check_ptr(unsafe { sys::virStoragePoolLookupByVolume(vol) })?;
    // SAFETY: `pool` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(pool) }
}

/// `$pool->get_info()`: { state, capacity, allocation, available }.
pub(crate) fn get_info(xs: &mut Xs) -> XsResult {
    let pool = xs.handle::<sys::virStoragePool>(0)?;
    // SAFETY: an all-zero info struct is valid; libvirt fills it.
    let mut info: sys::virStoragePoolInfo = unsafe { std::mem::zeroed() };
    // SAFETY: out-pointer to a local.
    check(unsafe { sys::virStoragePoolGetInfo(pool, &mut info) })?;
    let mut h = xs.perl.new_hash();
    h.store_i64(crate::key!("state"), info.state as i64);
    h.store_u64(crate::key!("capacity"), info.capacity);
    h.store_u64(crate::key!("allocation"), info.allocation);
    h.store_u64(crate::key!("available"), info.available);
    xs.ret(h.into_ref());
    Ok(())
}

/// `$pool->list_storage_vol_names($maxnames)`: a list of names.
pub(crate) fn list_storage_vol_names(xs: &mut Xs) -> XsResult {
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
