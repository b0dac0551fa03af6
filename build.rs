//! Embeds the built-in course: lists every `.toml` and `.md` file under
//! `lessons/dockerfiles-for-ml` so that `src/edge/builtin.rs` can `include_str!` them, and reruns
//! when any of them changes. The course's `workspace/` folder is left out: it holds the iris-api
//! project files (a Dockerfile, a `pyproject.toml`, Python sources) that learners build, not
//! course files, and a `pyproject.toml` must never be mistaken for a lesson.
//!
//! Also builds termcourse's syntax set for highlighting (`src/view/highlight.rs`): the
//! languages courses use, taken from two-face's full set with every syntax they embed or
//! include, serialized for `include_bytes!`. Syntect loads each syntax's rules only when a block
//! first uses it, so the player pays for a small index up front instead of two-face's whole one.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use syntect::parsing::syntax_definition::SyntaxDefinition;
use syntect::parsing::{SyntaxSet, SyntaxSetBuilder};

const BUILTIN_DIR: &str = "lessons/dockerfiles-for-ml";
/// Top-level folders of the course that are not part of it (see the module doc).
const NOT_EMBEDDED: &[&str] = &["workspace"];

/// The languages of the syntax set, by fence token (aliases are resolved at run time).
const LANGUAGES: &[&str] = &[
    "dockerfile",
    "bash",
    "python",
    "toml",
    "yaml",
    "json",
    "ini",
    "makefile",
    "sql",
    "rust",
    "go",
    "javascript",
    "typescript",
    "c",
    "cpp",
    "java",
    "diff",
    "markdown",
    "terraform",
    "nix",
    "ruby",
    "html",
    "css",
    "xml",
    "lua",
    "kotlin",
    "swift",
    "cs",
    "php",
    "dotenv",
    "nginx",
    "groovy",
    "scala",
    "r",
    "perl",
    "haskell",
    "elixir",
    "protobuf",
];

fn main() {
    syntaxes();
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

/// Writes `$OUT_DIR/syntaxes.bin`: two-face's syntax set with only [`LANGUAGES`] and what they
/// need. The other syntaxes stay, emptied and nameless, so that the links between syntaxes
/// (by index) stay valid without rewriting them.
fn syntaxes() {
    let full = two_face::syntax::extra_newlines();
    let mut wanted: BTreeSet<usize> = BTreeSet::new();
    for token in LANGUAGES {
        let found = full
            .find_syntax_by_token(token)
            .and_then(|found| full.syntaxes().iter().position(|s| std::ptr::eq(s, found)));
        match found {
            Some(i) => {
                wanted.insert(i);
            }
            None => println!("cargo::warning=no syntax for `{token}` in two-face"),
        }
    }
    let builder = full.into_builder();
    let definitions = builder.syntaxes().to_vec();
    let mut todo: Vec<usize> = wanted.iter().copied().collect();
    while let Some(i) = todo.pop() {
        for used in links(&definitions[i]) {
            if wanted.insert(used) {
                todo.push(used);
            }
        }
    }
    let mut subset = SyntaxSetBuilder::new();
    for (i, definition) in definitions.into_iter().enumerate() {
        if wanted.contains(&i) {
            subset.add(definition);
        } else {
            subset.add(SyntaxDefinition {
                name: String::new(),
                file_extensions: Vec::new(),
                scope: definition.scope,
                first_line_match: None,
                hidden: true,
                variables: std::collections::HashMap::new(),
                contexts: std::collections::HashMap::new(),
            });
        }
    }
    let subset: SyntaxSet = subset.build();
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("syntaxes.bin");
    syntect::dumps::dump_to_uncompressed_file(&subset, &out).expect("write syntaxes.bin");
}

/// The syntaxes (by index) that `definition` links to: every context id in its rules.
fn links(definition: &SyntaxDefinition) -> BTreeSet<usize> {
    fn walk(value: &serde_json::Value, out: &mut BTreeSet<usize>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(i) = map.get("syntax_index").and_then(serde_json::Value::as_u64) {
                    out.insert(usize::try_from(i).expect("an index"));
                }
                map.values().for_each(|v| walk(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(
        &serde_json::to_value(definition).expect("a syntax serializes"),
        &mut out,
    );
    out
}
