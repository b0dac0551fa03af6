//! `termcourse snapshot`: render every screen of a course at every size and compare the texts
//! with a snapshot directory (`--check`) or rewrite it (`--update`).

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::core::course::Course;
use crate::edge::fs_source::load_course_path;
use crate::edge::snapshot::course::{RunOptions, snapshot_course};
use crate::edge::snapshot::{Mode, Size};

/// Snapshot-test a course: one text file per screen and size, compared or rewritten.
///
/// Renders every step (with its whole bash pane), each quiz unanswered, after a wrong answer and
/// after the right one, and the matrix, glossary, FAQ and help screens. Files are named by ids:
/// `NODE/STEP@80x24.txt`, `NODE/STEP.quiz-wrong@80x24.txt`, `matrix@80x24.txt`.
/// Without `--check`, the directory is updated: changed and added files are written, and files
/// no longer rendered are deleted if termcourse wrote them (they are listed in the directory's
/// `.termcourse-snapshots` manifest). Nothing is ever written, read or deleted through a
/// symlink. Ends with a count: `N snapshots: M changed, A added, R missing` with `--check`
/// (exit status 1 when any differ), `N snapshots: M updated, A added, R removed` otherwise.
#[derive(Debug, clap::Args)]
#[allow(clippy::struct_excessive_bools)] // one per flag
pub struct Args {
    /// The course directory (the one holding `course.toml`).
    pub path: PathBuf,
    /// The snapshot directory.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Terminal sizes to render at, comma-separated.
    #[arg(
        long,
        value_name = "WxH,...",
        value_delimiter = ',',
        default_value = "80x24,120x40"
    )]
    pub sizes: Vec<Size>,
    /// Compare with DIR: print a diff per changed file, list added and missing files, exit 1
    /// on any difference.
    #[arg(long, conflicts_with = "update")]
    pub check: bool,
    /// Rewrite DIR to match: write changed and added files, delete the missing ones termcourse
    /// wrote (the default). Refuses a DIR holding files termcourse did not write.
    #[arg(long)]
    pub update: bool,
    /// Update a DIR that holds files termcourse did not write (other files, links, snapshots
    /// from before the manifest). Those files are never deleted.
    #[arg(long, conflicts_with = "check")]
    pub force: bool,
    /// Treat overflow as an error rather than a warning: content a learner could never see at
    /// a size, however they scroll, scroll sideways or zoom (`z`): quiz choices that do not fit
    /// at once, tables cut to fit, a note taller than half the bash pane. Narration that needs
    /// scrolling, or a command wider than the pane, is not overflow. `termcourse check` warns
    /// about the same at 80x24.
    #[arg(long)]
    pub deny_overflow: bool,
    /// Show quiz choices shuffled as a learner with this seed sees them (a learner's seed is
    /// in their progress file); by default they keep the author's order.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let Some(course) = load_course(&args.path) else {
        return Ok(ExitCode::FAILURE);
    };
    let mut sizes: Vec<Size> = Vec::new();
    for size in &args.sizes {
        if !sizes.contains(size) {
            sizes.push(*size);
        }
    }
    let options = RunOptions {
        mode: if args.check {
            Mode::Check
        } else {
            Mode::Update
        },
        deny_overflow: args.deny_overflow,
        force: args.force,
        seed: args.seed,
    };
    let outcome = snapshot_course(&std::sync::Arc::new(course), &args.out, &sizes, options)?;
    outcome
        .write_overflows(&mut std::io::stderr().lock())
        .context("cannot write to stderr")?;
    let mut stdout = std::io::stdout().lock();
    outcome
        .write_report(&mut stdout)
        .and_then(|()| stdout.flush())
        .context("cannot write to stdout")?;
    Ok(if outcome.failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Loads the course at `path`; when it has errors, prints them and returns `None`.
pub fn load_course(path: &Path) -> Option<Course> {
    match load_course_path(path) {
        Ok(course) => Some(course),
        Err(report) => {
            eprint!("{}", report.render(std::io::stderr().is_terminal()));
            None
        }
    }
}
