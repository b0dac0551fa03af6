use super::*;
use crate::core::course::{NodeId, StepId};
use crate::core::progress::{Day, NodeRecord, ReviewOutcome};

fn full_progress() -> Progress {
    let mut p = Progress::new("dockerfiles-for-ml");
    let (node, quiz) = (NodeId::from("base-images"), StepId::from("check"));
    p.set_position(&node, &StepId::from("slim-vs-full"));
    p.mark_seen(&node, &StepId::from("intro"));
    p.mark_seen(&node, &StepId::from("slim-vs-full"));
    p.mark_type_along(&node, &StepId::from("slim-vs-full"), 0);
    p.record_attempt(&node, &quiz, Some("choice 2: \"alpine\"".to_owned()));
    p.record_attempt(&node, &quiz, None);
    p.record_task_passed(&node, &StepId::from("write-it"));
    p.record_hints(&node, &quiz, 2);
    p.record_reveal(&node, &StepId::from("recall"));
    p.record_review(
        &node,
        &StepId::from("recall"),
        ReviewOutcome::Missed,
        Day(20_416),
    );
    p.record_review(
        &node,
        &StepId::from("recall"),
        ReviewOutcome::Correct,
        Day(20_417),
    );
    p.record_type_along_hint(&node, &StepId::from("slim-vs-full"), 0);
    p.record_type_along_reveal(&node, &StepId::from("slim-vs-full"), 1);
    p.seed = Some(0x1234_5678_9abc);
    p.active_secs = 1500;
    p.nodes.entry("base-images".into()).or_default().complete = true;
    p.nodes
        .insert("a node removed later".into(), NodeRecord::default());
    p.stamp(1_764_000_000);
    p
}

#[test]
fn round_trip_keeps_everything() {
    let p = full_progress();
    let text = encode(&p).expect("encodes");
    assert!(text.starts_with("# termcourse progress"), "{text}");
    assert!(text.trim_end().ends_with(CLOSING_LINE));
    assert_eq!(decode(text.as_bytes()), Ok(Decoded::Current(p)));
}

#[test]
fn fresh_progress_round_trips() {
    let p = Progress::new("c");
    let text = encode(&p).expect("encodes");
    assert_eq!(decode(text.as_bytes()), Ok(Decoded::Current(p)));
}

#[test]
fn the_file_is_readable_toml_with_the_documented_layout() {
    let text = encode(&full_progress()).expect("encodes");
    for expected in [
        "format = 2\n",
        "course = \"dockerfiles-for-ml\"\n",
        "active_secs = 1500\n",
        "seed = 20015998343868\n",
        "type_alongs_hinted = [\"slim-vs-full#0\"]\n",
        "type_alongs_revealed = [\"slim-vs-full#1\"]\n",
        "hints = 2\n",
        "[nodes.base-images.quizzes.recall]\nattempts = 1\npassed = true\npassed_at = 1764000000\nrevealed = true\n",
        "review = [\"2025-11-24 missed\", \"2025-11-25 correct\"]\n",
        "started_at = 1764000000\n",
        "[position]\nnode = \"base-images\"\nstep = \"slim-vs-full\"\n",
        "[nodes.base-images]\ncomplete = true\ncompleted_at = 1764000000\n",
        "seen = [\"intro\", \"slim-vs-full\"]\n",
        "type_alongs = [\"slim-vs-full#0\"]\n",
        "[nodes.base-images.quizzes.check]\nattempts = 2\npassed = true\n",
        "wrong_answers = ['choice 2: \"alpine\"']\n",
        "[nodes.base-images.tasks.write-it]\npassed = true\npassed_at = 1764000000\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

/// A format-1 file written before tasks existed (the example of docs/progress-format.md as it
/// was then) still loads, migrated to format 2 with nothing lost, and a task record added later
/// survives a round trip.
#[test]
fn format_one_files_from_before_tasks_still_load() {
    let old = format!(
        "format = 1\ncourse = \"dockerfiles-for-ml\"\nstarted_at = 1764000000\n\
         [position]\nnode = \"base-images\"\nstep = \"slim-vs-full\"\n\
         [nodes.intro]\ncomplete = true\ncompleted_at = 1764000420\nseen = [\"welcome\"]\n\
         [nodes.intro.quizzes.check]\nattempts = 1\npassed = true\npassed_at = 1764000420\n\
         {CLOSING_LINE}\n"
    );
    let Ok(Decoded::Migrated {
        from: 1,
        mut progress,
    }) = decode(old.as_bytes())
    else {
        panic!("an old format-1 file loads");
    };
    assert_eq!(progress.format, PROGRESS_FORMAT);
    assert!(progress.is_complete(&NodeId::from("intro")));
    assert_eq!(progress.started_at, Some(1_764_000_000));
    assert_eq!(
        progress.position.as_ref().map(|p| p.step.as_str()),
        Some("slim-vs-full")
    );
    let quiz = &progress.nodes["intro"].quizzes["check"];
    assert!(quiz.passed_first_try() && quiz.review.is_empty() && quiz.hints == 0);
    assert_eq!((progress.seed, progress.active_secs), (None, 0));
    assert!(progress.nodes["intro"].tasks.is_empty());
    let (node, step) = (
        NodeId::from("capstone"),
        StepId::from("write-the-dockerfile"),
    );
    assert!(!progress.task_passed(&node, &step));
    assert!(progress.record_task_passed(&node, &step));
    assert!(!progress.record_task_passed(&node, &step), "recorded once");
    let text = encode(&progress).expect("encodes");
    assert!(
        text.contains("[nodes.capstone.tasks.write-the-dockerfile]\npassed = true\n"),
        "{text}"
    );
    assert_eq!(decode(text.as_bytes()), Ok(Decoded::Current(progress)));
}

#[test]
fn bad_files_are_reported_not_guessed_at() {
    let whole = encode(&full_progress()).expect("encodes");
    let half = &whole[..whole.len() / 2];
    let cut_at_line = &whole[..whole
        .rfind("[nodes.base-images.quizzes")
        .expect("has quizzes")];
    let cases: [(&str, &[u8], DecodeError); 8] = [
        ("zero bytes", b"", DecodeError::Empty),
        ("blank", b" \n\n", DecodeError::Empty),
        ("zero-filled", &[0; 64], DecodeError::Syntax(String::new())),
        ("binary", &[0xff, 0xfe, 0x00, 0x41], DecodeError::NotUtf8),
        (
            "garbage",
            b"{{{ not toml",
            DecodeError::Syntax(String::new()),
        ),
        ("half", half.as_bytes(), DecodeError::Syntax(String::new())),
        (
            "cut at a line",
            cut_at_line.as_bytes(),
            DecodeError::Truncated,
        ),
        (
            "format as text",
            b"format = \"1\"",
            DecodeError::BadFormat(String::new()),
        ),
    ];
    for (name, bytes, want) in cases {
        let got = decode(bytes);
        let same_kind = got
            .as_ref()
            .err()
            .is_some_and(|e| std::mem::discriminant(e) == std::mem::discriminant(&want));
        // Cutting in half may land on a line boundary and still parse: then it is `Truncated`.
        let half_cut_cleanly = name == "half" && got == Err(DecodeError::Truncated);
        assert!(same_kind || half_cut_cleanly, "{name}: got {got:?}");
    }
}

#[test]
fn error_messages_are_one_plain_line() {
    let Err(err) = decode(b"a = \"\x01\x1b[31m\n\n\n") else {
        panic!("control characters are not valid TOML");
    };
    let message = err.to_string();
    assert!(!message.chars().any(char::is_control), "{message:?}");
}

#[test]
fn a_wrong_shape_is_an_error() {
    for format in [1, 2] {
        let text = format!("format = {format}\ncourse = 5\n{CLOSING_LINE}\n");
        assert!(matches!(
            decode(text.as_bytes()),
            Err(DecodeError::Shape(_))
        ));
    }
    let bad_review = format!(
        "format = 2\ncourse = \"c\"\n[nodes.n.quizzes.q]\nreview = [\"yesterday correct\"]\n{CLOSING_LINE}\n"
    );
    let Err(DecodeError::Shape(message)) = decode(bad_review.as_bytes()) else {
        panic!("a review entry that is not a date and an outcome is an error");
    };
    assert!(message.contains("2025-11-24"), "{message}");
}

#[test]
fn format_one_must_be_whole_too() {
    let text = "format = 1\ncourse = \"c\"\n";
    assert_eq!(decode(text.as_bytes()), Err(DecodeError::Truncated));
}

#[test]
fn newer_formats_are_recognised_without_reading_them() {
    for text in ["format = 3\nwhatever = { new = true }\n", "format = 99"] {
        assert!(matches!(
            decode(text.as_bytes()),
            Ok(Decoded::Newer { format }) if format > PROGRESS_FORMAT
        ));
    }
}

#[test]
fn format_zero_is_migrated() {
    let text = r#"
        course = "dockerfiles-for-ml"
        current = "base-images/slim-vs-full"
        completed = ["intro", "base-images"]
        passed = ["intro/check", "base-images/quiz-1"]
    "#;
    let Ok(Decoded::Migrated { from: 0, progress }) = decode(text.as_bytes()) else {
        panic!("format 0 should migrate");
    };
    assert_eq!(progress.format, PROGRESS_FORMAT);
    assert_eq!(progress.course, "dockerfiles-for-ml");
    let position = progress.position.as_ref().expect("position migrated");
    assert_eq!(
        (position.node.as_str(), position.step.as_str()),
        ("base-images", "slim-vs-full")
    );
    assert!(progress.is_complete(&NodeId::from("intro")));
    assert!(progress.is_complete(&NodeId::from("base-images")));
    assert!(progress.quiz_passed(&NodeId::from("base-images"), &StepId::from("quiz-1")));
    assert_eq!(progress.nodes["intro"].quizzes["check"].attempts, 1);

    // The migrated value is written in the current format and reads back unchanged.
    let rewritten = encode(&progress).expect("encodes");
    assert_eq!(decode(rewritten.as_bytes()), Ok(Decoded::Current(progress)));
}

#[test]
fn format_zero_may_say_so_and_may_be_minimal() {
    for text in ["format = 0\ncourse = \"c\"", "course = \"c\""] {
        assert!(matches!(
            decode(text.as_bytes()),
            Ok(Decoded::Migrated { from: 0, progress }) if progress.course == "c"
        ));
    }
}

#[test]
fn unknown_format_zero_shapes_are_errors_not_empty_progress() {
    for text in [
        "a = 1",
        "course = \"c\"\ncompleted = \"intro\"",
        "course = \"c\"\npassed = [\"no-slash\"]",
        "course = \"c\"\ncurrent = \"/step\"",
    ] {
        assert!(
            matches!(decode(text.as_bytes()), Err(DecodeError::Shape(_))),
            "{text:?}"
        );
    }
}
