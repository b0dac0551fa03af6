//! Type-along `accept` patterns that accept another command than the scripted one.
//!
//! The bash pane shows `out`, the output of `cmd`, whatever the learner typed; a pattern that
//! also accepts a command with an option `cmd` does not have (or without one it has) shows the
//! learner output their command would not print. termcourse cannot run the patterns over every
//! command, so it tries the ones it can build (*where it can tell*):
//!
//! - `cmd` with one of its options left out, alone or with the word after it;
//! - `cmd` with one more option inserted after any word: every option the patterns spell out
//!   literally (`(--runtime=nvidia\s+)?` spells `--runtime=nvidia`) that `cmd` does not have,
//!   and a made-up `--extra`, which catches catch-alls such as `(\s.*)?`.
//!
//! A pattern that accepts such a command gets a warning (one per entry). Commands of more than
//! [`MAX_WORDS`] words, and option spellings beyond the first [`MAX_LITERALS`], are not tried,
//! which keeps the check's time bounded on any course.

use std::ops::Range;

use super::{Checker, FileCx};
use crate::core::command::{self, parse_line};
use crate::core::course::Pattern;
use crate::core::raw::{Sp, SpList};

/// Warns when a pattern of `list` (compiled as `patterns`) accepts a command with more or fewer
/// options than `cmd`.
pub(super) fn lint(
    cx: &mut Checker<'_>,
    file: &FileCx,
    list: &SpList<String>,
    patterns: &[Pattern],
    cmd: &str,
) {
    for probe in probes(cmd, list) {
        let Some(at) = patterns.iter().position(|p| p.is_match(&probe.line)) else {
            continue;
        };
        if command::equivalent(cmd, &probe.line) {
            continue;
        }
        let span = list.get().get(at).map_or_else(|| list.span(), Sp::span);
        let what = match &probe.change {
            Change::Added(option) => format!("with `{option}`, which `cmd` does not have"),
            Change::Removed(option) => format!("without `{option}`"),
        };
        cx.warning(
            file,
            span,
            format!("`accept` also accepts `{}`, {what}", probe.line),
        )
        .with_label("this pattern accepts it")
        .with_note(format!(
            "note: the bash pane shows the output of `{cmd}`, which another command may not print"
        ))
        .with_note(
            "help: remove `accept` to compare the learner's command with `cmd` argument by \
             argument (options in any order, `--opt=value` or `--opt value`), or make the \
             pattern stricter",
        );
        return;
    }
}

/// Longest command, in words, whose probes are tried.
const MAX_WORDS: usize = 64;

/// Most option spellings taken from the patterns of one entry.
const MAX_LITERALS: usize = 16;

enum Change {
    Added(String),
    Removed(String),
}

struct Probe {
    line: String,
    change: Change,
}

fn probes(cmd: &str, list: &SpList<String>) -> Vec<Probe> {
    let line = parse_line(cmd);
    let mut words: Vec<(Range<usize>, &str)> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    for simple in line.commands() {
        ends.extend(simple.words.iter().map(|w| w.span.end));
        let after_program = simple.words.iter().skip(1);
        words.extend(after_program.map(|w| (w.span.clone(), w.text.as_str())));
    }
    if words.len() > MAX_WORDS {
        return Vec::new();
    }
    let written: Vec<&str> = words.iter().map(|(_, text)| *text).collect();
    let mut extra: Vec<String> = list
        .iter()
        .flat_map(|p| literal_options(p.get()))
        .filter(|o| !written.contains(&o.as_str()))
        .collect();
    extra.sort();
    extra.dedup();
    extra.truncate(MAX_LITERALS);
    let made_up = ["--extra", "--extra-option"]
        .into_iter()
        .find(|o| !written.contains(o));
    extra.extend(made_up.map(str::to_owned));
    // Leaving out an option first: it names what the learner's output would lack.
    let mut out = Vec::new();
    for (i, (span, text)) in words.iter().enumerate() {
        if !text.starts_with('-') || *text == "-" || *text == "--" {
            continue;
        }
        let alone = span.clone();
        if let Some((next, value)) = words.get(i + 1)
            && !value.starts_with('-')
            && cmd[alone.end..next.start].trim().is_empty()
        {
            out.push(removed(cmd, alone.start..next.end));
        }
        out.push(removed(cmd, alone));
    }
    for option in &extra {
        for end in &ends {
            out.push(Probe {
                line: format!("{} {option}{}", &cmd[..*end], &cmd[*end..]),
                change: Change::Added(option.clone()),
            });
        }
    }
    out
}

fn removed(cmd: &str, span: Range<usize>) -> Probe {
    Probe {
        line: format!("{}{}", cmd[..span.start].trim_end(), &cmd[span.end..]),
        change: Change::Removed(cmd[span].to_owned()),
    }
}

/// Options a regex spells out: `-x`, `--name` or `--name=value` written where a word starts
/// (after `^`, `(`, `|`, `?`, a space or `\s`, `\s+`, `\s*`).
fn literal_options(source: &str) -> Vec<String> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = source[at..].find('-') {
        let start = at + found;
        at = start + 1;
        let before = &source[..start];
        let word_start = before.is_empty()
            || before.ends_with(['^', '(', '|', '?', ' ', ':'])
            || [r"\s", r"\s+", r"\s*"].iter().any(|s| before.ends_with(s));
        if !word_start || before.ends_with('-') {
            continue;
        }
        let dashes = if bytes.get(start + 1) == Some(&b'-') {
            2
        } else {
            1
        };
        let name_start = start + dashes;
        let name_len = source[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(source.len() - name_start);
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let mut end = name_start + name_len;
        if bytes.get(end) == Some(&b'=') {
            let value_len = source[end + 1..]
                .find(|c: char| {
                    !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '/' | ','))
                })
                .unwrap_or(source.len() - end - 1);
            if value_len > 0 {
                end += 1 + value_len;
            }
        }
        out.push(source[start..end].to_owned());
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::literal_options;
    use crate::core::load::{COURSE_FILE, LoadOptions, load_with_warnings};
    use crate::core::source::MemorySource;

    /// The warnings `check` gives a type-along of `cmd` accepted by `accept`.
    fn warnings(cmd: &str, accept: &[&str]) -> Vec<String> {
        let accept: Vec<String> = accept.iter().map(|a| format!("'{a}'")).collect();
        let course = format!(
            "format = 1\nid = \"c\"\ntitle = \"C\"\n\
             [[node]]\nid = \"n\"\ntitle = \"N\"\n\
             [[node.step]]\nid = \"s\"\ntitle = \"T\"\n\
             [[node.step.bash]]\ncmd = \"{cmd}\"\ntype_along = true\naccept = [{}]\n",
            accept.join(", ")
        );
        let source = MemorySource {
            root: "c".to_owned(),
            files: vec![(COURSE_FILE.to_owned(), course)],
        };
        let (course, report) = load_with_warnings(&source, &LoadOptions::default());
        assert!(course.is_some(), "{}", report.render(false));
        report
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn patterns_that_accept_other_options_are_flagged() {
        let cases: [(&str, &[&str], &str); 4] = [
            (
                "docker ps --format x",
                &[r"^docker\s+ps(\s.*)?$"],
                "`accept` also accepts `docker ps`, without `--format x`",
            ),
            (
                "curl localhost:8000",
                &[r"^curl\s+(-s\s+)?localhost:8000$"],
                "`accept` also accepts `curl -s localhost:8000`, with `-s`, which `cmd` does not have",
            ),
            (
                "docker run --rm img",
                &[r"^docker\s+run\s+--rm\s+img$", r"^docker run.*img$"],
                "`accept` also accepts `docker run img`, without `--rm`",
            ),
            (
                "docker logs iris",
                &[r"^docker\s+logs\s+\S+"],
                "`accept` also accepts `docker logs --extra iris`, with `--extra`, which `cmd` does not have",
            ),
        ];
        for (cmd, accept, want) in cases {
            assert_eq!(warnings(cmd, accept), [want], "{cmd} {accept:?}");
        }
    }

    #[test]
    fn strict_patterns_and_synonyms_are_not_flagged() {
        let cases: [(&str, &[&str]); 3] = [
            (
                "docker build -t app .",
                &[r"^docker\s+(image\s+)?build\s+(-t|--tag)\s+app\s+\.$"],
            ),
            (
                "docker images python",
                &[r"^docker\s+(images|image\s+ls)\s+python\s*$"],
            ),
            (
                "curl localhost:8000",
                &[r"^curl\s+(http://)?localhost:8000$"],
            ),
        ];
        for (cmd, accept) in cases {
            assert!(warnings(cmd, accept).is_empty(), "{cmd} {accept:?}");
        }
    }

    #[test]
    fn literal_options_are_read_where_a_word_starts() {
        let cases: [(&str, &[&str]); 5] = [
            (r"^curl\s+(-s\s+)?localhost", &["-s"]),
            (
                r"^docker\s+run\s+--rm\s+(--runtime=nvidia\s+)?--gpus\s+all",
                &["--rm", "--runtime=nvidia", "--gpus"],
            ),
            (r"build\s+(-t|--tag)\s+x", &["-t", "--tag"]),
            (r"^pip-compile\s+x", &[]),
            (r"\S*hf_\S*-\d", &[]),
        ];
        for (source, want) in cases {
            assert_eq!(literal_options(source), want, "{source}");
        }
    }
}
