//! The learner's experience in a real terminal (issue 12): every quiz of the built-in course
//! played at 80x24 with nothing left off screen, letters that are text at a prompt, practice
//! that keeps the resume point, the review from the command line, the first-run orientation.
//! What to expect is read from the course through the library.

use std::time::Instant;

use termcourse::core::course::{Course, Quiz, QuizKind};
use termcourse::core::progress::Progress;
use termcourse::core::quiz::Answer;
use termcourse::edge::builtin;
use termcourse::edge::snapshot::answers::wrong_answer;

use super::answers::{answers, split_literal};
use super::words::{missing, words};
use super::{Tmux, head};

const SEED: u64 = 20_251_124;

fn course() -> Course {
    builtin::load().expect("the built-in course loads")
}

/// The words a learner must be able to read at each moment of a quiz.
struct Wanted {
    base: Vec<String>,
    hints: Vec<String>,
    wrong_whys: Vec<String>,
    all_whys: Vec<String>,
    explain: Vec<String>,
}

fn wanted(quiz: &Quiz, wrong: &Answer) -> Wanted {
    let mut base = words(&quiz.question);
    let mut all_whys = Vec::new();
    let mut wrong_whys = Vec::new();
    match &quiz.kind {
        QuizKind::Single { choices } | QuizKind::Multi { choices } => {
            for (i, choice) in choices.iter().enumerate() {
                base.extend(words(&choice.text));
                let why = choice.why.as_deref().map(words).unwrap_or_default();
                let picked = match wrong {
                    Answer::Choice(c) => *c == i,
                    Answer::Choices(set) => set.contains(&i),
                    _ => false,
                };
                if picked {
                    wrong_whys.extend(why.iter().cloned());
                }
                all_whys.extend(why);
            }
        }
        QuizKind::Order { items } => {
            for item in items {
                base.extend(words(item));
            }
        }
        QuizKind::Text { .. } => {}
    }
    Wanted {
        base,
        hints: quiz.hints.iter().flat_map(|h| words(h)).collect(),
        wrong_whys,
        all_whys,
        explain: quiz.explain.as_deref().map(words).unwrap_or_default(),
    }
}

/// Plays every quiz of the built-in course in an 80x24 terminal: every hint, three wrong
/// answers (the answer is then offered), the answer revealed, and the right answer. At each
/// point every word the learner should read (question, choices or items, hints shown, the
/// `why` of the choices answered, the explanation) is on screen, whole.
#[test]
fn every_builtin_quiz_is_readable_at_80x24_through_hints_misses_reveal_and_answer() {
    let Some(t) = Tmux::new("quizzes") else {
        return;
    };
    let course = course();
    t.write_progress(&course, SEED);
    let started = Instant::now();
    let mut problems = Vec::new();
    let mut played = 0;
    for node in &course.nodes {
        for step in node.steps.iter().filter(|s| s.quiz.is_some()) {
            let quiz = step.quiz.as_ref().expect("quiz");
            let name = format!("q{played}");
            played += 1;
            let args = [
                "--practice",
                "--no-anim",
                "--node",
                node.id.as_str(),
                "--step",
                step.id.as_str(),
            ];
            t.start_sized(&name, &args, (80, 24), &[]);
            // The previous quiz's session goes once this one runs (a server left with no
            // session would exit under the next start).
            if played > 1 {
                t.tmux(&["kill-session", "-t", &format!("q{}", played - 2)]);
            }
            let wrong = wrong_answer(quiz).expect("a wrong answer");
            let want = wanted(quiz, &wrong);
            let here = format!("{}/{}", node.id, step.id);
            let mut check = |state: &str, screen: &str, words: &[&[String]]| {
                let all: Vec<String> = words.iter().flat_map(|w| w.iter().cloned()).collect();
                let lost = missing(&all, screen);
                if !lost.is_empty() {
                    problems.push(format!("{here} {state}: {lost:?} off screen:\n{screen}"));
                }
            };
            let screen = t.settled(&name, &["SYSTEM VERIFICATION"]);
            check("unanswered", &screen, &[&want.base]);
            for n in 1..=quiz.hints.len() {
                t.keys(&name, &["F2"]);
                t.wait_for(&name, &[&format!("hint {n}:")]);
            }
            let screen = t.settled(&name, &[]);
            check("with every hint", &screen, &[&want.base, &want.hints]);
            let (wrong_keys, _) = answers(quiz, node.id.as_str(), step.id.as_str(), Some(SEED));
            for keys in split_literal(&wrong_keys) {
                t.keys(&name, &keys);
            }
            t.keys(&name, &["Enter"]);
            t.keys(&name, &["Enter"]);
            let screen = t.settled(&name, &["Stuck?", "Not quite"]);
            check(
                "after three misses",
                &screen,
                &[&want.base, &want.hints, &want.wrong_whys],
            );
            t.keys(&name, &["F2"]);
            let screen = t.settled(&name, &["press Enter to submit it"]);
            check("revealed", &screen, &[&want.base, &want.hints]);
            t.keys(&name, &["Enter"]);
            let screen = t.settled(&name, &["✓ Right, with the answer shown"]);
            check(
                "answered right",
                &screen,
                &[&want.base, &want.all_whys, &want.explain],
            );
        }
    }
    println!(
        "{played} quizzes played at 80x24 in {:.1?}",
        started.elapsed()
    );
    assert!(played >= 20, "only {played} quizzes");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// At a step whose next entry is a type-along, a learner who types the command one → too
/// early types into its prompt (which opened as soon as the entry before it was shown):
/// `m` opens no matrix, `q` does not quit, no letter is lost.
#[test]
fn letters_typed_early_go_to_the_prompt_not_to_keys() {
    let Some(t) = Tmux::new("letters") else {
        return;
    };
    let course = course();
    // A step whose entry after the first is a type-along whose command holds hotkey letters.
    let (node, step, k) = course
        .nodes
        .iter()
        .flat_map(|n| n.steps.iter().map(move |s| (n, s)))
        .filter(|(_, s)| s.quiz.is_none())
        .find_map(|(n, s)| {
            let k = s.bash.iter().position(|e| e.type_along.is_some())?;
            (k > 0 && s.bash[k - 1].type_along.is_none()).then_some((n, s, k))
        })
        .expect("a type-along after a plain entry");
    let cmd = &step.bash[k].cmd;
    t.start_sized(
        "early",
        &[
            "--practice",
            "--node",
            node.id.as_str(),
            "--step",
            step.id.as_str(),
        ],
        (80, 24),
        &[],
    );
    t.wait_for("early", &[&head(&step.title, 20)]);
    // Step to the entry before the type-along (each typed out by the animation first), then
    // type at once, while that entry is still being typed.
    let total = step.bash.len();
    for (j, entry) in step.bash.iter().enumerate().take(k) {
        t.keys("early", &["Right"]);
        t.wait_for("early", &[&format!("bash {} / {total}", j + 1)]);
        if j + 1 < k {
            let ticks = u64::try_from(entry.cmd.chars().count() / 2 + 4).unwrap_or(100);
            std::thread::sleep(std::time::Duration::from_millis(ticks * 30 + 100));
        }
    }
    t.keys("early", &["-l", cmd]);
    t.keys("early", &["Enter"]);
    let (screen, _) = t.wait_for("early", &["✓ matched"]);
    assert!(!screen.contains("Deployment Matrix"), "{screen}");
    assert!(screen.contains(&head(cmd, 30)), "{screen}");
    t.keys("early", &["q"]);
    t.assert_exited_ok("early");
}

/// `--practice` never moves the point a normal start resumes at.
#[test]
fn practice_never_moves_the_resume_point() {
    let Some(t) = Tmux::new("practice") else {
        return;
    };
    let course = course();
    t.write_progress(&course, SEED);
    let node = &course.nodes[0];
    let second = &node.steps[1];
    t.start_sized(
        "normal",
        &[
            "--no-anim",
            "--node",
            node.id.as_str(),
            "--step",
            second.id.as_str(),
        ],
        (120, 40),
        &[],
    );
    let position = format!("step 2/{}", node.steps.len());
    t.wait_for("normal", &[&position]);
    t.keys("normal", &["q"]);
    t.assert_exited_ok("normal");
    let other = &course.nodes[3];
    t.start_sized(
        "practice",
        &["--practice", "--no-anim", "--node", other.id.as_str()],
        (120, 40),
        &[],
    );
    t.wait_for("practice", &[&head(&other.title, 20), "PRACTICE"]);
    // Arriving there (a practice arrival) saved; Esc leaves a prompt that may be open, so
    // that q quits rather than being typed.
    t.keys("practice", &["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(100));
    t.keys("practice", &["q"]);
    t.assert_exited_ok("practice");
    t.start_sized("again", &[], (120, 40), &[]);
    let (screen, _) = t.wait_for("again", &[&position]);
    assert!(
        screen.contains(&node.title),
        "resumed where the normal session left:\n{screen}"
    );
    t.keys("again", &["q"]);
    t.assert_exited_ok("again");
}

/// `termcourse review` asks the questions missed before, then says how it went.
#[test]
fn termcourse_review_asks_the_missed_questions_again() {
    let Some(t) = Tmux::new("review") else {
        return;
    };
    let course = course();
    let (node, step) = course
        .nodes
        .iter()
        .flat_map(|n| n.steps.iter().map(move |s| (n, s)))
        .find(|(_, s)| {
            matches!(
                s.quiz.as_ref().map(|q| &q.kind),
                Some(QuizKind::Single { .. })
            )
        })
        .expect("a single-choice quiz");
    let mut progress = Progress::new(course.id.as_str());
    progress.seed = Some(SEED);
    progress.record_attempt(&node.id, &step.id, Some("1".into()));
    progress.record_attempt(&node.id, &step.id, None);
    t.write_progress_value(&course, &progress);
    t.start_sized("review", &["review", "--no-anim"], (80, 24), &[]);
    let quiz = step.quiz.as_ref().expect("quiz");
    let first = words(&quiz.question).into_iter().next().unwrap_or_default();
    t.wait_for("review", &["review 1/1", &first]);
    t.keys("review", &["Escape"]);
    t.wait_for("review", &["1 skipped", "still due"]);
    t.keys("review", &["Enter"]);
    t.keys("review", &["q"]);
    t.assert_exited_ok("review");
}

/// The first run shows one screen of orientation; any key dismisses it (and does nothing
/// else); it never shows again.
#[test]
fn the_orientation_shows_on_the_first_run_only() {
    let Some(t) = Tmux::new("orientation") else {
        return;
    };
    let marker = t.data_dir().join(termcourse::edge::first_run::MARKER);
    std::fs::remove_file(&marker).expect("remove the marker");
    let course = course();
    t.start_sized("first", &[], (80, 24), &[]);
    t.wait_for("first", &["Welcome to termcourse", "any key"]);
    t.keys("first", &["Right"]);
    let started = Instant::now();
    let mut screen = t.screen("first");
    while screen.contains("Welcome to termcourse") {
        assert!(
            started.elapsed() < super::TIMEOUT,
            "not dismissed:\n{screen}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        screen = t.screen("first");
    }
    let steps = format!("step 1/{}", course.nodes[0].steps.len());
    assert!(screen.contains(&steps), "{screen}");
    assert!(
        screen.contains("bash 0 /") || !screen.contains("bash"),
        "the key did nothing else:\n{screen}"
    );
    t.keys("first", &["q"]);
    t.assert_exited_ok("first");
    assert!(marker.exists());
    // The learner's shuffles were seeded at the start and saved with the progress.
    let saved = t
        .data_dir()
        .join("progress")
        .join(format!("{}.toml", course.id));
    let text = std::fs::read_to_string(&saved).expect("progress saved");
    assert!(text.contains("\nseed = "), "{text}");
    t.start_sized("second", &[], (80, 24), &[]);
    let (screen, _) = t.wait_for("second", &[&course.title]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let screen = if screen.contains("Welcome") {
        screen
    } else {
        t.screen("second")
    };
    assert!(!screen.contains("Welcome to termcourse"), "{screen}");
    t.keys("second", &["q"]);
    t.assert_exited_ok("second");
}
