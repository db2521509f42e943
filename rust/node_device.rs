//! `Sys::Virt::NodeDevice`: host devices.

use crate::error::{self, check, check_ptr};
use crate::handle::{self, destroy};
use crate::identity;
use crate::late;
use crate::owned::CString;
use crate::perl::{Xs, XsError, XsResult, Xsub};
use std::os::raw::c_char;
use std::ptr;
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virNodeDevice>,
    "_lookup_by_name" => lookup_by_name,
    "_lookup_scsihost_by_wwn" => lookup_scsihost_by_wwn,
    "_create_xml" => create_xml,
    "_define_xml" => define_xml,
    "get_name" => identity::get_name::<sys::virNodeDevice>,
    "get_parent" => get_parent,
    "get_xml_description" => identity::get_xml_description::<sys::virNodeDevice>,
    "dettach" => dettach,
    "reattach" => reattach,
    "reset" => reset,
    "create" => create,
    "destroy" => destroy_dev,
    "undefine" => undefine,
    "get_autostart" => get_autostart,
    "set_autostart" => set_autostart,
    "is_active" => is_active,
    "is_persistent" => is_persistent,
    "list_capabilities" => list_capabilities,
    "update" => update,
];

/// `_lookup_by_name($con, $name)`
fn lookup_by_name(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virNodeDeviceLookupByName)
}

/// `_lookup_scsihost_by_wwn($con, $wwnn, $wwpn, $flags=0)`
fn lookup_scsihost_by_wwn(xs: &mut Xs) -> XsResult {
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

/// `_create_xml($con, $xml, $flags=0)`: create a transient device.
fn create_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virNodeDeviceCreateXML)
}

/// `_define_xml($con, $xml, $flags=0)`: define a persistent device.
fn define_xml(xs: &mut Xs) -> XsResult {
    xs.handle::<sys::virConnect>(0)?;
    identity::from_str_flags(xs, late::virNodeDeviceDefineXML()?)
}

/// `$dev->get_parent()`: the parent's name, or undef for a root device.
fn get_parent(xs: &mut Xs) -> XsResult {
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
fn dettach(xs: &mut Xs) -> XsResult {
    let dev = xs.handle::<sys::virNodeDevice>(0)?;
    let driver = xs.opt_str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `driver` is NULL or a C string alive for the call. The old
    // entry point is used when nothing needs the new one.
    check(unsafe {
        match driver.as_deref() {
            None if flags == 0 => sys::virNodeDeviceDettach(dev),
            d => sys::virNodeDeviceDetachFlags(dev, d.map_or(ptr::null(), |d| d.as_ptr()), flags),
        }
    })?;
    Ok(())
}

/// `$dev->reattach()`
fn reattach(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNodeDeviceReAttach)
}

/// `$dev->reset()`
fn reset(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNodeDeviceReset)
}

/// The invocant is checked before a late-bound function is looked up: a
/// destroyed device is refused as by every method, whatever the libvirt.
fn dev_first(xs: &Xs) -> Result<(), XsError> {
    xs.handle::<sys::virNodeDevice>(0).map(drop)
}

/// `$dev->create($flags=0)`: start a defined device.
fn create(xs: &mut Xs) -> XsResult {
    dev_first(xs)?;
    handle::call_flags(xs, late::virNodeDeviceCreate()?)
}

/// `$dev->destroy()`: remove a (virtual) device from the host.
fn destroy_dev(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNodeDeviceDestroy)
}

/// `$dev->undefine($flags=0)`
fn undefine(xs: &mut Xs) -> XsResult {
    dev_first(xs)?;
    handle::call_flags(xs, late::virNodeDeviceUndefine()?)
}

/// `$dev->get_autostart()`
fn get_autostart(xs: &mut Xs) -> XsResult {
    dev_first(xs)?;
    handle::get_autostart(xs, late::virNodeDeviceGetAutostart()?)
}

/// `$dev->set_autostart($flag)`
fn set_autostart(xs: &mut Xs) -> XsResult {
    dev_first(xs)?;
    handle::set_autostart(xs, late::virNodeDeviceSetAutostart()?)
}

/// `$dev->is_active()`
fn is_active(xs: &mut Xs) -> XsResult {
    dev_first(xs)?;
    handle::int_result(xs, late::virNodeDeviceIsActive()?)
}

/// `$dev->is_persistent()`
fn is_persistent(xs: &mut Xs) -> XsResult {
    dev_first(xs)?;
    handle::int_result(xs, late::virNodeDeviceIsPersistent()?)
}

/// `$dev->update($xml, $flags=0)`: virNodeDeviceUpdate (libvirt 10.1.0).
fn update(xs: &mut Xs) -> XsResult {
    let dev = xs.handle::<sys::virNodeDevice>(0)?;
    let xml = xs.str(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `dev` is live; `xml` is a C string alive for the call.
    check(unsafe { late::virNodeDeviceUpdate()?(dev, xml.as_ptr(), flags) })?;
    Ok(())
}

/// `$dev->list_capabilities()`: a list of capability names.
fn list_capabilities(xs: &mut Xs) -> XsResult {
    let dev = xs.handle::<sys::virNodeDevice>(0)?;
    // SAFETY: `dev` is live.
    let max = check(unsafe { sys::virNodeDeviceNumOfCaps(dev) })?;
    let mut names: Vec<*mut c_char> = vec![ptr::null_mut(); max as usize];
    // SAFETY: `names` has room for `max` pointers.
    let n = check(unsafe { sys::virNodeDeviceListCaps(dev, names.as_mut_ptr(), max) })?;
    let n = (n as usize).min(names.len());
    // SAFETY: the first `n` entries are strings libvirt allocated for us.
    let owned: Vec<CString> = names[..n]
        .iter()
        .map(|&p| unsafe { CString::from_raw(p) })
        .collect();
    for s in &owned {
        xs.ret_bytes(s.bytes())?;
    }
    Ok(())
}
