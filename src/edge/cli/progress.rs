//! `termcourse progress`: show, reset, locate or export a learner's progress in a course.
//!
//! Each action works on one course, the one at PATH or the built-in course, whose progress
//! file is found by the course `id` (see `crate::edge::store` and `docs/progress-format.md`).

pub mod export;
pub mod show;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};

use crate::core::course::Course;
use crate::core::progress::Progress;
use crate::edge::builtin;
use crate::edge::cli::ask;
use crate::edge::fs_source::load_course_path;
use crate::edge::store::{self, Loaded, Store};

/// Show, reset, locate or export your progress in a course.
#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Show each node's status (complete, in progress, available, locked) with counts.
    Show(CourseArg),
    /// Start the course over. The progress file is moved aside (renamed), never deleted.
    Reset {
        #[command(flatten)]
        course: CourseArg,
        /// Do not ask for confirmation (for scripts).
        #[arg(long, short)]
        yes: bool,
    },
    /// Print the path of the course's progress file (it may not exist yet).
    Path(CourseArg),
    /// Print the progress as JSON, with each node's state worked out, for other tools.
    Export(CourseArg),
}

#[derive(Debug, Args)]
pub struct CourseArg {
    /// A course directory or its course.toml [default: the built-in course].
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

pub fn run(args: ProgressArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::Show(arg) => with_store(&arg, |course, store| {
            report(store, |progress| {
                Ok(show::render(course, progress, store.path()))
            })
        }),
        Action::Export(arg) => with_store(&arg, |course, store| {
            report(store, |progress| {
                export::render(course, progress, store.path()).context("cannot write JSON")
            })
        }),
        Action::Path(arg) => with_store(&arg, |_, store| {
            println!("{}", store.path().display());
            Ok(ExitCode::SUCCESS)
        }),
        Action::Reset { course, yes } => {
            with_store(&course, |course, store| reset(course, store, yes))
        }
    }
}

/// Loads the course and opens its progress store for `action`.
fn with_store(
    arg: &CourseArg,
    action: impl FnOnce(&Course, &Store) -> anyhow::Result<ExitCode>,
) -> anyhow::Result<ExitCode> {
    let Some(course) = load_course(arg) else {
        return Ok(ExitCode::FAILURE);
    };
    let store = Store::open(&store::data_dir()?, course.id.as_str());
    action(&course, &store)
}

/// Loads the progress and prints `render`'s output. The notice, if any, goes to stderr; when
/// the file cannot be used at all there is nothing to show, and the exit status says so.
fn report(
    store: &Store,
    render: impl FnOnce(&Progress) -> anyhow::Result<String>,
) -> anyhow::Result<ExitCode> {
    let Loaded {
        progress,
        notice,
        read_only,
    } = store.load();
    if let Some(notice) = notice {
        eprintln!("note: {notice}");
    }
    if read_only {
        eprintln!("error: no usable progress in {}", store.path().display());
        return Ok(ExitCode::FAILURE);
    }
    let text = render(&progress)?;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}

fn reset(course: &Course, store: &Store, yes: bool) -> anyhow::Result<ExitCode> {
    if !store.path().exists() {
        println!("No progress to reset in {}.", course.title);
        return Ok(ExitCode::SUCCESS);
    }
    if !yes
        && !ask::yes_or_no(
            &format!(
                "Reset your progress in {}? The file is kept under another name.",
                course.title
            ),
            "not resetting without confirmation",
        )?
    {
        println!("Nothing changed.");
        return Ok(ExitCode::SUCCESS);
    }
    match store.reset()? {
        Some(kept) => println!(
            "Progress in {} reset. The old file was kept as {}.",
            course.title,
            kept.display()
        ),
        None => println!("No progress to reset in {}.", course.title),
    }
    Ok(ExitCode::SUCCESS)
}

/// The course at `arg.path`, or the built-in one. When it does not load, its report is printed
/// and there is no course.
fn load_course(arg: &CourseArg) -> Option<Course> {
    let loaded = match &arg.path {
        Some(path) => load_course_path(path),
        None => builtin::load(),
    };
    match loaded {
        Ok(course) => Some(course),
        Err(report) => {
            eprint!("{}", report.render(std::io::stderr().is_terminal()));
            None
        }
    }
}
