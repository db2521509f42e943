//! `Sys::Virt::Network`.

use crate::handle::destroy;
use crate::perl::Xsub;
use virt_sys as sys;

pub static XSUBS: &[Xsub] = &[Xsub {
    name: "DESTROY",
    body: destroy::<sys::virNetwork>,
}];
