//! `Sys::Virt::NodeDevice`: host devices.

use crate::error::{self, check, check_ptr};
use crate::late;
use crate::owned::ret_name_list;
use crate::perl::{opt_ptr, Xs, XsResult};
use virt_sys as sys;

/// `_lookup_scsihost_by_wwn($con, $wwnn, $wwpn, $flags=0)`
pub(crate) fn lookup_scsihost_by_wwn(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let wwnn = xs.str(1)?;
    let wwpn = xs.str(2)?;
    let flags = xs.flags(3)?;
    // SAFETY: both strings are C strings alive for the call.
    let dev = check_ptr(unsafe {
        sys::virNodeDeviceLookupSCSIHostByWWN(con, wwnn.as_ptr(), wwpn.as_ptr(), flags)
    })?;
    // SAFETY: `dev` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(dev) }
}

/// `$dev->get_parent()`: the parent's name, or undef for a root device.
pub(crate) fn get_parent(xs: &mut Xs) -> XsResult {
    let dev = xs.handle::<sys::virNodeDevice>(0)?;
    // SAFETY: `dev` is live; the name is owned by the object.
    let parent = unsafe { sys::virNodeDeviceGetParent(dev) };
    if parent.is_null() {
        // NULL without an error means "no parent".
        // SAFETY: reads this thread's last error, set by the call above.
        if unsafe { sys::virGetLastError() }.is_null() {
            return xs.ret_undef();
        }
        return Err(error::last());
    }
    // SAFETY: a non-NULL parent name is a live C string.
    unsafe { xs.ret_cstr_of_arg(parent) }
}

/// `$dev->dettach($driver=undef, $flags=0)`: unbind from the host driver.
pub(crate) fn dettach(xs: &mut Xs) -> XsResult {
    let dev = xs.handle::<sys::virNodeDevice>(0)?;
    let driver = xs.opt_str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `driver` is NULL or a C string alive for the call. The old
    // entry point is used when nothing needs the new one.
    check(unsafe {
        if driver.is_none() && flags == 0 {
            sys::virNodeDeviceDettach(dev)
        } else {
            sys::virNodeDeviceDetachFlags(dev, opt_ptr(&driver), flags)
        }
    })?;
    Ok(())
}

/// `$dev->update($xml, $flags=0)`: virNodeDeviceUpdate (libvirt 10.1.0).
pub(crate) fn update(xs: &mut Xs) -> XsResult {
    let dev = xs.handle::<sys::virNodeDevice>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dev` is live; `xml` is a C string alive for the call.
    check(unsafe { late::virNodeDeviceUpdate()?(dev, xml.as_ptr(), flags) })?;
    Ok(())
}

/// `$dev->list_capabilities()`: a list of capability names.
pub(crate) fn list_capabilities(xs: &mut Xs) -> XsResult {
    let dev = xs.handle::<sys::virNodeDevice>(0)?;
    // SAFETY: `dev` is live.
    let max = check(unsafe { sys::virNodeDeviceNumOfCaps(dev) })?;
    // SAFETY: `dev` is live; `names` has room for `max` pointers, where
    // libvirt stores the names it counts, each a string handed over to us.
    unsafe {
        ret_name_list(xs, max, |names, max| {
            sys::virNodeDeviceListCaps(dev, names, max)
        })
    }
}
