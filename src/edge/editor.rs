//! Which editor opens a task's file: `$VISUAL`, else `$EDITOR`, else `vi`, the way `git` and
//! `crontab` choose. The value is split into words with the shell's quoting rules (so
//! `EDITOR="code --wait"` and `VISUAL='"/opt/My Editor/bin/ed" -n'` work), but never run
//! through a shell. Handing the terminal over to it is the runtime's job.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::Command;

use thiserror::Error;

/// The editor when neither variable is set.
pub const DEFAULT_EDITOR: &str = "vi";

/// Where the editor command came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorSource {
    Visual,
    Editor,
    Default,
}

impl EditorSource {
    /// `$VISUAL`, `$EDITOR` or `the default (vi)`, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Visual => "$VISUAL",
            Self::Editor => "$EDITOR",
            Self::Default => "the default editor (vi)",
        }
    }
}

/// An editor to run: a program and the arguments that come before the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    pub program: String,
    pub args: Vec<String>,
    pub source: EditorSource,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditorError {
    #[error("{var} is not UTF-8 text")]
    NotUtf8 { var: &'static str },
    #[error("{var} cannot be split into words: {why}")]
    Unparsable { var: &'static str, why: SplitError },
}

/// Why a command line cannot be split into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum SplitError {
    #[error("a quote is not closed")]
    UnclosedQuote,
    #[error("it ends with a backslash")]
    TrailingBackslash,
}

/// The editor from these values of `$VISUAL` and `$EDITOR`; unset, empty and blank values
/// are skipped.
pub fn resolve(
    visual: Option<&OsStr>,
    editor: Option<&OsStr>,
) -> Result<EditorCommand, EditorError> {
    let candidates = [
        ("$VISUAL", EditorSource::Visual, visual),
        ("$EDITOR", EditorSource::Editor, editor),
    ];
    for (var, source, value) in candidates {
        let Some(value) = value else { continue };
        let text = value.to_str().ok_or(EditorError::NotUtf8 { var })?;
        let mut words = split_words(text).map_err(|why| EditorError::Unparsable { var, why })?;
        if words.is_empty() {
            continue;
        }
        let program = words.remove(0);
        return Ok(EditorCommand {
            program,
            args: words,
            source,
        });
    }
    Ok(EditorCommand {
        program: DEFAULT_EDITOR.to_owned(),
        args: Vec::new(),
        source: EditorSource::Default,
    })
}

/// The editor from this process's environment.
pub fn from_env() -> Result<EditorCommand, EditorError> {
    resolve(
        std::env::var_os("VISUAL").as_deref(),
        std::env::var_os("EDITOR").as_deref(),
    )
}

impl EditorCommand {
    /// The program, its arguments, then `file`.
    pub fn argv(&self, file: &Path) -> Vec<OsString> {
        let mut argv: Vec<OsString> = Vec::with_capacity(self.args.len() + 2);
        argv.push(self.program.clone().into());
        argv.extend(self.args.iter().map(OsString::from));
        argv.push(file.as_os_str().to_owned());
        argv
    }

    /// A command that opens `file` (stdin, stdout and stderr inherited: the terminal).
    pub fn command(&self, file: &Path) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args).arg(file);
        command
    }

    /// Whether this looks like a graphical editor that returns at once unless told to wait
    /// (`code` without `--wait`): the player then keeps checking on save instead of after
    /// the editor exits.
    pub fn may_return_at_once(&self) -> bool {
        let name = Path::new(&self.program)
            .file_name()
            .and_then(OsStr::to_str)
            .unwrap_or_default();
        let gui = matches!(
            name,
            "code" | "code-insiders" | "codium" | "subl" | "atom" | "zed" | "mate" | "gvim"
        );
        gui && !self
            .args
            .iter()
            .any(|a| matches!(a.as_str(), "-w" | "--wait" | "-f" | "--nofork"))
    }
}

/// Splits `line` into words like a POSIX shell, without expanding anything: whitespace
/// separates words; `'…'` keeps everything literally; `"…"` keeps everything but `\` before
/// `"`, `\`, `$`, `` ` `` or a newline; outside quotes `\` keeps the next character (and
/// `\` + newline is nothing).
pub fn split_words(line: &str) -> Result<Vec<String>, SplitError> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => return Err(SplitError::UnclosedQuote),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some('\n') => {}
                            Some(c @ ('"' | '\\' | '$' | '`')) => w.push(c),
                            Some(c) => {
                                w.push('\\');
                                w.push(c);
                            }
                            None => return Err(SplitError::UnclosedQuote),
                        },
                        Some(c) => w.push(c),
                        None => return Err(SplitError::UnclosedQuote),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(c) => word.get_or_insert_with(String::new).push(c),
                None => return Err(SplitError::TrailingBackslash),
            },
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_like_a_shell() {
        let ok = |line: &str| split_words(line).expect("splits");
        let cases: [(&str, &[&str]); 10] = [
            ("vim", &["vim"]),
            ("  code   --wait ", &["code", "--wait"]),
            ("'/opt/My Editor/ed' -n", &["/opt/My Editor/ed", "-n"]),
            (r#""/opt/My Editor/ed" -n"#, &["/opt/My Editor/ed", "-n"]),
            (r"a\ b c", &["a b", "c"]),
            (r#""say \"hi\" \n""#, &[r#"say "hi" \n"#]),
            ("'it''s'", &["its"]),
            ("x ''", &["x", ""]),
            ("emacs -nw\t+1", &["emacs", "-nw", "+1"]),
            ("", &[]),
        ];
        for (line, want) in cases {
            assert_eq!(ok(line), want, "{line:?}");
        }
        assert_eq!(split_words("'open"), Err(SplitError::UnclosedQuote));
        assert_eq!(split_words("\"open \\"), Err(SplitError::UnclosedQuote));
        assert_eq!(split_words("vim \\"), Err(SplitError::TrailingBackslash));
    }

    #[test]
    fn visual_then_editor_then_vi() {
        let os = |s: &'static str| Some(OsStr::new(s));
        let pick = |visual, editor| resolve(visual, editor).expect("resolves");
        let both = pick(os("code --wait"), os("nano"));
        assert_eq!(
            (both.program.as_str(), both.args.as_slice(), both.source),
            ("code", &["--wait".to_owned()][..], EditorSource::Visual)
        );
        assert_eq!(pick(os("  "), os("nano")).source, EditorSource::Editor);
        assert_eq!(pick(None, os("nano")).program, "nano");
        let default = pick(None, os(""));
        assert_eq!(
            (default.program.as_str(), default.source),
            ("vi", EditorSource::Default)
        );
        assert_eq!(
            resolve(os("'vim"), os("nano")),
            Err(EditorError::Unparsable {
                var: "$VISUAL",
                why: SplitError::UnclosedQuote
            })
        );
    }

    #[test]
    fn the_file_comes_last_and_gui_editors_are_recognised() {
        let editor = resolve(Some(OsStr::new("code -n")), None).expect("resolves");
        let argv = editor.argv(Path::new("/ws/My Dockerfile"));
        assert_eq!(argv, ["code", "-n", "/ws/My Dockerfile"]);
        assert!(editor.may_return_at_once());
        let waiting = resolve(Some(OsStr::new("/usr/bin/code --wait")), None).expect("resolves");
        assert!(!waiting.may_return_at_once());
        let vim = resolve(None, Some(OsStr::new("vim"))).expect("resolves");
        assert!(!vim.may_return_at_once());
        let command = vim.command(Path::new("Dockerfile"));
        assert_eq!(command.get_program(), "vim");
        assert_eq!(command.get_args().collect::<Vec<_>>(), ["Dockerfile"]);
    }
}
