//! Whole-screen snapshots of a task step (tests/fixtures/tasks) at 80x24 and 120x40, in the
//! states a learner meets: first shown (the starter checked), partly fixed with a hint and a
//! failing command, passed (the node complete), commands skipped (not trusted, or the program
//! missing), and the trust prompt. Reached by the messages the edge sends and the keys a
//! learner presses, and drawn by the player's one pipeline.

use std::path::Path;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use termcourse::app::effect::Effect;
use termcourse::app::keymap::{Key, resolve};
use termcourse::app::msg::Msg;
use termcourse::app::task::{RunReport, TaskEnv, TaskJob, TaskKey, TaskMsg, Trust};
use termcourse::app::{Model, Options};
use termcourse::core::course::{Course, NodeId, StepId};
use termcourse::core::progress::Progress;
use termcourse::core::task::{CheckStatus, FileState, SkipReason, TaskFiles};
use termcourse::edge::player::Player;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

const STARTER: &str =
    "FROM python:latest\nCOPY . .\nRUN pip install -r requirements.txt\nCMD python app.py\n";
const HALF_FIXED: &str = "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD python app.py\n";
const SOLVED: &str = "FROM python:3.13-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir \\\n    -r requirements.txt\nCOPY . .\nUSER app\nCMD [\"uvicorn\", \"app:app\", \"--host\", \"0.0.0.0\"]\n";

fn course() -> Arc<Course> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tasks");
    match termcourse::edge::fs_source::load_course_path(&dir) {
        Ok(course) => Arc::new(course),
        Err(report) => panic!("fixture does not load:\n{}", report.render(false)),
    }
}

fn key() -> TaskKey {
    TaskKey {
        node: NodeId::new("write"),
        step: StepId::new("dockerfile"),
    }
}

/// The player on the task step, its node open, the workspace and trust as given.
fn player(trust: Trust, theme: Theme) -> Player {
    let course = course();
    let mut progress = Progress::new("tasks");
    let intro = course.node(&NodeId::new("intro")).expect("intro").clone();
    progress.mark_seen(&intro.id, &intro.steps[0].id);
    assert!(progress.complete_if_done(&intro));
    let options = Options {
        node: Some(NodeId::new("write")),
        step: Some(StepId::new("dockerfile")),
        tasks: TaskEnv {
            workspace: Some("~/.local/share/termcourse/workspaces/tasks".into()),
            problem: None,
            trust,
        },
        ..Options::default()
    };
    let model = Model::new(course, progress, &options);
    let mut player = Player::new(model, Screen::new(theme, false));
    let _ = player.start();
    player
}

fn files(dockerfile: &str, ignore: Option<&str>) -> TaskFiles {
    TaskFiles::from([
        ("Dockerfile".to_owned(), FileState::Text(dockerfile.into())),
        (
            ".dockerignore".to_owned(),
            ignore.map_or(FileState::Missing, |t| FileState::Text(t.into())),
        ),
    ])
}

fn send(player: &mut Player, msg: TaskMsg) -> Vec<Effect> {
    player.dispatch(Msg::Task(msg))
}

fn press(player: &mut Player, key: Key) -> Vec<Effect> {
    match resolve(player.model().key_mode(), key) {
        Some(msg) => player.dispatch(msg),
        None => Vec::new(),
    }
}

fn prepared(player: &mut Player, missing: Vec<(usize, Vec<String>)>) {
    send(
        player,
        TaskMsg::Prepared {
            key: key(),
            written: Vec::new(),
            failed: Vec::new(),
            missing,
        },
    );
}

/// Runs the command checks `Enter` asks for, each ending as `outcome` says; `None` leaves that
/// one running (and the batch unfinished).
fn run(player: &mut Player, outcome: impl Fn(usize) -> Option<(CheckStatus, &'static str)>) {
    let effects = press(player, Key::Enter);
    let Some((batch, checks)) = effects.iter().find_map(|e| match e {
        Effect::Task(TaskJob::Run { batch, checks }) => Some((*batch, checks.clone())),
        _ => None,
    }) else {
        panic!("Enter runs the commands: {effects:?}");
    };
    for (check, _) in checks {
        send(player, TaskMsg::Run(RunReport::Started { batch, check }));
        let Some((status, output)) = outcome(check) else {
            return;
        };
        send(
            player,
            TaskMsg::Run(RunReport::Finished {
                batch,
                check,
                status,
                output: output.into(),
            }),
        );
    }
    send(player, TaskMsg::Run(RunReport::Done { batch }));
}

fn draw(player: &mut Player, w: u16, h: u16) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    player.frame(area, &mut buf);
    buf
}

fn text(buf: &Buffer) -> String {
    termcourse::view::text::to_plain(buf)
}

fn snap(name: &str, build: impl Fn() -> Player) {
    for (w, h) in SIZES {
        let mut player = build();
        let buf = draw(&mut player, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&buf));
    }
}

#[test]
fn first_shown() {
    snap("task_first_shown", || {
        let mut p = player(Trust::Granted, Theme::dark());
        send(
            &mut p,
            TaskMsg::Files {
                key: key(),
                files: files(STARTER, None),
            },
        );
        p
    });
}

#[test]
fn partly_fixed_with_a_hint_and_a_failing_command() {
    snap("task_partly_fixed", || {
        let mut p = player(Trust::Granted, Theme::dark());
        prepared(&mut p, Vec::new());
        send(
            &mut p,
            TaskMsg::Files {
                key: key(),
                files: files(HALF_FIXED, Some(".git\n")),
            },
        );
        press(&mut p, Key::Char('i'));
        run(&mut p, |check| match check {
            6 => Some((
                CheckStatus::Failing {
                    detail: Some("exit status 1 (expected 0)".into()),
                },
                "Dockerfile:5\nJSONArgsRecommended: JSON arguments recommended for CMD\n",
            )),
            _ => None,
        });
        p
    });
}

#[test]
fn passed_and_the_node_complete() {
    snap("task_passed", || {
        let mut p = player(Trust::Granted, Theme::dark());
        send(
            &mut p,
            TaskMsg::Files {
                key: key(),
                files: files(SOLVED, Some(".git\ndata/\n")),
            },
        );
        run(&mut p, |_| {
            Some((CheckStatus::Passed, "Check complete, no warnings found.\n"))
        });
        assert!(p.model().progress.is_complete(&NodeId::new("write")));
        p
    });
}

#[test]
fn commands_skipped_not_trusted_or_missing() {
    snap("task_skipped", || {
        let mut p = player(Trust::Denied, Theme::dark());
        prepared(&mut p, vec![(6, vec!["docker".into()])]);
        send(
            &mut p,
            TaskMsg::Files {
                key: key(),
                files: files(SOLVED, Some(".git\n")),
            },
        );
        p
    });
}

#[test]
fn the_trust_prompt() {
    snap("task_trust_prompt", || {
        let mut p = player(Trust::Undecided, Theme::dark());
        send(
            &mut p,
            TaskMsg::Files {
                key: key(),
                files: files(SOLVED, Some(".git\n")),
            },
        );
        press(&mut p, Key::Enter);
        p
    });
}

#[test]
fn the_reset_question() {
    snap("task_reset_question", || {
        let mut p = player(Trust::Granted, Theme::dark());
        send(
            &mut p,
            TaskMsg::Files {
                key: key(),
                files: files(STARTER, None),
            },
        );
        press(&mut p, Key::Ctrl('r'));
        p
    });
}

/// Without colour every status still reads: its symbol and its words.
#[test]
fn no_color_keeps_every_status_readable() {
    let mut p = player(Trust::Granted, Theme::no_color());
    prepared(&mut p, vec![(6, vec!["docker".into()])]);
    send(
        &mut p,
        TaskMsg::Files {
            key: key(),
            files: files(HALF_FIXED, Some(".git\n")),
        },
    );
    let effects = press(&mut p, Key::Enter);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Task(TaskJob::Run { .. })))
    );
    let buf = draw(&mut p, 120, 40);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "no colour: {cell:?}");
        assert_eq!(cell.bg, Color::Reset, "no colour: {cell:?}");
    }
    let screen = text(&buf);
    for shown in [
        "✓ Do not run as root",
        "✗ Keep pip's cache",
        "◌ `docker build",
        "skipped: needs `docker`",
        "… The image builds",
        "running",
    ] {
        assert!(screen.contains(shown), "`{shown}` in:\n{screen}");
    }
}

/// A denied course: its commands are "not run" and do not block the task.
#[test]
fn not_trusted_commands_do_not_block() {
    let mut p = player(Trust::Denied, Theme::dark());
    send(
        &mut p,
        TaskMsg::Files {
            key: key(),
            files: files(SOLVED, Some(".git\n")),
        },
    );
    let task = p.model().task.as_ref().expect("a task");
    assert!(task.state.is_passed());
    assert!(
        task.state
            .statuses()
            .contains(&CheckStatus::Skipped(SkipReason::NotTrusted))
    );
    let screen = text(&draw(&mut p, 120, 40));
    assert!(screen.contains("not run (course not trusted)"), "{screen}");
    assert!(screen.contains("Task complete"), "{screen}");
}
