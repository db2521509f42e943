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
    ("Sys::Virt", &[connect::XSUBS, connect_events::XSUBS]),
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
    install_panic_hook();
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
    if test_hooks::test_hooks_enabled() {
        register_xsubs(perl, "Sys::Virt", test_hooks::XSUBS, handle::object_class)?;
    }
    Ok(())
}

type PanicHook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// A panic inside this module's calls becomes a Perl die carrying its
/// message (perl::dispatch, perl::catch_callback_panic): printing it as
/// well would be noise. Every other panic of the process (another Rust
/// module loaded in the same perl, a thread outside our calls) goes to the
/// hook that was there before. Installed once per process.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(quiet_when(perl::in_module_code, previous));
    });
}

/// `previous`, except for the panics raised while `quiet()` holds.
fn quiet_when(quiet: fn() -> bool, previous: PanicHook) -> PanicHook {
    Box::new(move |info| {
        if !quiet() {
            previous(info)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::sync::{Arc, Mutex};

    thread_local! {
        static INSIDE: Cell<bool> = const { Cell::new(false) };
    }

    #[test]
    fn panic_hook_defers_to_the_previous_one_outside_our_calls() {
        // The previous hook records this test's panics (hooks are
        // process-wide; other tests may panic meanwhile).
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        let previous: PanicHook = Box::new(move |info| {
            if let Some(msg) = info.payload().downcast_ref::<&str>() {
                if msg.starts_with("hook test:") {
                    record.lock().unwrap().push(msg.to_string());
                }
            }
        });
        let saved = std::panic::take_hook();
        std::panic::set_hook(quiet_when(|| INSIDE.with(Cell::get), previous));
        INSIDE.with(|f| f.set(true));
        let inside = std::panic::catch_unwind(|| panic!("hook test: inside"));
        INSIDE.with(|f| f.set(false));
        let outside = std::panic::catch_unwind(|| panic!("hook test: outside"));
        std::panic::set_hook(saved);
        assert!(inside.is_err() && outside.is_err());
        assert_eq!(*seen.lock().unwrap(), ["hook test: outside"]);
    }
}
