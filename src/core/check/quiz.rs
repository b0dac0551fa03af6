//! Quizzes: the keys each kind needs, correct choices, answer patterns against the sample,
//! order items.

use std::collections::HashMap;
use std::ops::Range;

use super::guess::SingleChoice;
use super::markdown::check_markdown;
use super::regex::{COURSE_REGEX_BUDGET, Compiled};
use super::{Checker, FileCx, clean, head, optional_block, position};
use crate::core::course::{Choice, PATTERN_SIZE_LIMIT, Pattern, Quiz, QuizKind};
use crate::core::raw::{RawChoice, RawQuiz, RawQuizKind, Sp};
use crate::core::sanitize::sanitize;

pub(super) fn quiz(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawQuiz>) -> Option<Quiz> {
    let span = raw.span();
    let question = cx.required(file, &span, "quiz", "question", raw.question.as_ref());
    for value in [&raw.question, &raw.explain].into_iter().flatten() {
        check_markdown(cx, file, value);
    }
    let hints = raw
        .hints
        .iter()
        .flat_map(|h| h.iter())
        .map(clean)
        .filter(|h| !h.is_empty());
    let hints = hints.collect();
    let Some(kind_value) = &raw.kind else {
        if !file.was_removed(span.start, "kind") {
            cx.error(file, head(file, &span), "quiz has no `kind`")
                .with_label("`kind` is required here")
                .with_note("help: add `kind = \"single\"`, `\"multi\"`, `\"text\"` or `\"order\"`");
        }
        return None;
    };
    let kind = **kind_value;
    misplaced_keys(cx, file, raw, kind);
    let kind = match kind {
        RawQuizKind::Single | RawQuizKind::Multi => choices(cx, file, raw, kind),
        RawQuizKind::Text => text(cx, file, raw),
        RawQuizKind::Order => order(cx, file, raw),
    };
    Some(Quiz {
        question: question?,
        kind: kind?,
        hints,
        explain: optional_block(raw.explain.as_ref()),
    })
}

/// Keys that belong to another kind of quiz.
fn misplaced_keys(cx: &mut Checker<'_>, file: &FileCx, raw: &RawQuiz, kind: RawQuizKind) {
    let choice = raw.choice.first().map(Sp::span);
    let keys = [
        (
            "choice",
            choice,
            "`single` and `multi`",
            matches!(kind, RawQuizKind::Single | RawQuizKind::Multi),
        ),
        (
            "answers",
            raw.answers.as_ref().map(Sp::span),
            "`text`",
            kind == RawQuizKind::Text,
        ),
        (
            "sample",
            raw.sample.as_ref().map(Sp::span),
            "`text`",
            kind == RawQuizKind::Text,
        ),
        (
            "case_sensitive",
            raw.case_sensitive.as_ref().map(Sp::span),
            "`text`",
            kind == RawQuizKind::Text,
        ),
        (
            "items",
            raw.items.as_ref().map(Sp::span),
            "`order`",
            kind == RawQuizKind::Order,
        ),
    ];
    for (key, span, kinds, allowed) in keys {
        if let (Some(span), false) = (span, allowed) {
            cx.error(
                file,
                span,
                format!("`{key}` is only used by {kinds} quizzes"),
            )
            .with_label(format!("not used by a `{}` quiz", kind_name(kind)));
        }
    }
}

fn kind_name(kind: RawQuizKind) -> &'static str {
    match kind {
        RawQuizKind::Single => "single",
        RawQuizKind::Multi => "multi",
        RawQuizKind::Text => "text",
        RawQuizKind::Order => "order",
    }
}

fn choices(
    cx: &mut Checker<'_>,
    file: &FileCx,
    raw: &Sp<RawQuiz>,
    kind: RawQuizKind,
) -> Option<QuizKind> {
    let span = raw.span();
    let name = kind_name(kind);
    if raw.choice.len() < 2 {
        if file.was_removed(span.start, "choice") {
            return None;
        }
        cx.error(
            file,
            head(file, &span),
            format!(
                "a `{name}` quiz needs at least 2 choices, found {}",
                raw.choice.len()
            ),
        )
        .with_note("help: add `[[step.quiz.choice]]` tables with `text`, `correct` and `why`");
        return None;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for raw_choice in &raw.choice {
        let Some(choice) = choice(cx, file, raw_choice) else {
            continue;
        };
        let text_span = raw_choice.text.as_ref().map(Sp::span).unwrap_or_default();
        if let Some(first) = seen.get(&choice.text.to_lowercase()) {
            cx.error(
                file,
                text_span.clone(),
                format!("duplicate choice `{}`", choice.text),
            )
            .with_label("same text as an earlier choice")
            .with_note(format!("note: first written at {}", position(file, *first)));
        }
        seen.insert(choice.text.to_lowercase(), text_span.start);
        out.push(choice);
    }
    let correct: Vec<&Sp<RawChoice>> = raw
        .choice
        .iter()
        .filter(|c| c.correct.as_ref().is_some_and(|v| **v))
        .collect();
    if correct.is_empty() {
        cx.error(
            file,
            head(file, &span),
            format!("no choice of this `{name}` quiz is correct"),
        )
        .with_label("no choice has `correct = true`")
        .with_note("help: mark the right choice with `correct = true`");
    } else if kind == RawQuizKind::Single && correct.len() > 1 {
        let second = correct[1]
            .correct
            .as_ref()
            .map(Sp::span)
            .unwrap_or_default();
        cx.error(
            file,
            second,
            format!(
                "a `single` quiz must have exactly one correct choice, found {}",
                correct.len()
            ),
        )
        .with_label("another correct choice")
        .with_note("help: use `kind = \"multi\"` if several choices are right");
    }
    if out.len() < raw.choice.len() || correct.is_empty() {
        return None;
    }
    if kind == RawQuizKind::Single
        && let Some(correct) = out.iter().position(|c| c.correct)
    {
        cx.single_choices.push(SingleChoice {
            at: position(file, span.start),
            lengths: out.iter().map(|c| c.text.chars().count()).collect(),
            correct,
        });
    }
    Some(match kind {
        RawQuizKind::Single => QuizKind::Single { choices: out },
        _ => QuizKind::Multi { choices: out },
    })
}

fn choice(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawChoice>) -> Option<Choice> {
    let text = cx.required(file, &raw.span(), "choice", "text", raw.text.as_ref());
    if let Some(why) = &raw.why {
        check_markdown(cx, file, why);
    }
    Some(Choice {
        text: text?,
        correct: raw.correct.as_ref().is_some_and(|c| **c),
        why: optional_block(raw.why.as_ref()),
    })
}

fn text(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawQuiz>) -> Option<QuizKind> {
    let span = raw.span();
    let sample = cx.required(file, &span, "`text` quiz", "sample", raw.sample.as_ref());
    let case_sensitive = raw.case_sensitive.as_ref().is_some_and(|c| **c);
    let Some(list) = raw.answers.as_ref().filter(|l| !l.is_empty()) else {
        if !file.was_removed(span.start, "answers") {
            let at = raw
                .answers
                .as_ref()
                .map_or_else(|| head(file, &span), Sp::span);
            cx.error(file, at, "`text` quiz has no `answers`")
                .with_note("help: add `answers = [\"regex\", ...]`: any match accepts the learner's answer");
        }
        return None;
    };
    let answers: Vec<Pattern> = list
        .iter()
        .filter_map(|p| compile_pattern(cx, file, p, case_sensitive))
        .collect();
    if answers.len() < list.len() {
        return None;
    }
    let sample = sample?;
    if cx.compile_patterns && !answers.iter().any(|p| p.is_match(&sample)) {
        let at = raw.sample.as_ref().map(Sp::span).unwrap_or_default();
        cx.error(
            file,
            at,
            "no pattern in `answers` accepts the quiz's own `sample`",
        )
        .with_label("this answer would be marked wrong")
        .with_note(format!(
            "note: patterns: {}",
            list.iter()
                .map(|p| format!("`{}`", p.get()))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return None;
    }
    Some(QuizKind::Text {
        answers,
        sample,
        case_sensitive,
    })
}

fn order(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawQuiz>) -> Option<QuizKind> {
    let span = raw.span();
    let Some(list) = &raw.items else {
        if !file.was_removed(span.start, "items") {
            cx.error(file, head(file, &span), "`order` quiz has no `items`")
                .with_note("help: add `items = [\"first\", \"second\", ...]` in the correct order");
        }
        return None;
    };
    if list.len() < 2 {
        cx.error(
            file,
            list.span(),
            format!(
                "an `order` quiz needs at least 2 items, found {}",
                list.len()
            ),
        )
        .with_label("nothing to put in order");
        return None;
    }
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    let mut items = Vec::new();
    for item in list.iter() {
        let text = clean(item);
        if text.is_empty() {
            cx.error(file, item.span(), "empty `order` item");
        } else if let Some(first) = seen.get(&text) {
            cx.error(file, item.span(), format!("duplicate item `{text}`"))
                .with_label("the correct order would be ambiguous")
                .with_note(format!(
                    "note: first written at {}",
                    position(file, first.start)
                ));
        } else {
            seen.insert(text.clone(), item.span());
        }
        items.push(text);
    }
    (seen.len() == list.len()).then_some(QuizKind::Order { items })
}

/// Compiles an author's regex within the limits (or, when the checker defers compiling, only
/// parses it and checks its estimated size), reporting what is wrong with it at its span.
pub(super) fn compile_pattern(
    cx: &mut Checker<'_>,
    file: &FileCx,
    raw: &Sp<String>,
    case_sensitive: bool,
) -> Option<Pattern> {
    let text = raw.get();
    let compile = cx.compile_patterns;
    match super::regex::compile(&mut cx.regex_budget, text, !case_sensitive, compile) {
        Compiled::Ok(pattern) => Some(pattern.with_source(sanitize(text).into_owned())),
        Compiled::Invalid(detail) => {
            let detail = detail
                .lines()
                .rfind(|l| l.starts_with("error:"))
                .unwrap_or(detail.as_str());
            let detail = detail.trim_start_matches("error: ").to_owned();
            cx.error(file, raw.span(), format!("invalid regex: {detail}"))
                .with_label("does not compile")
                .with_note("note: patterns use Rust `regex` syntax: https://docs.rs/regex/#syntax");
            None
        }
        Compiled::TooLarge { estimate } => {
            cx.error(
                file,
                raw.span(),
                format!(
                    "regex too large: it would compile to {}, over the {} one pattern may use",
                    mib(estimate),
                    mib(PATTERN_SIZE_LIMIT)
                ),
            )
            .with_label("too large")
            .with_note("help: repeat less: `\\w{200}` is 200 copies of a class of thousands of characters; an ASCII class such as `[a-zA-Z0-9_]` is far smaller than `\\w`");
            None
        }
        Compiled::OverBudget { used } => {
            cx.error(
                file,
                raw.span(),
                format!(
                    "the course's regexes need more than the {} they may use together",
                    mib(COURSE_REGEX_BUDGET)
                ),
            )
            .with_label("this pattern goes over the budget")
            .with_note(format!(
                "note: the patterns before this one take {}; later ones were not compiled",
                mib(used)
            ))
            .with_note("help: use fewer or smaller patterns, e.g. one pattern with alternatives instead of many");
            None
        }
        Compiled::Skipped => None,
    }
}

/// `1.5 MiB`.
#[allow(clippy::cast_precision_loss)] // sizes far below 2^52
fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}
