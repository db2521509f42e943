//! The method manifest, `data/methods.tsv`: one row per XS method, the
//! only place a method is declared. From it this generates `METHODS`, the
//! table `boot` registers: for each method its package, name, prototype
//! and usage message (the argument-count check), the class of its
//! invocant (checked before the body runs), and its body: a generic body
//! of a known shape called with the row's libvirt functions, or a
//! hand-written function named in the row.
//!
//! A libvirt function newer than the floor (`FLOOR`) is called through
//! `late::` (looked up at run time) once the invocant has been checked.
//!
//! The classes of objects, `data/classes.tsv`: one row per libvirt type a
//! Perl class wraps. From it this generates each type's `Handle` impl
//! (class tag, package, invalid-object error), and an invocant column of
//! the method manifest must name one of its types: the class of argument
//! 0 is the one declared there, whatever the argument is called.

use std::fmt::Write as _;
use std::fs;

/// The oldest libvirt the module runs on: anything newer is late-bound.
const FLOOR: (u32, u32, u32) = (7, 0, 0);

/// A function of one of libvirt's other libraries (libvirt-admin.so.0,
/// libvirt-qemu.so.0, libvirt-lxc.so.0), which are never linked: always
/// called through `late::`, whatever its version.
fn in_other_library(f: &str) -> bool {
    [
        "virAdm",
        "virDomainQemu",
        "virConnectDomainQemu",
        "virDomainLxc",
    ]
    .iter()
    .any(|prefix| f.starts_with(prefix))
}

/// Generic bodies: shape name, number of libvirt functions it takes, and
/// the call. `{N}` is the N-th function as a function pointer, `{rN}` as a
/// resolver (`FnOnce() -> Result<fn, XsError>`) for bodies that look a
/// late-bound function up only once they need it, `{nN}` as its name.
const SHAPES: &[(&str, usize, &str)] = &[
    ("destroy", 1, "crate::handle::destroy(xs, {r0})"),
    ("call", 1, "crate::handle::call(xs, {0})"),
    ("call_flags", 1, "crate::handle::call_flags(xs, {0})"),
    (
        "call_old_or_flags",
        2,
        "crate::handle::call_old_or_flags(xs, {0}, {r1})",
    ),
    ("int_result", 1, "crate::handle::int_result(xs, {0})"),
    ("id", 1, "crate::handle::id(xs, {0})"),
    (
        "int_result_flags",
        1,
        "crate::handle::int_result_flags(xs, {0})",
    ),
    ("get_autostart", 1, "crate::handle::get_autostart(xs, {0})"),
    ("set_autostart", 1, "crate::handle::set_autostart(xs, {0})"),
    ("get_metadata", 1, "crate::handle::get_metadata(xs, {r0})"),
    ("set_metadata", 1, "crate::handle::set_metadata(xs, {r0})"),
    ("list_all", 1, "crate::handle::list_all(xs, {0})"),
    ("list_names", 1, "crate::owned::list_names(xs, {0})"),
    (
        "borrowed_string",
        1,
        "crate::handle::borrowed_string(xs, {0})",
    ),
    ("owned_string", 1, "crate::handle::owned_string(xs, {0})"),
    ("get_uuid", 1, "crate::identity::get_uuid(xs, {0})"),
    (
        "get_uuid_string",
        1,
        "crate::identity::get_uuid_string(xs, {0})",
    ),
    (
        "owned_string_flags",
        1,
        "crate::handle::owned_string_flags(xs, {0})",
    ),
    (
        "lookup_by_str",
        1,
        "crate::identity::lookup_by_str(xs, {0})",
    ),
    (
        "lookup_by_uuid",
        1,
        "crate::identity::lookup_by_uuid(xs, {0})",
    ),
    (
        "from_str_flags",
        1,
        "crate::identity::from_str_flags(xs, {0})",
    ),
    (
        "from_xml_old_or_flags",
        2,
        "crate::identity::from_xml_old_or_flags(xs, {0}, {r1})",
    ),
    (
        "get_params",
        1,
        "crate::typed_params::getter(xs, {0}, const { crate::typed_params::rpc_limit(\"{n0}\") })",
    ),
    ("set_params", 2, "crate::typed_params::setter(xs, {0}, {1}, const { crate::typed_params::rpc_limit(\"{n0}\") })"),
    (
        "get_device_params",
        1,
        "crate::typed_params::device_getter(xs, {0}, const { crate::typed_params::rpc_limit(\"{n0}\") })",
    ),
    (
        "set_device_params",
        2,
        "crate::typed_params::device_setter(xs, {0}, {1}, const { crate::typed_params::rpc_limit(\"{n0}\") })",
    ),
];

/// Getters (and DESTROY) that also have a fast half (`xs_fast!`,
/// sysvirt_xs_getter in glue.c), for rows of prototype "$" whose function
/// is in the floor: shape and the call, `{0}` the function, `{T}` the
/// invocant type.
const FAST_SHAPES: &[(&str, &str)] = &[
    (
        "int_result",
        "crate::handle::fast_int_result::<{T}>(obj, {0})",
    ),
    ("id", "crate::handle::fast_id::<{T}>(obj, {0})"),
    ("call", "crate::handle::fast_call::<{T}>(obj, {0})"),
    (
        "get_autostart",
        "crate::handle::fast_get_autostart::<{T}>(obj, {0})",
    ),
    (
        "borrowed_string",
        "crate::handle::fast_borrowed_string::<{T}>(obj, {0})",
    ),
    (
        "owned_string",
        "crate::handle::fast_owned_string::<{T}>(obj, {0})",
    ),
    ("destroy", "crate::handle::fast_destroy(perl, obj, {0})"),
];

struct Row {
    line: usize,
    package: String,
    name: String,
    prototype: Option<String>,
    usage: String,
    invocant: Option<String>,
    /// (function, version)
    functions: Vec<(String, (u32, u32, u32))>,
    body: String,
    /// The arguments as the POD names them (None: not documented).
    arguments: Option<String>,
}

fn version(s: &str, line: usize) -> (u32, u32, u32) {
    let v: Vec<u32> = s
        .split('.')
        .map(|n| {
            n.parse()
                .unwrap_or_else(|_| panic!("methods.tsv:{line}: bad version {s}"))
        })
        .collect();
    assert!(v.len() == 3, "methods.tsv:{line}: bad version {s}");
    (v[0], v[1], v[2])
}

fn rows(file: &str) -> Vec<Row> {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut rows = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let line = i + 1;
        if l.starts_with('#') || l.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        assert!(f.len() == 8, "{file}:{line}: {} fields, want 8", f.len());
        let functions = if f[5] == "-" {
            Vec::new()
        } else {
            f[5].split(',')
                .map(|fv| {
                    let (name, v) = fv
                        .split_once('@')
                        .unwrap_or_else(|| panic!("{file}:{line}: {fv} has no @version"));
                    (name.to_string(), version(v, line))
                })
                .collect()
        };
        rows.push(Row {
            line,
            package: f[0].into(),
            name: f[1].into(),
            prototype: (f[2] != "-").then(|| f[2].into()),
            usage: f[3].into(),
            invocant: (f[4] != "-").then(|| f[4].into()),
            functions,
            body: f[6].into(),
            arguments: (f[7] != "-").then(|| f[7].into()),
        });
    }
    let mut seen = std::collections::HashSet::new();
    for r in &rows {
        assert!(
            seen.insert((r.package.clone(), r.name.clone())),
            "{file}:{}: {}::{} declared twice",
            r.line,
            r.package,
            r.name
        );
    }
    rows
}

/// The body expression of a row: a closure over a generic body (a shape
/// of `SHAPES`, or `path(*)`: a generic function of a class module called
/// with the row's libvirt functions), or the hand-written function it
/// names (`path`).
fn body(r: &Row, classes: &[Class]) -> String {
    let template = if let Some(&(_, n, template)) = SHAPES.iter().find(|s| s.0 == r.body) {
        assert!(
            r.functions.len() == n,
            "methods.tsv:{}: shape {} takes {n} libvirt function(s)",
            r.line,
            r.body
        );
        template.to_string()
    } else if let Some(path) = r.body.strip_suffix("(*)") {
        let args: Vec<String> = (0..r.functions.len())
            .map(|i| format!(", {{{i}}}"))
            .collect();
        format!("crate::{path}(xs{})", args.concat())
    } else {
        assert!(
            r.body.contains("::"),
            "methods.tsv:{}: body {} is neither a shape nor a path",
            r.line,
            r.body
        );
        return format!("crate::{}", r.body);
    };
    let mut call = template;
    let mut prelude = String::new();
    for (i, (f, v)) in r.functions.iter().enumerate() {
        let late = *v > FLOOR || in_other_library(f);
        let resolver = if late {
            format!("crate::late::{f}")
        } else {
            format!("|| Ok(sys::{f})")
        };
        call = call.replace(&format!("{{r{i}}}"), &resolver);
        call = call.replace(&format!("{{n{i}}}"), f);
        let direct = format!("{{{i}}}");
        if call.contains(&direct) {
            if late {
                // Resolved once the invocant is known to be an object, so
                // a bad argument is reported as such on every libvirt.
                let inv = r.invocant.as_ref().unwrap_or_else(|| {
                    panic!("methods.tsv:{}: a late-bound {f} needs an invocant", r.line)
                });
                write!(
                    prelude,
                    "xs.handle::<{}>(0)?; let f{i} = crate::late::{f}()?; ",
                    class_of(classes, inv, r.line).rust
                )
                .unwrap();
                call = call.replace(&direct, &format!("f{i}"));
            } else {
                call = call.replace(&direct, &format!("sys::{f}"));
            }
        }
    }
    if prelude.is_empty() {
        format!("|xs| {call}")
    } else {
        format!("|xs| {{ {prelude}{call} }}")
    }
}

/// The fast half of a row, if its shape has one and the row qualifies.
fn fast(r: &Row, classes: &[Class]) -> String {
    let Some(&(_, template)) = FAST_SHAPES.iter().find(|s| s.0 == r.body) else {
        return "None".into();
    };
    // DESTROY has no invocant class: it takes whatever it is given.
    let destroy = r.body == "destroy";
    match (&r.invocant, r.prototype.as_deref(), r.functions.as_slice()) {
        (t, Some("$"), [(f, v)])
            if *v <= FLOOR && !in_other_library(f) && t.is_some() != destroy =>
        {
            let mut call = template.replace("{0}", &format!("sys::{f}"));
            if let Some(t) = t {
                call = call.replace("{T}", &class_of(classes, t, r.line).rust);
            }
            let perl = if call.contains("(perl,") {
                "perl"
            } else {
                "_perl"
            };
            format!("crate::xs_fast!(|{perl}, obj| {call})")
        }
        _ => "None".into(),
    }
}

/// `pub static METHODS: &[Method]`, in manifest order.
pub fn generate(file: &str, classes_file: &str) -> String {
    let classes = classes(classes_file);
    let mut s = String::from("pub static METHODS: &[Method] = &[\n");
    for r in rows(file) {
        let prototype = match &r.prototype {
            Some(p) => format!("Some({p:?})"),
            None => "None".into(),
        };
        let arguments = match &r.arguments {
            Some(a) => format!("Some({a:?})"),
            None => "None".into(),
        };
        let invocant = match &r.invocant {
            Some(t) => format!(
                "Some(crate::handle::invocant::<{}>())",
                class_of(&classes, t, r.line).rust
            ),
            None => "None".into(),
        };
        writeln!(
            s,
            "    Method {{ package: {:?}, name: {:?}, prototype: {prototype}, usage: {:?}, \
             invocant: {invocant}, arguments: {arguments}, run: crate::xs_method!({}), \
             fast: {} }},",
            r.package,
            r.name,
            r.usage,
            body(&r, &classes),
            fast(&r, &classes)
        )
        .unwrap();
    }
    s.push_str("];\n");
    s
}

/// A class of objects: a row of `data/classes.tsv`.
pub struct Class {
    /// libvirt's type ("virDomain"), as the manifest's invocant column
    /// names it.
    libvirt: String,
    /// The Rust type ("sys::virDomain").
    rust: String,
    package: String,
    /// The invalid-object error: code and domain (names of `sys::`
    /// constants) and message (before a space and the sub's name).
    code: String,
    domain: String,
    message: String,
}

fn classes(file: &str) -> Vec<Class> {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut out: Vec<Class> = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.starts_with('#') || l.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        assert!(f.len() == 6, "{file}:{}: {} fields, want 6", i + 1, f.len());
        assert!(
            out.iter().all(|c| c.libvirt != f[0] && c.package != f[2]),
            "{file}:{}: {} or {} declared twice",
            i + 1,
            f[0],
            f[2]
        );
        out.push(Class {
            libvirt: f[0].into(),
            rust: f[1].into(),
            package: f[2].into(),
            code: f[3].into(),
            domain: f[4].into(),
            message: f[5].into(),
        });
    }
    assert!(out.len() < u16::MAX as usize, "{file}: too many classes");
    out
}

/// The class of libvirt type `t`, named by the manifest's row at `line`.
fn class_of<'a>(classes: &'a [Class], t: &str, line: usize) -> &'a Class {
    classes
        .iter()
        .find(|c| c.libvirt == t)
        .unwrap_or_else(|| panic!("methods.tsv:{line}: {t} is not a class of data/classes.tsv"))
}

/// The `Handle` impl of every class; the tag of a class is its row
/// number (from 1: 0 means "no class").
pub fn generate_classes(file: &str) -> String {
    let mut s = String::new();
    for (i, c) in classes(file).iter().enumerate() {
        writeln!(
            s,
            "impl Handle for {} {{\n    const CLASS: u16 = {};\n    const PACKAGE: &'static CStr = c{:?};\n    \
             const INVALID: (u32, u32, &'static str) = (sys::{}, sys::{}, {:?});\n}}",
            c.rust,
            i + 1,
            c.package,
            c.code,
            c.domain,
            format!("{} ", c.message)
        )
        .unwrap();
    }
    s
}
