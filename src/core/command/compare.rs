//! Comparing a learner's line with the scripted command: the same commands joined by the same
//! operators, each the same under at least one reading of its ambiguous options; otherwise the
//! differences of the closest reading.

use std::collections::BTreeSet;

use super::Difference;
use super::analyze::{Cmd, Opt, Reading, analyze};
use super::known::Kind;
use super::shape::{Line, Part, Simple};

/// At most this many ambiguous options are tried both ways (2^n readings); any others are
/// read as flags.
const MAX_AMBIGUOUS: usize = 8;

/// Lines with more words than this are compared word for word, without readings.
const MAX_WORDS: usize = 256;

/// The differences between `expected` (the scripted line) and `found` (the learner's), empty
/// when they are the same command.
pub(crate) fn differences(
    expected_text: &str,
    expected: &Line,
    found_text: &str,
    found: &Line,
) -> Vec<Difference> {
    let mut out = Vec::new();
    let (a, b) = (&expected.parts, &found.parts);
    for i in 0..a.len().max(b.len()) {
        match (a.get(i), b.get(i)) {
            (Some(Part::Command(x)), Some(Part::Command(y))) => {
                out.extend(simple(expected_text, x, found_text, y));
            }
            (Some(Part::Op(x)), Some(Part::Op(y))) if x == y => {}
            (Some(x), Some(y)) => out.push(Difference::Instead {
                expected: part_text(expected_text, x),
                found: part_text(found_text, y),
            }),
            (Some(x), None) => out.push(Difference::Missing(part_text(expected_text, x))),
            (None, Some(y)) => out.push(Difference::Unexpected(part_text(found_text, y))),
            (None, None) => {}
        }
    }
    out
}

fn part_text(line: &str, part: &Part) -> String {
    match part {
        Part::Command(c) => line.get(c.span.clone()).unwrap_or_default().to_owned(),
        Part::Op(op) => (*op).to_owned(),
    }
}

/// Tries every reading of the options whose kind is unknown; the first one under which the
/// commands are the same wins, else the one with the fewest differences.
fn simple(a_text: &str, a: &Simple, b_text: &str, b: &Simple) -> Vec<Difference> {
    if a.words.len() > MAX_WORDS || b.words.len() > MAX_WORDS {
        return word_for_word(a_text, a, b_text, b);
    }
    let mut ambiguous = BTreeSet::new();
    let none = Reading::new();
    analyze(a_text, a, &none, &mut ambiguous);
    analyze(b_text, b, &none, &mut ambiguous);
    let keys: Vec<String> = ambiguous.into_iter().take(MAX_AMBIGUOUS).collect();
    let mut best: Option<Vec<Difference>> = None;
    for mask in 0..(1u32 << keys.len()) {
        let reading: Reading = keys
            .iter()
            .enumerate()
            .map(|(bit, key)| {
                let kind = if mask & (1 << bit) == 0 {
                    Kind::Flag
                } else {
                    Kind::Value
                };
                (key.clone(), kind)
            })
            .collect();
        let mut unused = BTreeSet::new();
        let x = analyze(a_text, a, &reading, &mut unused);
        let y = analyze(b_text, b, &reading, &mut unused);
        let diff = cmd(&x, &y);
        if diff.is_empty() {
            return diff;
        }
        if best.as_ref().is_none_or(|b| diff.len() < b.len()) {
            best = Some(diff);
        }
    }
    best.unwrap_or_default()
}

fn word_for_word(a_text: &str, a: &Simple, b_text: &str, b: &Simple) -> Vec<Difference> {
    let same = a
        .words
        .iter()
        .map(|w| &w.text)
        .eq(b.words.iter().map(|w| &w.text))
        && a.redirects == b.redirects;
    if same {
        Vec::new()
    } else {
        vec![Difference::Instead {
            expected: a_text.get(a.span.clone()).unwrap_or_default().to_owned(),
            found: b_text.get(b.span.clone()).unwrap_or_default().to_owned(),
        }]
    }
}

/// The differences between two commands read the same way.
fn cmd(a: &Cmd, b: &Cmd) -> Vec<Difference> {
    if a.program != b.program {
        return vec![Difference::Instead {
            expected: a.program.clone(),
            found: b.program.clone(),
        }];
    }
    let mut out = Vec::new();
    multiset(&a.assigns, &b.assigns, &mut out);
    if a.path == b.path {
        sequence(&a.args, &b.args, &mut out);
        options(&a.global, &b.global, &mut out);
        options(&a.floating, &b.floating, &mut out);
        anchored(a, b, &mut out);
    } else {
        // Another subcommand (often a typo): its options mean something else, so only the
        // words are compared.
        let words = |c: &Cmd| c.path.iter().chain(&c.args).cloned().collect::<Vec<_>>();
        sequence(&words(a), &words(b), &mut out);
        if out.is_empty() {
            out.push(Difference::Instead {
                expected: a.path.join(" "),
                found: b.path.join(" "),
            });
        }
        return out;
    }
    match (&a.inner, &b.inner) {
        (Some(x), Some(y)) => out.extend(cmd(x, y)),
        (Some(x), None) => out.push(Difference::Missing(x.text.clone())),
        (None, Some(y)) => out.push(Difference::Unexpected(y.text.clone())),
        (None, None) => {}
    }
    if a.redirects != b.redirects {
        let (mut missing, mut extra) = (Vec::new(), Vec::new());
        multiset_split(&a.redirects, &b.redirects, &mut missing, &mut extra);
        if missing.is_empty() && extra.is_empty() {
            out.push(Difference::Instead {
                expected: a.redirects.join(" "),
                found: b.redirects.join(" "),
            });
        }
        out.extend(missing.into_iter().map(Difference::Missing));
        out.extend(extra.into_iter().map(Difference::Unexpected));
    }
    out
}

fn multiset_split(a: &[String], b: &[String], missing: &mut Vec<String>, extra: &mut Vec<String>) {
    let mut rest: Vec<&String> = b.iter().collect();
    for x in a {
        match rest.iter().position(|y| *y == x) {
            Some(at) => {
                rest.remove(at);
            }
            None => missing.push(x.clone()),
        }
    }
    extra.extend(rest.into_iter().cloned());
}

fn multiset(a: &[String], b: &[String], out: &mut Vec<Difference>) {
    let (mut missing, mut extra) = (Vec::new(), Vec::new());
    multiset_split(a, b, &mut missing, &mut extra);
    out.extend(missing.into_iter().map(Difference::Missing));
    out.extend(extra.into_iter().map(Difference::Unexpected));
}

/// Arguments in order: a longest common subsequence, then what is left on either side; a
/// missing and an unexpected word at the same place read as one word instead of another.
fn sequence(want: &[String], got: &[String], out: &mut Vec<Difference>) {
    let (rows, cols) = (want.len(), got.len());
    // common[r][c]: the longest common subsequence of want[r..] and got[c..].
    let mut common = vec![vec![0u16; cols + 1]; rows + 1];
    for r in (0..rows).rev() {
        for c in (0..cols).rev() {
            common[r][c] = if want[r] == got[c] {
                common[r + 1][c + 1] + 1
            } else {
                common[r + 1][c].max(common[r][c + 1])
            };
        }
    }
    let (mut r, mut c) = (0, 0);
    let mut missing: Vec<&String> = Vec::new();
    let mut extra: Vec<&String> = Vec::new();
    while r < rows || c < cols {
        if r < rows && c < cols && want[r] == got[c] {
            flush(&mut missing, &mut extra, out);
            r += 1;
            c += 1;
        } else if c >= cols || (r < rows && common[r + 1][c] >= common[r][c + 1]) {
            missing.push(&want[r]);
            r += 1;
        } else {
            extra.push(&got[c]);
            c += 1;
        }
    }
    flush(&mut missing, &mut extra, out);
}

/// Words missing and words unexpected at the same place: pairs of them are one word written
/// instead of another.
fn flush(missing: &mut Vec<&String>, extra: &mut Vec<&String>, out: &mut Vec<Difference>) {
    let pairs = missing.len().min(extra.len());
    for (expected, found) in missing.iter().zip(extra.iter()) {
        out.push(Difference::Instead {
            expected: (*expected).clone(),
            found: (*found).clone(),
        });
    }
    let rest_missing = missing.drain(..).skip(pairs).cloned();
    out.extend(rest_missing.map(Difference::Missing));
    let rest_extra = extra.drain(..).skip(pairs).cloned();
    out.extend(rest_extra.map(Difference::Unexpected));
}

/// Options as multisets: the same name with another value is one difference.
fn options(a: &[Opt], b: &[Opt], out: &mut Vec<Difference>) {
    let mut rest: Vec<&Opt> = b.iter().collect();
    let mut missing: Vec<&Opt> = Vec::new();
    for x in a {
        match rest.iter().position(|y| *y == x) {
            Some(at) => {
                rest.remove(at);
            }
            None => missing.push(x),
        }
    }
    for x in missing {
        match rest.iter().position(|y| y.key == x.key) {
            Some(at) => {
                let y = rest.remove(at);
                out.push(Difference::Instead {
                    expected: x.shown.clone(),
                    found: y.shown.clone(),
                });
            }
            None => out.push(Difference::Missing(x.shown.clone())),
        }
    }
    out.extend(
        rest.into_iter()
            .map(|y| Difference::Unexpected(y.shown.clone())),
    );
}

/// Anchored options: the same option between other arguments is misplaced.
fn anchored(a: &Cmd, b: &Cmd, out: &mut Vec<Difference>) {
    let mut rest: Vec<&(usize, Opt)> = b.anchored.iter().collect();
    let mut unmatched: Vec<&(usize, Opt)> = Vec::new();
    for x in &a.anchored {
        match rest.iter().position(|y| *y == x) {
            Some(at) => {
                rest.remove(at);
            }
            None => unmatched.push(x),
        }
    }
    let mut missing = Vec::new();
    for x in unmatched {
        match rest.iter().position(|(_, y)| *y == x.1) {
            Some(at) => {
                rest.remove(at);
                out.push(Difference::Misplaced {
                    word: x.1.shown.clone(),
                    before: a.args.get(x.0).cloned(),
                });
            }
            None => missing.push(x.1.clone()),
        }
    }
    let extra: Vec<Opt> = rest.into_iter().map(|(_, o)| o.clone()).collect();
    options(&missing, &extra, out);
}
