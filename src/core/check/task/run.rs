//! Command checks (`run`): the command text, `needs`, `exit`, `output`, `timeout`; and the keys
//! that belong to one kind of check only.

use std::time::Duration;

use super::is_bidi;
use crate::core::check::quiz::compile_pattern;
use crate::core::check::{Checker, FileCx};
use crate::core::course::{DEFAULT_TIMEOUT_SECS, MAX_TIMEOUT_SECS, RunCheck};
use crate::core::raw::{RawCheck, Sp};

/// Reports keys that the check's kind does not use.
pub(super) fn misplaced_keys(cx: &mut Checker<'_>, file: &FileCx, raw: &RawCheck, kind: &str) {
    let is_run = kind == "run";
    let run_only = [
        ("needs", raw.needs.as_ref().map(Sp::span)),
        ("ready", raw.ready.as_ref().map(Sp::span)),
        ("exit", raw.exit.as_ref().map(Sp::span)),
        ("output", raw.output.as_ref().map(Sp::span)),
        ("timeout", raw.timeout.as_ref().map(Sp::span)),
    ];
    for (key, span) in run_only {
        if let (Some(span), false) = (span, is_run) {
            cx.error(file, span, format!("`{key}` is only used by `run` checks"))
                .with_label(format!("not used by a `{kind}` check"));
        }
    }
    if let Some(logical) = &raw.logical {
        if is_run {
            cx.error(
                file,
                logical.span(),
                "`logical` is only used by file checks",
            )
            .with_label("a `run` check reads no file")
            .with_note("help: match the command's output with `output = 'regex'`");
        } else if kind == "exists" {
            cx.warning(
                file,
                logical.span(),
                "`logical` has no effect on an `exists` check",
            )
            .with_label("ignored");
        }
    }
}

pub(super) fn run_check(cx: &mut Checker<'_>, file: &FileCx, raw: &RawCheck) -> Option<RunCheck> {
    let value = raw.run.as_ref()?;
    let command = script(cx, file, "run", value, value.span(), "");
    let needs = needs(cx, file, raw);
    let ready = raw.ready.as_ref().map_or(Some(Vec::new()), |probes| {
        // The span covers the whole list: the label says which probe.
        let count = probes.0.len();
        let checked: Vec<Option<String>> = probes
            .0
            .iter()
            .enumerate()
            .map(|(i, probe)| {
                let which = if count > 1 {
                    format!("probe {} of {count}: ", i + 1)
                } else {
                    String::new()
                };
                script(cx, file, "ready", probe, probes.span(), &which)
            })
            .collect();
        checked.into_iter().collect()
    });
    let exit = match &raw.exit {
        None => Some(0),
        Some(exit) => {
            let code = i32::try_from(**exit).ok().filter(|c| (0..=255).contains(c));
            if code.is_none() {
                cx.error(
                    file,
                    exit.span(),
                    format!("`exit` {} is not an exit status", **exit),
                )
                .with_label("expected 0 to 255");
            }
            code
        }
    };
    let output = match &raw.output {
        None => Some(None),
        Some(pattern) => compile_pattern(cx, file, pattern, true).map(Some),
    };
    let timeout = match &raw.timeout {
        None => Some(DEFAULT_TIMEOUT_SECS),
        Some(secs) => {
            let valid = u64::try_from(**secs)
                .ok()
                .filter(|s| (1..=MAX_TIMEOUT_SECS).contains(s));
            if valid.is_none() {
                cx.error(
                    file,
                    secs.span(),
                    format!("`timeout` of {} seconds is out of range", **secs),
                )
                .with_label(format!("expected 1 to {MAX_TIMEOUT_SECS} seconds"));
            }
            valid
        }
    };
    Some(RunCheck {
        command: command?,
        needs: needs?,
        ready: ready?,
        exit: exit?,
        output: output?,
        timeout: Duration::from_secs(timeout?),
    })
}

/// A `run` command or `ready` probe (`key`), trimmed; it must display exactly as it runs (in
/// the bash pane, the trust prompt), so it may hold no control character other than tab and
/// newline.
fn script(
    cx: &mut Checker<'_>,
    file: &FileCx,
    key: &str,
    value: &str,
    span: std::ops::Range<usize>,
    which: &str,
) -> Option<String> {
    let command = value.trim();
    if command.is_empty() {
        cx.error(file, span, format!("`{key}` is empty"))
            .with_label(format!("{which}no command to run"));
        return None;
    }
    if let Some(bad) = command
        .chars()
        .find(|c| (c.is_control() && !matches!(c, '\t' | '\n')) || is_bidi(*c))
    {
        cx.error(
            file,
            span,
            format!("`{key}` has a control character (U+{:04X})", u32::from(bad)),
        )
        .with_label(format!("{which}the learner must see exactly what runs"))
        .with_note(
            "help: commands may span lines, but hold no other control characters or bidi overrides",
        );
        return None;
    }
    Some(command.to_owned())
}

/// Program names from `needs`: plain names looked up on PATH.
fn needs(cx: &mut Checker<'_>, file: &FileCx, raw: &RawCheck) -> Option<Vec<String>> {
    let Some(value) = &raw.needs else {
        return Some(Vec::new());
    };
    let mut names = Vec::new();
    let mut ok = true;
    for name in &value.0 {
        let name = name.trim();
        let plain = !name.is_empty()
            && name.len() <= 255
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '+'));
        if plain {
            names.push(name.to_owned());
            continue;
        }
        ok = false;
        cx.error(
            file,
            value.span(),
            format!(
                "`needs` names `{}`, which is not a program name",
                crate::core::sanitize::sanitize(name)
            ),
        )
        .with_label("a program looked up on PATH")
        .with_note("help: name programs without a path or arguments, like `needs = [\"docker\", \"curl\"]`");
    }
    ok.then_some(names)
}
