//! Every constant of every package (1,457 of them), defined at boot from
//! the table build.rs generates out of data/constants.tsv.

use crate::perl::{ConstValue, Perl};
use std::ffi::CStr;

mod table {
    use super::{CStr, ConstValue};
    include!(concat!(env!("OUT_DIR"), "/constants.rs"));
}

pub fn register(perl: Perl) {
    for (pkg, name, value) in table::CONSTANTS {
        perl.define_constant(table::PACKAGES[*pkg as usize], name, value);
    }
    for pkg in table::PACKAGES {
        perl.constants_defined(pkg);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_is_complete() {
        assert_eq!(super::table::CONSTANTS.len(), 1457);
    }
}
