//! Tests of `bash_pane`: the notes under the transcript (wrapping, and what a
//! type-along's note gives away).

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::*;
use crate::app::msg::{Action, Msg};
use crate::app::update::update;
use crate::app::{Model, Options};
use crate::core::course::{NodeId, StepId};
use crate::core::progress::Progress;
use crate::view::test_util::buffer_text;

/// The test course's shell step, with a long note on the plain entry and a note on the
/// type-along that names its command.
fn model() -> Model {
    let mut course = (*crate::app::test_course::course()).clone();
    let shell = &mut course.nodes[0].steps[1];
    shell.bash[0].note = Some(
        "The image is built from the repository's Dockerfile and tagged app, so later \
         commands can name it"
            .into(),
    );
    shell.bash[1].note = Some("Secret: docker run app".into());
    let mut m = Model::new(
        Arc::new(course),
        Progress::new("t"),
        &Options {
            node: Some(NodeId::new("a")),
            step: Some(StepId::new("shell")),
            ..Options::default()
        },
    );
    drop(update(&mut m, Msg::Act(Action::Next)));
    m
}

fn pane(model: &Model, width: u16) -> String {
    let area = Rect::new(0, 0, width, 16);
    let mut buf = Buffer::empty(area);
    render(model, &Theme::no_color(), false, area, &mut buf);
    buffer_text(&buf)
}

#[test]
fn notes_wrap_at_word_boundaries() {
    let m = model();
    for width in [24, 31, 40, 53] {
        let text = pane(&m, width);
        for word in ["repository's", "Dockerfile", "commands"] {
            assert!(text.contains(word), "{width}: {word} split:\n{text}");
        }
    }
}

#[test]
fn a_type_alongs_note_shows_only_once_it_is_typed() {
    let mut m = model();
    assert!(m.bash.awaiting && m.typing, "the prompt is open");
    let waiting = pane(&m, 60);
    assert!(!waiting.contains("Secret"), "{waiting}");
    assert!(
        waiting.contains("repository's"),
        "the entry before keeps its note"
    );
    for c in "docker run app".chars() {
        drop(update(&mut m, Msg::Input(c)));
    }
    drop(update(&mut m, Msg::Act(Action::Submit)));
    let typed = pane(&m, 60);
    assert!(typed.contains("Secret: docker run app"), "{typed}");
}

#[test]
fn a_miss_quotes_the_words_as_code_without_backticks() {
    let mut m = model();
    for c in "docker rnu app".chars() {
        drop(update(&mut m, Msg::Input(c)));
    }
    drop(update(&mut m, Msg::Act(Action::Submit)));
    let verdict = m.bash.last_verdict.clone().expect("a verdict");
    assert!(verdict.contains('`'), "quoted: {verdict}");
    let missed = pane(&m, 60);
    assert!(missed.contains("run instead of rnu"), "{missed}");
    assert!(!missed.contains('`'), "{missed}");
}
