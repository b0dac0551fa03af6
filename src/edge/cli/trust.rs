//! `termcourse trust PATH`: show every command a course's tasks run and record whether they
//! may run; `--revoke` forgets the decision. The player asks the same question before the
//! first command of an undecided course (see `crate::edge::trust`).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::core::course::Course;
use crate::core::sanitize::sanitize;
use crate::core::trust::{commands, course_digest};
use crate::edge::cli::ask;
use crate::edge::fs_source::load_course_path;
use crate::edge::store;
use crate::edge::trust::{Decision, TrustStore};

/// Trust a course's commands, after seeing them all.
///
/// Tasks can check work by running commands (`run` checks, e.g. `docker build .`). They run
/// only in a course you trust. This prints every distinct command of the course and asks.
/// The decision is kept in the data directory with a digest of all the commands: if any
/// command changes, termcourse asks again. The built-in course is always trusted.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The course directory, or its course.toml.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Trust without asking (for scripts).
    #[arg(long, short, conflicts_with = "revoke")]
    pub yes: bool,
    /// Forget the decision, so that you are asked again.
    #[arg(long)]
    pub revoke: bool,
}

#[allow(clippy::needless_pass_by_value)] // every subcommand's `run` takes its `Args`
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let course = match load_course_path(&args.path) {
        Ok(course) => course,
        Err(report) => {
            eprint!("{}", report.render(std::io::stderr().is_terminal()));
            return Ok(ExitCode::FAILURE);
        }
    };
    let trust = TrustStore::open(&store::data_dir()?);
    let title = &course.title;
    if args.revoke {
        if trust.revoke(course.id.as_str())? {
            println!("Forgot the trust decision for {title}: termcourse will ask again.");
        } else {
            println!("No trust decision was stored for {title}.");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let list = commands(&course);
    if list.is_empty() {
        println!("{title} runs no commands: there is nothing to trust.");
        return Ok(ExitCode::SUCCESS);
    }
    print!("{}", describe(&course, &list));
    let digest = course_digest(&course);
    let stored = trust.lookup(course.id.as_str())?;
    match &stored {
        Some(r) if r.covers(&digest) && r.decision == Decision::Allow => {
            println!("You already trust these commands.");
        }
        Some(r) if r.covers(&digest) => println!("You denied these commands before."),
        Some(_) => println!("The commands changed since you last decided."),
        None => {}
    }
    let allow = args.yes
        || ask::yes_or_no(
            "Allow these commands to run?",
            "not trusting without an answer",
        )?;
    let decision = if allow {
        Decision::Allow
    } else {
        Decision::Deny
    };
    trust.record(course.id.as_str(), &digest, decision)?;
    if allow {
        println!("Trusted: {title} may run these commands.");
    } else {
        println!(
            "Denied: the commands of {title} will not run; its `run` checks show as not run and do not block tasks."
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The commands, numbered, each line of a multi-line command indented under its number.
fn describe(course: &Course, list: &[&str]) -> String {
    let mut out = format!(
        "{} ({}) runs {} with `sh -c` in its workspace, as you,\nwith PATH, HOME, LANG and TERM from your environment:\n\n",
        course.title,
        course.id,
        if list.len() == 1 {
            "this command".to_owned()
        } else {
            format!("these {} commands", list.len())
        },
    );
    let width = list.len().to_string().len();
    for (i, command) in list.iter().enumerate() {
        let text = sanitize(command);
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        let _ = writeln!(out, "  {:>width$}. {first}", i + 1);
        for line in lines {
            let _ = writeln!(out, "  {:>width$}  {line}", "");
        }
    }
    out.push('\n');
    out
}
