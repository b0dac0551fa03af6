//! The one event loop: terminal events → our `Key` → keymap → [`Player::dispatch`] → effects;
//! and [`Player::frame`] whenever something changed.
//!
//! The loop sleeps on one channel ([`Incoming`]) that everything feeds: the terminal reader,
//! the signal watcher, the save writer, the highlighter and the course loader. It wakes on a timer only while
//! something on screen moves, and then no more often than it moves ([`Model::next_tick`]).
//! Nothing slow runs on it: saving is the writer's job ([`SaveWriter`]), colouring code the
//! highlighter's ([`Highlighter`]); whatever arrived while it drew is handled in one go before
//! the next frame.
//!
//! On the way out (a quit key, or SIGTERM, SIGHUP or SIGINT) the terminal is restored first;
//! then the writer saves what is still pending, which takes at most a moment (see
//! `writer::LOCK_WAIT`).

mod editing;
mod input;

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use ratatui::layout::Rect;

use crate::app::effect::Effect;
use crate::app::msg::{Msg, SharedCourse};
use crate::app::{Model, TICK_MS};
use crate::core::diagnostic::Report;
use crate::edge::events::Incoming;
use crate::edge::highlighter::Highlighter;
use crate::edge::play_load::Rest;
use crate::edge::player::Player;
use crate::edge::store::Store;
use crate::edge::task_worker::TaskWorker;
use crate::edge::terminal::Session;
use crate::edge::workspace::Workspace;
use crate::edge::writer::{Final, SaveWriter};
use crate::view::colours::Colouring;
use crate::view::highlight::Budget;

/// How playing ended.
#[derive(Debug)]
pub struct Ended {
    /// How the last save went.
    pub last_save: Final,
    /// The course turned out to have errors (found by the load of its `rest`); the player
    /// stopped.
    pub course_errors: Option<Report>,
}

/// What the player needs for the course's tasks: where the workspace is (or why there is
/// none), and what decides whether its commands run.
pub struct Tasks {
    pub workspace: Result<Workspace, String>,
    pub options: crate::edge::task_session::TaskOptions,
    pub data_dir: Option<std::path::PathBuf>,
}

/// Plays until the learner quits or a signal asks to stop, saving progress to `store` (none:
/// play without saving). `rest`, if any, loads the rest of a course the player started in
/// outline; it runs on a thread of its own and its course replaces the outline. `tasks` sets
/// up the task worker (none: task steps show their checklist but nothing is read or run).
/// The terminal is restored on every way out.
pub fn run(
    player: &mut Player,
    store: Option<Store>,
    rest: Option<Rest>,
    tasks: Option<Tasks>,
) -> anyhow::Result<Ended> {
    let (sender, incoming) = std::sync::mpsc::channel();
    let whole = rest.is_none();
    // Started after the first frame, so as not to compete with it for a CPU.
    let rest = rest.map(|rest| {
        let report = forward(&sender, Incoming::Loaded);
        move || {
            std::thread::Builder::new()
                .name("termcourse-load".into())
                .spawn(move || report(rest()))
                .map(drop)
                .context("could not start loading the course")
        }
    });
    let writer = match store {
        Some(store) => Some(
            SaveWriter::spawn(store, forward(&sender, Incoming::Saved))
                .context("could not start saving progress")?,
        ),
        None => None,
    };
    let highlighter = if player.screen().colouring() == Colouring::Deferred {
        let theme = player.screen().theme.clone();
        Some(
            Highlighter::spawn(theme, Budget::PLAYER, forward(&sender, Incoming::Coloured))
                .context("could not start highlighting")?,
        )
    } else {
        None
    };
    let workspace = tasks.as_ref().and_then(|t| t.workspace.clone().ok());
    let worker = match tasks {
        Some(tasks) => {
            let report = forward(&sender, Incoming::Task);
            let worker = TaskWorker::spawn(
                tasks.workspace,
                tasks.options,
                tasks.data_dir,
                Arc::new(report),
            )
            .context("could not start the task worker")?;
            if whole {
                worker.open(Arc::clone(player.model().shared_course()));
            }
            Some(worker)
        }
        None => None,
    };
    let outcome = {
        let mut session = Session::start(sender).context("could not set up the terminal")?;
        let mut looped = Loop {
            incoming,
            next_tick: None,
            writer: writer.as_ref(),
            highlighter: highlighter.as_ref(),
            tasks: worker.as_ref(),
            workspace,
            course_errors: None,
        };
        looped
            .play(player, &mut session, rest)
            .map(|()| looped.course_errors)
        // The session is dropped here: the terminal is restored before the last save.
    };
    let last_save = writer.map_or(Final::Saved, SaveWriter::finish);
    outcome.map(|course_errors| Ended {
        last_save,
        course_errors,
    })
}

/// A callback that sends what it is given to the event loop.
fn forward<T: 'static>(
    sender: &Sender<Incoming>,
    wrap: fn(T) -> Incoming,
) -> impl Fn(T) + Send + 'static {
    let sender = sender.clone();
    move |value| {
        // The loop has ended when this fails; nothing is left to tell.
        let _ = sender.send(wrap(value));
    }
}

struct Loop<'a> {
    incoming: Receiver<Incoming>,
    /// When to send the next `Msg::Tick`, and with how many ticks.
    next_tick: Option<(Instant, u32)>,
    writer: Option<&'a SaveWriter>,
    highlighter: Option<&'a Highlighter>,
    tasks: Option<&'a TaskWorker>,
    /// The workspace the editor opens files in.
    workspace: Option<Workspace>,
    course_errors: Option<Report>,
}

/// What one wait brought.
#[derive(Default)]
struct Batch {
    msgs: Vec<Msg>,
    /// Something besides messages changed what is on screen (colours arrived).
    repaint: bool,
    stop: bool,
}

impl Loop<'_> {
    fn play(
        &mut self,
        player: &mut Player,
        session: &mut Session,
        after_first_frame: Option<impl FnOnce() -> anyhow::Result<()>>,
    ) -> anyhow::Result<()> {
        // The first frame goes out before anything else is done.
        let effects = player.start();
        self.draw(player, session)?;
        if let Some(then) = after_first_frame {
            then()?;
        }
        if self.perform(player, session, effects)? {
            return Ok(());
        }
        loop {
            let batch = self.wait(player, session)?;
            if batch.stop || session.stopped() {
                return Ok(());
            }
            let dirty = batch.repaint || !batch.msgs.is_empty();
            for msg in batch.msgs {
                let effects = player.dispatch(msg);
                if self.perform(player, session, effects)? {
                    return Ok(());
                }
            }
            if dirty {
                self.draw(player, session)?;
                let effects = player.take_effects();
                if self.perform(player, session, effects)? {
                    return Ok(());
                }
            }
        }
    }

    /// Draws a frame and hands the code it drew without colours to the highlighter.
    fn draw(&self, player: &mut Player, session: &mut Session) -> anyhow::Result<()> {
        session
            .terminal
            .draw(|frame| player.frame(frame.area(), frame.buffer_mut()))
            .context("could not draw")?;
        let wanted = player.take_wanted();
        if let Some(highlighter) = self.highlighter {
            highlighter.request(wanted);
        }
        Ok(())
    }

    /// Waits for the next event (or tick) and takes it, with whatever else has already
    /// arrived.
    fn wait(&mut self, player: &mut Player, session: &Session) -> anyhow::Result<Batch> {
        self.next_tick = schedule(self.next_tick, player.model());
        let first = match self.next_tick {
            Some((due, ticks)) => {
                let left = due.saturating_duration_since(Instant::now());
                match self.incoming.recv_timeout(left) {
                    Ok(incoming) => incoming,
                    Err(RecvTimeoutError::Timeout) => {
                        self.next_tick = None;
                        return Ok(Batch {
                            msgs: vec![Msg::Tick(ticks)],
                            ..Batch::default()
                        });
                    }
                    Err(RecvTimeoutError::Disconnected) => Incoming::Stop,
                }
            }
            None => self.incoming.recv().unwrap_or(Incoming::Stop),
        };
        let mut batch = Batch::default();
        for incoming in std::iter::once(first).chain(self.incoming.try_iter()) {
            match incoming {
                Incoming::Stop => batch.stop = true,
                Incoming::Failed(err) => return Err(err).context("could not read the terminal"),
                Incoming::Event(ev) => {
                    let size = session.terminal.size()?;
                    let area = Rect::new(0, 0, size.width, size.height);
                    batch.msgs.extend(input::translate(player, area, &ev));
                }
                Incoming::Saved(outcome) => batch.msgs.push(Msg::Saved(outcome)),
                Incoming::Coloured(coloured) => batch.repaint |= player.coloured(coloured),
                Incoming::Loaded(Ok(course)) => {
                    let course = Arc::new(course);
                    if let Some(tasks) = self.tasks {
                        tasks.open(Arc::clone(&course));
                    }
                    batch.msgs.push(Msg::CourseLoaded(SharedCourse(course)));
                }
                Incoming::Task(news) => batch.msgs.push(Msg::Task(news)),
                Incoming::Loaded(Err(report)) => {
                    self.course_errors = Some(report);
                    batch.stop = true;
                }
            }
        }
        Ok(batch)
    }

    /// Carries out effects (and those of the messages they lead to); returns true when the
    /// player should stop.
    fn perform(
        &self,
        player: &mut Player,
        session: &mut Session,
        effects: Vec<Effect>,
    ) -> anyhow::Result<bool> {
        let mut queue = VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::SaveProgress(progress) => {
                    if let Some(writer) = self.writer {
                        writer.save(progress);
                    }
                }
                Effect::Quit => return Ok(true),
                Effect::Suspend => {
                    session.suspend().context("could not resume the terminal")?;
                    self.draw(player, session)?;
                    queue.extend(player.take_effects());
                }
                Effect::Task(job) => {
                    if let Some(tasks) = self.tasks {
                        tasks.send(job);
                    }
                }
                Effect::Edit(path) => {
                    let edited = editing::edit(session, self.workspace.as_ref(), &path)
                        .context("could not take the terminal back from the editor")?;
                    queue.extend(player.dispatch(Msg::Task(edited)));
                    self.draw(player, session)?;
                    queue.extend(player.take_effects());
                }
            }
        }
        Ok(false)
    }
}

/// When the next tick is due: the one already scheduled, or a new one for what the model says
/// moves next; none while nothing moves.
fn schedule(current: Option<(Instant, u32)>, model: &Model) -> Option<(Instant, u32)> {
    match (current, model.next_tick()) {
        (_, None) => None,
        (Some(due), Some(_)) => Some(due),
        (None, Some(ticks)) => {
            let wait = Duration::from_millis(TICK_MS.saturating_mul(u64::from(ticks)));
            Some((Instant::now() + wait, ticks))
        }
    }
}
