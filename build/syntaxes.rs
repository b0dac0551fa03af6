//! termcourse's syntax set, made from two-face's at build time (see `src/view/highlight/syntaxes.rs`
//! for how the player loads it).
//!
//! A syntax links to the syntaxes it embeds by position in the set (a "slot"), so every slot of
//! two-face's set is kept: the languages courses use ([`LANGUAGES`]) and every syntax they embed
//! or include have their rules, the others are empty placeholders. Each slot is serialized on its
//! own ("a piece"), so that the player can put together, at run time, a set holding only the
//! rules a code block's language needs (its closure) and placeholders for the rest: a Dockerfile
//! block costs Dockerfile's and bash's rules, not all 70 languages'.
//!
//! A set is serialized (bincode, by syntect) as a length, its syntaxes one after another, and the
//! set's path list. The pieces are those syntaxes' bytes: [`write`] checks that the whole set's
//! serialization is exactly the header, the pieces and the tail it writes, so a change in the
//! format stops the build here instead of reaching the player.
//!
//! Outputs, in `OUT_DIR`: `syntaxes.bin` (header, rules, placeholders, tail), `syntaxes.rs` (where
//! each part is, the languages' names, extensions and closures) and one file per syntax theme.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use serde::Serialize;
use syntect::parsing::syntax_definition::SyntaxDefinition;
use syntect::parsing::{SyntaxSet, SyntaxSetBuilder};
use two_face::theme::EmbeddedThemeName;

/// The languages of the syntax set, by fence token (aliases are resolved at run time). What
/// they embed comes along (Markdown's fenced code, PHP's HTML, a Dockerfile's shell).
const LANGUAGES: &[&str] = &[
    // Shells, containers, build and configuration files.
    "dockerfile",
    "bash",
    "fish",
    "powershell",
    "bat",
    "makefile",
    "cmake",
    "nginx",
    "dotenv",
    "ini",
    "toml",
    "yaml",
    "json",
    "xml",
    "terraform",
    "nix",
    "gitignore",
    "gitconfig",
    "crontab",
    "awk",
    "sql",
    "diff",
    "http",
    "csv",
    "log",
    // Programming languages.
    "python",
    "rust",
    "go",
    "javascript",
    "jsx",
    "typescript",
    "tsx",
    "c",
    "cpp",
    "cs",
    "java",
    "kotlin",
    "scala",
    "groovy",
    "swift",
    "dart",
    "ruby",
    "php",
    "perl",
    "lua",
    "r",
    "julia",
    "haskell",
    "ocaml",
    "f#",
    "elixir",
    "erlang",
    "clojure",
    "zig",
    "asm",
    "graphql",
    "protobuf",
    // Web and documents.
    "html",
    "css",
    "scss",
    "less",
    "markdown",
    "latex",
];

/// The syntax themes the player colours code with (`view::theme::SyntaxTheme` names the files).
const THEMES: &[(&str, EmbeddedThemeName)] = &[
    ("catppuccin-mocha", EmbeddedThemeName::CatppuccinMocha),
    ("coldark-cold", EmbeddedThemeName::ColdarkCold),
];

pub fn write(out: &Path) {
    themes(out);
    let graph = Graph::new(two_face::syntax::extra_newlines());
    let pieces = Pieces::new(&graph, &out.join("piece.tmp"));
    let code = pieces.write(&graph, &out.join("syntaxes.bin"));
    fs::write(out.join("syntaxes.rs"), code).expect("write syntaxes.rs");
    // Every language's set must load as the player will put it together.
    for &i in &graph.wanted {
        let set: SyntaxSet = syntect::dumps::from_uncompressed_data(&pieces.set(&graph.closure(i)))
            .unwrap_or_else(|e| panic!("the set for slot {i} does not load: {e}"));
        assert_eq!(set.syntaxes()[i].name, graph.ours.syntaxes()[i].name);
    }
}

/// Two-face's syntaxes, which of them termcourse keeps, and how they link.
struct Graph {
    /// The set with rules in the wanted slots, placeholders elsewhere.
    ours: SyntaxSet,
    /// The set with placeholders only.
    empty: SyntaxSet,
    /// The slots each slot links to.
    links: Vec<BTreeSet<usize>>,
    /// The slots with rules: [`LANGUAGES`] and everything they link to.
    wanted: BTreeSet<usize>,
}

impl Graph {
    fn new(full: SyntaxSet) -> Self {
        let roots: Vec<usize> = LANGUAGES
            .iter()
            .map(|token| {
                full.find_syntax_by_token(token)
                    .and_then(|found| full.syntaxes().iter().position(|s| std::ptr::eq(s, found)))
                    .unwrap_or_else(|| panic!("no syntax for `{token}` in two-face"))
            })
            .collect();
        let definitions = full.into_builder().syntaxes().to_vec();
        let mut graph = Self {
            ours: SyntaxSet::new(),
            empty: SyntaxSet::new(),
            links: definitions.iter().map(links).collect(),
            wanted: BTreeSet::new(),
        };
        graph.wanted = roots.iter().flat_map(|&root| graph.closure(root)).collect();
        let set = |with_rules: &dyn Fn(usize) -> bool| {
            let mut builder = SyntaxSetBuilder::new();
            for (i, definition) in definitions.iter().enumerate() {
                builder.add(if with_rules(i) {
                    definition.clone()
                } else {
                    placeholder(definition)
                });
            }
            builder.build()
        };
        graph.ours = set(&|i| graph.wanted.contains(&i));
        graph.empty = set(&|_| false);
        graph
    }

    /// `root` and every slot it links to, directly or not.
    fn closure(&self, root: usize) -> BTreeSet<usize> {
        let mut found = BTreeSet::from([root]);
        let mut todo = vec![root];
        while let Some(i) = todo.pop() {
            todo.extend(
                self.links[i]
                    .iter()
                    .copied()
                    .filter(|&used| found.insert(used)),
            );
        }
        found
    }
}

/// The serialized parts a set is put together from.
struct Pieces {
    header: Vec<u8>,
    /// Per slot: its rules (wanted slots only) and its placeholder.
    rules: Vec<Option<Vec<u8>>>,
    placeholders: Vec<Vec<u8>>,
    tail: Vec<u8>,
}

impl Pieces {
    /// Serializes each slot on its own, and checks that the whole set is exactly the header,
    /// the slots one after another and the tail: the layout the player relies on.
    fn new(graph: &Graph, scratch: &Path) -> Self {
        let slots = graph.ours.syntaxes().len();
        let whole = encode(&graph.ours, scratch);
        let mut pieces = Self {
            header: encode(&(slots as u64), scratch),
            rules: (0..slots)
                .map(|i| {
                    let rules = &graph.ours.syntaxes()[i];
                    graph.wanted.contains(&i).then(|| encode(rules, scratch))
                })
                .collect(),
            placeholders: (0..slots)
                .map(|i| encode(&graph.empty.syntaxes()[i], scratch))
                .collect(),
            tail: Vec::new(),
        };
        let _ = fs::remove_file(scratch);
        let expected = pieces.set(&graph.wanted);
        assert!(
            whole.starts_with(&expected),
            "syntect's serialized SyntaxSet is no longer a length and its syntaxes one after \
             another: build/syntaxes.rs needs updating"
        );
        pieces.tail = whole[expected.len()..].to_vec();
        pieces
    }

    /// A set with rules in the slots of `with_rules` (as the player puts one together).
    fn set(&self, with_rules: &BTreeSet<usize>) -> Vec<u8> {
        let mut bytes = self.header.clone();
        for (slot, (rules, placeholder)) in self.rules.iter().zip(&self.placeholders).enumerate() {
            match rules {
                Some(rules) if with_rules.contains(&slot) => bytes.extend_from_slice(rules),
                _ => bytes.extend_from_slice(placeholder),
            }
        }
        bytes.extend_from_slice(&self.tail);
        bytes
    }

    /// Writes the pieces to `path`; returns the Rust code that says where each is, and the
    /// languages' names, extensions and closures.
    fn write(&self, graph: &Graph, path: &Path) -> String {
        let mut blob = Vec::new();
        let mut place = |piece: &[u8]| {
            let start = blob.len();
            blob.extend_from_slice(piece);
            (start, blob.len())
        };
        let header_at = place(&self.header);
        let tail_at = place(&self.tail);
        let placeholders_at: Vec<_> = self.placeholders.iter().map(|p| place(p)).collect();
        let rules_at: Vec<_> = self
            .rules
            .iter()
            .map(|r| r.as_deref().map(&mut place))
            .collect();
        fs::write(path, &blob).expect("write syntaxes.bin");

        let mut code = String::from(
            "// Generated by build/syntaxes.rs: where each part of `syntaxes.bin` is.\n\n",
        );
        let mut line = |text: String| {
            code.push_str(&text);
            code.push('\n');
        };
        line(format!(
            "pub(super) const HEADER: Piece = Piece{header_at:?};"
        ));
        line(format!("pub(super) const TAIL: Piece = Piece{tail_at:?};"));
        line(format!(
            "pub(super) static SLOTS: [Slot; {}] = [",
            self.rules.len()
        ));
        for (placeholder, rules) in placeholders_at.iter().zip(&rules_at) {
            let rules = rules.map_or("None".to_owned(), |r| format!("Some(Piece{r:?})"));
            line(format!(
                "    Slot {{ placeholder: Piece{placeholder:?}, rules: {rules} }},"
            ));
        }
        line("];".to_owned());
        line(format!(
            "pub(super) const LANGUAGE_COUNT: usize = {};",
            graph.wanted.len()
        ));
        line("pub(super) static LANGUAGES: [Language; LANGUAGE_COUNT] = [".to_owned());
        for &i in &graph.wanted {
            let syntax = &graph.ours.syntaxes()[i];
            let closure: Vec<usize> = graph.closure(i).into_iter().collect();
            line(format!(
                "    Language {{ name: {:?}, extensions: &{:?}, slot: {i}, closure: &{closure:?} }},",
                syntax.name, syntax.file_extensions
            ));
        }
        line("];".to_owned());
        code
    }
}

/// An empty, nameless stand-in for a syntax that is not in the set, keeping its scope.
fn placeholder(definition: &SyntaxDefinition) -> SyntaxDefinition {
    SyntaxDefinition {
        name: String::new(),
        file_extensions: Vec::new(),
        scope: definition.scope,
        first_line_match: None,
        hidden: true,
        variables: HashMap::new(),
        contexts: HashMap::new(),
    }
}

/// Each syntax theme the player uses, serialized without compression for `include_bytes!`.
fn themes(out: &Path) {
    let all = two_face::theme::extra();
    for (file, name) in THEMES {
        let path = out.join(format!("theme-{file}.bin"));
        syntect::dumps::dump_to_uncompressed_file(all.get(*name), &path).expect("write a theme");
    }
}

/// `value` serialized the way syntect dumps a set (bincode), through the file `scratch`.
fn encode<T: Serialize>(value: &T, scratch: &Path) -> Vec<u8> {
    syntect::dumps::dump_to_uncompressed_file(value, scratch).expect("write a piece");
    fs::read(scratch).expect("read a piece back")
}

/// The syntaxes (by slot) that `definition` links to: every context id in its rules.
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
