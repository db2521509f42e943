//! Internal `_`-prefixed subs that let t/ reach the boundary's dangerous
//! paths on purpose: a panic inside a method body, and a conversion of an
//! argument whose tie/overload dies. Not API.

use crate::perl::{Xs, XsResult, Xsub};

pub static XSUBS: &[Xsub] = crate::xsubs![
    "_test_panic" => test_panic,
    "_test_string" => test_string,
];

/// Panics while owning a value with a destructor: the panic must become an
/// ordinary Perl die and the value must still be dropped.
fn test_panic(xs: &mut Xs) -> XsResult {
    let owned = format!("{} was asked to panic", xs.sub_name());
    panic!("{owned}");
}

/// Returns its argument read as a string (and, if given, the second
/// argument as an integer): reading a tied/overloaded value runs Perl code
/// that may die in the middle of the conversion.
fn test_string(xs: &mut Xs) -> XsResult {
    let s = xs.bytes(0)?.to_vec();
    let n = if xs.has(1) { xs.i64(1)? } else { 0 };
    let mut out = s;
    out.extend_from_slice(format!(":{n}").as_bytes());
    xs.ret_bytes(&out)
}
