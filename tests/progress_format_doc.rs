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
fn the_format_1_example_loads_as_current() {
    let examples = toml_examples();
    let Some(Ok(Decoded::Current(progress))) = examples.first().map(|t| decode(t.as_bytes()))
    else {
        panic!("the first example should be a current-format file: {examples:?}");
    };
    assert_eq!(progress.course, "dockerfiles-for-ml");
    assert!(progress.is_complete(&NodeId::from("intro")));
    let quiz = &progress.nodes["base-images"].quizzes["pick-a-base"];
    assert_eq!((quiz.attempts, quiz.wrong_answers.len()), (2, 2));
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
