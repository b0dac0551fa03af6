//! The command line: argument parsing (clap) and one short function per subcommand.
//!
//! This is the only place, with `main`, that uses `anyhow` and prints errors.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod ask;
pub mod check;
pub mod completions;
pub mod new;
pub mod play;
pub mod progress;
pub mod render;
pub mod schema;
pub mod snapshot;
pub mod trust;
pub mod watching;

const AFTER_HELP: &str = "\
Without a command, termcourse plays the built-in course and resumes where you left off.

Environment:
  TERMCOURSE_DATA_DIR  where progress is kept (default: your data directory, e.g.
                       ~/.local/share/termcourse)
  TERMCOURSE_WORKSPACE where you write tasks' files (default: <data dir>/workspaces/<course>)
  TERMCOURSE_NO_ANIM   set to 1 to turn animation off (as --no-anim)
  TERMCOURSE_ASCII     set to 1 to draw with ASCII only (as --ascii)
  NO_COLOR             set to turn colour off in the player

Examples:
  termcourse                                  play the built-in course
  termcourse new my-course                    start a course of your own
  termcourse play --watch my-course           play it; every save reloads it
  termcourse play my-course --practice        play a course with every node open
  termcourse review                           answer again the questions you missed
  termcourse check my-course                  report every mistake in a course
  termcourse trust my-course                  see a course's commands and allow them to run
  termcourse snapshot my-course --out snaps --check   fail on any visual change";

/// Play hands-on courses in the terminal.
#[derive(Debug, Parser)]
#[command(name = "termcourse", version, about, long_about = None, after_help = AFTER_HELP)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Without a command, termcourse plays the built-in course with these flags.
    #[command(flatten)]
    pub play: play::PlayOptions,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Play(play::PlayArgs),
    New(new::Args),
    Review(play::ReviewArgs),
    Check(check::Args),
    Schema(schema::Args),
    Progress(progress::ProgressArgs),
    Render(render::Args),
    Snapshot(snapshot::Args),
    Trust(trust::Args),
    Completions(completions::Args),
}

/// Parses the process arguments, runs the command and maps the outcome to an exit code:
/// 0 success, 1 failure (errors found, snapshots differ), 2 bad usage.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        None => finish(play::run(&play::PlayArgs {
            path: None,
            watch: false,
            options: cli.play,
        })),
        Some(Command::Play(args)) => finish(play::run(&args)),
        Some(Command::New(args)) => finish(new::run(args)),
        Some(Command::Review(args)) => finish(play::review(&args)),
        Some(Command::Check(args)) => finish(check::run(args)),
        Some(Command::Schema(args)) => finish(schema::run(args)),
        Some(Command::Progress(args)) => finish(progress::run(args)),
        Some(Command::Render(args)) => finish(render::run(&args)),
        Some(Command::Snapshot(args)) => finish(snapshot::run(&args)),
        Some(Command::Trust(args)) => finish(trust::run(args)),
        Some(Command::Completions(args)) => completions::run(&args),
    }
}

/// Prints a command's error and maps it to exit status 1. Output cut short by its reader
/// (`termcourse render … | head`) is no error to print: the status is a shell's for a
/// process ended by SIGPIPE, 141, so a pipeline with `pipefail` still sees it.
fn finish(result: anyhow::Result<ExitCode>) -> ExitCode {
    result.unwrap_or_else(|err| {
        let broken_pipe = err.chain().any(|cause| {
            cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        });
        if broken_pipe {
            return ExitCode::from(141);
        }
        eprintln!("error: {err:#}");
        ExitCode::FAILURE
    })
}
