//! The course file's own keys: format, id, titles, ticker, matrix, glossary, FAQ and finish; and the
//! assembly of the final [`Course`].

use std::collections::HashMap;

use super::graph::check_id;
use super::markdown::check_markdown;
use super::{Checker, CourseInput, FileCx, NodeInput, clean, clean_block, head};
use crate::core::course::{
    COURSE_FORMAT, Course, CourseId, FaqEntry, Finish, GlossaryEntry, MatrixInfo,
};
use crate::core::raw::{RawCourse, RawFaqEntry, RawFinish, RawGlossaryEntry, RawMatrix, Sp};

/// The matrix title when a course has no `[matrix]` table.
const DEFAULT_MATRIX_TITLE: &str = "Skill Matrix";

pub(crate) fn course(
    cx: &mut Checker<'_>,
    input: &CourseInput<'_>,
    nodes: &[NodeInput<'_>],
) -> Option<Course> {
    let nodes = super::graph::nodes(cx, nodes);
    let file = input.file;
    let raw = input.raw.as_ref()?;
    let root = raw.span();
    check_format(cx, file, raw);
    let id = cx.required(file, &root, "the course", "id", raw.id.as_ref());
    let id = id.and_then(|_| check_id(cx, file, raw.id.as_ref()?, "course"));
    let title = cx.required(file, &root, "the course", "title", raw.title.as_ref());
    let tagline = raw.tagline.as_ref().map(clean).unwrap_or_default();
    let ticker = ticker(cx, file, raw);
    let matrix = raw
        .matrix
        .as_ref()
        .map_or_else(default_matrix, |m| matrix(cx, file, m));
    let glossary = glossary(cx, file, &raw.glossary);
    let faq = raw
        .faq
        .iter()
        .filter_map(|e| faq_entry(cx, file, e))
        .collect();
    let finish = raw.finish.as_ref().and_then(|f| finish(cx, file, f));
    let no_files = raw.nodes.as_ref().is_none_or(|l| l.is_empty());
    if nodes.is_empty() && no_files && raw.node.is_empty() && !file.was_removed(root.start, "node")
    {
        cx.error(file, head(file, &root), "the course has no nodes")
            .with_note("help: add `[[node]]` tables, or list node files in `nodes = [\"nodes/intro.toml\"]`");
    }
    Some(Course {
        id: CourseId::new(id?),
        title: title?,
        tagline,
        ticker,
        matrix,
        glossary,
        faq,
        nodes,
        finish,
    })
}

fn finish(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawFinish>) -> Option<Finish> {
    let note = cx.required(file, &raw.span(), "`[finish]`", "note", raw.note.as_ref());
    if let Some(value) = &raw.note {
        check_markdown(cx, file, value);
    }
    let title = raw.title.as_ref().map(clean).filter(|t| !t.is_empty());
    Some(Finish {
        title,
        note: raw
            .note
            .as_ref()
            .map(clean_block)
            .filter(|_| note.is_some())?,
    })
}

fn check_format(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawCourse>) {
    match &raw.format {
        None if !file.was_removed(raw.span().start, "format") => {
            cx.error(file, 0..0, "the course has no `format`")
                .with_label("expected `format = 1` here")
                .with_note(format!(
                    "help: start course.toml with `format = {COURSE_FORMAT}`"
                ));
        }
        Some(format) if **format < 1 => {
            cx.error(
                file,
                format.span(),
                format!("unknown course format {}", **format),
            )
            .with_label(format!("the only format is {COURSE_FORMAT}"));
        }
        _ => {}
    }
}

fn ticker(cx: &mut Checker<'_>, file: &FileCx, raw: &RawCourse) -> Vec<String> {
    let Some(tags) = &raw.ticker else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for tag in tags.iter() {
        let text = clean(tag);
        if text.is_empty() {
            cx.warning(file, tag.span(), "empty ticker tag")
                .with_label("this tag shows as nothing");
        } else {
            out.push(text);
        }
    }
    out
}

fn default_matrix() -> MatrixInfo {
    MatrixInfo {
        title: DEFAULT_MATRIX_TITLE.to_owned(),
        motto: String::new(),
    }
}

fn matrix(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawMatrix>) -> MatrixInfo {
    let title = cx.required(file, &raw.span(), "`[matrix]`", "title", raw.title.as_ref());
    MatrixInfo {
        title: title.unwrap_or_else(|| DEFAULT_MATRIX_TITLE.to_owned()),
        motto: raw.motto.as_ref().map(clean).unwrap_or_default(),
    }
}

fn glossary(
    cx: &mut Checker<'_>,
    file: &FileCx,
    entries: &[Sp<RawGlossaryEntry>],
) -> Vec<GlossaryEntry> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for entry in entries {
        let span = entry.span();
        let term = cx.required(file, &span, "glossary entry", "term", entry.term.as_ref());
        let owner = term.as_deref().map_or_else(
            || "glossary entry".to_owned(),
            |t| format!("glossary entry `{t}`"),
        );
        let definition = cx.required(file, &span, &owner, "definition", entry.definition.as_ref());
        if let Some(value) = &entry.definition {
            check_markdown(cx, file, value);
        }
        let (Some(term), Some(definition)) = (term, definition) else {
            continue;
        };
        if let (Some(first), Some(value)) = (seen.get(&term.to_lowercase()), &entry.term) {
            let first_pos = super::position(file, *first);
            cx.error(
                file,
                value.span(),
                format!("glossary term `{term}` is defined twice"),
            )
            .with_label("second definition")
            .with_note(format!("note: first defined at {first_pos}"));
            continue;
        }
        if let Some(value) = &entry.term {
            seen.insert(term.to_lowercase(), value.span().start);
        }
        out.push(GlossaryEntry {
            term,
            tag: entry.tag.as_ref().map(clean).unwrap_or_default(),
            definition,
        });
    }
    out
}

fn faq_entry(cx: &mut Checker<'_>, file: &FileCx, entry: &Sp<RawFaqEntry>) -> Option<FaqEntry> {
    let span = entry.span();
    let question = cx.required(
        file,
        &span,
        "FAQ entry",
        "question",
        entry.question.as_ref(),
    );
    let answer = cx.required(file, &span, "FAQ entry", "answer", entry.answer.as_ref());
    if let Some(value) = &entry.answer {
        check_markdown(cx, file, value);
    }
    Some(FaqEntry {
        question: question?,
        answer: answer?,
    })
}
