//! What wakes the event loop: everything that happens outside it arrives on one channel of
//! [`Incoming`], so the loop sleeps in one place and never polls.

use std::io;

use ratatui::crossterm::event::Event;

use crate::app::msg::SaveOutcome;
use crate::core::course::Course;
use crate::core::diagnostic::Report;
use crate::view::highlight::Coloured;

/// One thing for the event loop to handle.
#[derive(Debug)]
pub enum Incoming {
    /// A terminal event (from the terminal reader thread).
    Event(Event),
    /// A signal asked the player to stop (from the signal watcher); see `Session::stopped`.
    Stop,
    /// Reading the terminal failed; the reader thread has ended.
    Failed(io::Error),
    /// A save finished, or could not be made (from the save writer).
    Saved(SaveOutcome),
    /// A code block's colours (from the highlighter).
    Coloured(Coloured),
    /// The course, loaded again or in full (from a loader thread), or the errors that stop it
    /// from loading.
    Loaded(Result<Course, Report>),
    /// News about tasks (from the task worker, the workspace watcher or a running command).
    Task(crate::app::task::TaskMsg),
}
