//! Keys that answer a quiz wrong and then right, worked out from the quiz itself and the
//! learner's seed (choices are shown shuffled by it, `core::shuffle`).

use termcourse::core::course::{NodeId, Quiz, QuizKind, StepId};
use termcourse::core::shuffle::{choice_order, order_start};

/// Keys that answer `quiz` (at `step` of `node`) wrong, then keys that answer it right, for a
/// learner whose seed is `seed`.
pub fn answers(
    quiz: &Quiz,
    node: &str,
    step: &str,
    seed: Option<u64>,
) -> (Vec<String>, Vec<String>) {
    let (node, step) = (NodeId::new(node), StepId::new(step));
    // The digit that picks the choice the author numbered `i` (0-based).
    let shown = |n: usize| choice_order(seed, &node, &step, n);
    let digit = |order: &[usize], i: usize| {
        let row = order.iter().position(|c| *c == i).expect("shown");
        (row + 1).to_string()
    };
    match &quiz.kind {
        QuizKind::Single { choices } => {
            let order = shown(choices.len());
            let wrong = choices
                .iter()
                .position(|c| !c.correct)
                .expect("a wrong choice");
            let right = choices
                .iter()
                .position(|c| c.correct)
                .expect("a right choice");
            (
                vec![digit(&order, wrong), "Enter".into()],
                vec![digit(&order, right), "Enter".into()],
            )
        }
        QuizKind::Multi { choices } => {
            let order = shown(choices.len());
            // Nothing starts selected. With a wrong choice among them, selecting everything is
            // wrong and toggling the wrong ones off is right; when all are right, one alone is
            // wrong and adding the others is right.
            let wrong: Vec<usize> = (0..choices.len())
                .filter(|i| !choices[*i].correct)
                .collect();
            let (mut first, mut then): (Vec<String>, Vec<String>) = if wrong.is_empty() {
                (
                    vec![digit(&order, 0)],
                    (1..choices.len()).map(|i| digit(&order, i)).collect(),
                )
            } else {
                (
                    (0..choices.len()).map(|i| digit(&order, i)).collect(),
                    wrong.into_iter().map(|i| digit(&order, i)).collect(),
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
            let mut order = order_start(seed, &node, &step, items.len());
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
