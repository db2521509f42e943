//! `Sys::Virt::NetworkPort`: ports of a virtual network.

use crate::error::check;
use crate::perl::{Xs, XsResult};
use crate::typed_params::LibvirtParams;
use std::os::raw::c_int;
use std::ptr;
use virt_sys as sys;

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
pub(crate) fn get_parameters(xs: &mut Xs) -> XsResult {
    let port = xs.handle::<sys::virNetworkPort>(0)?;
    let flags = xs.flags(1)?;
    let params = fetch_parameters(port, flags)?;
    xs.ret(params.to_hash(xs.perl));
    Ok(())
}

/// `$port->set_parameters($params, $flags=0)`: the hash's keys that the
/// port reports are set, with the type the port reports for each.
pub(crate) fn set_parameters(xs: &mut Xs) -> XsResult {
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
