//! `Sys::Virt`: the connection class.

use crate::error::{check, check_ptr};
use crate::handle::destroy;
use crate::perl::{Xs, XsResult, Xsub};
use std::ffi::CStr;
use virt_sys as sys;

pub static XSUBS: &[Xsub] = &[
    Xsub {
        name: "DESTROY",
        body: destroy::<sys::virConnect>,
    },
    Xsub {
        name: "_open",
        body: open,
    },
    Xsub {
        name: "_get_library_version",
        body: get_library_version,
    },
    Xsub {
        name: "get_uri",
        body: get_uri,
    },
];

fn open(xs: &mut Xs) -> XsResult {
    let name = xs.opt_str(0)?;
    let flags = xs.u32(1)?;
    let uri = name.as_deref().map_or(std::ptr::null(), CStr::as_ptr);
    // SAFETY: `uri` is NULL or a C string alive for the call.
    let conn =
        check_ptr(unsafe { sys::virConnectOpenAuth(uri, sys::virConnectAuthPtrDefault, flags) })?;
    xs.ret_object(conn)
}

fn get_library_version(xs: &mut Xs) -> XsResult {
    let mut v: std::os::raw::c_ulong = 0;
    // SAFETY: out-pointer to a local; NULL type version is allowed.
    check(unsafe { sys::virGetVersion(&mut v, std::ptr::null(), std::ptr::null_mut()) })?;
    xs.ret_u64(v as u64)
}

fn get_uri(xs: &mut Xs) -> XsResult {
    let conn = xs.handle::<sys::virConnect>(0)?;
    // SAFETY: `conn` came from a live handle; the result is ours to free.
    let uri = check_ptr(unsafe { sys::virConnectGetURI(conn) })?;
    xs.ret_owned_cstring(uri)
}
