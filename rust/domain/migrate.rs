//! Domain methods: migrate.

use crate::perl::Xsub;

pub static XSUBS: &[Xsub] = &[];
