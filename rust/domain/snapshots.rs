//! Domain methods: snapshots.

use crate::perl::Xsub;

pub static XSUBS: &[Xsub] = &[];
