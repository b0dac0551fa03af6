//! The answers a snapshot shows a quiz after: the right one and a typical wrong one, derived
//! from the quiz itself so authors write nothing extra.
//!
//! - `single`: the first correct choice / the first incorrect one;
//! - `multi`: exactly the correct set / the first incorrect choice alone (or, when every choice
//!   is correct, the first one alone);
//! - `text`: the author's `sample` / a text no pattern accepts;
//! - `order`: the author's order / the reversed order.
//!
//! Each candidate is graded with [`grade`], so a quiz that cannot be answered wrongly (or whose
//! sample is not accepted) simply has no such snapshot rather than a misleading one.

use std::collections::BTreeSet;

use crate::core::course::{Choice, Quiz, QuizKind};
use crate::core::quiz::{Answer, Grade, grade};

/// Typed answers tried in turn for the wrong-text snapshot; the first one rejected is used.
const WRONG_TEXTS: [&str; 3] = ["i don't know", "zzzz", "0"];

/// The answer graded correct, if the quiz has one that can be derived.
pub fn right_answer(quiz: &Quiz) -> Option<Answer> {
    let answer = match &quiz.kind {
        QuizKind::Single { choices } => Answer::Choice(choices.iter().position(|c| c.correct)?),
        QuizKind::Multi { choices } => Answer::Choices(correct_set(choices)),
        QuizKind::Text { sample, .. } => Answer::Text(sample.clone()),
        QuizKind::Order { items } => Answer::Order((0..items.len()).collect()),
    };
    graded(quiz, answer, Grade::Correct)
}

/// A plausible answer graded wrong, if the quiz can be answered wrongly.
pub fn wrong_answer(quiz: &Quiz) -> Option<Answer> {
    match &quiz.kind {
        QuizKind::Single { choices } => {
            let answer = Answer::Choice(choices.iter().position(|c| !c.correct)?);
            graded(quiz, answer, Grade::Wrong)
        }
        QuizKind::Multi { choices } => {
            let pick = choices.iter().position(|c| !c.correct).unwrap_or(0);
            graded(quiz, Answer::Choices(BTreeSet::from([pick])), Grade::Wrong)
        }
        QuizKind::Text { .. } => WRONG_TEXTS
            .iter()
            .find_map(|text| graded(quiz, Answer::Text((*text).to_owned()), Grade::Wrong)),
        QuizKind::Order { items } => graded(
            quiz,
            Answer::Order((0..items.len()).rev().collect()),
            Grade::Wrong,
        ),
    }
}

fn correct_set(choices: &[Choice]) -> BTreeSet<usize> {
    (0..choices.len()).filter(|i| choices[*i].correct).collect()
}

fn graded(quiz: &Quiz, answer: Answer, expected: Grade) -> Option<Answer> {
    (grade(quiz, &answer) == expected).then_some(answer)
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::core::course::Pattern;

    fn quiz(kind: QuizKind) -> Quiz {
        Quiz {
            question: "?".into(),
            kind,
            hints: Vec::new(),
            explain: None,
        }
    }

    fn choices(correct: &[bool]) -> Vec<Choice> {
        correct
            .iter()
            .enumerate()
            .map(|(i, correct)| Choice {
                text: format!("choice {i}"),
                correct: *correct,
                why: None,
            })
            .collect()
    }

    #[test]
    fn single_uses_first_correct_and_first_incorrect_choice() {
        let q = quiz(QuizKind::Single {
            choices: choices(&[false, true, false]),
        });
        assert_eq!(right_answer(&q), Some(Answer::Choice(1)));
        assert_eq!(wrong_answer(&q), Some(Answer::Choice(0)));
    }

    #[test]
    fn multi_uses_the_correct_set_and_a_wrong_one() {
        let q = quiz(QuizKind::Multi {
            choices: choices(&[true, false, true]),
        });
        assert_eq!(right_answer(&q), Some(Answer::Choices([0, 2].into())));
        assert_eq!(wrong_answer(&q), Some(Answer::Choices([1].into())));
        let all_right = quiz(QuizKind::Multi {
            choices: choices(&[true, true]),
        });
        assert_eq!(wrong_answer(&all_right), Some(Answer::Choices([0].into())));
        let only_one = quiz(QuizKind::Multi {
            choices: choices(&[true]),
        });
        assert_eq!(wrong_answer(&only_one), None);
    }

    #[test]
    fn text_uses_the_sample_and_a_rejected_text() {
        let pattern = |re: &str| Pattern::compile(re, false).expect("test regex");
        let q = quiz(QuizKind::Text {
            answers: vec![pattern("^slim$")],
            sample: "slim".into(),
            case_sensitive: false,
        });
        assert_eq!(right_answer(&q), Some(Answer::Text("slim".into())));
        assert_eq!(wrong_answer(&q), Some(Answer::Text("i don't know".into())));
        let accepts_all = quiz(QuizKind::Text {
            answers: vec![pattern(".")],
            sample: "x".into(),
            case_sensitive: false,
        });
        assert_eq!(wrong_answer(&accepts_all), None);
    }

    #[test]
    fn order_uses_author_order_and_its_reverse() {
        let q = quiz(QuizKind::Order {
            items: vec!["a".into(), "b".into(), "c".into()],
        });
        assert_eq!(right_answer(&q), Some(Answer::Order(vec![0, 1, 2])));
        assert_eq!(wrong_answer(&q), Some(Answer::Order(vec![2, 1, 0])));
    }
}
