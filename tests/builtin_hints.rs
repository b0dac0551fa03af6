//! Every word of every hint of the built-in course is on screen once the hint is shown, at
//! several widths (issue 12: hints were wrapped to the pane and then prefixed with `hint N: `,
//! which pushed the end of each first line off the pane).

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use termcourse::app::keymap::{Key, resolve};
use termcourse::app::{Model, Options};
use termcourse::core::progress::Progress;
use termcourse::edge::builtin;
use termcourse::edge::player::Player;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

mod words;

#[test]
fn every_hint_word_is_on_screen_at_several_widths() {
    let course = Arc::new(builtin::load().expect("the built-in course loads"));
    let mut lost = Vec::new();
    let mut checked = 0;
    for node in &course.nodes {
        for step in &node.steps {
            let Some(quiz) = step.quiz.as_ref().filter(|q| !q.hints.is_empty()) else {
                continue;
            };
            for width in [44, 60, 80, 100, 120, 200] {
                let options = Options {
                    practice: true,
                    node: Some(node.id.clone()),
                    step: Some(step.id.clone()),
                    ..Options::default()
                };
                let model = Model::new(Arc::clone(&course), Progress::new("t"), &options);
                let mut player = Player::new(model, Screen::new(Theme::no_color(), false));
                drop(player.start());
                for _ in &quiz.hints {
                    if let Some(msg) = resolve(player.model().key_mode(), Key::F(2)) {
                        drop(player.dispatch(msg));
                    }
                }
                let area = Rect::new(0, 0, width, 60);
                let mut buf = Buffer::empty(area);
                player.frame(area, &mut buf);
                let screen = termcourse::view::text::to_plain(&buf);
                for hint in &quiz.hints {
                    let wanted = words::words(hint);
                    let missing = words::missing(&wanted, &screen);
                    if !missing.is_empty() {
                        lost.push(format!(
                            "{}/{} at {width} columns: {missing:?} of \"{hint}\"",
                            node.id, step.id
                        ));
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} hints checked");
    assert!(lost.is_empty(), "words off screen:\n{}", lost.join("\n"));
}
