//! The player's key latency on a task step while a command check runs, against the same step
//! with nothing running: a key's message dispatched and a 120x40 frame drawn, through the one
//! pipeline the runtime uses, with the runtime's other duty done between keys (taking in what
//! the task worker reported). The command runs for real, on the task worker and the runner's
//! thread, as `Enter` starts it in the player:
//!
//! - `task_key_idle`: no command running (one, `true`, ran before: the bash pane shows it,
//!   so the three cases draw the same panes);
//! - `task_key_command_sleeping`: `sleep 600` runs (the running state is drawn: spinner,
//!   `… running` lines, the bash pane with the command);
//! - `task_key_command_busy`: `while :; do :; done` runs, taking a whole core of this machine.
//!
//! Target: the same figures with and without a command (the UI thread never waits on it).

use std::hint::black_box;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use termcourse::app::msg::{Action, Msg};
use termcourse::app::task::{TaskJob, TaskMsg, TaskPane};
use termcourse::app::{Model, Options};
use termcourse::core::course::{Course, NodeId, StepId};
use termcourse::core::load::{LoadOptions, load};
use termcourse::core::progress::Progress;
use termcourse::core::source::MemorySource;
use termcourse::edge::player::Player;
use termcourse::edge::task_session::TaskOptions;
use termcourse::edge::task_worker::{TaskWorker, initial_env};
use termcourse::edge::workspace::Workspace;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

fn course(command: &str) -> Course {
    let toml = format!(
        r#"
format = 1
id = "bench-tasks"
title = "Bench"
[[node]]
id = "write"
title = "Write"
[[node.step]]
id = "files"
title = "Files"
body = "Write the files."
[node.step.task]
goal = "Write a `Dockerfile`."
[[node.step.task.file]]
path = "Dockerfile"
starter = "FROM python:latest\n"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^FROM python:3\.1[3-9]-slim'
message = "Start FROM a slim image"
hint = "python:3.13-slim"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^USER [1-9]'
message = "Run as a non-root USER"
[[node.step.task.check]]
file = "Dockerfile"
run = '{command}'
timeout = 600
message = "The command check passes"
"#
    );
    let source = MemorySource {
        root: String::new(),
        files: vec![("course.toml".into(), toml)],
    };
    load(&source, &LoadOptions::default()).unwrap_or_else(|r| panic!("{}", r.render(false)))
}

/// A player on the task step with a real task worker behind it (a trusted course, a temporary
/// workspace); its reports arrive on the receiver, as on the runtime's channel.
fn player(command: &str, ws: &std::path::Path) -> (Player, TaskWorker, Receiver<TaskMsg>) {
    let course = Arc::new(course(command));
    let workspace = Ok(Workspace::at(ws.to_owned()));
    let options = Options {
        practice: true,
        node: Some(NodeId::new("write")),
        step: Some(StepId::new("files")),
        tasks: initial_env(&workspace),
        ..Options::default()
    };
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let worker = TaskWorker::spawn(
        workspace,
        TaskOptions {
            workspace: Some(ws.to_owned()),
            builtin: true,
            ..TaskOptions::default()
        },
        None,
        Arc::new(move |msg| {
            let _ = tx.lock().map(|tx| tx.send(msg));
        }),
    )
    .expect("the task worker starts");
    worker.open(Arc::clone(&course));
    let model = Model::new(course, Progress::new("bench"), &options);
    let mut player = Player::new(model, Screen::new(Theme::dark(), false));
    for effect in player.start() {
        if let termcourse::app::effect::Effect::Task(job) = effect {
            worker.send(job);
        }
    }
    (player, worker, rx)
}

/// Takes in what the worker reported, as the runtime does between keys; sends on the jobs the
/// player asks for.
fn pump(player: &mut Player, worker: &TaskWorker, rx: &Receiver<TaskMsg>) {
    for msg in rx.try_iter() {
        for effect in player.dispatch(Msg::Task(msg)) {
            if let termcourse::app::effect::Effect::Task(job) = effect {
                worker.send(job);
            }
        }
    }
}

/// Starts the command check and waits until the player shows it running (or, with `done`,
/// finished).
fn start_command(player: &mut Player, worker: &TaskWorker, rx: &Receiver<TaskMsg>, done: bool) {
    // Let the first read land, then check now: the command starts.
    std::thread::sleep(Duration::from_millis(200));
    pump(player, worker, rx);
    for effect in player.dispatch(Msg::Act(Action::RunChecks)) {
        if let termcourse::app::effect::Effect::Task(job @ TaskJob::Run { .. }) = effect {
            worker.send(job);
        }
    }
    for _ in 0..200 {
        pump(player, worker, rx);
        let task = player.model().task.as_ref();
        if task.is_some_and(|t| !t.log.is_empty() && t.is_running() != done) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the command did not start");
}

fn keys(c: &mut Criterion, name: &str, command: Option<&str>) {
    let temp = tempfile::tempdir().expect("temp dir");
    let (mut player, worker, rx) = player(command.unwrap_or("true"), temp.path());
    start_command(&mut player, &worker, &rx, command.is_none());
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    let mut down = true;
    c.bench_function(name, |b| {
        b.iter(|| {
            let action = if down {
                Action::ScrollDown
            } else {
                Action::ScrollUp
            };
            down = !down;
            pump(&mut player, &worker, &rx);
            black_box(player.dispatch(Msg::Act(action)));
            buf.reset();
            player.frame(area, &mut buf);
            black_box(&buf);
        });
    });
    assert_eq!(
        player
            .model()
            .task
            .as_ref()
            .is_some_and(TaskPane::is_running),
        command.is_some(),
        "{name}: the command ran all along, or not at all"
    );
    // Dropping the worker kills the command's process group.
    drop(worker);
}

fn bench(c: &mut Criterion) {
    keys(c, "task_key_idle", None);
    keys(c, "task_key_command_sleeping", Some("sleep 600"));
    keys(c, "task_key_command_busy", Some("while :; do :; done"));
}

criterion_group!(benches, bench);
criterion_main!(benches);
