//! `Sys::Virt::Secret`: secrets (passphrases, keys) held by libvirt.

use crate::error::{check, check_ptr};
use crate::owned::CArray;
use crate::perl::{Xs, XsResult};
use virt_sys as sys;

/// `_lookup_by_usage($con, $usageType, $usageID)`
pub(crate) fn lookup_by_usage(xs: &mut Xs) -> XsResult {
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

/// `$sec->get_usage_type()`: one of the `USAGE_TYPE_*` constants.
pub(crate) fn get_usage_type(xs: &mut Xs) -> XsResult {
    let sec = xs.handle::<sys::virSecret>(0)?;
    // SAFETY: `sec` is live.
    let t = check(unsafe { sys::virSecretGetUsageType(sec) })?;
    xs.ret_i64(t as i64)
}

/// `$sec->get_value($flags=0)`: the raw value bytes (binary-safe).
pub(crate) fn get_value(xs: &mut Xs) -> XsResult {
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
pub(crate) fn set_value(xs: &mut Xs) -> XsResult {
    let sec = xs.handle::<sys::virSecret>(0)?;
    let value = xs.bytes(1)?;
    let flags = xs.flags(2)?;
    // SAFETY: `value` is `len` readable bytes alive for the call.
    check(unsafe { sys::virSecretSetValue(sec, value.as_ptr(), value.len(), flags) })?;
    Ok(())
}
