//! `Sys::Virt::Domain`, split by topic; each file exports its own table.

mod core;
mod devices;
mod migrate;
mod resources;
mod snapshots;
mod stats;

use crate::perl::Xsub;

// The typed-parameter lists other modules share (restore_domain, and the
// test hook that shows what the binding passes).
pub(crate) use self::core::save_params;
pub(crate) use self::migrate::MIGRATE_PARAMS;
pub(crate) use self::resources::{ANNOUNCE_INTERFACE_PARAMS, THROTTLE_GROUP_PARAMS};

pub static TABLES: &[&[Xsub]] = &[
    core::XSUBS,
    resources::XSUBS,
    stats::XSUBS,
    devices::XSUBS,
    migrate::XSUBS,
    snapshots::XSUBS,
];
