//! The built-in course's quizzes must test knowledge, not test-taking (issue 15).
//!
//! Read through the library, the course must keep these rules:
//! - in its single-choice quizzes no position holds the right answer more than 40% of the time,
//!   and the right answer is the longest choice (ties count) in at most a third of them;
//! - every choice says `why` it is right or wrong;
//! - every quiz step is named for what it asks: `check-…` (recall), `predict-…` (predict output
//!   before the pane shows it) or `apply-…` (apply an idea to a case the node did not show);
//! - every node has a `predict-` or `apply-` quiz, and at least a third of all quizzes are
//!   `apply-` quizzes;
//! - no hint of a text quiz contains its answer.
//!
//! `cargo test --test builtin_quizzes -- --nocapture` prints the statistics.

use std::collections::BTreeMap;
use std::path::Path;

use termcourse::core::course::{Course, QuizKind};
use termcourse::edge::fs_source::load_course_path;

fn course() -> Course {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    load_course_path(&root.join("lessons/dockerfiles-for-ml")).unwrap_or_else(|report| {
        panic!(
            "the built-in course does not load:\n{}",
            report.render(false)
        )
    })
}

/// Width in characters, which is what a learner compares by eye.
fn len(text: &str) -> usize {
    text.chars().count()
}

/// Position and longest-choice statistics of the single-choice quizzes.
struct SingleStats {
    total: usize,
    /// How many quizzes have their right answer at each position (0-based).
    by_position: BTreeMap<usize, usize>,
    /// How many quizzes have a right answer at least as long as every other choice.
    longest: usize,
}

fn single_stats(course: &Course) -> SingleStats {
    let mut stats = SingleStats {
        total: 0,
        by_position: BTreeMap::new(),
        longest: 0,
    };
    for step in course.nodes.iter().flat_map(|n| &n.steps) {
        let Some(QuizKind::Single { choices }) = step.quiz.as_ref().map(|q| &q.kind) else {
            continue;
        };
        let right = choices
            .iter()
            .position(|c| c.correct)
            .expect("a single-choice quiz has a right answer");
        stats.total += 1;
        *stats.by_position.entry(right).or_default() += 1;
        let right_len = len(&choices[right].text);
        if choices.iter().all(|c| len(&c.text) <= right_len) {
            stats.longest += 1;
        }
    }
    stats
}

#[test]
fn single_choice_answers_are_not_guessable_from_position_or_length() {
    let stats = single_stats(&course());
    println!(
        "single-choice quizzes: {}; right answer by position (1-based): {}; right answer longest: {}",
        stats.total,
        stats
            .by_position
            .iter()
            .map(|(p, n)| format!("{}: {n}", p + 1))
            .collect::<Vec<_>>()
            .join(", "),
        stats.longest
    );
    assert!(stats.total >= 10, "too few single-choice quizzes to judge");
    for (position, count) in &stats.by_position {
        assert!(
            count * 10 <= stats.total * 4,
            "position {} holds the right answer in {count} of {} single-choice quizzes (more than 40%)",
            position + 1,
            stats.total
        );
    }
    assert!(
        stats.longest * 3 <= stats.total,
        "the right answer is the longest choice in {} of {} single-choice quizzes (more than a third)",
        stats.longest,
        stats.total
    );
}

#[test]
fn every_choice_explains_itself() {
    let course = course();
    let mut missing = Vec::new();
    for node in &course.nodes {
        for step in &node.steps {
            let Some(QuizKind::Single { choices } | QuizKind::Multi { choices }) =
                step.quiz.as_ref().map(|q| &q.kind)
            else {
                continue;
            };
            for choice in choices.iter().filter(|c| c.why.is_none()) {
                missing.push(format!("{}/{}: {}", node.id, step.id, choice.text));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "choices without a `why`:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_node_asks_to_predict_or_apply_and_a_third_of_quizzes_apply() {
    let course = course();
    let (mut quizzes, mut apply, mut predict) = (0, 0, 0);
    let mut problems = Vec::new();
    for node in &course.nodes {
        let mut node_has = false;
        for step in node.steps.iter().filter(|s| s.quiz.is_some()) {
            quizzes += 1;
            let id = step.id.as_str();
            if id.starts_with("apply-") {
                apply += 1;
                node_has = true;
            } else if id.starts_with("predict-") {
                predict += 1;
                node_has = true;
            } else if !id.starts_with("check-") {
                problems.push(format!(
                    "{}/{id}: a quiz step id starts with check-, predict- or apply-",
                    node.id
                ));
            }
        }
        if node.has_quiz() && !node_has {
            problems.push(format!("{}: no predict- or apply- quiz", node.id));
        }
    }
    println!("quizzes: {quizzes}; apply: {apply}; predict: {predict}");
    assert!(
        apply * 3 >= quizzes,
        "only {apply} of {quizzes} quizzes apply an idea to a new case (fewer than a third)"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn text_quiz_hints_do_not_give_the_answer_away() {
    let course = course();
    let mut leaks = Vec::new();
    for node in &course.nodes {
        for step in &node.steps {
            let Some(quiz) = &step.quiz else { continue };
            let QuizKind::Text { sample, .. } = &quiz.kind else {
                continue;
            };
            let answer = sample.to_lowercase();
            for hint in quiz
                .hints
                .iter()
                .filter(|h| h.to_lowercase().contains(&answer))
            {
                leaks.push(format!("{}/{}: {hint}", node.id, step.id));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "hints that contain the answer:\n{}",
        leaks.join("\n")
    );
}
