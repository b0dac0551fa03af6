//! Embeds the built-in course: lists every `.toml` and `.md` file under
//! `lessons/dockerfiles-for-ml` so that `src/edge/builtin.rs` can `include_str!` them, and reruns
//! when any of them changes. The course's `workspace/` folder is left out: it holds the iris-api
//! project files (a Dockerfile, a `pyproject.toml`, Python sources) that learners build, not
//! course files, and a `pyproject.toml` must never be mistaken for a lesson.
//!
//! Also builds termcourse's syntax set and syntax themes for highlighting
//! (`build/syntaxes.rs`), and on GNU/Linux links the C library before the maths library
//! ([`link_libc_first`]).

#[path = "build/syntaxes.rs"]
mod syntaxes;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

const BUILTIN_DIR: &str = "lessons/dockerfiles-for-ml";
/// Top-level folders of the course that are not part of it (see the module doc).
const NOT_EMBEDDED: &[&str] = &["workspace"];

fn main() {
    link_libc_first();
    syntaxes::write(&PathBuf::from(
        env::var("OUT_DIR").expect("cargo sets OUT_DIR"),
    ));
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join(BUILTIN_DIR);
    println!("cargo::rerun-if-changed={BUILTIN_DIR}");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut code = String::from(
        "/// Files of the built-in course: (path relative to the course root, contents).\n",
    );
    code.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for (rel, abs) in &files {
        println!("cargo::rerun-if-changed={}", abs.display());
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .expect("write to String");
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_files.rs");
    fs::write(out, code).expect("write builtin_files.rs");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if dir == root && NOT_EMBEDDED.iter().any(|name| path.ends_with(name)) {
                continue;
            }
            println!("cargo::rerun-if-changed={}", path.display());
            collect(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "toml" || e == "md") {
            let rel = path.strip_prefix(root).expect("path under root");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push((rel, path));
        }
    }
}

/// On GNU/Linux, names the C library before the maths library on the link line.
///
/// The only function termcourse takes from libm is `ldexp` (LLVM turns syntect's `exp2` of an
/// integer into it), and glibc's libc exports the same function with the same symbol version.
/// Rust's standard library links `-lm` before `-lc`, so the linker binds `ldexp` to libm and the
/// binary loads libm at every start: ~0.4 MiB of peak memory for one function. A crate's own
/// libraries come before its dependencies' on the link line, so `-lc` here makes libc provide
/// it and libm is dropped (Rust links libraries as needed). Nothing else changes: libc is always
/// linked, and no newer glibc is required.
///
/// Not done: packing relative relocations (`-z pack-relative-relocs`, ~0.9 MiB less): the binary
/// would then need glibc 2.36 to start (`GLIBC_ABI_DT_RELR`) where it needs 2.34 today, and
/// which glibc the build machine has would decide which glibc users need.
fn link_libc_first() {
    let var = |name: &str| env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo::rustc-link-lib=dylib=c");
    }
}
