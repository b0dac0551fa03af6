//! The layers of `src/lib.rs`, checked: each module tree may use only the layers above it, and
//! the pure ones none of the outside world. A `use` that breaks the layering fails here, with
//! the file and line, instead of slowly eroding the architecture.
//!
//! - `core`: no terminal (ratatui, crossterm), no filesystem (`std::fs`), no clock
//!   (`SystemTime`, `Instant`), no processes, threads or environment, no other layer.
//! - `app`: the same outside world, and neither `view` nor the edges.
//! - `view`: not the edges.
//!
//! Comments are ignored, so documentation may name anything.

use std::path::{Path, PathBuf};

use regex::Regex;

/// What a layer may not use: `(pattern, what it is)`.
struct Rule {
    layer: &'static str,
    forbidden: Vec<(Regex, &'static str)>,
}

fn rules() -> Vec<Rule> {
    let re = |p: &str| Regex::new(p).expect("a valid pattern");
    let outside = || {
        vec![
            (re(r"\bratatui\b"), "ratatui"),
            (re(r"\bcrossterm\b"), "crossterm"),
            (re(r"\bstd::fs\b|\bfs::|\bstd::\{[^}]*\bfs\b"), "std::fs"),
            (re(r"\bSystemTime\b"), "SystemTime"),
            (re(r"\bInstant\b"), "Instant"),
            (
                re(r"\bstd::(process|thread|net|env)\b"),
                "processes, threads, network or environment",
            ),
        ]
    };
    let layer = |names: &str| {
        re(&format!(
            r"\bcrate::({names})\b|\bsuper::super::({names})\b|\btermcourse::({names})\b"
        ))
    };
    let mut core = outside();
    core.push((layer("app|view|edge"), "another layer"));
    let mut app = outside();
    app.push((layer("view|edge"), "the view or the edges"));
    vec![
        Rule {
            layer: "core",
            forbidden: core,
        },
        Rule {
            layer: "app",
            forbidden: app,
        },
        Rule {
            layer: "view",
            forbidden: vec![(layer("edge"), "the edges")],
        },
    ]
}

/// `src/<layer>.rs` and everything under `src/<layer>/`.
fn files(layer: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join(format!("{layer}.rs"))];
    let mut dirs = vec![src.join(layer)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a layer directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The code of a line, without its comment.
fn code(line: &str) -> &str {
    line.find("//").map_or(line, |at| &line[..at])
}

/// Every use of something `rule` forbids, as `file:line: ...`.
fn violations(rule: &Rule) -> Vec<String> {
    let mut found = Vec::new();
    for file in files(rule.layer) {
        let text = std::fs::read_to_string(&file).expect("a source file");
        let shown = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&file)
            .display()
            .to_string();
        for (n, line) in text.lines().enumerate() {
            for (pattern, what) in &rule.forbidden {
                if pattern.is_match(code(line)) {
                    found.push(format!(
                        "{shown}:{}: {} uses {what}: {}",
                        n + 1,
                        rule.layer,
                        line.trim()
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn each_layer_uses_only_the_layers_above_it() {
    let mut found = Vec::new();
    for rule in rules() {
        let files = files(rule.layer);
        assert!(files.len() > 3, "{} has files to check", rule.layer);
        found.extend(violations(&rule));
    }
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
}

#[test]
fn the_rules_catch_what_they_forbid() {
    let rules = rules();
    let core = &rules[0];
    for line in [
        "use ratatui::style::Style;",
        "use std::fs;",
        "let t = std::time::Instant::now();",
        "use std::time::{Duration, SystemTime};",
        "use std::{fs, io};",
        "use crate::view::theme::Theme;",
        "use super::super::edge::store::Store;",
        "std::thread::spawn(|| {});",
    ] {
        assert!(
            core.forbidden.iter().any(|(p, _)| p.is_match(code(line))),
            "{line}"
        );
    }
    for line in [
        "use crate::core::course::Course;",
        "// ratatui is not used here",
        "let fields = 3;",
        "use std::time::Duration;",
    ] {
        assert!(
            core.forbidden.iter().all(|(p, _)| !p.is_match(code(line))),
            "{line}"
        );
    }
    let app = &rules[1];
    assert!(
        app.forbidden
            .iter()
            .any(|(p, _)| p.is_match("use crate::view::screen::Screen;"))
    );
    assert!(
        app.forbidden
            .iter()
            .all(|(p, _)| !p.is_match("use crate::core::course::Course;"))
    );
    let view = &rules[2];
    assert!(
        view.forbidden
            .iter()
            .any(|(p, _)| p.is_match("use crate::edge::player::Player;"))
    );
    assert!(
        view.forbidden
            .iter()
            .all(|(p, _)| !p.is_match("use crate::app::Model;"))
    );
}
