//! The headless renderer: any step of a course, in any state the player can reach, drawn by the
//! player's own view into a ratatui `TestBackend` buffer. `termcourse render` / `snapshot` and
//! the screen tests all go through [`render_scene`], so there is one renderer.
//!
//! A [`Scene`] is reached the way a learner would reach it: the model is built with
//! [`Model::new`] and driven with `update` messages (reveal bash entries, enter an answer,
//! submit, open a screen). Scenes are deterministic: practice mode (everything open, nothing
//! recorded, and no badge saying so, so the scene looks as the player draws it), no animation, a fixed theme, no clock, no environment.

pub mod text;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use thiserror::Error;

use crate::app::msg::{Action, Msg};
use crate::app::update::{start, update};
use crate::app::{Focus, Model, Options};
use crate::core::course::{Course, NodeId, QuizKind, StepId};
use crate::core::progress::Progress;
use crate::core::quiz::{Answer, Grade, grade};
use crate::view::screen::Screen as View;
use crate::view::theme::Theme;

/// Which screen a scene shows over its step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Step,
    Matrix,
    Glossary,
    Faq,
    Help,
}

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
    pub screen: Screen,
    /// Draw with the `NO_COLOR` theme instead of the dark one.
    pub no_color: bool,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum SceneError {
    #[error("the course has no node `{0}`")]
    UnknownNode(String),
    #[error("no step `{0}` in {1}")]
    UnknownStep(String, String),
    #[error("step `{0}` has no quiz to answer")]
    NoQuiz(String),
    #[error("the answer does not fit the quiz of step `{step}`: {reason}")]
    BadAnswer { step: String, reason: String },
    #[error("step `{step}` has {available} bash entries, not {requested}")]
    BadBash {
        step: String,
        requested: usize,
        available: usize,
    },
}

/// Content that does not fit its pane at the scene's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overflow {
    /// `narration`, `narration code` (columns), `bash` or `quiz`.
    pub pane: String,
    pub needed: usize,
    pub available: usize,
}

/// Draws `scene` at `width` × `height`.
pub fn render_scene(
    course: &Course,
    scene: &Scene,
    width: u16,
    height: u16,
) -> Result<Buffer, SceneError> {
    let (model, view) = build(course, scene, width, height)?;
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).map_err(|e| unreachable_backend(&e))?;
    terminal
        .draw(|frame| view.draw(&model, frame))
        .map_err(|e| unreachable_backend(&e))?;
    Ok(terminal.backend().buffer().clone())
}

/// The panes of `scene` whose content is larger than the pane at `width` × `height`.
pub fn scene_overflows(
    course: &Course,
    scene: &Scene,
    width: u16,
    height: u16,
) -> Result<Vec<Overflow>, SceneError> {
    let (model, view) = build(course, scene, width, height)?;
    let m = view.measure(&model, Rect::new(0, 0, width, height));
    let panes = model.panes();
    let mut out = Vec::new();
    let mut check = |pane: &str, extent: crate::app::Extent, present: bool| {
        if present && extent.content > extent.view {
            out.push(Overflow {
                pane: pane.to_owned(),
                needed: usize::from(extent.content),
                available: usize::from(extent.view),
            });
        }
    };
    check("narration", m.narration, true);
    check("narration code", m.code_cols, true);
    check("bash", m.bash, panes.contains(&Focus::Bash));
    check("quiz", m.quiz, panes.contains(&Focus::Quiz));
    Ok(out)
}

/// `TestBackend` cannot fail; a failure is reported as an impossible bad answer rather than a
/// panic.
fn unreachable_backend(err: &dyn std::fmt::Display) -> SceneError {
    SceneError::BadAnswer {
        step: String::new(),
        reason: format!("test backend failed: {err}"),
    }
}

fn build<'c>(
    course: &'c Course,
    scene: &Scene,
    width: u16,
    height: u16,
) -> Result<(Model<'c>, View), SceneError> {
    let (node, step) = locate(course, scene)?;
    let options = Options {
        practice: true,
        animate: false,
        node: Some(course.nodes[node].id.clone()),
        step: Some(course.nodes[node].steps[step].id.clone()),
        notice: None,
    };
    let mut model = Model::new(course, Progress::new(course.id.as_str()), &options);
    let _ = start(&mut model);
    let _ = update(&mut model, Msg::Resize(width, height));
    reveal_bash(&mut model, scene.bash)?;
    if let Some(answer) = &scene.answer {
        answer_quiz(&mut model, answer)?;
    }
    let opener = match scene.screen {
        Screen::Step => None,
        Screen::Matrix => Some(Action::OpenMatrix),
        Screen::Glossary => Some(Action::OpenGlossary),
        Screen::Faq => Some(Action::OpenFaq),
        Screen::Help => Some(Action::OpenHelp),
    };
    if let Some(action) = opener {
        let _ = update(&mut model, Msg::Act(action));
    }
    let theme = if scene.no_color {
        Theme::no_color()
    } else {
        Theme::dark()
    };
    let mut view = View::new(theme, false);
    view.hide_badge = true;
    let area = Rect::new(0, 0, width, height);
    view.prepare(&model, area);
    let metrics = view.measure(&model, area);
    let _ = update(&mut model, Msg::Measured(metrics));
    Ok((model, view))
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
fn reveal_bash(model: &mut Model, k: Option<usize>) -> Result<(), SceneError> {
    let Some(step) = model.step_ref() else {
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
    let focus = model.focus;
    let _ = update(model, Msg::FocusPane(Focus::Bash));
    // Each entry takes at most two presses (reveal, then show a type-along as scripted).
    for _ in 0..=2 * total {
        if model.bash.revealed >= want && !(k.is_none() && model.bash.awaiting) {
            break;
        }
        if model.bash.awaiting {
            let _ = update(model, Msg::Act(Action::Back));
        }
        let _ = update(model, Msg::Act(Action::Next));
    }
    if focus != Focus::Bash {
        let _ = update(model, Msg::FocusPane(focus));
    }
    Ok(())
}

/// Enters `answer` with the quiz's own keys and submits it.
fn answer_quiz(model: &mut Model, answer: &Answer) -> Result<(), SceneError> {
    let Some(step) = model.step_ref() else {
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
    let _ = update(model, Msg::FocusPane(Focus::Quiz));
    match (answer, &quiz.kind) {
        (Answer::Choice(i), _) => {
            let _ = update(model, Msg::Pick(*i));
        }
        (Answer::Choices(set), _) => {
            for i in set {
                let _ = update(model, Msg::Pick(*i));
            }
        }
        (Answer::Text(text), _) => {
            for c in text.chars() {
                let _ = update(model, Msg::Input(c));
            }
        }
        (Answer::Order(order), QuizKind::Order { .. }) => arrange(model, order),
        (Answer::Order(_), _) => {}
    }
    let _ = update(model, Msg::Act(Action::Submit));
    Ok(())
}

/// Moves items with the cursor and move keys until the on-screen order is `order`.
fn arrange(model: &mut Model, order: &[usize]) {
    for (target, item) in order.iter().enumerate() {
        let Some(at) = model.quiz.order.iter().position(|i| i == item) else {
            return;
        };
        while model.quiz.cursor < at {
            let _ = update(model, Msg::Act(Action::CursorDown));
        }
        while model.quiz.cursor > at {
            let _ = update(model, Msg::Act(Action::CursorUp));
        }
        for _ in target..at {
            let _ = update(model, Msg::Act(Action::MoveItemUp));
        }
    }
}

#[cfg(test)]
mod tests;
