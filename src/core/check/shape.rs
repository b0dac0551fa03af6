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
        cx.error(
            file,
            span,
            format!(
                "wrong type: expected {expected}, found {}",
                type_name(found)
            ),
        )
        .with_label(format!("expected {expected}"));
    } else {
        cx.error(file, span, message.to_owned());
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

/// The candidate closest to `name` when it is close enough to be a likely typo.
pub(crate) fn closest<'c>(name: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let name = name.to_lowercase();
    let short = name.chars().count();
    candidates
        .iter()
        .map(|c| {
            let lower = c.to_lowercase();
            let prefix = short >= 3 && (lower.starts_with(&name) || name.starts_with(&lower));
            let distance = if prefix {
                1
            } else {
                edit_distance(&name, &lower)
            };
            (distance, *c)
        })
        .filter(|(d, c)| *d <= c.chars().count().div_ceil(3) && *d < short.min(c.chars().count()))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance in chars.
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

    #[test]
    fn type_names_read_like_toml() {
        assert_eq!(type_name("string \"1\""), "a string");
        assert_eq!(type_name("i64"), "an integer");
        assert_eq!(type_name("a boolean"), "a boolean");
        assert_eq!(type_name("a sequence"), "an array");
        assert_eq!(type_name("integer `3`"), "an integer");
    }
}
