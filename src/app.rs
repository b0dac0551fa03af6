//! The player's state (Elm architecture): [`Model`], its modes, and the pure logic around it.
//!
//! `update::update(&mut Model, Msg) -> Vec<Effect>` is the only way the model changes; it does
//! no I/O. The view draws a `&Model`. Layout-dependent facts the model needs (how many rows the
//! narration has at the current width, how many fit) come back from the view as
//! [`Msg::Measured`](msg::Msg::Measured) [`Metrics`], so scrolling stays bounded without the
//! view mutating anything and without `update` knowing about markdown or widths.

pub(crate) mod bash;
pub mod effect;
pub mod keymap;
mod modes;
pub mod msg;
pub mod overlay;
pub(crate) mod quiz;
pub mod review;
mod state;
pub mod task;
pub(crate) mod update;

#[cfg(test)]
pub(crate) mod test_course;

use std::collections::HashSet;
use std::sync::Arc;

use crate::core::course::{Course, Node, NodeId, Quiz, Step, StepId};
use crate::core::progress::{Day, Progress};
use crate::core::unlock::{NodeState, node_states};

use self::bash::BashPane;
use self::overlay::{MatrixState, Overlay};
use self::quiz::QuizState;
use self::review::Review;
pub use self::state::{
    Extent, Focus, Follow, KeyMode, MatrixShape, Metrics, Options, Rows, Scroll, Ticker,
};
use self::task::{TaskEnv, TaskPane};

/// The player's whole state. It owns its course (shared, never copied), so a player is
/// self-contained and the course can be swapped for a re-loaded one while playing
/// ([`Model::replace_course`], sent as [`Msg::CourseLoaded`](msg::Msg::CourseLoaded)).
/// One animation tick, in milliseconds: the typing animation's pace.
pub const TICK_MS: u64 = 30;

/// Ticks per ticker character: the ticker moves ~8 characters a second.
pub const TICKS_PER_TICKER_CHAR: u32 = 4;

/// Ticks per frame of the spinner of a running command check (~8 frames a second).
pub const SPINNER_TICKS: u32 = 4;

#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // independent facts about the session, not a state machine
pub struct Model {
    /// Private so that it changes only through [`Model::replace_course`], which keeps the
    /// position valid and bumps [`Model::revision`].
    course: Arc<Course>,
    /// Counts course swaps; caches built from the course (the view's) key on it.
    pub revision: u64,
    pub progress: Progress,
    pub practice: bool,
    pub animate: bool,
    /// Current node and step, as indices into the course.
    pub node: usize,
    pub step: usize,
    pub focus: Focus,
    /// The focused pane's text input has the keyboard (type-along line or quiz text).
    pub typing: bool,
    pub bash: BashPane,
    pub quiz: QuizState,
    pub overlay: Option<Overlay>,
    pub scroll: Scroll,
    pub metrics: Metrics,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub ticker: Ticker,
    /// A one-line message under the header (store notices, unlocks).
    pub notice: Option<String>,
    /// The notice about a save that did not happen, while saving has trouble.
    pub save_problem: Option<String>,
    /// `play --watch`: the course is reloaded on every save (the header says "watching").
    pub watching: bool,
    /// `play --watch`: why the course as last saved does not load (one line each); empty
    /// while it loads. Shown in the error panel (`OverlayKind::Errors`).
    pub problems: Vec<String>,
    /// Today, for the review (see [`Options::today`]).
    pub today: Day,
    /// This session's random number (see [`Options::entropy`]).
    pub entropy: u64,
    /// Review sessions started so far in this session (each draws a fresh order).
    pub reviews_started: u64,
    /// The review session being played, if any: the quiz pane asks its questions.
    pub review: Option<Review>,
    /// The course was just completed: the finish screen opens when the learner moves on.
    pub finish_due: bool,
    /// The hands-on task of the current step, if it has one.
    pub task: Option<TaskPane>,
    /// Where tasks are written and whether commands may run, this session.
    pub task_env: TaskEnv,
    /// Batches of command checks started so far (each gets the next number).
    pub batches: u64,
    /// How the learner arranged what the step shows: zoom and opened reveal blocks.
    pub shown: Shown,
}

/// How the learner arranged what the step shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    /// The focused pane fills the screen (`z`); every step starts unzoomed.
    pub zoom: bool,
    /// Steps whose reveal blocks (`<details>`) the learner opened in this session.
    pub opened: HashSet<(NodeId, StepId)>,
}

impl Model {
    /// A model at the start position chosen by `options` and `progress`. Nothing is recorded
    /// until the first `update`; call `update::start` (or `Player::start`) to mark the first step seen.
    pub fn new(course: Arc<Course>, progress: Progress, options: &Options) -> Self {
        let mut model = Self {
            course,
            revision: 0,
            progress,
            practice: options.practice,
            animate: options.animate,
            node: 0,
            step: 0,
            focus: Focus::Narration,
            typing: false,
            bash: BashPane::default(),
            quiz: QuizState::default(),
            overlay: None,
            scroll: Scroll::default(),
            metrics: Metrics::default(),
            size: (80, 24),
            ticker: Ticker::default(),
            notice: options.notice.clone(),
            save_problem: None,
            watching: false,
            problems: Vec::new(),
            shown: Shown::default(),
            today: options.today,
            entropy: options.entropy,
            reviews_started: 0,
            review: None,
            finish_due: false,
            task: None,
            task_env: options.tasks.clone(),
            batches: 0,
        };
        let (node, step, locked) = model.start_position(options);
        model.enter_step(node, step);
        model.open_waiting_prompt();
        if let Some(locked) = locked {
            model.refuse_locked_start(locked);
        }
        if options.review && model.overlay.is_none() {
            model.overlay = update::review::start(&mut model);
        }
        if options.orientation {
            let underneath = model.overlay.take();
            model.overlay = Some(Overlay::Orientation(overlay::OrientationState::over(
                underneath,
            )));
        }
        model
    }

    /// The requested node is locked: start with the matrix open on it, saying what it needs.
    fn refuse_locked_start(&mut self, locked: usize) {
        let Some(refusal) = self.locked_notice(locked) else {
            return;
        };
        self.notice = Some(match self.notice.take() {
            Some(notice) => format!("{notice} · {refusal}"),
            None => refusal,
        });
        self.overlay = Some(Overlay::Matrix(MatrixState::refusing(locked)));
    }

    /// Why node `i` cannot be opened, when it is locked: `"Title" is locked: needs A, B`.
    pub fn locked_notice(&self, i: usize) -> Option<String> {
        let states = self.node_states();
        let Some(NodeState::Locked { missing }) = states.get(i) else {
            return None;
        };
        let names: Vec<&str> = missing
            .iter()
            .filter_map(|id| self.course.node(id))
            .map(|n| n.title.as_str())
            .collect();
        Some(format!(
            "\"{}\" is locked: needs {}",
            self.course.nodes[i].title,
            names.join(", ")
        ))
    }

    /// The course being played.
    pub fn course(&self) -> &Course {
        &self.course
    }

    /// Another handle on the course, for code that changes the model while it reads the
    /// current node and step (a borrow of the model would forbid that).
    pub(crate) fn course_handle(&self) -> Arc<Course> {
        Arc::clone(&self.course)
    }

    /// The course, shared: for whoever needs to keep it beyond a borrow of the model.
    pub fn shared_course(&self) -> &Arc<Course> {
        &self.course
    }

    /// Plays `course` from now on (a re-loaded version of the same course, or the rest of one
    /// that was loaded in outline): stays on the same node and step when they still exist (by
    /// id), else on the nearest valid position. When the step is unchanged, the learner's
    /// place in it (revealed commands, typed text, quiz answer, scroll) is kept; else the step
    /// starts over. An open overlay is fitted to the new course.
    pub fn replace_course(&mut self, course: Arc<Course>) {
        let old = Arc::clone(&self.course);
        let here = self
            .node_ref()
            .map(|n| (n.id.clone(), self.step_ref().map(|s| s.id.clone())));
        let (old_node, old_step) = (self.node, self.step);
        self.course = course;
        self.revision = self.revision.wrapping_add(1);
        let (node, step) = match here {
            Some((node_id, step_id)) => match self.course.node_index(&node_id) {
                Some(ni) => {
                    let si = step_id
                        .and_then(|s| self.course.nodes[ni].step_index(&s))
                        .unwrap_or(old_step);
                    (ni, si)
                }
                None => (old_node, old_step),
            },
            None => (0, 0),
        };
        let unchanged = old.step_at(old_node, old_step).is_some()
            && old.step_at(old_node, old_step) == self.course.step_at(node, step);
        if unchanged {
            self.node = node;
            self.step = step;
            self.ticker.remaining = self.ticker.remaining.min(self.ticker_len());
        } else {
            self.enter_step(node, step);
        }
        if let Some(mut overlay) = self.overlay.take() {
            overlay.refit(self);
            self.overlay = Some(overlay);
        }
    }

    /// Where to start, and the requested node if it is locked (then the start is elsewhere).
    fn start_position(&self, options: &Options) -> (usize, usize, Option<usize>) {
        let course = &*self.course;
        let by_option = match (&options.node, &options.step) {
            (Some(n), step) => course.node_index(n).map(|ni| {
                let si = step
                    .as_ref()
                    .and_then(|s| course.nodes[ni].step_index(s))
                    .unwrap_or(0);
                (ni, si)
            }),
            (None, Some(s)) => course
                .nodes
                .iter()
                .enumerate()
                .find_map(|(ni, n)| n.step_index(s).map(|si| (ni, si))),
            (None, None) => None,
        };
        let states = self.node_states();
        let locked = by_option
            .map(|(ni, _)| ni)
            .filter(|ni| !states[*ni].is_open());
        let by_option = by_option.filter(|_| locked.is_none());
        let resumed = self.progress.position.as_ref().and_then(|p| {
            let ni = course.node_index(&NodeId::new(p.node.as_str()))?;
            let si = course.nodes[ni]
                .step_index(&StepId::new(p.step.as_str()))
                .unwrap_or(0);
            states[ni].is_open().then_some((ni, si))
        });
        let first_open = || {
            states
                .iter()
                .position(|s| s.is_open() && *s != NodeState::Complete)
                .or_else(|| states.iter().position(NodeState::is_open))
                .map(|ni| (ni, 0))
        };
        let (node, step) = by_option.or(resumed).or_else(first_open).unwrap_or((0, 0));
        (node, step, locked)
    }

    /// Moves to `(node, step)` and resets the per-step state. Indices are clamped.
    pub(crate) fn enter_step(&mut self, node: usize, step: usize) {
        let Some(n) = self.course.nodes.get(node).or(self.course.nodes.first()) else {
            return;
        };
        self.node = node.min(self.course.nodes.len().saturating_sub(1));
        self.step = step.min(n.steps.len().saturating_sub(1));
        self.scroll = Scroll::default();
        self.bash = BashPane::default();
        self.typing = false;
        self.shown.zoom = false;
        self.ticker.remaining = self.ticker_len();
        self.ticker.phase = 0;
        // In a review, the question is asked afresh: not marked passed, shuffled anew.
        let (passed, seed) = match &self.review {
            Some(review) => (false, Some(review.shuffle)),
            None => (
                self.step_ref()
                    .is_some_and(|s| self.progress.quiz_passed(&n.id, &s.id)),
                self.progress.seed,
            ),
        };
        self.quiz = match self
            .step_ref()
            .and_then(|s| s.quiz.as_ref().map(|q| (s, q)))
        {
            Some((s, q)) => QuizState::new(q, &n.id, &s.id, passed, seed),
            None => QuizState::default(),
        };
        self.task = self.step_ref().and_then(|s| {
            let task = s.task.as_ref()?;
            let passed = self.progress.task_passed(&n.id, &s.id);
            Some(TaskPane::new(task, passed, self.task_env.trust))
        });
        self.focus = self.default_focus();
        self.typing = self.focus == Focus::Quiz && self.wants_text();
    }

    /// Whether the quiz's text field should take the keyboard: a `text` quiz not yet answered
    /// right.
    pub fn wants_text(&self) -> bool {
        matches!(
            self.quiz_ref().map(|q| &q.kind),
            Some(crate::core::course::QuizKind::Text { .. })
        ) && !self.quiz.is_right()
    }

    fn default_focus(&self) -> Focus {
        match self.step_ref() {
            Some(s) if s.quiz.is_some() => Focus::Quiz,
            Some(s) if s.task.is_some() => Focus::Task,
            Some(s) if !s.bash.is_empty() => Focus::Bash,
            _ => Focus::Narration,
        }
    }

    /// Characters the ticker scrolls through in one full cycle when animated.
    fn ticker_len(&self) -> usize {
        if self.animate && !self.course.ticker.is_empty() {
            self.ticker_text().chars().count()
        } else {
            0
        }
    }

    /// The ticker tags joined for display, with a trailing separator so it cycles seamlessly.
    pub fn ticker_text(&self) -> String {
        let mut text = self.course.ticker.join(" /// ");
        if !text.is_empty() {
            text.push_str(" /// ");
        }
        text
    }

    pub fn node_ref(&self) -> Option<&Node> {
        self.course.nodes.get(self.node)
    }

    pub fn step_ref(&self) -> Option<&Step> {
        self.node_ref().and_then(|n| n.steps.get(self.step))
    }

    pub fn quiz_ref(&self) -> Option<&Quiz> {
        self.step_ref().and_then(|s| s.quiz.as_ref())
    }

    /// Whether the current step's reveal blocks are open.
    pub fn reveal_open(&self) -> bool {
        self.here()
            .is_some_and(|here| self.shown.opened.contains(&here))
    }

    /// Opens the current step's reveal blocks, or closes them; remembered for the session.
    pub(crate) fn toggle_reveal(&mut self) {
        let Some(here) = self.here() else { return };
        if !self.shown.opened.remove(&here) {
            self.shown.opened.insert(here);
        }
    }

    /// The current node and step, by id.
    fn here(&self) -> Option<(NodeId, StepId)> {
        Some((self.node_ref()?.id.clone(), self.step_ref()?.id.clone()))
    }

    /// The pane shown on the whole screen, when zoomed.
    pub fn zoomed(&self) -> Option<Focus> {
        self.shown.zoom.then_some(self.focus)
    }

    /// The current step's task, if it has one.
    pub fn task_ref(&self) -> Option<&crate::core::course::Task> {
        self.step_ref().and_then(|s| s.task.as_ref())
    }

    pub fn node_states(&self) -> Vec<NodeState> {
        node_states(&self.course, &self.progress, self.practice)
    }

    /// The panes this step shows, in focus order.
    pub fn panes(&self) -> Vec<Focus> {
        let mut panes = vec![Focus::Narration];
        if let Some(step) = self.step_ref() {
            // A task's command output goes to the bash pane once there is some.
            let ran = self.task.as_ref().is_some_and(|t| !t.log.is_empty());
            if !step.bash.is_empty() || ran {
                panes.push(Focus::Bash);
            }
            if step.quiz.is_some() {
                panes.push(Focus::Quiz);
            }
            if step.task.is_some() {
                panes.push(Focus::Task);
            }
        }
        panes
    }

    /// Whether something is moving, so the runtime should send `Tick`s.
    pub fn animating(&self) -> bool {
        self.next_tick().is_some()
    }

    /// In how many ticks ([`TICK_MS`] each) something on screen moves next, or `None` when
    /// nothing moves: the runtime sleeps that long (or until an event) and then sends
    /// `Msg::Tick` with the count, so it redraws only as often as something moves.
    pub fn next_tick(&self) -> Option<u32> {
        if !self.animate {
            None
        } else if self.bash.is_typing() {
            Some(1)
        } else if self.task.as_ref().is_some_and(TaskPane::is_running) {
            Some(SPINNER_TICKS)
        } else if self.ticker.remaining > 0 {
            Some(
                TICKS_PER_TICKER_CHAR
                    .saturating_sub(self.ticker.phase)
                    .max(1),
            )
        } else {
            None
        }
    }
}
