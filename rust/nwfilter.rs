//! `Sys::Virt::NWFilter`: network filters.

use crate::identity;
use crate::late;
use crate::perl::{Xs, XsResult};
use virt_sys as sys;

/// `_define_xml($con, $xml, $flags=0)`
pub(crate) fn define_xml(xs: &mut Xs) -> XsResult {
    identity::from_xml_old_or_flags(
        xs,
        sys::virNWFilterDefineXML,
        late::virNWFilterDefineXMLFlags,
    )
}
