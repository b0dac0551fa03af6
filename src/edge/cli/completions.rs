//! `termcourse completions SHELL`: prints a shell completion script generated from the CLI
//! definition itself, so it can never fall out of date.

use std::process::ExitCode;

use clap::CommandFactory as _;
use clap_complete::Shell;

/// Print a completion script for your shell.
///
/// For example, for bash: `termcourse completions bash > ~/.local/share/bash-completion/completions/termcourse`;
/// for zsh: `termcourse completions zsh > ~/.zfunc/_termcourse`; for fish:
/// `termcourse completions fish > ~/.config/fish/completions/termcourse.fish`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to generate completions for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: &Args) -> ExitCode {
    let mut command = super::Cli::command();
    clap_complete::generate(
        args.shell,
        &mut command,
        "termcourse",
        &mut std::io::stdout(),
    );
    ExitCode::SUCCESS
}
