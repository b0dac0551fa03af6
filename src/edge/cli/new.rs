//! `termcourse new DIR`: start a course from a small, complete one.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::core::sanitize::sanitize;
use crate::edge::scaffold::{self, ScaffoldError};

/// Start a new course: write a small, complete course into DIR to edit.
///
/// It has a `course.toml` with a glossary and an FAQ, two nodes in their own files (the second
/// requires the first), each with narration, a bash pane with a command to type, a quiz and a
/// task, prose in a markdown file, the JSON Schemas for editor completion, and a README saying
/// what to edit. It passes `termcourse check --deny-warnings`. DIR must not exist or be empty.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The directory to create (or an empty one).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The course id (letters, digits, `-`, `_`, `.`): progress is kept under it. Default:
    /// made from DIR's name.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The course title. Default: made from DIR's name.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

#[allow(clippy::needless_pass_by_value)] // every subcommand's `run` takes its `Args`
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let name = args
        .dir
        .canonicalize()
        .unwrap_or_else(|_| args.dir.clone())
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = args.id.unwrap_or_else(|| scaffold::id_from_name(&name));
    let title = args
        .title
        .unwrap_or_else(|| scaffold::title_from_name(&name));
    let dir = sanitize(&args.dir.display().to_string()).into_owned();
    match scaffold::create(&args.dir, &id, &title) {
        Ok(written) => {
            println!(
                "Created {dir}/ ({} files): a course to edit, `{id}`.",
                written.len()
            );
            println!();
            println!("  termcourse play --watch {dir}   play it; every save reloads it");
            println!("  termcourse check {dir}          every mistake at once");
            println!();
            println!("Start with {dir}/README.md.");
            Ok(ExitCode::SUCCESS)
        }
        Err(
            err @ (ScaffoldError::BadId(_)
            | ScaffoldError::EmptyTitle
            | ScaffoldError::ControlInTitle),
        ) => {
            eprintln!("error: {err}");
            Ok(ExitCode::from(2))
        }
        Err(err @ (ScaffoldError::NotEmpty(_) | ScaffoldError::NotADirectory(_))) => {
            eprintln!("error: {}", sanitize(&err.to_string()));
            Ok(ExitCode::from(2))
        }
        Err(err) => Err(err.into()),
    }
}
