//! What counts as overflow: only what no scrolling or zoom brings into view.

use super::*;
use crate::core::course::{BashEntry, Choice, Quiz, StepId, TypeAlong};

fn step() -> Step {
    Step {
        id: StepId::new("s"),
        title: "A step".into(),
        sys_msg: None,
        body: None,
        bash: Vec::new(),
        quiz: None,
        task: None,
    }
}

fn at(step: &Step, w: u16, h: u16) -> Vec<(&'static str, usize, usize, Unit)> {
    unreachable(step, Rect::new(0, 0, w, h))
        .into_iter()
        .map(|o| (o.pane, o.needed, o.available, o.unit))
        .collect()
}

fn quiz(choices: usize) -> Quiz {
    Quiz {
        question: "Which?".into(),
        kind: QuizKind::Single {
            choices: (0..choices)
                .map(|i| Choice {
                    text: format!("choice {i}"),
                    correct: i == 0,
                    why: None,
                })
                .collect(),
        },
        hints: Vec::new(),
        explain: None,
    }
}

#[test]
fn what_scrolls_is_never_overflow() {
    let mut s = step();
    s.body = Some(format!(
        "{}\n\n```text\n{}\n```\n",
        "A long paragraph. ".repeat(200),
        "x".repeat(300)
    ));
    s.bash = vec![BashEntry {
        cmd: format!("echo {}", "y".repeat(300)),
        out: "line\n".repeat(200),
        note: Some("A short note.".into()),
        type_along: None,
    }];
    s.quiz = Some(quiz(4));
    assert_eq!(at(&s, 80, 24), []);
    assert_eq!(at(&s, 44, 12), []);
}

#[test]
fn quiz_choices_that_cannot_all_be_shown_are_overflow() {
    let mut s = step();
    s.quiz = Some(quiz(30));
    // 80x24: header and footer take two rows, the zoomed pane's border two more.
    assert_eq!(at(&s, 80, 24), [("quiz choices", 30, 20, Unit::Lines)]);
    assert_eq!(at(&s, 120, 40), []);
}

#[test]
fn cut_tables_unscrollable_code_and_tall_notes_are_overflow() {
    let mut s = step();
    let cells: Vec<String> = (0..8).map(|i| format!("column number {i}")).collect();
    s.body = Some(format!(
        "| {} |\n|{}\n",
        cells.join(" | "),
        "---|".repeat(8)
    ));
    s.sys_msg = Some("Fine.".into());
    let found = at(&s, 80, 24);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].2, found[0].3),
        ("narration", 76, Unit::Columns)
    );
    assert!(found[0].1 > 76);
    let unseen = super::unseen(&s);
    assert_eq!(unseen[0].place, UnseenPlace::Body);
    let mut boxed = step();
    boxed.sys_msg = Some(format!("```text\n{}\n```", "z".repeat(90)));
    assert_eq!(at(&boxed, 80, 24), [("narration", 96, 76, Unit::Columns)]);
    assert_eq!(super::unseen(&boxed)[0].place, UnseenPlace::SysMsg);
    assert_eq!(at(&boxed, 120, 40), []);
    let mut quizzed = step();
    let mut q = quiz(2);
    q.question = format!("Which?\n\n```text\n{}\n```", "q".repeat(100));
    quizzed.quiz = Some(q);
    assert_eq!(at(&quizzed, 80, 24), [("quiz", 102, 76, Unit::Columns)]);
    let mut noted = step();
    noted.bash = vec![BashEntry {
        cmd: "ls".into(),
        out: String::new(),
        note: Some("word ".repeat(200)),
        type_along: Some(TypeAlong {
            accept: vec![crate::core::course::Pattern::command("ls")],
            hint: Some("type ls".into()),
        }),
    }];
    // 1,000 characters of note in 76 columns, the line saying what to do, the hint and the
    // rule above them: 17 rows, where at most half of 20 are for notes.
    assert_eq!(at(&noted, 80, 24), [("bash notes", 17, 10, Unit::Lines)]);
    assert_eq!(super::unseen(&noted)[0].place, UnseenPlace::Bash(0));
    assert_eq!(at(&noted, 200, 60), []);
}

#[test]
fn reveal_blocks_are_measured_open() {
    let mut s = step();
    s.sys_msg = Some(format!(
        "<details><summary>Solution</summary>\n\n```text\n{}\n```\n\n</details>",
        "w".repeat(90)
    ));
    assert_eq!(at(&s, 80, 24).len(), 1);
}

#[test]
fn below_the_smallest_size_nothing_can_be_seen() {
    assert_eq!(at(&step(), 40, 20), [("screen", 44, 40, Unit::Columns)]);
    assert_eq!(at(&step(), 60, 10), [("screen", 12, 10, Unit::Lines)]);
}

#[test]
fn check_is_told_what_and_by_how_much() {
    let mut s = step();
    s.quiz = Some(quiz(30));
    let unseen = super::unseen(&s);
    assert_eq!(unseen.len(), 1);
    assert_eq!(unseen[0].place, UnseenPlace::Quiz);
    assert_eq!(
        unseen[0].message,
        "the quiz's choices cannot be seen in full at 80x24: 30 lines needed, 20 available even zoomed"
    );
}

#[test]
fn code_indented_with_a_tab_in_the_box_is_measured() {
    let mut s = step();
    s.sys_msg = Some(format!("Run:\n\n\t{}\n", "t".repeat(90)));
    // As wide as the same line fenced (see above): the code, its indent and the box.
    assert_eq!(at(&s, 80, 24), [("narration", 96, 76, Unit::Columns)]);
}

#[test]
fn what_fits_at_the_smallest_size_fits_at_every_larger_one() {
    // Steps at the edge of fitting at 80x24: 20 choices in 20 rows, a code line as wide as the
    // box (with its indent), a note and hint filling half the bash pane.
    let mut choices = step();
    choices.quiz = Some(quiz(20));
    let mut boxed = step();
    boxed.sys_msg = Some(format!("```text\n{}\n```", "z".repeat(70)));
    let mut noted = step();
    noted.bash = vec![BashEntry {
        cmd: "ls".into(),
        out: String::new(),
        note: Some("word ".repeat(100)),
        type_along: None,
    }];
    for s in [choices, boxed, noted] {
        assert_eq!(at(&s, 80, 24), [], "{s:?}");
        for (w, h) in [
            (81, 24),
            (80, 25),
            (100, 30),
            (120, 40),
            (200, 60),
            (80, 60),
            (300, 24),
        ] {
            assert_eq!(at(&s, w, h), [], "{w}x{h}: {s:?}");
        }
    }
}
