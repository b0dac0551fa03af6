//! Matrix widget tests: layouts at common sizes, state symbols without colour, tiny sizes.

use super::*;
use crate::core::course::NodeId;
use crate::view::test_util::{buffer_text, draw, sample_course};

fn states() -> Vec<NodeState> {
    let locked = |ids: &[&str]| NodeState::Locked {
        missing: ids.iter().map(|i| NodeId::new(*i)).collect(),
    };
    vec![
        NodeState::Complete,
        NodeState::Complete,
        NodeState::InProgress,
        locked(&["deps"]),
        NodeState::Available,
        NodeState::Available,
        locked(&["layers"]),
        locked(&["layers", "secrets"]),
        locked(&["multistage", "weights"]),
        locked(&["serve"]),
    ]
}

fn screen(width: u16, height: u16, selected: usize, ascii: bool) -> String {
    let course = sample_course();
    let states = states();
    let theme = Theme::no_color();
    let matrix = Matrix {
        course: &course,
        progress: None,
        review_due: 0,
        states: &states,
        selected,
        current: Some(2),
        theme: &theme,
        ascii,
    };
    buffer_text(&draw(matrix, width, height))
}

#[test]
fn snapshot_80x24() {
    insta::assert_snapshot!(screen(80, 24, 7, false));
}

#[test]
fn snapshot_120x40() {
    insta::assert_snapshot!(screen(120, 40, 7, false));
}

#[test]
fn snapshot_120x40_ascii() {
    insta::assert_snapshot!(screen(120, 40, 3, true));
}

#[test]
fn locked_node_detail_names_what_it_needs() {
    let text = screen(120, 40, 7, false);
    assert!(text.contains("needs: Layer caching, Secrets"), "{text}");
    assert!(text.contains("■ Model weights  locked"), "{text}");
}

#[test]
fn selection_is_reversed_and_states_have_symbols() {
    let course = sample_course();
    let states = states();
    let theme = Theme::no_color();
    let matrix = Matrix {
        course: &course,
        progress: None,
        review_due: 0,
        states: &states,
        selected: 0,
        current: Some(2),
        theme: &theme,
        ascii: false,
    };
    let buf = draw(&matrix, 120, 40);
    let text = buffer_text(&buf);
    for needle in [
        "✔ Container basics",
        "▶◐ Python deps",
        "○ Secrets",
        "■ Ship it",
    ] {
        assert!(text.contains(needle), "{needle}\n{text}");
    }
    let (y, row) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("✔ Container"))
        .unwrap_or_default();
    let x = row.chars().position(|c| c == '✔').unwrap_or(0);
    let cell = &buf[(u16::try_from(x).unwrap_or(0), u16::try_from(y).unwrap_or(0))];
    assert_eq!(cell.symbol(), "✔");
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    let other = text
        .lines()
        .position(|l| l.contains("✔ Base images"))
        .unwrap_or(0);
    assert_ne!(other, y);
}

#[test]
fn symbols_are_single_width_or_ascii() {
    let all = [
        NodeState::Complete,
        NodeState::InProgress,
        NodeState::Available,
        NodeState::Locked {
            missing: Vec::new(),
        },
    ];
    for s in &all {
        for current in [false, true] {
            assert_eq!(node_symbol(s, current, false).width(), 1);
            assert!(node_symbol(s, current, true).is_ascii());
        }
    }
}

#[test]
fn never_panics_at_tiny_sizes() {
    for w in 0..=12 {
        for h in 0..=8 {
            let _ = screen(w, h, 9, false);
            let _ = screen(w, h, 0, true);
        }
    }
    let _ = screen(40, 12, 9, false);
}

#[test]
fn narrow_areas_fall_back_to_a_list_that_keeps_the_selection_visible() {
    let text = screen(40, 12, 9, false);
    assert!(text.contains("■ Ship it"), "{text}");
    assert!(!text.contains("✔ Container basics"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_tagline_too_long_for_the_border_is_shown_above_the_graph_and_clicks_still_hit() {
    let mut course = sample_course();
    course.tagline = "Package your ML models for production. Master image layers, dependency \
                      caching, and robust execution environments."
        .to_owned();
    let states = states();
    let theme = Theme::no_color();
    let matrix = Matrix {
        course: &course,
        progress: None,
        review_due: 0,
        states: &states,
        selected: 0,
        current: None,
        theme: &theme,
        ascii: true,
    };
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    (&matrix).render(area, &mut buf);
    let text = buffer_text(&buf);
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines[0].contains("Package"), "not on the border:\n{text}");
    assert!(lines[1].contains("Package your ML models"), "{text}");
    // Every node label drawn on screen is found by hit-testing at its position.
    let mut hits = 0;
    for (i, node) in course.nodes.iter().enumerate() {
        let hit = lines.iter().enumerate().find_map(|(row, line)| {
            line.find(node.title.as_str())
                .map(|byte| (row, line[..byte].chars().count()))
        });
        if let Some((row, col)) = hit {
            let at = matrix.node_at(
                area,
                u16::try_from(col).unwrap_or(0),
                u16::try_from(row).unwrap_or(0),
            );
            assert_eq!(at, Some(i), "click on `{}` at {col},{row}", node.title);
            hits += 1;
        }
    }
    assert!(
        hits >= 5,
        "only {hits} node titles found on screen:\n{text}"
    );
}

#[test]
fn an_in_progress_node_lists_what_is_left_and_the_selected_nodes_links() {
    use crate::core::course::{Choice, Quiz, QuizKind, Step, StepId};
    use crate::core::progress::Progress;
    let mut course = sample_course();
    let quiz_step = |id: &str, title: &str| Step {
        id: StepId::new(id),
        title: title.to_owned(),
        sys_msg: None,
        body: None,
        bash: Vec::new(),
        quiz: Some(Quiz {
            question: "?".into(),
            kind: QuizKind::Single {
                choices: vec![Choice {
                    text: "a".into(),
                    correct: true,
                    why: None,
                }],
            },
            hints: Vec::new(),
            explain: None,
        }),
        task: None,
    };
    let deps = &mut course.nodes[2];
    deps.steps.push(quiz_step("check-pins", "Pin versions"));
    deps.steps.push(quiz_step("check-lock", "Lock files"));
    let mut progress = Progress::new("c");
    progress.record_attempt(&deps.id, &StepId::new("check-lock"), None);
    let states = states();
    let theme = Theme::no_color();
    let matrix = Matrix {
        course: &course,
        progress: Some(&progress),
        review_due: 3,
        states: &states,
        selected: 2,
        current: Some(2),
        theme: &theme,
        ascii: false,
    };
    let text = buffer_text(&draw(&matrix, 120, 40));
    assert!(
        text.contains("left: a quiz at step 2"),
        "the unpassed quiz, by step (quiz steps are often titled alike): {text}"
    );
    assert!(
        !text.contains("step 3"),
        "passed quizzes are not left: {text}"
    );
    assert!(text.contains("after: Container basics"), "{text}");
    assert!(text.contains("unlocks: Layer caching"), "{text}");
    assert!(text.contains("R review: 3 questions due"), "{text}");
    assert!(
        text.contains("▶◐ Python deps"),
        "here and in progress, both shown: {text}"
    );
}
