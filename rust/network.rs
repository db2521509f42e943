//! `Sys::Virt::Network`: virtual networks.

use crate::error::check;
use crate::owned::{opt_cstr_sv, RecordList};
use crate::perl::{opt_ptr, Xs, XsResult};
use std::ptr;
use virt_sys as sys;

// ---------------------------------------------------------------------
// Lookups and creation (called by `_new` and Sys::Virt).

// ---------------------------------------------------------------------
// Methods.

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
    // SAFETY: `mac` is NULL or a C string alive for the call; libvirt
    // allocates the array and its leases for us.
    let n = check(unsafe { sys::virNetworkGetDHCPLeases(net, opt_ptr(&mac), &mut leases, flags) })?;
    // SAFETY: `n` leases and the array are ours from here on.
    let leases = unsafe { RecordList::from_raw(leases, n, sys::virNetworkDHCPLeaseFree) };
    let perl = xs.perl;
    for l in leases.iter() {
        let mut h = perl.new_hash();
        // SAFETY: the lease's strings are NULL or live, owned by `leases`.
        unsafe {
            h.store("iface", opt_cstr_sv(perl, l.iface));
            h.store_i64(crate::key!("expirytime"), l.expirytime);
            h.store_i64(crate::key!("type"), l.type_ as i64);
            h.store("mac", opt_cstr_sv(perl, l.mac));
            h.store("iaid", opt_cstr_sv(perl, l.iaid));
            h.store("ipaddr", opt_cstr_sv(perl, l.ipaddr));
            h.store_u64(crate::key!("prefix"), l.prefix as u64);
            h.store("hostname", opt_cstr_sv(perl, l.hostname));
            h.store("clientid", opt_cstr_sv(perl, l.clientid));
        }
        xs.ret(h.into_ref());
    }
    Ok(())
}
