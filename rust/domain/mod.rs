//! `Sys::Virt::Domain`, split by topic; each file exports its own table.

mod core;
mod devices;
mod migrate;
mod resources;
mod snapshots;
mod stats;

use crate::perl::Xsub;

pub static TABLES: &[&[Xsub]] = &[
    core::XSUBS,
    resources::XSUBS,
    stats::XSUBS,
    devices::XSUBS,
    migrate::XSUBS,
    snapshots::XSUBS,
];
