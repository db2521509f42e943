//! `Sys::Virt::Network`: virtual networks.

use crate::error::{self, check, check_ptr};
use crate::owned::CArray;
use crate::perl::{Xs, XsResult};
use std::ptr;
use virt_sys as sys;

// ---------------------------------------------------------------------
// Helpers shared by the object classes of this family.

// ---------------------------------------------------------------------
// Lookups and creation (called by `_new` and Sys::Virt).

// ---------------------------------------------------------------------
// Methods.

/// `$net->get_bridge_name()`
pub(crate) fn get_bridge_name(xs: &mut Xs) -> XsResult {
    let net = xs.handle::<sys::virNetwork>(0)?;
    // SAFETY: `net` is live; the name is ours to free.
    let name = check_ptr(unsafe { sys::virNetworkGetBridgeName(net) })?;
    xs.ret_owned_cstring(name)
}

/// `$net->update($command, $section, $parentIndex, $xml, $flags=0)`
pub(crate) fn update(xs: &mut Xs) -> XsResult {
    let net = xs.handle::<sys::virNetwork>(0)?;
    let command = xs.u32(1)?;
    let section = xs.u32(2)?;
    let parent_index = xs.i32(3)?;
    let xml = xs.str(4)?;
    let flags = xs.flags(5)?;
    // SAFETY: `xml` is a C string alive for the call.
    check(unsafe {
        sys::virNetworkUpdate(net, command, section, parent_index, xml.as_ptr(), flags)
    })?;
    Ok(())
}

/// `$net->get_dhcp_leases($mac=undef, $flags=0)`: a list of hash refs.
pub(crate) fn get_dhcp_leases(xs: &mut Xs) -> XsResult {
    let net = xs.handle::<sys::virNetwork>(0)?;
    let mac = xs.opt_str(1)?;
    let flags = xs.flags(2)?;
    let mut leases: *mut sys::virNetworkDHCPLeasePtr = ptr::null_mut();
    let mac_ptr = mac.as_deref().map_or(ptr::null(), |m| m.as_ptr());
    // SAFETY: `mac_ptr` is NULL or a C string alive for the call; libvirt
    // allocates the array and its leases for us.
    let n = unsafe { sys::virNetworkGetDHCPLeases(net, mac_ptr, &mut leases, flags) };
    if n < 0 {
        return Err(error::last());
    }
    // SAFETY: `n` leases and the array are ours from here on.
    let leases = DhcpLeases(unsafe { CArray::from_raw(leases, n as usize) });
    let perl = xs.perl;
    for &lease in leases.0.as_slice() {
        // SAFETY: every element is a live lease owned by `leases`.
        let l = unsafe { &*lease };
        let mut h = perl.new_hash();
        h.store("iface", crate::owned::opt_cstr_sv(perl, l.iface));
        h.store_i64("expirytime", l.expirytime);
        h.store_i64("type", l.type_ as i64);
        h.store("mac", crate::owned::opt_cstr_sv(perl, l.mac));
        h.store("iaid", crate::owned::opt_cstr_sv(perl, l.iaid));
        h.store("ipaddr", crate::owned::opt_cstr_sv(perl, l.ipaddr));
        h.store_u64("prefix", l.prefix as u64);
        h.store("hostname", crate::owned::opt_cstr_sv(perl, l.hostname));
        h.store("clientid", crate::owned::opt_cstr_sv(perl, l.clientid));
        xs.ret(h.into_ref());
    }
    Ok(())
}

/// The leases libvirt returned: each freed, then the array.
struct DhcpLeases(CArray<sys::virNetworkDHCPLeasePtr>);

impl Drop for DhcpLeases {
    fn drop(&mut self) {
        for &lease in self.0.as_slice() {
            // SAFETY: each lease is ours and freed once.
            unsafe { sys::virNetworkDHCPLeaseFree(lease) };
        }
    }
}
