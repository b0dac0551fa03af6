//! `update` in the quiz mode.

use super::*;

fn answer_single(m: &mut Model, choice: char) -> Vec<Effect> {
    press(m, Key::Char(choice));
    press(m, Key::Enter)
}

#[test]
fn a_wrong_answer_can_be_retried_then_a_right_one_completes_the_node() {
    let course = course();
    let mut m = model_at(&course, "a", "check", false);
    assert_eq!(m.key_mode(), KeyMode::Quiz);
    let effects = answer_single(&mut m, '1');
    assert_eq!(saves(&effects), 1);
    let feedback = m.quiz.feedback.clone().expect("feedback");
    assert_eq!(feedback.grade, Grade::Wrong);
    press(&mut m, Key::Down);
    press(&mut m, Key::Char(' '));
    assert!(
        m.quiz.feedback.is_none(),
        "changing the answer clears the verdict"
    );
    press(&mut m, Key::Enter);
    let feedback = m.quiz.feedback.clone().expect("feedback");
    assert_eq!(feedback.grade, Grade::Correct);
    assert!(feedback.completed);
    assert_eq!(feedback.unlocked, vec![NodeId::new("b")]);
    assert!(m.progress.is_complete(&NodeId::new("a")));
    let record = &m.progress.nodes["a"].quizzes["check"];
    assert_eq!(
        (record.attempts, record.wrong_answers.clone()),
        (2, vec!["1".to_owned()])
    );
    press(&mut m, Key::Char('1'));
    assert_eq!(
        m.quiz.answer(m.quiz_ref().expect("quiz")),
        Some(Answer::Choice(1)),
        "locked"
    );
    press(&mut m, Key::Enter);
    assert_eq!(
        m.overlay,
        Some(Overlay::Matrix(MatrixState::at(1))),
        "end of node → matrix"
    );
}

#[test]
fn practice_mode_records_no_pass() {
    let course = course();
    let mut m = model_at(&course, "a", "check", true);
    assert!(answer_single(&mut m, '2').is_empty());
    assert!(m.quiz.is_right());
    assert!(!m.progress.is_complete(&NodeId::new("a")));
    assert!(
        !m.progress
            .quiz_passed(&NodeId::new("a"), &StepId::new("check"))
    );
}

#[test]
fn submitting_nothing_explains_what_to_do() {
    let course = course();
    let mut m = model_at(&course, "a", "check", false);
    assert!(press(&mut m, Key::Enter).is_empty());
    assert!(
        m.notice
            .as_deref()
            .is_some_and(|n| n.contains("Pick a choice"))
    );
    assert!(m.quiz.feedback.is_none());
}

#[test]
fn multi_toggles_several_choices() {
    let course = course();
    let mut m = model_at(&course, "b", "multi", true);
    for key in ['1', '2', '3', '2'] {
        press(&mut m, Key::Char(key));
    }
    press(&mut m, Key::Enter);
    assert_eq!(
        m.quiz
            .feedback
            .as_ref()
            .map(|f| (f.answer.clone(), f.grade)),
        Some((Answer::Choices([0, 2].into()), Grade::Correct))
    );
}

#[test]
fn text_quiz_takes_typed_answers_and_esc_leaves_the_field() {
    let course = course();
    let mut m = model_at(&course, "b", "text", true);
    assert_eq!(m.key_mode(), KeyMode::QuizText);
    type_text(&mut m, "fat");
    press(&mut m, Key::Enter);
    assert_eq!(
        m.quiz.feedback.as_ref().map(|f| f.grade),
        Some(Grade::Wrong)
    );
    press(&mut m, Key::Ctrl('u'));
    type_text(&mut m, "SLIM");
    press(&mut m, Key::Enter);
    assert!(m.quiz.is_right());
    assert_eq!(m.key_mode(), KeyMode::QuizDone);
    let mut m = model_at(&course, "b", "text", true);
    press(&mut m, Key::Esc);
    assert_eq!(m.key_mode(), KeyMode::QuizIdle);
    press(&mut m, Key::Enter);
    assert_eq!(m.key_mode(), KeyMode::QuizText, "Enter starts typing again");
}

#[test]
fn order_quiz_moves_items_until_solved() {
    let course = course();
    let mut m = model_at(&course, "b", "order", true);
    assert_ne!(m.quiz.order, vec![0, 1, 2]);
    // Selection sort with the keys: bring item k to position k.
    for target in 0..3 {
        let at = m
            .quiz
            .order
            .iter()
            .position(|i| *i == target)
            .expect("item");
        m.quiz.cursor = at;
        for _ in target..at {
            press(&mut m, Key::Char('K'));
        }
    }
    assert_eq!(m.quiz.order, vec![0, 1, 2]);
    press(&mut m, Key::Enter);
    assert!(m.quiz.is_right());
}

#[test]
fn hints_are_revealed_one_at_a_time() {
    let course = course();
    let mut m = model_at(&course, "a", "check", false);
    for want in [1, 2, 2] {
        press(&mut m, Key::Char('i'));
        assert_eq!(m.quiz.hints_shown, want);
    }
}

#[test]
fn the_hint_key_is_offered_only_while_it_does_something() {
    let course = course();
    let mut m = model_at(&course, "a", "check", false);
    assert!(m.hint_available(), "two hints to give");
    press(&mut m, Key::F(2));
    press(&mut m, Key::F(2));
    answer_single(&mut m, '1');
    let wrong = m.quiz.misses;
    assert!(wrong >= 1 && m.quiz.hints_shown == 2);
    assert!(
        !m.hint_available(),
        "every hint shown, too few misses to fill in the answer"
    );
    m.quiz.misses = 3;
    assert!(m.hint_available(), "F2 now fills in the answer");
}
