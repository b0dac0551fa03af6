//! TOML text → raw structs, reporting every syntax and shape error of a file, not just the first.
//!
//! serde stops at the first unknown or mistyped key, so deserialization is retried: after each
//! error the offending entry is removed from the parsed document and the next attempt finds the
//! next problem. The removed keys are remembered so that `check` does not also call them missing.

use std::collections::HashSet;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Checker, FileCx};
use crate::core::course::COURSE_FORMAT;
use crate::core::raw::Sp;

/// At most this many shape errors are reported per file; the rest would be noise.
const MAX_ERRORS_PER_FILE: usize = 100;

/// Parses and deserializes `file` into `T`, reporting problems. `None` when nothing usable came
/// out (syntax errors, an unsupported format, a shape error outside any removable entry).
pub(crate) fn parse<T: DeserializeOwned>(
    cx: &mut Checker<'_>,
    file: &mut FileCx,
    is_course: bool,
) -> Option<Sp<T>> {
    let text = file.text.clone();
    let (doc, syntax_errors) = DeTable::parse_recoverable(&text);
    if is_course && !format_supported(cx, file, doc.get_ref()) {
        return None;
    }
    if !syntax_errors.is_empty() {
        let first = syntax_errors
            .iter()
            .filter_map(toml::de::Error::span)
            .map(|s| s.start)
            .min()
            .unwrap_or(text.len());
        super::strings::report(cx, file, first);
        for err in syntax_errors {
            let span = err.span().filter(|s| !s.is_empty() || s.start > 0);
            if err.message().trim() == "recursion limit" {
                // The parser gives no position for a dotted key that is too deep.
                let at = span
                    .or_else(|| deep_key(&text, KEY_DEPTH + 1))
                    .or_else(|| deep_key(&text, KEY_DEPTH))
                    .unwrap_or(0..0);
                cx.error(
                    file,
                    at,
                    format!("TOML syntax: keys nested too deeply (at most {KEY_DEPTH} parts)"),
                )
                .with_label("too many dotted parts");
                continue;
            }
            cx.error(file, span.unwrap_or(0..0), syntax_message(err.message()));
        }
        salvage(file, doc.get_ref());
        return None;
    }
    // The common case, a file without shape errors, costs one parse and no copy.
    let first_error = match deserialize::<T>(doc) {
        Ok(value) => return Some(value),
        Err(err) => err,
    };
    let (mut doc, _) = DeTable::parse_recoverable(&text);
    let mut err = first_error;
    for _ in 0..MAX_ERRORS_PER_FILE {
        let Some(span) = err.span() else {
            cx.error(file, 0..0, format!("TOML: {}", err.message().trim_end()));
            break;
        };
        let root_span = doc.span();
        let root_start = root_span.start;
        let removed = remove_entry(doc.get_mut(), root_span, &span, &mut file.removed);
        if !is_course && file.removed.contains(&(root_start, "node".to_owned())) {
            // `[[node.step]]` in a node file: its steps were there, under the wrong name.
            file.removed.insert((root_start, "step".to_owned()));
        }
        super::shape::report_shape_error(cx, file, span, err.message());
        if !removed {
            break;
        }
        err = match deserialize::<T>(doc.clone()) {
            Ok(value) => return Some(value),
            Err(err) => err,
        };
    }
    salvage(file, doc.get_ref());
    None
}

fn deserialize<T: DeserializeOwned>(doc: Spanned<DeTable<'_>>) -> Result<Sp<T>, toml::de::Error> {
    <Sp<T> as serde::Deserialize>::deserialize(toml::de::Deserializer::from(doc))
}

/// Keeps what other files' checks need from a file that could not be read in full.
fn salvage(file: &mut FileCx, doc: &DeTable<'_>) {
    file.salvaged_node_files = salvage_node_files(doc);
    file.salvaged_id = salvage_string(doc, "id");
}

/// Reports a `format` newer than this build (or otherwise impossible) and returns false then.
fn format_supported(cx: &mut Checker<'_>, file: &FileCx, doc: &DeTable<'_>) -> bool {
    let Some(value) = doc.get("format") else {
        return true;
    };
    let Some(Ok(format)) = value
        .get_ref()
        .as_integer()
        .map(|i| i.as_str().parse::<i64>())
    else {
        return true;
    };
    if format > i64::from(COURSE_FORMAT) {
        cx.error(
            file,
            value.span(),
            format!("this course uses format {format}, but this termcourse reads format {COURSE_FORMAT} at most"),
        )
        .with_label("newer than this build supports")
        .with_note(format!("note: this is termcourse {}", env!("CARGO_PKG_VERSION")))
        .with_note("help: install a newer termcourse as its README says: in your termcourse checkout, `git pull`, then `cargo install --path .`");
        return false;
    }
    true
}

/// Parts of a dotted key (`a.b.c` has 3) the TOML parser accepts, plus one.
const KEY_DEPTH: usize = 80;

/// The first key (of a `key = value` line or a `[table]` header) with `depth` parts or more.
/// Lines inside multi-line strings are skipped.
fn deep_key(text: &str, depth: usize) -> Option<Range<usize>> {
    let mut offset = 0;
    let mut in_multiline: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        for quote in ["\"\"\"", "\'\'\'"] {
            let toggles = line.matches(quote).count() % 2 == 1;
            match in_multiline {
                Some(open) if open == quote && toggles => in_multiline = None,
                None if toggles => in_multiline = Some(quote),
                _ => {}
            }
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let key = trimmed.trim_start_matches('[');
        let skipped = indent + (trimmed.len() - key.len());
        let (parts, len) = key_parts(key);
        if parts >= depth && in_multiline.is_none() {
            let begin = start + skipped;
            return Some(begin..begin + len);
        }
    }
    None
}

/// The number of dot-separated parts of the key at the start of `line` and its length in
/// bytes (up to `=` or `]` outside quotes).
fn key_parts(line: &str) -> (usize, usize) {
    let mut parts = 1;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '.' => parts += 1,
                '=' | ']' | '\n' | '#' => return (parts, line[..i].trim_end().len()),
                _ => {}
            },
        }
    }
    (parts, line.trim_end().len())
}

fn syntax_message(message: &str) -> String {
    let message = message.trim_end_matches('\n');
    format!("TOML syntax: {message}")
}

/// The node file list of a course file with syntax errors, so the node files can still be
/// checked.
fn salvage_node_files(doc: &DeTable<'_>) -> Vec<(String, Range<usize>)> {
    let Some(DeValue::Array(files)) = doc.get("nodes").map(Spanned::get_ref) else {
        return Vec::new();
    };
    files
        .iter()
        .filter_map(|v| Some((v.get_ref().as_str()?.to_owned(), v.span())))
        .collect()
}

fn salvage_string(doc: &DeTable<'_>, key: &str) -> Option<String> {
    doc.get(key)?.get_ref().as_str().map(str::to_owned)
}

/// Removes the innermost table entry holding `err` (its key or its value). Records the entry as
/// `(span start of its table, key)` in `removed`. Returns false when no entry holds `err`.
///
/// Every child is searched, not just those whose span contains `err`: a table written with a
/// `[header]` has a span that does not cover its keys.
fn remove_entry(
    table: &mut DeTable<'_>,
    table_span: Range<usize>,
    err: &Range<usize>,
    removed: &mut HashSet<(usize, String)>,
) -> bool {
    for (_, value) in table.iter_mut() {
        let span = value.span();
        if remove_within(value.get_mut(), span, err, removed) {
            return true;
        }
    }
    let found = table
        .iter()
        .find(|(key, value)| contains(&key.span(), err) || contains(&value.span(), err))
        .map(|(key, _)| key.get_ref().to_string());
    let Some(key) = found else {
        return false;
    };
    table.remove(key.as_str());
    removed.insert((table_span.start, key));
    true
}

fn remove_within(
    value: &mut DeValue<'_>,
    span: Range<usize>,
    err: &Range<usize>,
    removed: &mut HashSet<(usize, String)>,
) -> bool {
    match value {
        DeValue::Table(table) => remove_entry(table, span, err, removed),
        DeValue::Array(items) => items.iter_mut().any(|item| {
            let item_span = item.span();
            remove_within(item.get_mut(), item_span, err, removed)
        }),
        _ => false,
    }
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}
