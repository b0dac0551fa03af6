//! Keys that answer a quiz wrong and then right, worked out from the quiz itself.

use termcourse::core::course::{Quiz, QuizKind};
use termcourse::core::quiz::initial_order;

/// Keys that answer `quiz` wrong, then keys that answer it right (on-screen choice numbers
/// are the author's, 1-based; an `order` quiz starts in `initial_order`).
pub fn answers(quiz: &Quiz, step: &str) -> (Vec<String>, Vec<String>) {
    let digit = |i: usize| (i + 1).to_string();
    match &quiz.kind {
        QuizKind::Single { choices } => {
            let wrong = choices
                .iter()
                .position(|c| !c.correct)
                .expect("a wrong choice");
            let right = choices
                .iter()
                .position(|c| c.correct)
                .expect("a right choice");
            (
                vec![digit(wrong), "Enter".into()],
                vec![digit(right), "Enter".into()],
            )
        }
        QuizKind::Multi { choices } => {
            // Nothing starts selected. With a wrong choice among them, selecting everything is
            // wrong and toggling the wrong ones off is right; when all are right, one alone is
            // wrong and adding the others is right.
            let wrong: Vec<usize> = (0..choices.len())
                .filter(|i| !choices[*i].correct)
                .collect();
            let (mut first, mut then): (Vec<String>, Vec<String>) = if wrong.is_empty() {
                (vec![digit(0)], (1..choices.len()).map(digit).collect())
            } else {
                (
                    (0..choices.len()).map(digit).collect(),
                    wrong.into_iter().map(digit).collect(),
                )
            };
            first.push("Enter".into());
            then.push("Enter".into());
            (first, then)
        }
        QuizKind::Text { sample, .. } => (
            vec![
                "C-u".into(),
                "-l".into(),
                "zzz-not-it".into(),
                "Enter".into(),
            ],
            vec!["C-u".into(), "-l".into(), sample.clone(), "Enter".into()],
        ),
        QuizKind::Order { items } => {
            let mut order = initial_order(step, items.len());
            let mut keys = Vec::new();
            let mut cursor = 0;
            for target in 0..items.len() {
                let at = order.iter().position(|i| *i == target).expect("item");
                while cursor < at {
                    keys.push("Down".to_owned());
                    cursor += 1;
                }
                while cursor > at {
                    keys.push("Up".to_owned());
                    cursor -= 1;
                }
                for k in (target..at).rev() {
                    keys.push("K".to_owned());
                    order.swap(k, k + 1);
                    cursor -= 1;
                }
            }
            keys.push("Enter".into());
            (vec!["Enter".into()], keys)
        }
    }
}

/// `send-keys` argument lists: `-l TEXT` (typed literally) goes alone, other keys together.
pub fn split_literal(keys: &[String]) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut plain = Vec::new();
    let mut it = keys.iter();
    while let Some(k) = it.next() {
        if k == "-l" {
            if !plain.is_empty() {
                out.push(std::mem::take(&mut plain));
            }
            if let Some(text) = it.next() {
                out.push(vec!["-l", text.as_str()]);
            }
        } else {
            plain.push(k.as_str());
        }
    }
    if !plain.is_empty() {
        out.push(plain);
    }
    out
}
