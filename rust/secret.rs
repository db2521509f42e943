//! `Sys::Virt::Secret`: secrets (passphrases, keys) held by libvirt.

use crate::error::{self, check, check_ptr};
use crate::handle::{self, destroy};
use crate::identity;
use crate::owned::CArray;
use crate::perl::{Xs, XsResult, Xsub};
use virt_sys as sys;

pub static XSUBS: &[Xsub] = crate::xsubs![
    "DESTROY" => destroy::<sys::virSecret>,
    "_lookup_by_uuid" => lookup_by_uuid,
    "_lookup_by_uuid_string" => lookup_by_uuid_string,
    "_lookup_by_usage" => lookup_by_usage,
    "_define_xml" => define_xml,
    "get_uuid" => identity::get_uuid::<sys::virSecret>,
    "get_uuid_string" => identity::get_uuid_string::<sys::virSecret>,
    "get_xml_description" => identity::get_xml_description::<sys::virSecret>,
    "get_usage_type" => get_usage_type,
    "get_usage_id" => get_usage_id,
    "get_value" => get_value,
    "set_value" => set_value,
    "undefine" => undefine,
];

/// `_lookup_by_uuid($con, $uuid)` with the 16 raw bytes.
fn lookup_by_uuid(xs: &mut Xs) -> XsResult {
    identity::lookup_by_uuid(xs, sys::virSecretLookupByUUID)
}

/// `_lookup_by_uuid_string($con, $uuid)`
fn lookup_by_uuid_string(xs: &mut Xs) -> XsResult {
    identity::lookup_by_str(xs, sys::virSecretLookupByUUIDString)
}

/// `_lookup_by_usage($con, $usageType, $usageID)`
fn lookup_by_usage(xs: &mut Xs) -> XsResult {
    let con = xs.handle::<sys::virConnect>(0)?;
    let usage_type = xs.i32(1)?;
    let usage_id = xs.str(2)?;
    // SAFETY: `usage_id` is a C string alive for the call.
    let sec =
        check_ptr(unsafe { sys::virSecretLookupByUsage(con, usage_type, usage_id.as_ptr()) })?;
    // SAFETY: `sec` is a new reference libvirt returned (checked
    // non-NULL), handed over to the object.
    unsafe { xs.ret_object(sec) }
}

/// `_define_xml($con, $xml, $flags=0)`
fn define_xml(xs: &mut Xs) -> XsResult {
    identity::from_str_flags(xs, sys::virSecretDefineXML)
}

/// `$sec->get_usage_type()`: one of the `USAGE_TYPE_*` constants.
fn get_usage_type(xs: &mut Xs) -> XsResult {
    let sec = xs.handle::<sys::virSecret>(0)?;
    // SAFETY: `sec` is live.
    let t = check(unsafe { sys::virSecretGetUsageType(sec) })?;
    xs.ret_i64(t as i64)
}

/// `$sec->get_usage_id()`
fn get_usage_id(xs: &mut Xs) -> XsResult {
    let sec = xs.handle::<sys::virSecret>(0)?;
    // SAFETY: `sec` is live; the string is owned by the object.
    let id = unsafe { sys::virSecretGetUsageID(sec) };
    if id.is_null() {
        return Err(error::last());
    }
    // SAFETY: a non-NULL usage ID is a live C string.
    unsafe { xs.ret_cstr_of_arg(id) }
}

/// `$sec->get_value($flags=0)`: the raw value bytes (binary-safe).
fn get_value(xs: &mut Xs) -> XsResult {
    let sec = xs.handle::<sys::virSecret>(0)?;
    let flags = xs.flags(1)?;
    let mut size: usize = 0;
    // SAFETY: out-pointer to a local; the value is ours to free.
    let value = check_ptr(unsafe { sys::virSecretGetValue(sec, &mut size, flags) })?;
    // SAFETY: libvirt allocated `size` bytes for us; wiped and freed on drop.
    let value = SecretBytes(unsafe { CArray::from_raw(value, size) });
    let sv = xs.perl.new_bytes(value.0.as_slice());
    xs.ret(sv);
    Ok(())
}

/// A secret value libvirt allocated: zeroed, then freed (by the CArray).
struct SecretBytes(CArray<u8>);

impl Drop for SecretBytes {
    fn drop(&mut self) {
        let slice = self.0.as_slice();
        let p = slice.as_ptr() as *mut u8;
        for i in 0..slice.len() {
            // SAFETY: the buffer is ours, writable and `len` bytes long;
            // volatile writes keep the zeroing from being optimised out.
            unsafe { std::ptr::write_volatile(p.add(i), 0) };
        }
    }
}

/// `$sec->set_value($bytes, $flags=0)`: store a new value (binary-safe).
fn set_value(xs: &mut Xs) -> XsResult {
    let sec = xs.handle::<sys::virSecret>(0)?;
    let value = xs.bytes(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `value` is `len` readable bytes alive for the call.
    check(unsafe { sys::virSecretSetValue(sec, value.as_ptr(), value.len(), flags) })?;
    Ok(())
}

/// `$sec->undefine()`
fn undefine(xs: &mut Xs) -> XsResult {
    handle::call(xs, sys::virSecretUndefine)
}
