//! Domain methods: devices.

use crate::perl::Xsub;

pub static XSUBS: &[Xsub] = &[];
