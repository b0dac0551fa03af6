//! Markdown kept in files of its own: `body_file = "intro.md"` instead of `body = """…"""`, and
//! the same for `sys_msg`, `question`, `explain`, a glossary `definition`, an FAQ `answer`, a
//! task's `goal` and the `[finish]` note.
//!
//! The loader reads every such file once, after the TOML file naming it is parsed (paths are
//! relative to that TOML file and must stay inside the course directory), and keeps it as a
//! [`FileCx`] of its own: a diagnostic about the markdown (a code fence in an unknown language,
//! a fence never closed) then points at the `.md` file's own line, not at the TOML key.
//! Exactly one of `key` and `key_file` may be given.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::markdown::check_markdown;
use super::{Checker, FileCx, clean, clean_block, head};
use crate::core::raw::{RawCourse, RawNode, RawStep, Sp};

/// The markdown files of a course, by the TOML value naming them: `(display path of the TOML
/// file, start of the value's span)`. `None` for a file that could not be read (reported
/// where it is named).
pub(crate) type MdFiles = HashMap<(String, usize), Option<Rc<FileCx>>>;

/// Every `*_file` value of a course file (its glossary, FAQ, finish note and inline nodes).
pub(crate) fn course_refs(raw: &RawCourse) -> Vec<&Sp<String>> {
    let mut refs: Vec<&Sp<String>> = Vec::new();
    refs.extend(
        raw.glossary
            .iter()
            .filter_map(|g| g.definition_file.as_ref()),
    );
    refs.extend(raw.faq.iter().filter_map(|f| f.answer_file.as_ref()));
    refs.extend(raw.finish.iter().filter_map(|f| f.note_file.as_ref()));
    for node in &raw.node {
        refs.extend(node_refs(node));
    }
    refs
}

/// Every `*_file` value of a node.
pub(crate) fn node_refs(raw: &RawNode) -> Vec<&Sp<String>> {
    raw.step.iter().flat_map(|s| step_refs(s)).collect()
}

fn step_refs(step: &RawStep) -> Vec<&Sp<String>> {
    let mut refs: Vec<&Sp<String>> = [&step.sys_msg_file, &step.body_file]
        .into_iter()
        .flatten()
        .collect();
    if let Some(quiz) = &step.quiz {
        refs.extend(
            [&quiz.question_file, &quiz.explain_file]
                .into_iter()
                .flatten(),
        );
    }
    if let Some(task) = &step.task {
        refs.extend(task.goal_file.iter());
    }
    refs
}

/// Why a markdown path cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathProblem {
    Empty,
    Backslash,
    Absolute,
    Outside,
}

/// The course-relative path of `path`, written relative to the TOML file `from` (itself
/// course-relative): `.` and `..` resolved, and never above the course directory.
pub(crate) fn resolve(from: &str, path: &str) -> Result<String, PathProblem> {
    if path.contains('\\') {
        return Err(PathProblem::Backslash);
    }
    if path.starts_with('/') || path.contains(':') {
        return Err(PathProblem::Absolute);
    }
    let mut parts: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    parts.pop();
    let mut named = false;
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or(PathProblem::Outside)?;
            }
            part => {
                parts.push(part);
                named = true;
            }
        }
    }
    if !named || parts.is_empty() {
        return Err(PathProblem::Empty);
    }
    Ok(parts.join("/"))
}

/// What to say about a path that cannot be used, and a help line.
pub(crate) fn path_message(problem: PathProblem, path: &str) -> (String, String) {
    match problem {
        PathProblem::Empty => (
            "empty markdown file path".to_owned(),
            "help: name a file, like `intro.md` (relative to this TOML file)".to_owned(),
        ),
        PathProblem::Backslash => (
            format!("markdown file path `{path}` uses `\\`"),
            format!(
                "help: paths use `/` on every system: write `{}`",
                path.replace('\\', "/")
            ),
        ),
        PathProblem::Absolute => (
            format!("markdown file path `{path}` is absolute"),
            "help: write the path relative to this TOML file, like `steps/intro.md`".to_owned(),
        ),
        PathProblem::Outside => (
            format!("markdown file `{path}` is outside the course directory"),
            "help: keep markdown files inside the course directory; paths are relative to this TOML file".to_owned(),
        ),
    }
}

/// Where a markdown field's text is: in the TOML file, or in a file of its own.
pub(super) enum Markdown<'a> {
    Inline(&'a FileCx, &'a Sp<String>),
    File(Rc<FileCx>, Sp<String>),
}

impl Markdown<'_> {
    pub fn file(&self) -> &FileCx {
        match self {
            Self::Inline(file, _) => file,
            Self::File(file, _) => file,
        }
    }

    pub fn value(&self) -> &Sp<String> {
        match self {
            Self::Inline(_, value) => value,
            Self::File(_, value) => value,
        }
    }
}

/// A markdown field as its two keys give it.
pub(super) struct Field<'a> {
    /// e.g. ``step `intro` ``, for messages.
    pub owner: &'a str,
    /// e.g. `body`; the file key is `body_file`.
    pub key: &'a str,
    /// Keep the first line's indentation (block text) rather than trimming it.
    pub block: bool,
    pub inline: Option<&'a Sp<String>>,
    pub from_file: Option<&'a Sp<String>>,
}

/// Where the field's text is; reports both keys given (the inline text is used then).
/// `Err(())` when its file could not be read (already reported where it is named).
fn locate<'a>(
    cx: &mut Checker<'_>,
    file: &'a FileCx,
    field: &Field<'a>,
) -> Result<Option<Markdown<'a>>, ()> {
    let Some(path) = field.from_file else {
        return Ok(field.inline.map(|value| Markdown::Inline(file, value)));
    };
    if let Some(value) = field.inline {
        let (owner, key) = (field.owner, field.key);
        cx.error(
            file,
            path.span(),
            format!("{owner} has both `{key}` and `{key}_file`"),
        )
        .with_label("give only one of the two")
        .with_note(format!(
            "help: `{key}` holds the markdown itself, `{key}_file` names a file holding it"
        ));
        return Ok(Some(Markdown::Inline(file, value)));
    }
    match cx.md.get(&(file.path.clone(), path.span().start)) {
        Some(Some(md)) => {
            let text = md.text.to_string();
            let value = Sp::new(0..text.len(), text);
            Ok(Some(Markdown::File(Rc::clone(md), value)))
        }
        _ => Err(()),
    }
}

/// An optional markdown field (`sys_msg`, `body`, `explain`): its fences checked, its text as
/// shown (`None` when absent, blank or unreadable).
pub(super) fn optional(cx: &mut Checker<'_>, file: &FileCx, field: &Field<'_>) -> Option<String> {
    let md = locate(cx, file, field).ok()??;
    check_markdown(cx, md.file(), md.value());
    let text = clean_block(md.value());
    if text.is_empty()
        && let (Markdown::File(..), Some(path)) = (&md, field.from_file)
    {
        cx.warning(file, path.span(), format!("`{}` is empty", path.get()))
            .with_label(format!("the {} shows nothing", field.key));
    }
    (!text.is_empty()).then_some(text)
}

/// A required markdown field (`question`, `definition`, `answer`, `goal`, `note`), trimmed:
/// reported missing (at the table `table`) or empty.
pub(super) fn required(
    cx: &mut Checker<'_>,
    file: &FileCx,
    table: &Range<usize>,
    field: &Field<'_>,
) -> Option<String> {
    let (owner, key) = (field.owner, field.key);
    let Ok(md) = locate(cx, file, field) else {
        return None;
    };
    let Some(md) = md else {
        let removed = |k: &str| file.was_removed(table.start, k);
        if !removed(key) && !removed(&format!("{key}_file")) {
            cx.error(file, head(file, table), format!("{owner} has no `{key}`"))
                .with_label(format!("`{key}` is required here"))
                .with_note(format!(
                    "help: write `{key} = \"…\"`, or `{key}_file = \"….md\"` to keep it in a markdown file"
                ));
        }
        return None;
    };
    check_markdown(cx, md.file(), md.value());
    let text = if field.block {
        clean_block(md.value())
    } else {
        clean(md.value())
    };
    if text.is_empty() {
        match (&md, field.from_file) {
            (Markdown::File(..), Some(path)) => {
                cx.error(file, path.span(), format!("`{}` is empty", path.get()))
                    .with_label("this file has no text");
            }
            _ => {
                cx.error(
                    file,
                    md.value().span(),
                    format!("{owner} has an empty `{key}`"),
                )
                .with_label("write some text here");
            }
        }
        return None;
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_toml_file_and_stay_inside() {
        assert_eq!(resolve("course.toml", "intro.md"), Ok("intro.md".into()));
        assert_eq!(
            resolve("nodes/a.toml", "steps/intro.md"),
            Ok("nodes/steps/intro.md".into())
        );
        assert_eq!(
            resolve("nodes/a.toml", "../md/./x.md"),
            Ok("md/x.md".into())
        );
        assert_eq!(resolve("course.toml", "../x.md"), Err(PathProblem::Outside));
        assert_eq!(
            resolve("nodes/a.toml", "../../x.md"),
            Err(PathProblem::Outside)
        );
        assert_eq!(
            resolve("course.toml", "a\\b.md"),
            Err(PathProblem::Backslash)
        );
        assert_eq!(resolve("course.toml", "/etc/x"), Err(PathProblem::Absolute));
        assert_eq!(resolve("course.toml", "C:x.md"), Err(PathProblem::Absolute));
        assert_eq!(resolve("course.toml", "./"), Err(PathProblem::Empty));
        assert_eq!(resolve("nodes/a.toml", ".."), Err(PathProblem::Empty));
        assert_eq!(resolve("nodes/a.toml", "../.."), Err(PathProblem::Outside));
    }
}
