//! The built-in course is written for a 100x30 terminal: at that size every step, with its whole
//! bash pane and after a wrong or a right answer to its quiz, fits its panes without scrolling
//! down, and its narration's code is shown whole. Only a bash line wider than its pane scrolls
//! sideways: terminal output keeps its shape rather than wrapping (issue 14), and a line too
//! wide for the pane takes no room from the narration. Nothing a learner could never see.
//! `tests/builtin_snapshots.rs` pins how the screens look; this pins that nothing is cut off.

use std::path::Path;

use termcourse::edge::fs_source::load_course_path;
use termcourse::edge::snapshot::Size;
use termcourse::edge::snapshot::course::{course_cases, render};

#[test]
fn every_builtin_screen_fits_100x30() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let course =
        load_course_path(&root.join("lessons/dockerfiles-for-ml")).unwrap_or_else(|report| {
            panic!(
                "the built-in course does not load:\n{}",
                report.render(false)
            )
        });
    let course = std::sync::Arc::new(course);
    let cases = course_cases(&course);
    assert!(cases.len() > course.nodes.len(), "every step is a case");
    let mut overflowing = Vec::new();
    for case in &cases {
        let rendering = render(&course, &case.scene, Size::new(100, 30))
            .unwrap_or_else(|err| panic!("{} does not render: {err}", case.stem));
        let scrolls = rendering.scrolls.iter().filter(|o| o.pane != "bash output");
        for o in rendering.overflows.iter().chain(scrolls) {
            overflowing.push(format!(
                "{}: {} needs {} rows or columns, has {}",
                case.stem, o.pane, o.needed, o.available
            ));
        }
    }
    assert!(
        overflowing.is_empty(),
        "content cut off at 100x30:\n{}",
        overflowing.join("\n")
    );
}
