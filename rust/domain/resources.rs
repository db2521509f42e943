//! Domain methods: resources.

use crate::perl::Xsub;

pub static XSUBS: &[Xsub] = &[];
