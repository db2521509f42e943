//! `Sys::Virt::Network`: virtual networks.

use crate::error::{self, check, check_ptr};
use crate::handle::{self, destroy};
use crate::identity;
use crate::late;
use crate::owned::CArray;
use crate::perl::{Xs, XsResult, Xsub};
use std::ptr;
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virNetwork>,
    "_lookup_by_name" => lookup_by_name,
    "_lookup_by_uuid" => lookup_by_uuid,
    "_lookup_by_uuid_string" => lookup_by_uuid_string,
    "_create_xml" => create_xml,
    "_define_xml" => define_xml,
    "get_name" => identity::get_name::<sys::virNetwork>,
    "get_uuid" => identity::get_uuid::<sys::virNetwork>,
    "get_uuid_string" => identity::get_uuid_string::<sys::virNetwork>,
    "get_xml_description" => identity::get_xml_description::<sys::virNetwork>,
    "get_bridge_name" => get_bridge_name,
    "is_active" => is_active,
    "is_persistent" => is_persistent,
    "get_autostart" => get_autostart,
    "set_autostart" => set_autostart,
    "create" => create,
    "destroy" => destroy_net,
    "undefine" => undefine,
    "update" => update,
    "get_dhcp_leases" => get_dhcp_leases,
    "list_all_ports" => list_all_ports,
    "get_metadata" => get_metadata,
    "set_metadata" => set_metadata,
];

// ---------------------------------------------------------------------
// Lookups and creation (called by `_new` and Sys::Virt).

/// `_lookup_by_name($con, $name)`
fn lookup_by_name(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virNetworkLookupByName)
}

/// `_lookup_by_uuid($con, $uuid)` with the 16 raw bytes.
fn lookup_by_uuid(xs: &mut Xs) -> XsResult {
    identity::lookup_by_uuid(xs, sys::virNetworkLookupByUUID)
}

/// `_lookup_by_uuid_string($con, $uuid)` with the printable form.
fn lookup_by_uuid_string(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virNetworkLookupByUUIDString)
}

/// `_create_xml($con, $xml, $flags=0)`: start a transient network.
fn create_xml(xs: &mut Xs) -> XsResult {
    identity::from_xml_old_or_flags(xs, sys::virNetworkCreateXML, late::virNetworkCreateXMLFlags)
}

/// `_define_xml($con, $xml, $flags=0)`: define a persistent network.
fn define_xml(xs: &mut Xs) -> XsResult {
    identity::from_xml_old_or_flags(xs, sys::virNetworkDefineXML, late::virNetworkDefineXMLFlags)
}

// ---------------------------------------------------------------------
// Methods.

/// `$net->get_bridge_name()`
fn get_bridge_name(xs: &mut Xs) -> XsResult {
    let net = xs.handle::<sys::virNetwork>(0)?;
    // SAFETY: `net` is live; the name is ours to free.
    let name = check_ptr(unsafe { sys::virNetworkGetBridgeName(net) })?;
    // SAFETY: `name` is the string the call returned for us to free.
    unsafe { xs.ret_owned_cstring(name) }
}

/// `$net->is_active()`
fn is_active(xs: &mut Xs) -> XsResult {
    handle::int_result(xs, sys::virNetworkIsActive)
}

/// `$net->is_persistent()`
fn is_persistent(xs: &mut Xs) -> XsResult {
    handle::int_result(xs, sys::virNetworkIsPersistent)
}

/// `$net->get_autostart()`
fn get_autostart(xs: &mut Xs) -> XsResult {
    handle::get_autostart(xs, sys::virNetworkGetAutostart)
}

/// `$net->set_autostart($flag)`
fn set_autostart(xs: &mut Xs) -> XsResult {
    handle::set_autostart(xs, sys::virNetworkSetAutostart)
}

/// `$net->create()`: start a defined network.
fn create(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNetworkCreate)
}

/// `$net->destroy()`: stop a running network (the object stays usable).
fn destroy_net(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNetworkDestroy)
}

/// `$net->undefine()`
fn undefine(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virNetworkUndefine)
}

/// `$net->update($command, $section, $parentIndex, $xml, $flags=0)`
fn update(xs: &mut Xs) -> XsResult {
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
fn get_dhcp_leases(xs: &mut Xs) -> XsResult {
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
        // SAFETY: the lease's strings are NULL or live, owned by `leases`.
        unsafe {
            h.store("iface", crate::owned::opt_cstr_sv(perl, l.iface));
            h.store_i64("expirytime", l.expirytime);
            h.store_i64("type", l.type_ as i64);
            h.store("mac", crate::owned::opt_cstr_sv(perl, l.mac));
            h.store("iaid", crate::owned::opt_cstr_sv(perl, l.iaid));
            h.store("ipaddr", crate::owned::opt_cstr_sv(perl, l.ipaddr));
            h.store_u64("prefix", l.prefix as u64);
            h.store("hostname", crate::owned::opt_cstr_sv(perl, l.hostname));
            h.store("clientid", crate::owned::opt_cstr_sv(perl, l.clientid));
        }
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

/// `$net->list_all_ports($flags=0)`: a list of Sys::Virt::NetworkPort.
fn list_all_ports(xs: &mut Xs) -> XsResult {
    handle::list_all(xs, sys::virNetworkListAllPorts)
}

/// `$net->get_metadata($type, $uri=undef, $flags=0)`: virNetworkGetMetadata
/// (libvirt 9.7.0).
fn get_metadata(xs: &mut Xs) -> XsResult {
    handle::get_metadata(xs, late::virNetworkGetMetadata)
}

/// `$net->set_metadata($type, $val=undef, $key=undef, $uri=undef, $flags=0)`:
/// virNetworkSetMetadata (libvirt 9.7.0).
fn set_metadata(xs: &mut Xs) -> XsResult {
    handle::set_metadata(xs, late::virNetworkSetMetadata)
}
