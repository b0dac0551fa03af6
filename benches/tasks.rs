//! Re-checking a task after a save: a task of 10 file checks (every kind, half of them on
//! logical lines) on a 200-line Dockerfile. Target: median < 5 ms.
//!
//! - `recheck_after_save`: what the player does when the watcher reports a save: read the
//!   task's files from the workspace (no-follow, size-limited) and grade every file check
//!   into the task's state.
//! - `grade_only`: the grading alone, on text already in memory.
//! - `save_to_event` (printed, not a criterion case: each sample waits for the debounce): the
//!   time from another process's write to the watcher's event, median and worst of 20.

use std::hint::black_box;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use termcourse::core::course::{Course, Task};
use termcourse::core::load::{LoadOptions, load};
use termcourse::core::source::MemorySource;
use termcourse::core::task::{TaskState, grade_files};
use termcourse::edge::watcher::{WatchEvent, watch};
use termcourse::edge::workspace::Workspace;

const CHECKS: &str = r#"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^FROM python:3\.1[3-9]-slim'
message = "Pinned slim base"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^WORKDIR /app$'
message = "WORKDIR"
[[node.step.task.check]]
file = "Dockerfile"
order = ['(?m)^COPY requirements\.txt', '(?m)^RUN pip install', '(?m)^COPY \. ']
logical = true
message = "Cache-friendly order"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^RUN pip install --no-cache-dir'
logical = true
message = "No pip cache"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^USER [a-z]+$'
message = "Non-root user"
[[node.step.task.check]]
file = "Dockerfile"
absent = '(?m)^USER root'
message = "Not root"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^CMD \["[^"]+"(, "[^"]+")*, "0\.0\.0\.0"'
logical = true
message = "Exec-form CMD on 0.0.0.0"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^HEALTHCHECK '
logical = true
message = "HEALTHCHECK"
[[node.step.task.check]]
file = "Dockerfile"
absent = '(?im)^(ARG|ENV)\s+\S*(PASSWORD|SECRET|TOKEN|API_KEY)'
logical = true
message = "No secrets in ARG/ENV"
[[node.step.task.check]]
file = "Dockerfile"
exists = true
message = "A Dockerfile"
"#;

/// A 200-line Dockerfile passing every check: comments, continuations, many RUN lines.
fn dockerfile() -> String {
    let mut lines = vec![
        "# syntax=docker/dockerfile:1".to_owned(),
        "FROM python:3.13-slim".to_owned(),
        "WORKDIR /app".to_owned(),
        "COPY requirements.txt .".to_owned(),
        "RUN pip install --no-cache-dir \\".to_owned(),
        "    -r requirements.txt".to_owned(),
    ];
    let mut n = 0;
    while lines.len() < 192 {
        n += 1;
        lines.push(format!("# step {n}: install tool {n}"));
        lines.push(format!("RUN echo installing tool-{n} \\"));
        lines.push(format!("    && touch /opt/tool-{n}"));
    }
    while lines.len() < 194 {
        lines.push(String::new());
    }
    lines.extend(
        [
            "COPY . .",
            "ENV PORT=8000",
            "USER app",
            "HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1",
            "EXPOSE 8000",
            "CMD [\"uvicorn\", \"app:app\", \"--host\", \"0.0.0.0\"]",
        ]
        .map(str::to_owned),
    );
    lines.join("\n") + "\n"
}

fn course() -> Course {
    let text = format!(
        "format = 1\nid = \"bench\"\ntitle = \"Bench\"\n[[node]]\nid = \"n\"\ntitle = \"N\"\n\
         [[node.step]]\nid = \"s\"\ntitle = \"S\"\n[node.step.task]\ngoal = \"Write it\"\n\
         [[node.step.task.file]]\npath = \"Dockerfile\"\n{CHECKS}"
    );
    let source = MemorySource {
        root: "bench".to_owned(),
        files: vec![("course.toml".to_owned(), text)],
    };
    load(&source, &LoadOptions::default()).unwrap_or_else(|r| panic!("{}", r.render(false)))
}

fn task(course: &Course) -> &Task {
    course.nodes[0].steps[0].task.as_ref().expect("a task")
}

fn recheck(c: &mut Criterion) {
    let course = course();
    let task = task(&course);
    assert_eq!(task.checks.len(), 10);
    let dir = tempfile::tempdir().expect("temp dir");
    let text = dockerfile();
    assert_eq!(text.lines().count(), 200);
    std::fs::write(dir.path().join("Dockerfile"), &text).expect("write");
    let workspace = Workspace::at(dir.path().to_owned());
    let mut state = TaskState::new(task);
    state.apply_files(task, &workspace.read_files(task));
    assert!(state.is_passed(), "{:?}", state.statuses());

    c.bench_function("recheck_after_save", |b| {
        b.iter(|| {
            let files = workspace.read_files(task);
            black_box(state.apply_files(task, &files));
        });
    });
    let files = workspace.read_files(task);
    c.bench_function("grade_only", |b| {
        b.iter(|| black_box(grade_files(task, &files)));
    });
}

/// From a write by another process to the watcher's event.
fn save_to_event() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (tx, rx) = mpsc::channel();
    let _watcher = watch(dir.path().to_owned(), move |e| {
        let _ = tx.send(e);
    });
    std::thread::sleep(Duration::from_millis(300));
    let mut times = Vec::new();
    for i in 0..20 {
        let written = Instant::now();
        let status = std::process::Command::new("sh")
            .args(["-c", &format!("echo {i} > Dockerfile")])
            .current_dir(dir.path())
            .status()
            .expect("sh");
        assert!(status.success());
        loop {
            match rx.recv_timeout(Duration::from_secs(5)) {
                Ok(WatchEvent::Changed(paths)) if paths.iter().any(|p| p == "Dockerfile") => break,
                Ok(_) => {}
                Err(e) => panic!("no event: {e}"),
            }
        }
        times.push(written.elapsed());
        // Let the burst settle, so that each sample is a separate save.
        std::thread::sleep(Duration::from_millis(250));
        while rx.try_recv().is_ok() {}
    }
    times.sort();
    println!(
        "save_to_event: median {:.0} ms, worst {:.0} ms (20 saves, debounce {} ms)",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0,
        termcourse::edge::watcher::DEBOUNCE.as_millis(),
    );
}

criterion_group!(benches, recheck);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if filter.is_empty() || filter.iter().any(|f| "save_to_event".contains(f.as_str())) {
        save_to_event();
    }
}
