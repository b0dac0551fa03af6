//! At 80x24 every quiz of the built-in course, and its verdict, fits without scrolling (issue
//! 12): the quiz gets the wide pane on a quiz step, and keeps every row it needs through every
//! state a learner goes through: unanswered, every hint shown, three wrong answers (the answer
//! then offered), the answer revealed, and the right answer with its explanation.
//!
//! Driven through the keymap and the player's own frame pipeline, as the terminal does; the
//! learner has a seed, so choices are shuffled. Every quiz is played as the last one left in
//! the course, so its right answer also completes its node and the course: the most a verdict
//! ever says, with the notice line taking a row. `--nocapture` prints the tallest quizzes.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use termcourse::app::keymap::{Key, resolve};
use termcourse::app::{Model, Options};
use termcourse::core::course::{Course, QuizKind};
use termcourse::core::progress::Progress;
use termcourse::core::quiz::Answer;
use termcourse::edge::builtin;
use termcourse::edge::player::Player;
use termcourse::edge::snapshot::answers::wrong_answer;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

const SIZE: (u16, u16) = (80, 24);

fn press(player: &mut Player, key: Key) {
    if let Some(msg) = resolve(player.model().key_mode(), key) {
        drop(player.dispatch(msg));
    }
}

fn frame(player: &mut Player) {
    let area = Rect::new(0, 0, SIZE.0, SIZE.1);
    let mut buf = Buffer::empty(area);
    player.frame(area, &mut buf);
}

/// Enters `answer` (author indices) with the keys, where the choices are shown.
fn enter(player: &mut Player, answer: &Answer) {
    match answer {
        Answer::Choice(i) => {
            let row = player.model().quiz.row_of(*i);
            press(player, Key::Char(digit(row)));
        }
        Answer::Choices(set) => {
            for i in set {
                let row = player.model().quiz.row_of(*i);
                press(player, Key::Char(digit(row)));
            }
        }
        Answer::Text(text) => {
            press(player, Key::Ctrl('u'));
            for c in text.chars() {
                press(player, Key::Char(c));
            }
        }
        // An order quiz starts wrong: submitting its starting order is a wrong answer.
        Answer::Order(_) => {}
    }
}

fn digit(row: usize) -> char {
    char::from_digit(u32::try_from(row + 1).expect("row"), 10).expect("at most 9 choices")
}

#[test]
fn every_builtin_quiz_and_its_verdict_fit_80x24() {
    let course: Arc<Course> = Arc::new(builtin::load().expect("the built-in course loads"));
    let mut problems = Vec::new();
    let mut tallest: Vec<(u16, String)> = Vec::new();
    for node in &course.nodes {
        for step in node.steps.iter().filter(|s| s.quiz.is_some()) {
            let quiz = step.quiz.as_ref().expect("quiz");
            let options = Options {
                node: Some(node.id.clone()),
                step: Some(step.id.clone()),
                ..Options::default()
            };
            let mut progress = Progress::new(course.id.as_str());
            progress.seed = Some(20_251_124);
            for other in &course.nodes {
                let record = progress.nodes.entry(other.id.to_string()).or_default();
                record.complete = other.id != node.id;
                for s in other
                    .steps
                    .iter()
                    .filter(|s| s.quiz.is_some() && s.id != step.id)
                {
                    let quiz = record.quizzes.entry(s.id.to_string()).or_default();
                    quiz.passed = true;
                }
                // Tasks count for completion too: every one is done here.
                for s in other.steps.iter().filter(|s| s.task.is_some()) {
                    record.tasks.entry(s.id.to_string()).or_default().passed = true;
                }
            }
            let model = Model::new(Arc::clone(&course), progress, &options);
            let mut player = Player::new(model, Screen::new(Theme::no_color(), false));
            drop(player.start());
            let mut check = |player: &mut Player, state: &str| {
                frame(player);
                let m = player.model().metrics.quiz;
                tallest.push((m.content, format!("{}/{} {state}", node.id, step.id)));
                if m.content > m.view {
                    problems.push(format!(
                        "{}/{} {state}: the quiz needs {} rows, has {}",
                        node.id, step.id, m.content, m.view
                    ));
                }
            };
            check(&mut player, "unanswered");
            for _ in &quiz.hints {
                press(&mut player, Key::F(2));
            }
            check(&mut player, "with every hint");
            let wrong = wrong_answer(quiz).expect("a wrong answer");
            enter(&mut player, &wrong);
            for _ in 0..3 {
                press(&mut player, Key::Enter);
            }
            check(&mut player, "after three misses");
            press(&mut player, Key::F(2));
            assert!(
                player.model().quiz.revealed,
                "{}/{}: F2 reveals after three misses",
                node.id,
                step.id
            );
            check(&mut player, "revealed");
            press(&mut player, Key::Enter);
            assert!(
                player.model().quiz.is_right(),
                "{}/{}: the revealed answer passes",
                node.id,
                step.id
            );
            assert!(
                player
                    .model()
                    .quiz
                    .feedback
                    .as_ref()
                    .is_some_and(|f| f.finished),
                "{}/{}: the last quiz finishes the course",
                node.id,
                step.id
            );
            check(&mut player, "right, completing the node and the course");
            if matches!(quiz.kind, QuizKind::Text { .. }) {
                assert!(player.model().quiz.text.contains(step_sample(quiz)));
            }
        }
    }
    tallest.sort();
    for (rows, what) in tallest.iter().rev().take(8) {
        println!("{rows:>3} rows: {what}");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn step_sample(quiz: &termcourse::core::course::Quiz) -> &str {
    match &quiz.kind {
        QuizKind::Text { sample, .. } => sample,
        _ => "",
    }
}
