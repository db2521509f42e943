//! Build script: compiles the C half of the Perl boundary against the
//! running perl's headers, and turns the data tables in data/ into Rust
//! (the method manifest and the constant table), so no table is pasted by
//! hand.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

#[path = "build/manifest.rs"]
mod manifest;

fn perl_config(key: &str) -> String {
    let perl = env::var("PERL").unwrap_or_else(|_| "perl".to_string());
    let out = Command::new(&perl)
        .args(["-MConfig", "-e", &format!("print $Config{{{key}}}")])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {perl}: {e}"));
    assert!(out.status.success(), "{perl} -MConfig failed");
    String::from_utf8(out.stdout).expect("perl config is UTF-8")
}

fn main() {
    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets the version");
    println!("cargo:rerun-if-changed=rust/perl/glue.c");
    println!("cargo:rerun-if-changed=data/methods.tsv");
    println!("cargo:rerun-if-changed=data/classes.tsv");
    println!("cargo:rerun-if-changed=data/constants.tsv");
    println!("cargo:rerun-if-env-changed=PERL");

    let mut cc = cc::Build::new();
    cc.file("rust/perl/glue.c")
        .include(format!("{}/CORE", perl_config("archlibexp")))
        .define("XS_VERSION", format!("\"{version}\"").as_str())
        .flag("-Werror=implicit-function-declaration")
        .warnings(false);
    for flag in perl_config("ccflags").split_whitespace() {
        cc.flag(flag);
    }
    cc.compile("sysvirt_glue");

    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(
        Path::new(&out).join("methods.rs"),
        manifest::generate("data/methods.tsv", "data/classes.tsv"),
    )
    .expect("write methods.rs");
    fs::write(
        Path::new(&out).join("classes.rs"),
        manifest::generate_classes("data/classes.tsv"),
    )
    .expect("write classes.rs");
    fs::write(Path::new(&out).join("constants.rs"), constants()).expect("write constants.rs");
}

fn data_rows(file: &str, fields: usize) -> Vec<Vec<String>> {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let row: Vec<String> = l.split('\t').map(str::to_string).collect();
            assert!(row.len() >= fields, "{file}: short row: {l}");
            row
        })
        .collect()
}

/// `static PACKAGES: &[&CStr]` and `static CONSTANTS: &[(package index,
/// name, value)]`.
fn constants() -> String {
    let rows = data_rows("data/constants.tsv", 4);
    let mut packages: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    packages.dedup();
    let mut s = String::from("pub static PACKAGES: &[&CStr] = &[\n");
    for p in &packages {
        writeln!(s, "    c{p:?},").unwrap();
    }
    s.push_str("];\n\npub static CONSTANTS: &[(u8, &CStr, ConstValue)] = &[\n");
    for r in &rows {
        let pkg = packages
            .iter()
            .position(|p| *p == r[0])
            .expect("package listed");
        let value = match r[2].as_str() {
            "int" => format!(
                "ConstValue::Int({})",
                r[3].parse::<i64>().expect("int constant")
            ),
            "uint" => format!(
                "ConstValue::Uint({})",
                r[3].parse::<u64>().expect("uint constant")
            ),
            "str" => format!("ConstValue::Str(c{:?})", r[3]),
            t => panic!("unknown constant type {t}"),
        };
        writeln!(s, "    ({pkg}, c{:?}, {value}),", r[1]).unwrap();
    }
    s.push_str("];\n");
    s
}
