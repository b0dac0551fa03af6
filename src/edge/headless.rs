//! The headless renderer: any step of a course, in any state the player can reach, drawn by the
//! player's own pipeline ([`Player::frame`]) into a buffer. `termcourse render` / `snapshot` and
//! the screen tests all go through [`render_scene`], so there is one renderer.
//!
//! A [`Scene`] is reached the way a learner would reach it: the model is built with
//! [`Model::new`] and driven with `update` messages (reveal bash entries, enter an answer,
//! submit, open a screen). Scenes are deterministic: practice mode (everything open, nothing
//! recorded, and no badge saying so, so the scene looks as the player draws it), no animation, a fixed theme, no clock, no environment.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use thiserror::Error;

use crate::app::effect::Effect;
use crate::app::msg::{Action, Msg};
use crate::app::overlay::OverlayKind;
use crate::app::task::{RunReport, TaskEnv, TaskKey, TaskMsg, Trust};
use crate::app::{Focus, Model, Options};
use crate::core::course::{Course, NodeId, QuizKind, StepId};
use crate::core::progress::Progress;
use crate::core::quiz::{Answer, Grade, grade};
use crate::core::task::{CheckStatus, FileState};
use crate::edge::player::Player;
use crate::view::screen::Screen;
use crate::view::theme::Theme;

/// A reachable state of the player.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scene {
    /// The node; `None` means the node of `step`, or the first node.
    pub node: Option<NodeId>,
    /// The step (in `node`, else in the first node that has it); `None` means the first step.
    pub step: Option<StepId>,
    /// Bash entries revealed; `None` reveals every entry, finished. With `Some(k)`, a
    /// type-along `k`-th entry is shown waiting at its prompt.
    pub bash: Option<usize>,
    /// An answer submitted to the step's quiz.
    pub answer: Option<Answer>,
    /// The step's task as solved: its files are the author's solutions (where given, else the
    /// starters) and its command checks passed. Otherwise the files are the starters, as a
    /// learner first sees them, and commands are not run yet.
    pub solved: bool,
    /// An overlay drawn over the step.
    pub overlay: Option<OverlayKind>,
    /// Draw with the `NO_COLOR` theme instead of the dark one.
    pub no_color: bool,
    /// The step's reveal blocks (`<details>`) opened, as the learner's `o` does.
    pub open: bool,
    /// Shuffle choices as a learner with this seed sees them; `None` keeps the author's order.
    pub seed: Option<u64>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum SceneError {
    #[error("the course has no node `{0}`")]
    UnknownNode(String),
    #[error("no step `{0}` in {1}")]
    UnknownStep(String, String),
    #[error("step `{0}` has no quiz to answer")]
    NoQuiz(String),
    #[error("step `{0}` has no task to solve")]
    NoTask(String),
    #[error("the answer does not fit the quiz of step `{step}`: {reason}")]
    BadAnswer { step: String, reason: String },
    #[error("step `{step}` has {available} bash entries, not {requested}")]
    BadBash {
        step: String,
        requested: usize,
        available: usize,
    },
}

pub use crate::view::fit::{Overflow, Unit};

/// What did not fit a scene's panes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Measured {
    /// Content a learner can never see at this size, however they scroll or zoom
    /// ([`crate::view::fit::unreachable`]): what `snapshot --deny-overflow` refuses.
    pub unreachable: Vec<Overflow>,
    /// Panes whose content needs scrolling (down, back or sideways) at this size, by the
    /// player's own measurements: reachable, but not all in view at once.
    pub scrolling: Vec<Overflow>,
}

/// Draws `scene` at `width` × `height`.
pub fn render_scene(
    course: &Arc<Course>,
    scene: &Scene,
    width: u16,
    height: u16,
) -> Result<Buffer, SceneError> {
    render_scene_measured(course, scene, width, height).map(|(buffer, _)| buffer)
}

/// Draws `scene` at `width` × `height`, and measures what of its step does not fit. A step's
/// unreachable content is reported with the step as it first shows (no answer, task not
/// solved, blocks closed), not again for each of its states; a screen drawn over the step
/// reports nothing.
pub fn render_scene_measured(
    course: &Arc<Course>,
    scene: &Scene,
    width: u16,
    height: u16,
) -> Result<(Buffer, Measured), SceneError> {
    let mut player = build(course, scene)?;
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    player.frame(area, &mut buffer);
    ignore(player.take_effects());
    let mut measured = Measured::default();
    if scene.overlay.is_none() {
        measured.scrolling = scrolling(player.model());
        if scene.answer.is_none()
            && !scene.open
            && !scene.solved
            && let Some(step) = player.model().step_ref()
        {
            measured.unreachable = crate::view::fit::unreachable(step, area);
        }
    }
    Ok((buffer, measured))
}

/// The panes of the model's step whose content needs scrolling, by its last measurement.
fn scrolling(model: &Model) -> Vec<Overflow> {
    use crate::core::load::UnseenPlace;
    let m = model.metrics;
    let panes = model.panes();
    let bash = panes.contains(&Focus::Bash);
    let quiz = panes.contains(&Focus::Quiz);
    let checks = [
        (
            "narration",
            m.narration,
            Unit::Lines,
            true,
            UnseenPlace::Body,
        ),
        (
            "narration code",
            m.code_cols,
            Unit::Columns,
            true,
            UnseenPlace::Body,
        ),
        ("bash", m.bash, Unit::Lines, bash, UnseenPlace::Bash(0)),
        (
            "bash output",
            m.bash_cols,
            Unit::Columns,
            bash,
            UnseenPlace::Bash(0),
        ),
        ("quiz", m.quiz, Unit::Lines, quiz, UnseenPlace::Quiz),
    ];
    checks
        .into_iter()
        .filter(|(_, extent, _, present, _)| *present && extent.content > extent.view)
        .map(|(pane, extent, unit, _, place)| Overflow {
            pane,
            needed: usize::from(extent.content),
            available: usize::from(extent.view),
            unit,
            place,
        })
        .collect()
}

/// A scene records nothing: it plays in practice mode with no store, so the progress it
/// would save goes nowhere, and no key it sends quits or suspends. It has no workspace
/// either: a task's files are handed to it as the scene says (starters or solutions), and
/// its commands are never run.
fn ignore(effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::SaveProgress(_)
            | Effect::Quit
            | Effect::Suspend
            | Effect::Task(_)
            | Effect::Edit(_) => {}
        }
    }
}

/// Sends `msg` to the scene's player.
fn send(player: &mut Player, msg: Msg) {
    ignore(player.dispatch(msg));
}

fn build(course: &Arc<Course>, scene: &Scene) -> Result<Player, SceneError> {
    let (node, step) = locate(course, scene)?;
    let options = Options {
        practice: true,
        animate: false,
        node: Some(course.nodes[node].id.clone()),
        step: Some(course.nodes[node].steps[step].id.clone()),
        tasks: TaskEnv {
            workspace: Some(format!("<data dir>/workspaces/{}", course.id)),
            problem: None,
            trust: Trust::Granted,
        },
        ..Options::default()
    };
    let mut progress = Progress::new(course.id.as_str());
    progress.seed = scene.seed;
    let model = Model::new(Arc::clone(course), progress, &options);
    let theme = if scene.no_color {
        Theme::no_color()
    } else {
        Theme::dark()
    };
    let mut screen = Screen::new(theme, false);
    screen.hide_badge = true;
    let mut player = Player::new(model, screen);
    ignore(player.start());
    reveal_bash(&mut player, scene.bash)?;
    if scene.open {
        send(&mut player, Msg::Act(Action::ToggleReveal));
    }
    if let Some(answer) = &scene.answer {
        answer_quiz(&mut player, answer)?;
    }
    show_task(&mut player, scene.solved)?;
    if let Some(kind) = scene.overlay {
        send(&mut player, Msg::Act(Action::Show(kind)));
    }
    Ok(player)
}

fn locate(course: &Course, scene: &Scene) -> Result<(usize, usize), SceneError> {
    let node = match &scene.node {
        Some(id) => Some(
            course
                .node_index(id)
                .ok_or_else(|| SceneError::UnknownNode(id.to_string()))?,
        ),
        None => None,
    };
    match (node, &scene.step) {
        (Some(n), Some(step)) => {
            course.nodes[n]
                .step_index(step)
                .map(|s| (n, s))
                .ok_or_else(|| {
                    SceneError::UnknownStep(
                        step.to_string(),
                        format!("node `{}`", course.nodes[n].id),
                    )
                })
        }
        (Some(n), None) => Ok((n, 0)),
        (None, Some(step)) => course
            .nodes
            .iter()
            .enumerate()
            .find_map(|(n, node)| node.step_index(step).map(|s| (n, s)))
            .ok_or_else(|| SceneError::UnknownStep(step.to_string(), "any node".into())),
        (None, None) if course.nodes.is_empty() => Err(SceneError::UnknownNode(String::new())),
        (None, None) => Ok((0, 0)),
    }
}

/// Reveals `k` entries (all, finished, when `None`) by stepping the bash pane.
fn reveal_bash(player: &mut Player, k: Option<usize>) -> Result<(), SceneError> {
    let Some(step) = player.model().step_ref() else {
        return Ok(());
    };
    let total = step.bash.len();
    let want = k.unwrap_or(total);
    if want > total {
        return Err(SceneError::BadBash {
            step: step.id.to_string(),
            requested: want,
            available: total,
        });
    }
    if want == 0 {
        return Ok(());
    }
    let focus = player.model().focus;
    send(player, Msg::FocusPane(Focus::Bash));
    // Each entry takes at most two presses (reveal, then show a type-along as scripted).
    for _ in 0..=2 * total {
        let bash = &player.model().bash;
        if bash.revealed >= want && !(k.is_none() && bash.awaiting) {
            break;
        }
        if bash.awaiting {
            send(player, Msg::Act(Action::Back));
        }
        send(player, Msg::Act(Action::Next));
    }
    if focus != Focus::Bash {
        send(player, Msg::FocusPane(focus));
    }
    Ok(())
}

/// Hands the step's task its files, as the worker would after writing the starters: the
/// starters, or for a solved scene the solutions, and then runs its command checks as passed.
fn show_task(player: &mut Player, solved: bool) -> Result<(), SceneError> {
    let model = player.model();
    let (Some(node), Some(step)) = (model.node_ref(), model.step_ref()) else {
        return Ok(());
    };
    let Some(task) = step.task.clone() else {
        return if solved {
            Err(SceneError::NoTask(step.id.to_string()))
        } else {
            Ok(())
        };
    };
    let key = TaskKey {
        node: node.id.clone(),
        step: step.id.clone(),
    };
    let files = task
        .files
        .iter()
        .map(|f| {
            let text = match (solved, &f.solution) {
                (true, Some(solution)) => Some(solution),
                _ => f.starter.as_ref(),
            };
            let state = text.map_or(FileState::Missing, |t| FileState::Text(t.clone()));
            (f.path.clone(), state)
        })
        .collect();
    send(player, Msg::Task(TaskMsg::Files { key, files }));
    if !solved {
        return Ok(());
    }
    send(player, Msg::FocusPane(Focus::Task));
    send(player, Msg::Act(Action::RunChecks));
    let batch = player.model().batches;
    for (check, _) in task.commands() {
        send(
            player,
            Msg::Task(TaskMsg::Run(RunReport::Started { batch, check })),
        );
        let finished = RunReport::Finished {
            batch,
            check,
            status: CheckStatus::Passed,
            output: String::new(),
        };
        send(player, Msg::Task(TaskMsg::Run(finished)));
    }
    send(player, Msg::Task(TaskMsg::Run(RunReport::Done { batch })));
    Ok(())
}

/// Enters `answer` with the quiz's own keys and submits it.
fn answer_quiz(player: &mut Player, answer: &Answer) -> Result<(), SceneError> {
    let course = player.model().course_handle();
    let model = player.model();
    let Some(step) = course.step_at(model.node, model.step) else {
        return Ok(());
    };
    let quiz = step
        .quiz
        .as_ref()
        .ok_or_else(|| SceneError::NoQuiz(step.id.to_string()))?;
    if grade(quiz, answer) == Grade::Invalid {
        return Err(SceneError::BadAnswer {
            step: step.id.to_string(),
            reason: format!(
                "`{}` is not a valid {} answer",
                crate::core::quiz::describe(answer),
                quiz.kind.name()
            ),
        });
    }
    send(player, Msg::FocusPane(Focus::Quiz));
    // Answers name choices in the author's order; the keys pick them where they are shown.
    match (answer, &quiz.kind) {
        (Answer::Choice(i), _) => {
            let row = player.model().quiz.row_of(*i);
            send(player, Msg::Pick(row));
        }
        (Answer::Choices(set), _) => {
            for i in set {
                let row = player.model().quiz.row_of(*i);
                send(player, Msg::Pick(row));
            }
        }
        (Answer::Text(text), _) => {
            for c in text.chars() {
                send(player, Msg::Input(c));
            }
        }
        (Answer::Order(order), QuizKind::Order { .. }) => arrange(player, order),
        (Answer::Order(_), _) => {}
    }
    send(player, Msg::Act(Action::Submit));
    Ok(())
}

/// Moves items with the cursor and move keys until the on-screen order is `order`.
fn arrange(player: &mut Player, order: &[usize]) {
    for (target, item) in order.iter().enumerate() {
        let Some(at) = player.model().quiz.order.iter().position(|i| i == item) else {
            return;
        };
        while player.model().quiz.cursor < at {
            send(player, Msg::Act(Action::CursorDown));
        }
        while player.model().quiz.cursor > at {
            send(player, Msg::Act(Action::CursorUp));
        }
        for _ in target..at {
            send(player, Msg::Act(Action::MoveItemUp));
        }
    }
}

#[cfg(test)]
mod tests;
