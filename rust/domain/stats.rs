//! Domain methods: stats.

use crate::perl::Xsub;

pub static XSUBS: &[Xsub] = &[];
