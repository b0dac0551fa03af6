//! What keys mean right now: the key mode of the model, the type-along prompt that opens as
//! soon as the entry before it is shown (so letters are text while it waits), and whether the
//! hint key has something to give.

use super::{Focus, KeyMode, Model};
use crate::core::course::QuizKind;

impl Model {
    /// Opens the prompt of the next bash entry when it is a type-along the learner has not
    /// typed before and the bash pane has the keyboard: from then on letters are typed into
    /// it, never taken for keys. Called whenever the entry before it is fully shown (or the
    /// step is entered, for a first entry). Returns whether it opened one.
    pub(crate) fn open_waiting_prompt(&mut self) -> bool {
        if self.focus != Focus::Bash || self.bash.awaiting || self.bash.is_typing() {
            return false;
        }
        let course = self.course_handle();
        let (Some(node), Some(step)) = (
            course.nodes.get(self.node),
            course.step_at(self.node, self.step),
        ) else {
            return false;
        };
        let next = self.bash.revealed;
        let waiting = step.bash.get(next).is_some_and(|e| e.type_along.is_some())
            && !self.progress.type_along_done(&node.id, &step.id, next);
        if waiting && self.bash.reveal_next(&step.bash, self.animate) {
            self.typing = true;
            self.scroll.bash_back = 0;
            return true;
        }
        false
    }

    /// Whether the next bash entry (after the one being typed by the animation) waits for
    /// the learner's line: keys pressed now are meant for it.
    pub fn prompt_coming(&self) -> bool {
        self.focus == Focus::Bash
            && self.bash.is_typing()
            && self.step_ref().is_some_and(|s| {
                s.bash
                    .get(self.bash.revealed)
                    .is_some_and(|e| e.type_along.is_some())
            })
    }

    /// Whether the hint key has something to give on this step: a quiz's hints (or its
    /// answer), or a type-along's.
    pub fn hint_available(&self) -> bool {
        let type_along = self.bash.awaiting
            && self
                .step_ref()
                .zip(self.bash.active())
                .and_then(|(s, i)| s.bash.get(i))
                .is_some_and(|e| e.type_along.is_some());
        let task = self
            .task_ref()
            .zip(self.task.as_ref())
            .is_some_and(|(task, pane)| pane.next_hint(task).is_some());
        // A quiz: a hint left, or the answer to fill in; not while F2 would do nothing.
        let quiz = self.quiz_ref().is_some_and(|q| {
            !self.quiz.is_right()
                && (self.quiz.hints_shown < q.hints.len() || self.quiz.answer_offered(q))
        });
        type_along || task || quiz
    }

    pub fn key_mode(&self) -> KeyMode {
        match &self.overlay {
            Some(overlay) => KeyMode::Overlay(overlay.kind()),
            None => match self.focus {
                Focus::Narration => KeyMode::Narration,
                Focus::Bash if self.typing || self.prompt_coming() => KeyMode::TypeAlong,
                Focus::Bash => KeyMode::Bash,
                Focus::Quiz => self.quiz_mode(),
                Focus::Task
                    if self
                        .task
                        .as_ref()
                        .is_some_and(|t| t.confirm_reset.is_some()) =>
                {
                    KeyMode::TaskConfirm
                }
                Focus::Task => KeyMode::Task,
            },
        }
    }

    fn quiz_mode(&self) -> KeyMode {
        if self.typing {
            return KeyMode::QuizText;
        }
        if self.quiz.is_right() {
            return KeyMode::QuizDone;
        }
        match self.quiz_ref().map(|q| &q.kind) {
            Some(QuizKind::Text { .. }) => KeyMode::QuizIdle,
            Some(QuizKind::Order { .. }) if self.quiz.carrying => KeyMode::Carrying,
            Some(QuizKind::Order { .. }) => KeyMode::Order,
            _ => KeyMode::Quiz,
        }
    }
}
