//! What highlighting costs the process that does it: time and resident memory to highlight a
//! first Dockerfile, Python and bash block (the built-in course's languages, loading what each
//! needs), measured in a fresh process for one syntax set at a time:
//!
//!     cargo run --release --example syntax_cost -- full     # two-face's whole set
//!     cargo run --release --example syntax_cost -- ours     # termcourse's, a language at a time
//!
//! Resident memory is read from /proc/self/status (Linux).

use std::time::Instant;

use syntect::easy::HighlightLines;
use syntect::parsing::{SyntaxReference, SyntaxSet};
use termcourse::view::highlight::syntaxes;
use termcourse::view::theme::SyntaxTheme;

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "ours".to_owned());
    let Some(theme) = syntaxes::theme(SyntaxTheme::CatppuccinMocha) else {
        println!("the theme does not load");
        return;
    };
    let base = rss_kib();
    let started = Instant::now();
    let full: Option<SyntaxSet> = (mode == "full").then(two_face::syntax::extra_newlines);
    let load = started.elapsed();
    let after_load = rss_kib();
    let mut firsts = Vec::new();
    for (token, code) in [
        (
            "dockerfile",
            "FROM python:3.12-slim\nRUN pip install --no-cache-dir torch\n",
        ),
        (
            "python",
            "import urllib.request as r\nr.urlopen('http://127.0.0.1:8000/health')\n",
        ),
        ("bash", "for f in *.txt; do echo \"$f\"; done\n"),
    ] {
        let started = Instant::now();
        let found: Option<(&SyntaxReference, &SyntaxSet)> = match &full {
            Some(set) => set.find_syntax_by_token(token).map(|s| (s, set)),
            None => syntaxes::find(token).map(|s| (s.reference, s.set)),
        };
        let Some((syntax, set)) = found else {
            println!("{mode}: no syntax for {token}");
            continue;
        };
        let mut hl = HighlightLines::new(syntax, theme);
        for line in syntect::util::LinesWithEndings::from(code) {
            let _ = hl.highlight_line(line, set);
        }
        firsts.push(format!(
            "{token} {:.2} ms",
            started.elapsed().as_secs_f64() * 1e3
        ));
    }
    let end = rss_kib();
    println!(
        "{mode}: load {:.2} ms, +{} KiB; first blocks (loading what each needs): {}; \
         RSS after all {} KiB (+{} KiB)",
        load.as_secs_f64() * 1e3,
        after_load.saturating_sub(base),
        firsts.join(", "),
        end,
        end.saturating_sub(base)
    );
}
