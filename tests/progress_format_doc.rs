//! The examples in `docs/progress-format.md` are real files: they load as documented.

use termcourse::core::course::NodeId;
use termcourse::core::progress::codec::{Decoded, decode};

/// The `toml` code blocks of the format document, in order.
fn toml_examples() -> Vec<String> {
    let doc = include_str!("../docs/progress-format.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), text) => {
                block.push_str(text);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_format_2_example_loads_as_current() {
    let examples = toml_examples();
    let Some(Ok(Decoded::Current(progress))) = examples.first().map(|t| decode(t.as_bytes()))
    else {
        panic!("the first example should be a current-format file: {examples:?}");
    };
    assert_eq!(progress.course, "dockerfiles-for-ml");
    assert_eq!(
        (progress.seed, progress.active_secs),
        (Some(4_815_162_342), 2710)
    );
    assert!(progress.is_complete(&NodeId::from("intro")));
    let base = &progress.nodes["base-images"];
    let quiz = &base.quizzes["pick-a-base"];
    assert_eq!((quiz.attempts, quiz.wrong_answers.len()), (2, 2));
    let recalled = &base.quizzes["recall-the-flag"];
    assert!(recalled.revealed && !recalled.passed_first_try());
    let days: Vec<String> = recalled.review.iter().map(ToString::to_string).collect();
    assert_eq!(
        days,
        [
            "2025-11-25 missed",
            "2025-11-25 correct",
            "2025-11-27 correct"
        ]
    );
    assert!(progress.nodes["intro"].quizzes["check"].passed_first_try());
    assert_eq!(base.type_alongs_hinted.len(), 1);
    let task = &base.tasks["pin-the-base"];
    assert_eq!((task.passed, task.passed_at), (true, Some(1_764_003_500)));
}

#[test]
fn the_format_1_example_migrates_with_nothing_lost() {
    let examples = toml_examples();
    let Some(Ok(Decoded::Migrated { from: 1, progress })) =
        examples.get(2).map(|t| decode(t.as_bytes()))
    else {
        panic!("the third example should be a format-1 file: {examples:?}");
    };
    let quiz = &progress.nodes["intro"].quizzes["check"];
    assert_eq!((quiz.attempts, quiz.wrong_answers.len()), (2, 1));
    assert!(progress.is_complete(&NodeId::from("intro")));
    assert_eq!(progress.started_at, Some(1_764_000_000));
}

#[test]
fn the_format_0_example_migrates() {
    let examples = toml_examples();
    let Some(Ok(Decoded::Migrated { from: 0, progress })) =
        examples.get(1).map(|t| decode(t.as_bytes()))
    else {
        panic!("the second example should be a format-0 file: {examples:?}");
    };
    assert!(progress.is_complete(&NodeId::from("intro")));
    assert_eq!(
        progress.position.map(|p| p.node).as_deref(),
        Some("base-images")
    );
}

#[test]
fn the_documented_size_limit_is_the_one_enforced() {
    let doc = include_str!("../docs/progress-format.md");
    let limit = termcourse::edge::store::MAX_PROGRESS_BYTES;
    let mut digits = limit.to_string();
    // 16777216 → 16,777,216
    let mut at = digits.len();
    while at > 3 {
        at -= 3;
        digits.insert(at, ',');
    }
    assert!(
        doc.contains(&format!("{} MiB** ({digits} bytes)", limit >> 20)),
        "docs/progress-format.md does not state the {limit}-byte limit"
    );
}
