//! `e` on a task: the learner's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on the task's
//! file, with the terminal lent to it ([`Session::hand_over`]). Whatever happens to the editor
//! (missing, failing, killed), the player gets its terminal back and says what happened.

use std::io;
use std::process::ExitStatus;

use crate::app::task::{Edited, TaskMsg};
use crate::edge::editor;
use crate::edge::terminal::Session;
use crate::edge::workspace::Workspace;

/// Opens the task file `rel` of `workspace` in the learner's editor and waits for it. `Err`
/// only when the terminal could not be taken back.
pub fn edit(
    session: &mut Session,
    workspace: Option<&Workspace>,
    rel: &str,
) -> io::Result<TaskMsg> {
    Ok(TaskMsg::Edited(run(session, workspace, rel)?))
}

fn run(session: &mut Session, workspace: Option<&Workspace>, rel: &str) -> io::Result<Edited> {
    let Some(workspace) = workspace else {
        return Ok(Edited::Failed(
            "No workspace for this course, so there is nothing to edit.".to_owned(),
        ));
    };
    // A file without a starter may not exist yet; its directory must, for the editor to save.
    if let Err(err) = workspace.ensure_parent(rel) {
        return Ok(Edited::Failed(format!("Cannot open `{rel}`: {err}")));
    }
    let editor = match editor::from_env() {
        Ok(editor) => editor,
        Err(err) => return Ok(Edited::Failed(format!("No editor to open `{rel}`: {err}"))),
    };
    let path = workspace.file_path(rel);
    let name = editor.program.clone();
    let from = editor.source.describe();
    let status = session.hand_over(|| editor.command(&path).status())?;
    Ok(match status {
        Ok(status) if status.success() && editor.may_return_at_once() => {
            Edited::Detached(format!("`{name}`"))
        }
        Ok(status) if status.success() => Edited::Done,
        Ok(status) => Edited::Failed(format!(
            "The editor `{name}` {}; `{rel}` is checked as it is.",
            ended(status)
        )),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Edited::Failed(format!(
            "Cannot start the editor `{name}` (from {from}): it was not found (not installed, or not on PATH). Set $VISUAL or $EDITOR, e.g. EDITOR=nano."
        )),
        Err(err) => Edited::Failed(format!(
            "Cannot start the editor `{name}` (from {from}): {err}"
        )),
    })
}

/// "exited with status 2", "was killed by signal 9".
fn ended(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exited with status {code}");
    }
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return format!("was killed by signal {signal}");
    }
    "ended abnormally".to_owned()
}
