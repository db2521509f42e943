//! Sys::Virt, libvirt's Perl binding, with its XS entry points in Rust.
//!
//! - `perl`: the Perl/Rust boundary (all unsafe Perl plumbing);
//! - `error`, `handle`, `identity`, `owned`, `typed_params`, `constants`:
//!   machinery shared by every class;
//! - one module per Perl class, each exporting its `XSUBS` table.

#![deny(clippy::undocumented_unsafe_blocks)]

mod constants;
mod error;
mod handle;
mod identity;
mod late;
mod owned;
mod perl;
mod test_hooks;
mod typed_params;

mod connect;
mod connect_events;
mod domain;
mod domain_checkpoint;
mod domain_snapshot;
mod event;
mod interface;
mod network;
mod network_port;
mod node_device;
mod nwfilter;
mod nwfilter_binding;
mod secret;
mod storage_pool;
mod storage_vol;
mod stream;

use perl::{register_xsubs, Perl, Xsub};

/// Every package's XSUB tables.
const PACKAGES: &[(&str, &[&[Xsub]])] = &[
    (
        "Sys::Virt",
        &[connect::XSUBS, connect_events::XSUBS, test_hooks::XSUBS],
    ),
    ("Sys::Virt::Event", &[event::XSUBS]),
    ("Sys::Virt::EventImpl", &[event::IMPL_XSUBS]),
    ("Sys::Virt::Domain", domain::TABLES),
    ("Sys::Virt::DomainSnapshot", &[domain_snapshot::XSUBS]),
    ("Sys::Virt::DomainCheckpoint", &[domain_checkpoint::XSUBS]),
    ("Sys::Virt::Network", &[network::XSUBS]),
    ("Sys::Virt::NetworkPort", &[network_port::XSUBS]),
    ("Sys::Virt::StoragePool", &[storage_pool::XSUBS]),
    ("Sys::Virt::StorageVol", &[storage_vol::XSUBS]),
    ("Sys::Virt::NodeDevice", &[node_device::XSUBS]),
    ("Sys::Virt::Interface", &[interface::XSUBS]),
    ("Sys::Virt::Secret", &[secret::XSUBS]),
    ("Sys::Virt::NWFilter", &[nwfilter::XSUBS]),
    ("Sys::Virt::NWFilterBinding", &[nwfilter_binding::XSUBS]),
    ("Sys::Virt::Stream", &[stream::XSUBS]),
];

/// Everything `XSLoader::load('Sys::Virt')` sets up, once per interpreter.
fn boot(perl: Perl) -> Result<(), String> {
    // Panics are reported to Perl as a die with their message (see
    // perl::dispatch); the default hook would also print them to stderr.
    std::panic::set_hook(Box::new(|_| {}));
    // SAFETY: virInitialize is idempotent and thread-safe.
    if unsafe { virt_sys::virInitialize() } < 0 {
        return Err("libvirt failed to initialize".into());
    }
    error::silence_default_handler();
    constants::register(perl);
    for (package, tables) in PACKAGES {
        for table in *tables {
            register_xsubs(perl, package, table, handle::object_class)?;
        }
    }
    Ok(())
}
