//! `update` on a task step: the keys (`e`, `Enter`/`r`, `Ctrl-R` and its `y`, hints), the
//! trust prompt, and the edge's news (files, command runs, the editor, the watcher).

use super::*;
use crate::app::overlay::TrustState;
use crate::app::task::{Edited, RunReport, TaskEnv, TaskJob, TaskKey, TaskMsg, Trust};
use crate::app::test_course::task_course;
use crate::core::task::{CheckStatus, FileState, SkipReason, TaskFiles};

const DOCKERFILE: usize = 0;
const USER: usize = 1;
const IGNORE: usize = 2;
const BUILD_CHECK: usize = 3;
const TRUE_CHECK: usize = 4;

/// The task step of [`task_course`], its node open (intro done), with this trust.
fn at_task(trust: Trust, practice: bool) -> (Model, Vec<Effect>) {
    let course = task_course();
    let mut progress = Progress::new("tasks");
    progress.mark_seen(&NodeId::new("intro"), &StepId::new("welcome"));
    let intro = course.node(&NodeId::new("intro")).expect("intro").clone();
    assert!(progress.complete_if_done(&intro));
    let mut m = Model::new(
        Arc::clone(&course),
        progress,
        &Options {
            practice,
            animate: true,
            node: Some(NodeId::new("write")),
            step: Some(StepId::new("dockerfile")),
            notice: None,
            tasks: TaskEnv {
                workspace: Some("~/ws".into()),
                problem: None,
                trust,
            },
            ..Options::default()
        },
    );
    let effects = super::super::start(&mut m);
    (m, effects)
}

fn key() -> TaskKey {
    TaskKey {
        node: NodeId::new("write"),
        step: StepId::new("dockerfile"),
    }
}

fn files(dockerfile: Option<&str>, ignore: Option<&str>) -> TaskFiles {
    let state = |t: Option<&str>| t.map_or(FileState::Missing, |t| FileState::Text(t.into()));
    TaskFiles::from([
        ("Dockerfile".to_owned(), state(dockerfile)),
        (".dockerignore".to_owned(), state(ignore)),
    ])
}

fn send_files(m: &mut Model, dockerfile: Option<&str>, ignore: Option<&str>) -> Vec<Effect> {
    update(
        m,
        Msg::Task(TaskMsg::Files {
            key: key(),
            files: files(dockerfile, ignore),
        }),
    )
}

fn statuses(m: &Model) -> Vec<CheckStatus> {
    m.task.as_ref().expect("a task").state.statuses().to_vec()
}

fn run_job(effects: &[Effect]) -> Option<(u64, Vec<usize>)> {
    effects.iter().find_map(|e| match e {
        Effect::Task(TaskJob::Run { batch, checks }) => {
            Some((*batch, checks.iter().map(|(i, _)| *i).collect()))
        }
        _ => None,
    })
}

fn reads(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Task(TaskJob::Read { .. })))
        .count()
}

fn report(m: &mut Model, report: RunReport) -> Vec<Effect> {
    update(m, Msg::Task(TaskMsg::Run(report)))
}

const SOLVED: &str = "FROM python:3.13-slim\nUSER 10001\n";

/// Runs the batch `Enter` started, every command passing.
fn pass_commands(m: &mut Model, batch: u64, checks: &[usize]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for check in checks {
        report(
            m,
            RunReport::Started {
                batch,
                check: *check,
            },
        );
        effects.extend(report(
            m,
            RunReport::Finished {
                batch,
                check: *check,
                status: CheckStatus::Passed,
                output: "ok\n".into(),
            },
        ));
    }
    effects.extend(report(m, RunReport::Done { batch }));
    effects
}

#[test]
fn showing_a_task_asks_for_its_starters_and_files_and_focuses_its_pane() {
    let (m, effects) = at_task(Trust::Granted, false);
    assert_eq!(m.focus, Focus::Task);
    assert_eq!(m.key_mode(), KeyMode::Task);
    assert!(m.panes().contains(&Focus::Task));
    assert!(
        !m.panes().contains(&Focus::Bash),
        "no bash pane before a command ran"
    );
    let prepare = effects.iter().find_map(|e| match e {
        Effect::Task(TaskJob::Prepare { key, task }) => Some((key.clone(), task.checks.len())),
        _ => None,
    });
    assert_eq!(prepare, Some((key(), 5)));
    assert!(statuses(&m).iter().all(|s| *s == CheckStatus::Pending));
    assert!(!m.task.as_ref().expect("task").graded);
}

#[test]
fn files_grade_the_checklist_and_missing_programs_skip_their_command() {
    let (mut m, _) = at_task(Trust::Granted, false);
    update(
        &mut m,
        Msg::Task(TaskMsg::Prepared {
            key: key(),
            written: vec!["Dockerfile".into()],
            failed: Vec::new(),
            missing: vec![(BUILD_CHECK, vec!["docker".into()])],
        }),
    );
    assert_eq!(m.notice.as_deref(), Some("Starter written: `Dockerfile`"));
    send_files(&mut m, Some("FROM python:latest\n"), None);
    assert!(m.notice.is_some(), "reading the files is not a save");
    update(&mut m, Msg::Task(TaskMsg::Changed));
    assert_eq!(m.notice, None, "a save retires the starter notice");
    let s = statuses(&m);
    assert!(matches!(s[DOCKERFILE], CheckStatus::Failing { .. }));
    assert!(matches!(s[USER], CheckStatus::Failing { .. }));
    assert!(matches!(s[IGNORE], CheckStatus::Failing { .. }));
    assert_eq!(
        s[BUILD_CHECK],
        CheckStatus::Skipped(SkipReason::MissingPrograms(vec!["docker".into()]))
    );
    assert_eq!(s[TRUE_CHECK], CheckStatus::Pending);
    // Files for another step are not this task's.
    let other = TaskKey {
        node: NodeId::new("intro"),
        step: StepId::new("welcome"),
    };
    update(
        &mut m,
        Msg::Task(TaskMsg::Files {
            key: other,
            files: files(Some(SOLVED), Some(".git\n")),
        }),
    );
    assert!(matches!(
        statuses(&m)[DOCKERFILE],
        CheckStatus::Failing { .. }
    ));
}

#[test]
fn a_save_seen_by_the_watcher_reads_the_files_again() {
    let (mut m, _) = at_task(Trust::Granted, false);
    let effects = update(&mut m, Msg::Task(TaskMsg::Changed));
    assert_eq!(reads(&effects), 1);
    let course = course();
    let mut elsewhere = model_at(&course, "a", "intro", false);
    assert!(update(&mut elsewhere, Msg::Task(TaskMsg::Changed)).is_empty());
}

#[test]
fn e_opens_the_first_failing_checks_file_and_the_editors_return_rereads() {
    let (mut m, _) = at_task(Trust::Granted, false);
    assert_eq!(
        press(&mut m, Key::Char('e')),
        vec![Effect::Edit("Dockerfile".into())]
    );
    send_files(&mut m, Some(SOLVED), None);
    assert_eq!(
        press(&mut m, Key::Char('e')),
        vec![Effect::Edit(".dockerignore".into())]
    );
    let effects = update(
        &mut m,
        Msg::Task(TaskMsg::Edited(Edited::Failed(
            "`nope` was not found".into(),
        ))),
    );
    assert_eq!(m.notice.as_deref(), Some("`nope` was not found"));
    assert_eq!(reads(&effects), 1, "the file is checked as it is");
    m.task_env.workspace = None;
    m.task_env.problem = Some("no data directory".into());
    assert!(press(&mut m, Key::Char('e')).is_empty());
    assert_eq!(m.notice.as_deref(), Some("No workspace: no data directory"));
}

#[test]
fn enter_rereads_and_runs_the_commands_then_the_task_completes_the_node() {
    let (mut m, _) = at_task(Trust::Granted, false);
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    assert!(!m.task.as_ref().expect("task").state.is_passed());
    let effects = press(&mut m, Key::Enter);
    assert_eq!(reads(&effects), 1);
    let (batch, checks) = run_job(&effects).expect("a run");
    assert_eq!(checks, vec![BUILD_CHECK, TRUE_CHECK]);
    assert_eq!(statuses(&m)[BUILD_CHECK], CheckStatus::Running);
    assert_eq!(
        m.next_tick(),
        Some(crate::app::SPINNER_TICKS),
        "the spinner turns"
    );
    let again = press(&mut m, Key::Char('r'));
    assert!(run_job(&again).is_none(), "one batch at a time");
    assert_eq!(
        m.notice.as_deref(),
        Some("The command checks are still running.")
    );
    let effects = pass_commands(&mut m, batch, &checks);
    assert!(
        m.panes().contains(&Focus::Bash),
        "output goes to the bash pane"
    );
    let pane = m.task.as_ref().expect("task");
    assert!(pane.state.is_passed());
    let success = pane.success.clone().expect("success");
    assert!(success.completed);
    assert_eq!(success.unlocked, vec![NodeId::new("after")]);
    assert_eq!(saves(&effects), 1);
    assert!(
        m.progress
            .task_passed(&NodeId::new("write"), &StepId::new("dockerfile"))
    );
    assert!(m.progress.is_complete(&NodeId::new("write")));
    assert!(
        m.notice
            .as_deref()
            .is_some_and(|n| n.contains("unlocked: After"))
    );
    assert!(pane.log.iter().all(|l| l.output.as_deref() == Some("ok\n")));
    assert_eq!(m.next_tick(), None);
}

#[test]
fn practice_shows_success_without_recording_it() {
    let (mut m, _) = at_task(Trust::Granted, true);
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    let (batch, checks) = run_job(&press(&mut m, Key::Enter)).expect("a run");
    let effects = pass_commands(&mut m, batch, &checks);
    assert!(m.task.as_ref().expect("task").success.is_some());
    assert_eq!(saves(&effects), 0);
    assert!(
        !m.progress
            .task_passed(&NodeId::new("write"), &StepId::new("dockerfile"))
    );
}

#[test]
fn reports_of_another_batch_and_cancelled_checks_do_not_count() {
    let (mut m, _) = at_task(Trust::Granted, false);
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    let (batch, _) = run_job(&press(&mut m, Key::Enter)).expect("a run");
    report(
        &mut m,
        RunReport::Finished {
            batch: batch + 7,
            check: BUILD_CHECK,
            status: CheckStatus::Passed,
            output: String::new(),
        },
    );
    assert_eq!(statuses(&m)[BUILD_CHECK], CheckStatus::Running);
    report(&mut m, RunReport::Done { batch });
    assert_eq!(statuses(&m)[BUILD_CHECK], CheckStatus::Pending);
    assert_eq!(m.task.as_ref().expect("task").batch, None);
}

#[test]
fn leaving_the_step_stops_its_commands() {
    let (mut m, _) = at_task(Trust::Granted, false);
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    run_job(&press(&mut m, Key::Enter)).expect("a run");
    press(&mut m, Key::Right);
    assert!(
        matches!(m.overlay, Some(Overlay::Matrix(_))),
        "the end of the node shows the matrix; the commands go on meanwhile"
    );
    let effects = super::super::nav::go_to(&mut m, 0, 0, false);
    assert_eq!(effects.first(), Some(&Effect::Task(TaskJob::Cancel)));
}

#[test]
fn an_undecided_course_asks_before_its_first_command_and_y_runs_it() {
    let (mut m, _) = at_task(Trust::Undecided, false);
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    let effects = press(&mut m, Key::Enter);
    assert!(run_job(&effects).is_none());
    let Some(Overlay::Trust(TrustState { commands, .. })) = &m.overlay else {
        panic!("the trust prompt: {:?}", m.overlay);
    };
    assert_eq!(commands, &["docker build --check .", "true"]);
    assert_eq!(m.key_mode(), KeyMode::Overlay(OverlayKind::Trust));
    let effects = press(&mut m, Key::Char('y'));
    assert!(m.overlay.is_none());
    assert_eq!(
        effects.first(),
        Some(&Effect::Task(TaskJob::Decide { allow: true }))
    );
    let (_, checks) = run_job(&effects).expect("the commands run once allowed");
    assert_eq!(checks, vec![BUILD_CHECK, TRUE_CHECK]);
    assert_eq!(m.task_env.trust, Trust::Granted);
}

#[test]
fn denying_skips_the_commands_and_the_files_alone_pass_the_task() {
    let (mut m, _) = at_task(Trust::Undecided, false);
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    press(&mut m, Key::Enter);
    let effects = press(&mut m, Key::Char('n'));
    assert_eq!(
        effects.first(),
        Some(&Effect::Task(TaskJob::Decide { allow: false }))
    );
    assert!(run_job(&effects).is_none());
    let s = statuses(&m);
    assert_eq!(s[BUILD_CHECK], CheckStatus::Skipped(SkipReason::NotTrusted));
    assert_eq!(s[TRUE_CHECK], CheckStatus::Skipped(SkipReason::NotTrusted));
    assert!(m.task.as_ref().expect("task").state.is_passed());
    assert_eq!(saves(&effects), 1, "the pass is recorded");
    assert!(m.progress.is_complete(&NodeId::new("write")));
}

#[test]
fn esc_on_the_trust_prompt_decides_nothing() {
    let (mut m, _) = at_task(Trust::Undecided, false);
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    press(&mut m, Key::Enter);
    let effects = press(&mut m, Key::Esc);
    assert!(effects.is_empty());
    assert!(m.overlay.is_none());
    assert_eq!(m.task_env.trust, Trust::Undecided);
    assert_eq!(statuses(&m)[TRUE_CHECK], CheckStatus::Pending);
}

#[test]
fn the_sessions_trust_arriving_later_applies_to_the_checklist() {
    let (mut m, _) = at_task(Trust::Loading, false);
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    let effects = press(&mut m, Key::Enter);
    assert!(run_job(&effects).is_none());
    assert!(
        m.notice
            .as_deref()
            .is_some_and(|n| n.contains("still loading"))
    );
    let effects = update(
        &mut m,
        Msg::Task(TaskMsg::Setup(TaskEnv {
            workspace: Some("~/ws".into()),
            problem: None,
            trust: Trust::Disabled,
        })),
    );
    assert_eq!(
        statuses(&m)[TRUE_CHECK],
        CheckStatus::Skipped(SkipReason::Disabled)
    );
    assert_eq!(saves(&effects), 1, "passed with the commands off");
}

#[test]
fn ctrl_r_asks_first_and_only_y_resets() {
    let (mut m, _) = at_task(Trust::Granted, false);
    send_files(&mut m, Some("FROM python:latest\n"), None);
    assert!(press(&mut m, Key::Ctrl('r')).is_empty());
    assert_eq!(m.key_mode(), KeyMode::TaskConfirm);
    assert_eq!(
        m.task.as_ref().expect("task").confirm_reset.as_deref(),
        Some("Dockerfile")
    );
    // `n` (or Esc) keeps the file.
    assert!(press(&mut m, Key::Char('n')).is_empty());
    assert_eq!(m.key_mode(), KeyMode::Task);
    assert!(m.notice.as_deref().is_some_and(|n| n.contains("Not reset")));
    press(&mut m, Key::Ctrl('r'));
    let effects = press(&mut m, Key::Char('y'));
    let [Effect::Task(TaskJob::Reset { key: k, file })] = effects.as_slice() else {
        panic!("a reset: {effects:?}");
    };
    assert_eq!((k, file.path.as_str()), (&key(), "Dockerfile"));
    let effects = update(
        &mut m,
        Msg::Task(TaskMsg::Reset {
            key: key(),
            path: "Dockerfile".into(),
            result: Ok(Some("Dockerfile.bak-1700000000".into())),
        }),
    );
    assert_eq!(reads(&effects), 1);
    assert!(
        m.notice
            .as_deref()
            .is_some_and(|n| n.contains("`Dockerfile.bak-1700000000`"))
    );
    // The reset's own write comes back from the watcher: the notice saying where the old
    // file went stays.
    update(&mut m, Msg::Task(TaskMsg::Changed));
    assert!(m.notice.as_deref().is_some_and(|n| n.contains(".bak-")));
}

#[test]
fn a_file_without_a_starter_cannot_be_reset() {
    let (mut m, _) = at_task(Trust::Granted, false);
    send_files(&mut m, Some(SOLVED), None);
    press(&mut m, Key::Ctrl('r'));
    assert_eq!(m.key_mode(), KeyMode::Task);
    assert_eq!(
        m.notice.as_deref(),
        Some("`.dockerignore` has no starter to go back to.")
    );
}

#[test]
fn hints_come_one_at_a_time_from_the_failing_checks() {
    let (mut m, _) = at_task(Trust::Granted, false);
    send_files(&mut m, Some("FROM python:latest\n"), None);
    press(&mut m, Key::Char('i'));
    assert_eq!(m.task.as_ref().expect("task").hints, vec![DOCKERFILE]);
    press(&mut m, Key::F(2));
    assert_eq!(m.task.as_ref().expect("task").hints, vec![DOCKERFILE, USER]);
    press(&mut m, Key::Char('i'));
    assert_eq!(
        m.notice.as_deref(),
        Some("Every failing check's hint is shown.")
    );
    send_files(&mut m, Some(SOLVED), Some(".git\n"));
    press(&mut m, Key::Char('i'));
    assert_eq!(
        m.notice.as_deref(),
        Some("Nothing is failing: no hint needed.")
    );
}

#[test]
fn a_task_passed_before_stays_complete_when_its_files_fail_now() {
    let (mut m, _) = at_task(Trust::Denied, false);
    m.progress
        .record_task_passed(&NodeId::new("write"), &StepId::new("dockerfile"));
    m.enter_step(m.node, m.step);
    assert!(m.task.as_ref().expect("task").passed_before);
    let effects = send_files(&mut m, Some("FROM python:latest\n"), None);
    assert!(effects.is_empty());
    assert!(
        m.progress
            .task_passed(&NodeId::new("write"), &StepId::new("dockerfile"))
    );
}

#[test]
fn the_task_keys_are_in_the_footer_and_the_help() {
    use crate::app::keymap::{footer_items, help_rows};
    let footer = footer_items(KeyMode::Task);
    for (key, text) in [("e", "edit"), ("Enter", "check"), ("Ctrl-R", "reset")] {
        assert!(
            footer.iter().any(|(k, t)| k == key && *t == text),
            "{key} {text} in {footer:?}"
        );
    }
    assert!(footer.iter().any(|(_, t)| *t == "hint"));
    let confirm = footer_items(KeyMode::TaskConfirm);
    assert_eq!(
        confirm,
        vec![("y".to_owned(), "reset"), ("n".to_owned(), "cancel")]
    );
    let trust = footer_items(KeyMode::Overlay(OverlayKind::Trust));
    assert!(trust.iter().any(|(k, t)| k == "y" && *t == "allow"));
    assert!(trust.iter().any(|(k, t)| k == "n" && *t == "deny"));
    let help = help_rows();
    assert!(
        help.iter()
            .any(|(k, d, _)| k == "e" && d.contains("editor"))
    );
    assert!(help.iter().any(|(k, _, s)| k == "Ctrl-R" && s == "Task"));
}
