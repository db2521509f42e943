//! The identity methods most classes share (`get_name`, `get_uuid`,
//! `get_uuid_string`, `get_xml_description`), written once as generic
//! bodies over the libvirt getters of each class.

use crate::error::{check, check_ptr};
use crate::handle::Handle;
use crate::perl::{Xs, XsResult};
use std::os::raw::{c_char, c_int, c_uchar, c_uint};
use virt_sys as sys;

/// Classes with a name getter returning a string owned by the object.
pub trait Named: Handle {
    /// # Safety
    /// `ptr` is NULL or a live object.
    unsafe fn name(ptr: *mut Self) -> *const c_char;
}

/// Classes identified by a UUID.
pub trait Uuid: Handle {
    /// # Safety
    /// `ptr` is NULL or a live object; `buf` holds VIR_UUID_BUFLEN bytes.
    unsafe fn uuid(ptr: *mut Self, buf: *mut c_uchar) -> c_int;
    /// # Safety
    /// `ptr` is NULL or a live object; `buf` holds VIR_UUID_STRING_BUFLEN bytes.
    unsafe fn uuid_string(ptr: *mut Self, buf: *mut c_char) -> c_int;
}

/// Classes with an XML description getter taking flags.
pub trait XmlDesc: Handle {
    /// # Safety
    /// `ptr` is NULL or a live object.
    unsafe fn xml_desc(ptr: *mut Self, flags: c_uint) -> *mut c_char;
}

macro_rules! named {
    ($($ty:ident => $f:ident;)*) => {$(
        impl Named for sys::$ty {
            unsafe fn name(ptr: *mut Self) -> *const c_char {
                // SAFETY: trait contract.
                unsafe { sys::$f(ptr) }
            }
        }
    )*};
}
macro_rules! uuid {
    ($($ty:ident => $raw:ident, $string:ident;)*) => {$(
        impl Uuid for sys::$ty {
            unsafe fn uuid(ptr: *mut Self, buf: *mut c_uchar) -> c_int {
                // SAFETY: trait contract.
                unsafe { sys::$raw(ptr, buf) }
            }
            unsafe fn uuid_string(ptr: *mut Self, buf: *mut c_char) -> c_int {
                // SAFETY: trait contract.
                unsafe { sys::$string(ptr, buf) }
            }
        }
    )*};
}
macro_rules! xml_desc {
    ($($ty:ident => $f:ident;)*) => {$(
        impl XmlDesc for sys::$ty {
            unsafe fn xml_desc(ptr: *mut Self, flags: c_uint) -> *mut c_char {
                // SAFETY: trait contract.
                unsafe { sys::$f(ptr, flags) }
            }
        }
    )*};
}

named! {
    virDomain => virDomainGetName;
    virDomainSnapshot => virDomainSnapshotGetName;
    virDomainCheckpoint => virDomainCheckpointGetName;
    virNetwork => virNetworkGetName;
    virStoragePool => virStoragePoolGetName;
    virStorageVol => virStorageVolGetName;
    virNodeDevice => virNodeDeviceGetName;
    virInterface => virInterfaceGetName;
    virNWFilter => virNWFilterGetName;
}

uuid! {
    virDomain => virDomainGetUUID, virDomainGetUUIDString;
    virNetwork => virNetworkGetUUID, virNetworkGetUUIDString;
    virNetworkPort => virNetworkPortGetUUID, virNetworkPortGetUUIDString;
    virStoragePool => virStoragePoolGetUUID, virStoragePoolGetUUIDString;
    virSecret => virSecretGetUUID, virSecretGetUUIDString;
    virNWFilter => virNWFilterGetUUID, virNWFilterGetUUIDString;
}

xml_desc! {
    virDomain => virDomainGetXMLDesc;
    virDomainSnapshot => virDomainSnapshotGetXMLDesc;
    virDomainCheckpoint => virDomainCheckpointGetXMLDesc;
    virNetwork => virNetworkGetXMLDesc;
    virNetworkPort => virNetworkPortGetXMLDesc;
    virStoragePool => virStoragePoolGetXMLDesc;
    virStorageVol => virStorageVolGetXMLDesc;
    virNodeDevice => virNodeDeviceGetXMLDesc;
    virInterface => virInterfaceGetXMLDesc;
    virSecret => virSecretGetXMLDesc;
    virNWFilter => virNWFilterGetXMLDesc;
    virNWFilterBinding => virNWFilterBindingGetXMLDesc;
}

/// `$obj->get_name()`
pub fn get_name<T: Named>(xs: &mut Xs) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    // SAFETY: `obj` is NULL or live; the name is owned by the object.
    let name = unsafe { T::name(obj) };
    if name.is_null() {
        return Err(crate::error::last());
    }
    // SAFETY: a non-NULL name is a live C string.
    unsafe { xs.ret_cstr(name) }
}

/// `$obj->get_uuid()`: the 16 raw bytes.
pub fn get_uuid<T: Uuid>(xs: &mut Xs) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let mut buf = [0u8; sys::VIR_UUID_BUFLEN as usize];
    // SAFETY: `buf` has the size libvirt writes.
    check(unsafe { T::uuid(obj, buf.as_mut_ptr()) })?;
    xs.ret_bytes(&buf)
}

/// `$obj->get_uuid_string()`: the printable form.
pub fn get_uuid_string<T: Uuid>(xs: &mut Xs) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let mut buf = [0 as c_char; sys::VIR_UUID_STRING_BUFLEN as usize];
    // SAFETY: `buf` has the size libvirt writes (NUL-terminated).
    check(unsafe { T::uuid_string(obj, buf.as_mut_ptr()) })?;
    // SAFETY: libvirt NUL-terminated the buffer.
    unsafe { xs.ret_cstr(buf.as_ptr()) }
}

/// `$obj->get_xml_description($flags=0)`
pub fn get_xml_description<T: XmlDesc>(xs: &mut Xs) -> XsResult {
    let obj = xs.handle::<T>(0)?;
    let flags = xs.flags(1)?;
    // SAFETY: `obj` is NULL or live; the XML is ours to free.
    let xml = check_ptr(unsafe { T::xml_desc(obj, flags) })?;
    xs.ret_owned_cstring(xml)
}
