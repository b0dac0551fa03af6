//! `termcourse schema`: prints the JSON Schema of course files, for editors and tools.

use std::io::Write as _;
use std::process::ExitCode;

use crate::core::raw::{SchemaFor, json_schema};

/// Print the JSON Schema (draft-07) of `course.toml`, or with `--node` of a node file.
///
/// Editors use it for completion and checking: save it (the repository keeps a copy in
/// `assets/course.schema.json`) and point a `#:schema` comment at it on the first line of a
/// course file (Taplo / Even Better TOML).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The schema of a node file (`nodes = [...]`) instead of `course.toml`.
    #[arg(long)]
    pub node: bool,
}

#[allow(clippy::needless_pass_by_value)] // every subcommand's `run` takes its `Args`
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let which = if args.node {
        SchemaFor::NodeFile
    } else {
        SchemaFor::Course
    };
    std::io::stdout()
        .lock()
        .write_all(json_schema(which).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
