//! Quiz answers and grading: pure functions from a [`Quiz`] and an [`Answer`] to a [`Grade`].

use std::collections::BTreeSet;

use crate::core::course::{Quiz, QuizKind};

/// What the learner submitted. Choice and item numbers are 0-based indices into the quiz as
/// the author wrote it (not as shuffled on screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `single`: the one picked choice.
    Choice(usize),
    /// `multi`: every selected choice.
    Choices(BTreeSet<usize>),
    /// `text`: the typed answer.
    Text(String),
    /// `order`: author item indices in the order the learner arranged them.
    Order(Vec<usize>),
}

/// The result of grading one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    Correct,
    Wrong,
    /// The answer does not fit the quiz (wrong kind, index out of range, nothing selected).
    Invalid,
}

/// After this many wrong answers the player offers the answer: a text quiz's `sample`, a
/// type-along's command. Revealing it is recorded (`Progress::record_reveal`) and puts the
/// question in the review.
pub const MISSES_BEFORE_REVEAL: u32 = 3;

/// The right answer to `quiz`, as the learner would enter it: the correct choice (or all of
/// them), a text quiz's `sample` (which `check` has verified its `answers` accept), the items
/// in the author's order. What a revealed answer shows, and what grading accepts.
pub fn correct_answer(quiz: &Quiz) -> Answer {
    match &quiz.kind {
        QuizKind::Single { choices } => {
            Answer::Choice(choices.iter().position(|c| c.correct).unwrap_or(0))
        }
        QuizKind::Multi { choices } => {
            Answer::Choices((0..choices.len()).filter(|i| choices[*i].correct).collect())
        }
        QuizKind::Text { sample, .. } => Answer::Text(sample.clone()),
        QuizKind::Order { items } => Answer::Order((0..items.len()).collect()),
    }
}

/// Grades `answer` against `quiz`.
pub fn grade(quiz: &Quiz, answer: &Answer) -> Grade {
    match (&quiz.kind, answer) {
        (QuizKind::Single { choices }, Answer::Choice(i)) => match choices.get(*i) {
            Some(choice) if choice.correct => Grade::Correct,
            Some(_) => Grade::Wrong,
            None => Grade::Invalid,
        },
        (QuizKind::Multi { choices }, Answer::Choices(picked)) => {
            if picked.is_empty() || picked.iter().any(|i| *i >= choices.len()) {
                return Grade::Invalid;
            }
            let right: BTreeSet<usize> =
                (0..choices.len()).filter(|i| choices[*i].correct).collect();
            if *picked == right {
                Grade::Correct
            } else {
                Grade::Wrong
            }
        }
        (QuizKind::Text { answers, .. }, Answer::Text(text)) => {
            let text = text.trim();
            if text.is_empty() {
                Grade::Invalid
            } else if answers.iter().any(|p| p.is_match(text)) {
                Grade::Correct
            } else {
                Grade::Wrong
            }
        }
        (QuizKind::Order { items }, Answer::Order(order)) => {
            let mut seen = order.clone();
            seen.sort_unstable();
            if seen != (0..items.len()).collect::<Vec<_>>() {
                Grade::Invalid
            } else if order.iter().enumerate().all(|(pos, item)| pos == *item) {
                Grade::Correct
            } else {
                Grade::Wrong
            }
        }
        _ => Grade::Invalid,
    }
}

/// The order in which an `order` quiz first shows its `n` items: a deterministic shuffle seeded
/// by `seed` (use the step id) that is never the solved order when `n >= 2`.
pub fn initial_order(seed: &str, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // FNV-1a of the seed drives a small LCG: stable across platforms and releases, unlike std's hasher.
    let mut state = seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from((state >> 33) % (i as u64 + 1)).unwrap_or(0);
        order.swap(i, j);
    }
    if n >= 2 && order.iter().enumerate().all(|(pos, item)| pos == *item) {
        order.rotate_left(1);
    }
    order
}

/// A short, stable text form of an answer for the progress file's record of wrong answers,
/// using 1-based numbers as the learner saw them described: `2`, `1,3`, `3,1,2`, or the text.
pub fn describe(answer: &Answer) -> String {
    let join = |it: &mut dyn Iterator<Item = &usize>| {
        it.map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    match answer {
        Answer::Choice(i) => (i + 1).to_string(),
        Answer::Choices(set) => join(&mut set.iter()),
        Answer::Order(order) => join(&mut order.iter()),
        Answer::Text(text) => text.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initial_order_is_a_stable_non_identity_permutation() {
        for n in 2..10 {
            let order = initial_order("layer-cache", n);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            assert_ne!(order, (0..n).collect::<Vec<_>>());
            assert_eq!(order, initial_order("layer-cache", n));
        }
        assert_eq!(initial_order("x", 1), vec![0]);
        assert!(initial_order("x", 0).is_empty());
    }

    #[test]
    fn the_correct_answer_grades_correct_for_every_kind() {
        use crate::core::course::{Choice, Pattern};
        let choice = |text: &str, correct: bool| Choice {
            text: text.into(),
            correct,
            why: None,
        };
        let kinds = [
            QuizKind::Single {
                choices: vec![choice("a", false), choice("b", true)],
            },
            QuizKind::Multi {
                choices: vec![choice("a", true), choice("b", false), choice("c", true)],
            },
            QuizKind::Text {
                answers: vec![Pattern::compile("^--no-cache-dir$", true).expect("valid")],
                sample: "--no-cache-dir".into(),
                case_sensitive: false,
            },
            QuizKind::Order {
                items: vec!["x".into(), "y".into(), "z".into()],
            },
        ];
        for kind in kinds {
            let quiz = Quiz {
                question: "?".into(),
                kind,
                hints: Vec::new(),
                explain: None,
            };
            assert_eq!(
                grade(&quiz, &correct_answer(&quiz)),
                Grade::Correct,
                "{quiz:?}"
            );
        }
    }

    #[test]
    fn describe_uses_one_based_numbers() {
        assert_eq!(describe(&Answer::Choice(1)), "2");
        assert_eq!(describe(&Answer::Choices([0, 2].into())), "1,3");
        assert_eq!(describe(&Answer::Order(vec![2, 0, 1])), "3,1,2");
        assert_eq!(describe(&Answer::Text("  slim ".into())), "slim");
    }
}
