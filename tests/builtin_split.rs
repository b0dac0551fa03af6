//! Side by side, the split between the narration and the bash pane stays put while a learner
//! steps through a node: every step of a node that has a bash pane gets the same widths (it
//! used to follow each step's widest line, and jumped at every step).

use std::sync::Arc;

use ratatui::layout::Rect;
use termcourse::app::{Model, Options};
use termcourse::core::progress::Progress;
use termcourse::edge::builtin;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

#[test]
fn every_step_with_bash_in_a_node_has_the_same_split() {
    let course = Arc::new(builtin::load().expect("the built-in course loads"));
    let mut checked = 0;
    for size in [(120, 40), (200, 60)] {
        let area = Rect::new(0, 0, size.0, size.1);
        for node in &course.nodes {
            let mut widths = Vec::new();
            for step in node.steps.iter().filter(|s| !s.bash.is_empty()) {
                let model = Model::new(
                    Arc::clone(&course),
                    Progress::new(course.id.as_str()),
                    &Options {
                        practice: true,
                        node: Some(node.id.clone()),
                        step: Some(step.id.clone()),
                        ..Options::default()
                    },
                );
                let mut screen = Screen::new(Theme::dark(), false);
                screen.prepare(&model, area);
                let areas = screen.areas(&model, area);
                let task = areas.task.map(|t| t.width);
                widths.push((step.id.as_str().to_owned(), areas.narration.width, task));
            }
            // A step with a task splits by another share; compare like with like.
            for with_task in [false, true] {
                let same: Vec<_> = widths
                    .iter()
                    .filter(|w| w.2.is_some() == with_task)
                    .collect();
                checked += same.len();
                assert!(
                    same.windows(2).all(|w| w[0].1 == w[1].1),
                    "{size:?} {}: {same:?}",
                    node.id.as_str()
                );
            }
        }
    }
    assert!(checked > 50, "the course has steps with bash: {checked}");
}
