//! `Sys::Virt::Domain`, split by topic; one file per topic.

pub(crate) mod core;
pub(crate) mod devices;
pub(crate) mod lxc;
pub(crate) mod migrate;
pub(crate) mod qemu;
pub(crate) mod resources;
pub(crate) mod snapshots;
pub(crate) mod stats;

// The typed-parameter lists other modules share (restore_domain, and the
// test hook that shows what the binding passes).
pub(crate) use self::core::save_params;
pub(crate) use self::migrate::MIGRATE_PARAMS;
pub(crate) use self::resources::{ANNOUNCE_INTERFACE_PARAMS, THROTTLE_GROUP_PARAMS};
