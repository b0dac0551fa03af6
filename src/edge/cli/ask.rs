//! Asking the learner a yes/no question on the terminal, for the commands that change their
//! data (`progress reset`, `trust`). Without a terminal (a script), nothing is assumed: the
//! command stops and says how to answer in advance (`--yes`).

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use anyhow::{Context as _, bail};

/// Prints `question` (with ` [y/N] `) and reads the answer: `y` or `yes` is yes, anything
/// else no. Without a terminal on stdin, fails with `refusal` ("not resetting without
/// confirmation"), followed by how to answer without one.
pub fn yes_or_no(question: &str, refusal: &str) -> anyhow::Result<bool> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        bail!("{refusal}: run it in a terminal, or pass --yes");
    }
    eprint!("{question} [y/N] ");
    std::io::stderr()
        .flush()
        .context("cannot write to stderr")?;
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}
