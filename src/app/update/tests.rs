//! `update` tests, one group per mode. They drive the model with the same messages the keymap
//! produces and assert on the model and the returned effects.

use super::super::keymap::{Key, resolve};
use super::super::test_course::course;
use super::super::{Extent, Focus, KeyMode, Metrics, Model, Options, Overlay};
use super::update;
use crate::app::effect::Effect;
use crate::app::msg::Msg;
use crate::core::course::{Course, NodeId, StepId};
use crate::core::progress::Progress;
use crate::core::quiz::{Answer, Grade};

fn model_at<'c>(course: &'c Course, node: &str, step: &str, practice: bool) -> Model<'c> {
    Model::new(
        course,
        Progress::new("test"),
        &Options {
            practice,
            animate: true,
            node: Some(NodeId::new(node)),
            step: Some(StepId::new(step)),
            notice: None,
        },
    )
}

/// Presses `key` through the keymap, as the runtime does.
fn press(model: &mut Model, key: Key) -> Vec<Effect> {
    match resolve(model.key_mode(), key) {
        Some(msg) => update(model, msg),
        None => Vec::new(),
    }
}

fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        update(model, Msg::Input(c));
    }
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::SaveProgress(_)))
        .count()
}

mod narration {
    use super::*;

    #[test]
    fn starts_at_the_first_open_node_and_resumes_a_saved_position() {
        let course = course();
        let fresh = Model::new(&course, Progress::new("test"), &Options::default());
        assert_eq!((fresh.node, fresh.step), (0, 0));
        let mut progress = Progress::new("test");
        progress.set_position(&NodeId::new("a"), &StepId::new("check"));
        let resumed = Model::new(&course, progress, &Options::default());
        assert_eq!((resumed.node, resumed.step), (0, 2));
    }

    #[test]
    fn a_saved_position_in_a_locked_node_is_not_resumed() {
        let course = course();
        let mut progress = Progress::new("test");
        progress.set_position(&NodeId::new("c"), &StepId::new("only"));
        let model = Model::new(&course, progress, &Options::default());
        assert_eq!(model.node, 0);
    }

    #[test]
    fn next_and_back_move_between_steps_and_save_the_position() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", false);
        assert_eq!(m.key_mode(), KeyMode::Narration);
        let effects = press(&mut m, Key::Right);
        assert_eq!(m.step, 1);
        assert_eq!(saves(&effects), 1);
        let pos = m.progress.position.clone().expect("position");
        assert_eq!((pos.node.as_str(), pos.step.as_str()), ("a", "shell"));
        press(&mut m, Key::Left);
        assert_eq!(m.step, 0);
        assert!(
            press(&mut m, Key::Char('h')).is_empty(),
            "nothing before the first step"
        );
    }

    #[test]
    fn scrolling_is_bounded_by_the_measured_content() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", false);
        let metrics = Metrics {
            narration: Extent {
                content: 30,
                view: 10,
            },
            ..Metrics::default()
        };
        update(&mut m, Msg::Measured(metrics));
        for _ in 0..50 {
            press(&mut m, Key::Char('j'));
        }
        assert_eq!(m.scroll.narration, 20);
        press(&mut m, Key::Char('k'));
        assert_eq!(
            m.scroll.narration, 19,
            "one press up moves after overscrolling"
        );
        press(&mut m, Key::PageUp);
        assert_eq!(m.scroll.narration, 10);
        // A narrower terminal re-measures; the offset follows.
        update(
            &mut m,
            Msg::Measured(Metrics {
                narration: Extent {
                    content: 14,
                    view: 10,
                },
                ..metrics
            }),
        );
        assert_eq!(m.scroll.narration, 4);
    }

    #[test]
    fn tab_cycles_through_the_panes_of_the_step() {
        let course = course();
        let mut m = model_at(&course, "a", "shell", false);
        assert_eq!(m.focus, Focus::Bash);
        press(&mut m, Key::Tab);
        assert_eq!(m.focus, Focus::Narration);
        press(&mut m, Key::Tab);
        assert_eq!(m.focus, Focus::Bash);
    }

    #[test]
    fn quit_and_suspend_are_effects() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", false);
        assert_eq!(press(&mut m, Key::Ctrl('z')), vec![Effect::Suspend]);
        assert_eq!(press(&mut m, Key::Char('q')), vec![Effect::Quit]);
    }

    #[test]
    fn a_node_without_quizzes_completes_when_its_last_step_is_seen() {
        let course = course();
        let mut progress = Progress::new("test");
        for id in ["a", "b"] {
            progress.nodes.entry(id.into()).or_default().complete = true;
        }
        let mut m = Model::new(
            &course,
            progress,
            &Options {
                node: Some(NodeId::new("c")),
                ..Options::default()
            },
        );
        let effects = super::super::start(&mut m);
        assert_eq!(saves(&effects), 1);
        assert!(m.progress.is_complete(&NodeId::new("c")));
        assert!(
            m.notice
                .as_deref()
                .is_some_and(|n| n.contains("Secrets complete"))
        );
    }

    #[test]
    fn saved_progress_from_the_store_is_adopted_but_position_kept() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", false);
        let mut other = Progress::new("test");
        other.nodes.entry("a".into()).or_default().complete = true;
        other.set_position(&NodeId::new("b"), &StepId::new("multi"));
        update(&mut m, Msg::ProgressSaved(other));
        assert!(m.progress.is_complete(&NodeId::new("a")));
        assert_eq!(m.node, 0);
        assert_eq!(m.progress.position.as_ref().map(|p| p.node.as_str()), None);
    }
}

mod bash {
    use super::*;

    #[test]
    fn next_reveals_entries_with_a_typing_animation_any_key_completes() {
        let course = course();
        let mut m = model_at(&course, "a", "shell", false);
        assert_eq!(m.key_mode(), KeyMode::Bash);
        press(&mut m, Key::Char(' '));
        assert_eq!(m.bash.revealed, 1);
        assert!(m.bash.is_typing() && m.animating());
        update(&mut m, Msg::Tick);
        assert_eq!(m.bash.typed, Some(2));
        press(&mut m, Key::Char('j'));
        assert!(!m.bash.is_typing(), "any key completes the animation");
        assert_eq!(m.scroll.narration, 0, "and does nothing else");
    }

    #[test]
    fn without_animation_commands_appear_at_once() {
        let course = course();
        let mut m = model_at(&course, "a", "shell", false);
        m.animate = false;
        press(&mut m, Key::Right);
        assert!(!m.bash.is_typing());
        assert!(!m.animating());
    }

    #[test]
    fn after_the_last_entry_next_goes_to_the_next_step() {
        let course = course();
        let mut m = model_at(&course, "a", "shell", false);
        m.animate = false;
        press(&mut m, Key::Right);
        press(&mut m, Key::Right);
        assert_eq!(m.key_mode(), KeyMode::TypeAlong);
        press(&mut m, Key::Esc);
        assert_eq!(m.key_mode(), KeyMode::Bash);
        press(&mut m, Key::Right); // shows the waiting entry as scripted
        assert!(!m.bash.awaiting);
        press(&mut m, Key::Right);
        assert_eq!(m.step, 2);
    }

    #[test]
    fn going_back_shows_every_entry_finished() {
        let course = course();
        let mut m = model_at(&course, "a", "check", false);
        press(&mut m, Key::Left);
        assert_eq!(m.step, 1);
        assert_eq!(m.bash.revealed, 2);
        assert!(!m.bash.awaiting && !m.bash.is_typing());
    }

    #[test]
    fn bash_pane_scrolls_back_from_the_bottom_within_bounds() {
        let course = course();
        let mut m = model_at(&course, "a", "shell", false);
        update(
            &mut m,
            Msg::Measured(Metrics {
                bash: Extent {
                    content: 12,
                    view: 8,
                },
                ..Metrics::default()
            }),
        );
        for _ in 0..9 {
            press(&mut m, Key::Up);
        }
        assert_eq!(m.scroll.bash_back, 4);
        press(&mut m, Key::Down);
        assert_eq!(m.scroll.bash_back, 3);
    }
}

mod type_along {
    use super::*;

    fn at_type_along(course: &Course) -> Model<'_> {
        let mut m = model_at(course, "a", "shell", false);
        m.animate = false;
        press(&mut m, Key::Right);
        press(&mut m, Key::Right);
        m
    }

    #[test]
    fn a_miss_shows_the_hint_and_a_match_prints_the_output() {
        let course = course();
        let mut m = at_type_along(&course);
        assert_eq!(m.key_mode(), KeyMode::TypeAlong);
        type_text(&mut m, "docker run ap");
        assert!(press(&mut m, Key::Enter).is_empty());
        assert_eq!(m.bash.misses, 1);
        assert!(m.bash.hint_visible());
        type_text(&mut m, "docker run app");
        let effects = press(&mut m, Key::Enter);
        assert_eq!(saves(&effects), 1);
        assert!(!m.bash.awaiting);
        assert_eq!(m.key_mode(), KeyMode::Bash);
        assert!(
            m.progress
                .type_along_done(&NodeId::new("a"), &StepId::new("shell"), 1)
        );
    }

    #[test]
    fn after_three_misses_the_answer_is_offered() {
        let course = course();
        let mut m = at_type_along(&course);
        press(&mut m, Key::F(2));
        assert!(m.bash.hint_visible() && m.bash.input.is_empty());
        for _ in 0..3 {
            type_text(&mut m, "nope");
            press(&mut m, Key::Enter);
        }
        assert!(m.bash.answer_offered());
        press(&mut m, Key::F(2));
        assert_eq!(m.bash.input, "docker run app");
    }

    #[test]
    fn keys_are_typed_not_obeyed_and_paste_takes_one_line() {
        let course = course();
        let mut m = at_type_along(&course);
        press(&mut m, Key::Char('q'));
        press(&mut m, Key::Char('m'));
        assert!(m.overlay.is_none());
        assert_eq!(m.bash.input, "qm");
        press(&mut m, Key::Backspace);
        press(&mut m, Key::Ctrl('u'));
        assert!(m.bash.input.is_empty());
        update(&mut m, Msg::Paste("docker run app\nrm -rf /".into()));
        assert_eq!(m.bash.input, "docker run app");
        press(&mut m, Key::F(1));
        assert_eq!(m.overlay, Some(Overlay::Help { scroll: 0 }));
    }
}

mod quiz {
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
            Some(Overlay::Matrix { selected: 1 }),
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
        assert_eq!(m.key_mode(), KeyMode::Quiz);
        let mut m = model_at(&course, "b", "text", true);
        press(&mut m, Key::Esc);
        assert_eq!(m.key_mode(), KeyMode::Quiz);
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
}

mod overlays {
    use super::*;

    #[test]
    fn matrix_selects_opens_available_and_refuses_locked_nodes() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", false);
        press(&mut m, Key::Char('m'));
        assert_eq!(m.key_mode(), KeyMode::Matrix);
        press(&mut m, Key::Char('j'));
        press(&mut m, Key::Enter);
        assert!(
            m.notice
                .as_deref()
                .is_some_and(|n| n.contains("Needs: Basics"))
        );
        assert!(m.overlay.is_some());
        press(&mut m, Key::Char('l'));
        assert_eq!(
            m.overlay,
            Some(Overlay::Matrix { selected: 2 }),
            "one level deeper"
        );
        press(&mut m, Key::Char('h'));
        press(&mut m, Key::Char('h'));
        assert_eq!(m.overlay, Some(Overlay::Matrix { selected: 0 }));
        press(&mut m, Key::Esc);
        assert_eq!(m.overlay, None);
        let mut m = model_at(&course, "a", "intro", true);
        press(&mut m, Key::Char('m'));
        update(&mut m, Msg::Select(2));
        let effects = press(&mut m, Key::Enter);
        assert_eq!(
            (m.node, m.step, saves(&effects)),
            (2, 0, 1),
            "practice opens everything"
        );
    }

    #[test]
    fn glossary_filters_by_typing_and_bounds_the_selection() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", false);
        press(&mut m, Key::Char('g'));
        assert_eq!(m.key_mode(), KeyMode::Glossary);
        for _ in 0..5 {
            press(&mut m, Key::Down);
        }
        assert!(matches!(
            m.overlay,
            Some(Overlay::Glossary { selected: 1, .. })
        ));
        type_text(&mut m, "base");
        assert_eq!(
            m.overlay,
            Some(Overlay::Glossary {
                filter: "base".into(),
                selected: 0
            })
        );
        press(&mut m, Key::Backspace);
        press(&mut m, Key::Esc);
        assert_eq!(m.overlay, None);
    }

    #[test]
    fn overlay_keys_toggle_and_switch() {
        let course = course();
        let cases = [
            (Key::Char('f'), KeyMode::Faq),
            (Key::Char('?'), KeyMode::Help),
            (Key::Char('/'), KeyMode::Search),
            (Key::Char('m'), KeyMode::Matrix),
            (Key::Char('g'), KeyMode::Glossary),
        ];
        for (key, mode) in cases {
            let mut m = model_at(&course, "a", "intro", false);
            press(&mut m, key);
            assert_eq!(m.key_mode(), mode, "{key:?}");
            if !mode.is_input() {
                press(&mut m, key);
                assert_eq!(m.overlay, None, "{key:?} closes again");
            }
        }
        let mut m = model_at(&course, "a", "intro", false);
        press(&mut m, Key::Char('?'));
        press(&mut m, Key::Char('m'));
        assert_eq!(m.key_mode(), KeyMode::Matrix);
    }

    #[test]
    fn help_and_faq_selection_is_bounded() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", false);
        press(&mut m, Key::Char('f'));
        for _ in 0..3 {
            press(&mut m, Key::Char('j'));
        }
        assert_eq!(m.overlay, Some(Overlay::Faq { selected: 0 }));
        press(&mut m, Key::Char('?'));
        let overlay = Extent {
            content: 40,
            view: 15,
        };
        update(
            &mut m,
            Msg::Measured(Metrics {
                overlay,
                ..Metrics::default()
            }),
        );
        for _ in 0..500 {
            press(&mut m, Key::Down);
        }
        assert_eq!(m.overlay, Some(Overlay::Help { scroll: 25 }));
        press(&mut m, Key::Up);
        assert_eq!(m.overlay, Some(Overlay::Help { scroll: 24 }));
        press(&mut m, Key::PageUp);
        assert_eq!(m.overlay, Some(Overlay::Help { scroll: 10 }));
    }

    #[test]
    fn search_jumps_to_a_hit() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", true);
        press(&mut m, Key::Char('/'));
        type_text(&mut m, "RUN APP");
        let effects = press(&mut m, Key::Enter);
        assert_eq!((m.node, m.step, m.overlay.clone()), (0, 1, None));
        assert_eq!(saves(&effects), 1);
        assert_eq!(m.bash.revealed, 2, "the hit is shown in full");
    }

    #[test]
    fn ticker_scrolls_one_cycle_then_rests() {
        let course = course();
        let mut m = model_at(&course, "a", "intro", false);
        let cycle = m.ticker_text().chars().count();
        assert!(m.animating());
        for _ in 0..cycle {
            update(&mut m, Msg::Tick);
        }
        assert!(!m.animating());
        assert_eq!(m.ticker.offset % cycle, 0);
    }
}
