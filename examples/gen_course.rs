//! Writes the generated 1,000-node, 10,000-step course of `benches/load.rs` to a directory, so
//! `benches/first_frame.py` can time the player's first frame on it:
//!
//!     cargo run --release --example gen_course -- /tmp/course-1000
//!     python3 benches/first_frame.py -- play /tmp/course-1000

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/support/generated.rs"]
#[allow(dead_code, reason = "the bench uses the sizes; this uses the files")]
mod generated;

fn main() -> ExitCode {
    // An option is never a directory: `gen_course --help` once wrote a course into `./--help`.
    let dir = std::env::args_os().nth(1).map(PathBuf::from);
    let Some(dir) = dir.filter(|d| !d.to_string_lossy().starts_with('-')) else {
        eprintln!("usage: gen_course DIR");
        return ExitCode::from(2);
    };
    for (rel, text) in generated::generated_course().files {
        let path = dir.join(rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(err) = written {
            eprintln!("cannot write {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("{}", dir.display());
    ExitCode::SUCCESS
}
