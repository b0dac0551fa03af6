//! Turns serde's shape errors (unknown key, wrong type, unknown value) into instructor-friendly
//! diagnostics, with a "did you mean" when a key or value is a likely typo.

use std::ops::Range;

use super::{Checker, FileCx};

pub(super) fn report_shape_error(
    cx: &mut Checker<'_>,
    file: &FileCx,
    span: Range<usize>,
    message: &str,
) {
    let message = message.trim_end();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (name, expected) = split_expected(rest);
        if let Some((message, help)) = misplaced_table(file, &span, unquote(name), &expected) {
            cx.error(file, span, message)
                .with_label("not a table of this file")
                .with_note(help);
            return;
        }
        let d = cx
            .error(file, span, format!("unknown key {name}"))
            .with_label("not a key here");
        if let Some(best) = closest(unquote(name), &expected) {
            d.with_note(format!("help: did you mean `{best}`?"));
        }
        d.with_note(format!("note: keys allowed here: {}", quote_all(&expected)));
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (name, expected) = split_expected(rest);
        let d = cx
            .error(file, span, format!("unknown value {name}"))
            .with_label("not one of the allowed values");
        if let Some(best) = closest(unquote(name), &expected) {
            d.with_note(format!("help: did you mean `{best}`?"));
        }
        d.with_note(format!("note: allowed values: {}", quote_all(&expected)));
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        let expected = type_name(expected);
        // serde says "invalid type: integer `…` as i128, expected i64" for a number too large.
        if expected == "an integer" && type_name(found) == "an integer" {
            let negative = found.contains("`-");
            let value = found.split('`').nth(1).unwrap_or("this integer");
            let value: String = value.chars().take(40).collect();
            cx.error(file, span, format!("integer `{value}` is out of range"))
                .with_label(if negative { "too small" } else { "too large" })
                .with_note(format!(
                    "note: integers are 64-bit: from {} to {}",
                    i64::MIN,
                    i64::MAX
                ));
            return;
        }
        let d = cx
            .error(
                file,
                span,
                format!(
                    "wrong type: expected {expected}, found {}",
                    type_name(found)
                ),
            )
            .with_label(format!("expected {expected}"));
        // `correct = "true"`, `exit = "0"`: the right value in quotes.
        let quoted = found
            .strip_prefix("string \"")
            .and_then(|s| s.strip_suffix('"'));
        let unquoted = match (expected, quoted) {
            ("a boolean", Some(v @ ("true" | "false"))) => Some(v),
            ("an integer", Some(v)) if v.parse::<i64>().is_ok() => Some(v),
            _ => None,
        };
        if let Some(value) = unquoted {
            d.with_note(format!("help: write `{value}` without quotes"));
        }
    } else {
        cx.error(file, span, format!("TOML: {message}"));
    }
}

/// A table written with the spelling of the other kind of file: `[[node.step]]` in a node file,
/// `[quiz]` at the top of a node file, `[[step]]` in course.toml. The message and help line
/// name the spelling that belongs in this file.
fn misplaced_table(
    file: &FileCx,
    span: &Range<usize>,
    name: &str,
    expected: &[&str],
) -> Option<(String, String)> {
    let node_file = expected.contains(&"requires") && !expected.contains(&"format");
    let course_file = expected.contains(&"format");
    let line_start = file.text[..span.start.min(file.text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = file.text[line_start..]
        .lines()
        .next()
        .unwrap_or_default()
        .split('#')
        .next()
        .unwrap_or_default()
        .trim();
    if !line.starts_with('[') {
        return None;
    }
    let (open, close) = if line.starts_with("[[") {
        ("[[", "]]")
    } else {
        ("[", "]")
    };
    let inner = line.trim_start_matches('[').trim_end_matches(']').trim();
    let respelled = |path: &str| format!("{open}{path}{close}");
    match name {
        "node" if node_file && inner == "node" => Some((
            "a node file holds one node: write its keys at the top, without `[[node]]`".to_owned(),
            "note: `id`, `title`, `summary` and `requires` come first, then each `[[step]]`"
                .to_owned(),
        )),
        "node" if node_file => {
            let right = respelled(inner.strip_prefix("node.")?);
            Some((
                format!("in a node file write `{right}`, not `{line}`"),
                "note: the node file is the node: its steps are `[[step]]`, with `[step.quiz]`, `[[step.bash]]` and `[step.task]` after each".to_owned(),
            ))
        }
        "quiz" | "bash" | "task" if node_file => {
            let right = respelled(&format!("step.{inner}"));
            Some((
                format!("`{line}` belongs to a step: write `{right}`"),
                format!("help: put `{right}` after the `[[step]]` it belongs to"),
            ))
        }
        "step" | "quiz" | "bash" | "task" if course_file => {
            let path = if name == "step" {
                format!("node.{inner}")
            } else {
                format!("node.step.{inner}")
            };
            let right = respelled(&path);
            Some((
                format!("in course.toml write `{right}`, not `{line}`"),
                "note: in course.toml a step belongs to a `[[node]]`: write `[[node.step]]` after it, or move the node to a file of its own, where steps are `[[step]]`".to_owned(),
            ))
        }
        _ => None,
    }
}

/// Splits ``"`x`, expected one of `a`, `b`"`` into the name and the expected names.
fn split_expected(rest: &str) -> (&str, Vec<&str>) {
    let (name, expected) = rest
        .split_once(", expected ")
        .or_else(|| rest.split_once(", there are no "))
        .unwrap_or((rest, ""));
    let expected = expected
        .trim_start_matches("one of ")
        .split(", ")
        .flat_map(|part| part.split(" or "))
        .map(unquote)
        .filter(|s| !s.is_empty() && !s.contains(' '))
        .collect();
    (name, expected)
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches('`')
}

fn quote_all(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// serde's description of a type or value, in TOML words.
fn type_name(serde: &str) -> &'static str {
    let s = serde
        .strip_prefix("a ")
        .or_else(|| serde.strip_prefix("an "))
        .unwrap_or(serde);
    match s.split([' ', '(', '<']).next().unwrap_or_default() {
        "string" | "str" | "char" | "enum" => "a string",
        "integer" | "i64" | "u64" | "i32" | "u32" | "usize" => "an integer",
        "floating" | "f64" | "f32" => "a float",
        "boolean" | "bool" => "a boolean",
        "sequence" | "array" | "tuple" => "an array",
        "map" | "struct" | "table" => "a table",
        "datetime" | "date" => "a date",
        _ => "another type",
    }
}

/// The candidate closest to `name` when it is close enough to be a likely typo. For short
/// candidate lists (keys, values); many lookups in a long list go through a [`Suggester`].
pub(crate) fn closest<'c>(name: &str, candidates: &[&'c str]) -> Option<&'c str> {
    Suggester::new(candidates).suggest(name)
}

/// Did-you-mean over a long list of candidates (the node ids of a course), with bounded work:
/// candidates are lowercased once, those whose length rules them out are skipped, distances
/// are computed only up to the largest one that would count, each distinct name is looked up
/// once, and after [`Suggester::WORK`] distance cells in all, no more suggestions are made
/// (10,000 unknown `requires` among 10,000 ids would otherwise take a minute).
pub(crate) struct Suggester<'c> {
    candidates: Vec<(String, usize, &'c str)>,
    work_left: usize,
    seen: std::collections::HashMap<String, Option<&'c str>>,
}

impl<'c> Suggester<'c> {
    /// Distance cells computed at most, in all: a few hundredths of a second.
    pub const WORK: usize = 20_000_000;

    pub fn new(candidates: &[&'c str]) -> Self {
        Self {
            candidates: candidates
                .iter()
                .map(|c| {
                    let lower = c.to_lowercase();
                    let len = lower.chars().count();
                    (lower, len, *c)
                })
                .collect(),
            work_left: Self::WORK,
            seen: std::collections::HashMap::new(),
        }
    }

    pub fn suggest(&mut self, name: &str) -> Option<&'c str> {
        if let Some(found) = self.seen.get(name) {
            return *found;
        }
        let found = self.search(name);
        self.seen.insert(name.to_owned(), found);
        found
    }

    fn search(&mut self, name: &str) -> Option<&'c str> {
        let text = name.to_lowercase();
        let name: Vec<char> = text.chars().collect();
        let short = name.len();
        let mut best: Option<(usize, &'c str)> = None;
        for (lower, len, original) in &self.candidates {
            // A typo: at most a third of the candidate's length, and less than either length.
            let most = len.div_ceil(3).min(short.min(*len).saturating_sub(1));
            let most = best.map_or(most, |(d, _)| most.min(d.saturating_sub(1)));
            // Every candidate costs a comparison; those close enough in length a distance too.
            let near = short.abs_diff(*len) <= most;
            let cost = short + if near { short * (2 * most + 1) } else { 0 };
            if cost > self.work_left {
                return best.map(|(_, c)| c);
            }
            self.work_left -= cost;
            // One being the start of the other counts as one edit, whatever the lengths.
            let prefix =
                short >= 3 && (lower.starts_with(&text) || text.starts_with(lower.as_str()));
            let distance = if prefix {
                Some(1).filter(|d| *d <= most)
            } else if near {
                bounded_distance(&name, lower, most)
            } else {
                None
            };
            if let Some(d) = distance {
                best = Some((d, original));
            }
        }
        best.map(|(_, c)| c)
    }
}

/// Levenshtein distance in chars between `a` and `b` if it is at most `most`; only the band of
/// cells within `most` of the diagonal is computed.
fn bounded_distance(a: &[char], b: &str, most: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    let far = most + 1;
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j.min(far)).collect();
    for (i, ca) in a.iter().enumerate() {
        let from = (i + 1).saturating_sub(most).max(1);
        let to = (i + 1 + most).min(b.len());
        let mut diagonal = row[from - 1];
        row[from - 1] = if from == 1 { (i + 1).min(far) } else { far };
        let mut row_min = row[from - 1];
        for j in from..=to {
            let above = row[j];
            let cell = (diagonal + usize::from(*ca != b[j - 1]))
                .min(row[j - 1] + 1)
                .min(above + 1)
                .min(far);
            diagonal = above;
            row[j] = cell;
            row_min = row_min.min(cell);
        }
        if to < b.len() {
            row[to + 1] = far;
        }
        if row_min > most {
            return None;
        }
    }
    Some(row[b.len()]).filter(|d| *d <= most)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_only() {
        assert_eq!(closest("titel", &["title", "id", "summary"]), Some("title"));
        assert_eq!(closest("multiple", &["single", "multi"]), Some("multi"));
        assert_eq!(closest("q", &["b", "a"]), None);
        assert_eq!(closest("step", &["steps", "id"]), Some("steps"));
        assert_eq!(closest("zzz", &["title", "id"]), None);
    }

    /// The plain, unbounded Levenshtein distance, to compare with.
    fn edit_distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = (diagonal + usize::from(ca != *cb))
                    .min(row[j] + 1)
                    .min(above + 1);
                diagonal = above;
            }
        }
        row[b.len()]
    }

    #[test]
    fn bounded_distances_agree_with_the_full_computation() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "kitten",
            "sitting",
            "node-00001",
            "node-00001x",
            "noed-00001",
            "ñandú",
            "nandu",
            "layer-caching",
            "layer-cache",
            "xyz",
        ];
        for a in words {
            for b in words {
                let full = edit_distance(a, b);
                let chars: Vec<char> = a.chars().collect();
                for most in 0..6 {
                    let bounded = bounded_distance(&chars, b, most);
                    let expected = (full <= most).then_some(full);
                    assert_eq!(bounded, expected, "{a:?} {b:?} within {most}");
                }
            }
        }
    }

    #[test]
    fn suggestions_stop_when_the_work_is_spent() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("node-{i:05}")).collect();
        let candidates: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut suggester = Suggester::new(&candidates);
        assert_eq!(suggester.suggest("node-00042x"), Some("node-00042"));
        let found = (0..10_000)
            .filter(|i| suggester.suggest(&format!("node-{i:05}x")).is_some())
            .count();
        // Only the first suggestions are worked out; then the budget is spent (bounded work,
        // whatever the number of unknown ids).
        assert!(found > 10 && found < 10_000, "{found}");
    }

    #[test]
    fn type_names_read_like_toml() {
        assert_eq!(type_name("string \"1\""), "a string");
        assert_eq!(type_name("i64"), "an integer");
        assert_eq!(type_name("a boolean"), "a boolean");
        assert_eq!(type_name("a sequence"), "an array");
        assert_eq!(type_name("integer `3`"), "an integer");
    }
}
