//! `termcourse check`: reports every mistake in one or more courses, rustc-style or as JSON.

use std::fmt::Write as _;
use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::core::course::Course;
use crate::core::diagnostic::{DEFAULT_MAX_PER_KIND, Diagnostic, Report, Severity, summary};
use crate::core::load::{LoadOptions, load_with_warnings};
use crate::core::sanitize::sanitize;
use crate::edge::fs_source::{FsSource, open_error_report};

/// Check courses for mistakes, reporting all of them in one run.
///
/// Each problem is shown as `file:line:col: error|warning: message` with the source line
/// underlined, followed by a summary line. At most `--max-per-kind` problems of one kind are
/// shown (the rest are counted: "and 9,990 more errors like this"); the summary and the exit
/// status count them all.
///
/// Exit status: 0 when there are no errors, 1 when there are (or, with `--deny-warnings`, any
/// warning), 2 on bad usage, including a PATH that does not exist or is not a course.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Course directories, or their `course.toml` files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Output format: `human` (rustc-style) or `json` (one object, for tools).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour human output. `auto`: when stdout is a terminal and `NO_COLOR` is unset.
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,
    /// Show at most N problems of each kind (the same message about different things); 0
    /// shows all that were kept (1,000 of a kind). Applies to both formats.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_PER_KIND)]
    pub max_per_kind: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// The outcome for one PATH.
struct Checked {
    path: PathBuf,
    /// The path could not be opened as a course (a usage error).
    unusable: bool,
    course: Option<Course>,
    report: Report,
}

#[allow(clippy::needless_pass_by_value)] // every subcommand's `run` takes its `Args`
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = LoadOptions {
        known_language: &crate::view::highlight::has_syntax,
        unseen: &crate::view::fit::unseen,
    };
    let checked: Vec<Checked> = args.paths.iter().map(|p| check_path(p, &opts)).collect();
    let errors: usize = checked.iter().map(|c| c.report.errors()).sum();
    let warnings: usize = checked.iter().map(|c| c.report.warnings()).sum();
    let text = match args.format {
        Format::Human => human(&checked, use_color(args.color), args.max_per_kind),
        Format::Json => json(&checked, errors, warnings, args.max_per_kind)?,
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(if checked.iter().any(|c| c.unusable) {
        ExitCode::from(2)
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn check_path(path: &Path, opts: &LoadOptions) -> Checked {
    match FsSource::new(path) {
        Ok(source) => {
            let (course, report) = load_with_warnings(&source, opts);
            Checked {
                path: path.to_owned(),
                unusable: false,
                course,
                report,
            }
        }
        Err(err) => Checked {
            path: path.to_owned(),
            unusable: true,
            course: None,
            report: open_error_report(path, &err),
        },
    }
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

fn human(checked: &[Checked], color: bool, max_per_kind: usize) -> String {
    let mut out = String::new();
    for c in checked {
        out.push_str(&c.report.render_diagnostics(color, max_per_kind));
        if let Some(course) = &c.course {
            let s = stats(course);
            let tasks = if s.tasks > 0 {
                format!(", {}", count(s.tasks, "task", "tasks"))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{}: \"{}\": {}, {}, {}{tasks}",
                sanitize(&c.path.display().to_string()),
                course.title,
                count(s.nodes, "node", "nodes"),
                count(s.steps, "step", "steps"),
                count(s.quizzes, "quiz", "quizzes"),
            );
        }
    }
    let errors = checked.iter().map(|c| c.report.errors()).sum();
    let warnings = checked.iter().map(|c| c.report.warnings()).sum();
    out.push_str(&summary(errors, warnings));
    out.push('\n');
    out
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[derive(Serialize)]
struct Stats {
    id: String,
    title: String,
    nodes: usize,
    steps: usize,
    quizzes: usize,
    tasks: usize,
}

fn stats(course: &Course) -> Stats {
    let steps = course.nodes.iter().flat_map(|n| &n.steps);
    Stats {
        id: course.id.to_string(),
        title: course.title.clone(),
        nodes: course.nodes.len(),
        steps: steps.clone().count(),
        quizzes: steps.clone().filter(|s| s.quiz.is_some()).count(),
        tasks: steps.filter(|s| s.task.is_some()).count(),
    }
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    courses: Vec<JsonCourse<'a>>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonCourse<'a> {
    path: String,
    ok: bool,
    course: Option<Stats>,
    diagnostics: Vec<&'a Diagnostic>,
    /// Diagnostics left out by `--max-per-kind`, per kind.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    omitted: Vec<Omitted>,
}

/// `count` more diagnostics like the listed one with message `like`.
#[derive(Serialize)]
struct Omitted {
    severity: Severity,
    like: String,
    count: usize,
}

fn json(
    checked: &[Checked],
    errors: usize,
    warnings: usize,
    max_per_kind: usize,
) -> anyhow::Result<String> {
    let courses = checked
        .iter()
        .map(|c| {
            let shown = c.report.shown(max_per_kind);
            JsonCourse {
                path: sanitize(&c.path.display().to_string()).into_owned(),
                ok: !c.report.has_errors(),
                course: c.course.as_ref().map(stats),
                omitted: shown
                    .iter()
                    .filter(|s| s.more > 0)
                    .map(|s| Omitted {
                        severity: s.diagnostic.severity,
                        like: sanitize(&s.diagnostic.message).into_owned(),
                        count: s.more,
                    })
                    .collect(),
                diagnostics: shown.iter().map(|s| s.diagnostic).collect(),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&JsonOutput {
        courses,
        errors,
        warnings,
    })?;
    text.push('\n');
    Ok(text)
}
