//! `Sys::Virt::NetworkPort`: ports of a virtual network.

use crate::error::check;
use crate::handle::{self, destroy};
use crate::identity;
use crate::perl::{Xs, XsResult, Xsub};
use crate::typed_params::LibvirtParams;
use std::os::raw::c_int;
use std::ptr;
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virNetworkPort>,
    "_lookup_by_uuid" => lookup_by_uuid,
    "_lookup_by_uuid_string" => lookup_by_uuid_string,
    "_create_xml" => create_xml,
    "get_uuid" => identity::get_uuid::<sys::virNetworkPort>,
    "get_uuid_string" => identity::get_uuid_string::<sys::virNetworkPort>,
    "get_xml_description" => identity::get_xml_description::<sys::virNetworkPort>,
    "delete" => delete,
    "get_parameters" => get_parameters,
    "set_parameters" => set_parameters,
];

/// `_lookup_by_uuid($net, $uuid)` with the 16 raw bytes.
fn lookup_by_uuid(xs: &mut Xs) -> XsResult {
    identity::lookup_by_uuid(xs, sys::virNetworkPortLookupByUUID)
}

/// `_lookup_by_uuid_string($net, $uuid)`
fn lookup_by_uuid_string(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virNetworkPortLookupByUUIDString)
}

/// `_create_xml($net, $xml, $flags=0)`
fn create_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virNetworkPortCreateXML)
}

/// `$port->delete($flags=0)`
fn delete(xs: &mut Xs) -> XsResult {
    handle::call_flags(xs, sys::virNetworkPortDelete)
}

/// The port's parameters, as libvirt allocated them.
fn fetch_parameters(
    port: *mut sys::virNetworkPort,
    flags: u32,
) -> Result<LibvirtParams, crate::perl::XsError> {
    let mut params: sys::virTypedParameterPtr = ptr::null_mut();
    let mut n: c_int = 0;
    // SAFETY: out-pointers to locals; libvirt allocates the array.
    let rc = unsafe { sys::virNetworkPortGetParameters(port, &mut params, &mut n, flags) };
    // SAFETY: on success the array of `n` parameters is ours; on failure
    // libvirt left it NULL (freeing NULL is harmless).
    let owned = unsafe { LibvirtParams::from_raw(params, n) };
    check(rc)?;
    Ok(owned)
}

/// `$port->get_parameters($flags=0)`: a hash ref keyed by the
/// `BANDWIDTH_*` constants.
fn get_parameters(xs: &mut Xs) -> XsResult {
    let port = xs.handle::<sys::virNetworkPort>(0)?;
    let flags = xs.flags(1)?;
    let params = fetch_parameters(port, flags)?;
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `$port->set_parameters($params, $flags=0)`: the hash's keys that the
/// port reports are set, with the type the port reports for each.
fn set_parameters(xs: &mut Xs) -> XsResult {
    let port = xs.handle::<sys::virNetworkPort>(0)?;
    let hv = xs.hash_ref(1)?;
    let flags = xs.flags(2)?;
    let current = fetch_parameters(port, 0)?;
    let mut wanted = current.keep_from_hash(xs.perl, hv)?;
    // SAFETY: `wanted` holds `len` initialised parameters for the call.
    check(unsafe {
        sys::virNetworkPortSetParameters(port, wanted.as_mut_ptr(), wanted.len() as c_int, flags)
    })?;
    Ok(())
}
