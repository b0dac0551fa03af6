//! The real-terminal test: drives the player in tmux like a learner would, through the pane's
//! screen (`capture-pane`), on a private tmux server and a temporary data directory.
//!
//! The server, the binary under test (`$TERMCOURSE_TEST_BIN` or cargo's), the skip when tmux
//! is missing and the waits are the shared harness's (`tests/support/tmux.rs`). With
//! `TERMCOURSE_REQUIRE_TMUX` set (`.ci/run` sets it) a missing tmux or `/proc` fails the test
//! instead of skipping it.
//!
//! The tests play the built-in course (`termcourse` with no arguments). What to expect on screen
//! (titles, commands, right and wrong answers) is read from the same course through the library,
//! so editing the lessons does not break them.

use std::ops::Deref;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use termcourse::edge::builtin;

#[path = "tmux/answers.rs"]
mod answers;
#[path = "tmux/learner.rs"]
mod learner;
mod support;
mod words;
use answers::{answers, split_literal};
use support::tmux::{Server, TIMEOUT, binary};

/// Arguments of the player under test: none, the built-in course.
const COURSE_ARGS: &[&str] = &[];

/// The shared harness's server, one test at a time, with the built-in course's way to start.
struct Tmux {
    server: Server,
    _serial: std::sync::MutexGuard<'static, ()>,
}

/// The tests take turns: run side by side, tmux now and then marks a pane dead without ever
/// reporting its exit status, which would fail a test for tmux's sake rather than ours.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Deref for Tmux {
    type Target = Server;

    fn deref(&self) -> &Server {
        &self.server
    }
}

impl Tmux {
    /// A private tmux server named after `test`, so tests running in parallel never share one.
    fn new(test: &str) -> Option<Self> {
        // These tests wait for screens and measure no durations there: polling less often
        // loads a busy machine less.
        let server = Server::new("termcourse-test", test)?.polling_every(Duration::from_millis(50));
        let serial = SERIAL
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // The test of the orientation removes this marker.
        server.not_a_first_run();
        Some(Self {
            server,
            _serial: serial,
        })
    }

    /// Starts (or restarts) the player on the built-in course in a 120x40 pane that stays
    /// after the player exits.
    fn start(&self, name: &str) {
        self.start_with(name, COURSE_ARGS);
    }

    /// Starts the player with `args` in a 120x40 pane that stays after the player exits.
    fn start_with(&self, name: &str, args: &[&str]) {
        self.start_sized(name, args, (120, 40), &[]);
    }

    /// Starts the player with `args` in a `size` pane (with `env` set too, `NAME=value`) that
    /// stays after the player exits.
    fn start_sized(&self, name: &str, args: &[&str], size: (u16, u16), env: &[&str]) {
        self.server.start(name, size, env, args);
    }

    /// Starts the player and waits for the built-in course's first screen; returns its pid.
    fn start_built_in(&self, name: &str) -> String {
        let title = builtin::load().expect("the built-in course loads").title;
        self.start(name);
        self.wait_for(name, &[&title]);
        self.format(name, "#{pane_pid}")
    }

    /// Writes the learner's progress file before the player starts: fresh progress for
    /// `course` with the seed `seed`, so the tests know how its choices are shuffled.
    fn write_progress(&self, course: &termcourse::core::course::Course, seed: u64) {
        let mut progress = termcourse::core::progress::Progress::new(course.id.as_str());
        progress.seed = Some(seed);
        self.write_progress_value(course, &progress);
    }

    fn write_progress_value(
        &self,
        course: &termcourse::core::course::Course,
        progress: &termcourse::core::progress::Progress,
    ) {
        let dir = self.data_dir().join("progress");
        std::fs::create_dir_all(&dir).expect("progress dir");
        let text = termcourse::core::progress::codec::encode(progress).expect("encodes");
        std::fs::write(dir.join(format!("{}.toml", course.id)), text).expect("progress file");
    }
}

/// The first `n` characters of `text`: enough to recognise it where a pane may wrap the rest.
fn head(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

#[test]
fn plays_a_node_quits_and_resumes_on_the_same_step() {
    let Some(t) = Tmux::new("play") else {
        return;
    };
    let course = builtin::load().expect("the built-in course loads");
    let node = &course.nodes[0];
    let first = &node.steps[0];
    let seed = 1;
    t.write_progress(&course, seed);
    t.start("play");
    let mut expect = vec![head(&first.title, 20)];
    expect.extend(first.sys_msg.as_ref().map(|_| "SYS_MSG".to_owned()));
    let expect_refs: Vec<&str> = expect.iter().map(String::as_str).collect();
    t.wait_for("play", &expect_refs);

    // Step the bash pane: the first entry's command appears (typed by the learner when it is
    // a type-along entry), then its output.
    if let Some(entry) = first.bash.first() {
        if entry.type_along.is_some() {
            // Its prompt is open from the start: the learner types straight away.
            t.keys("play", &["-l", &entry.cmd]);
            t.keys("play", &["Enter"]);
        } else {
            t.keys("play", &["Right"]);
        }
        let total = format!("bash 1 / {}", first.bash.len());
        let cmd = format!("$ {}", head(&entry.cmd, 30));
        let out = head(
            entry
                .out
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or(""),
            20,
        );
        t.wait_for("play", &[&total, &cmd, out.trim()]);
    }

    // Move on to the node's first quiz (Escape leaves any type-along prompt; Right steps).
    let (k, quiz_step) = node
        .steps
        .iter()
        .enumerate()
        .find(|(_, s)| s.quiz.is_some())
        .expect("the first node has a quiz");
    let position = format!("step {}/{}", k + 1, node.steps.len());
    for _ in 0..200 {
        let screen = t.screen("play");
        if screen.contains(&position) {
            break;
        }
        if screen.contains("Type the command") {
            // Sent on its own: an Escape directly followed by an arrow's escape sequence
            // reads as one Alt-modified key.
            t.keys("play", &["Escape"]);
            std::thread::sleep(Duration::from_millis(60));
        }
        t.keys("play", &["Right"]);
        std::thread::sleep(Duration::from_millis(40));
    }
    t.wait_for("play", &["SYSTEM VERIFICATION", &position]);

    let quiz = quiz_step.quiz.as_ref().expect("quiz");
    let (wrong, right) = answers(quiz, node.id.as_str(), quiz_step.id.as_str(), Some(seed));
    for keys in split_literal(&wrong) {
        t.keys("play", &keys);
    }
    t.wait_for("play", &["Not quite"]);
    for keys in split_literal(&right) {
        t.keys("play", &keys);
    }
    t.wait_for("play", &["Correct!"]);
    t.keys("play", &["m"]);
    t.wait_for("play", &[course.matrix.title.as_str(), "complete"]);
    t.keys("play", &["Escape"]);
    std::thread::sleep(Duration::from_millis(60));
    t.keys("play", &["q"]);
    t.assert_exited_ok("play");
    t.assert_restored("play");

    t.start("again");
    let (screen, _) = t.wait_for("again", &[&head(&quiz_step.title, 20), &position]);
    assert!(screen.contains(&node.title), "{screen}");
    t.keys("again", &["q"]);
    t.assert_exited_ok("again");
}

#[test]
fn sigterm_and_ctrl_c_restore_the_terminal() {
    let Some(t) = Tmux::new("signals") else {
        return;
    };
    let pid = t.start_built_in("term");
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    t.assert_exited_ok("term");
    t.assert_restored("term");

    t.start_built_in("ctrlc");
    t.keys("ctrlc", &["C-c"]);
    t.assert_exited_ok("ctrlc");
    t.assert_restored("ctrlc");
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let Some(t) = Tmux::new("suspend") else {
        return;
    };
    let data = format!("TERMCOURSE_DATA_DIR={}", t.data_dir().display());
    t.new_session(
        "job",
        (120, 40),
        &[&data, "PS1=$ "],
        &["bash", "--norc", "--noprofile", "-i"],
    );
    let course = builtin::load().expect("the built-in course loads");
    let line = format!("{} {}", binary().display(), COURSE_ARGS.join(" "));
    t.keys("job", &[&line, "Enter"]);
    t.wait_for("job", &[&course.title, "SYS_MSG"]);
    t.keys("job", &["C-z"]);
    t.wait_for("job", &["Stopped"]);
    t.assert_restored("job");
    t.keys("job", &["clear", "Enter"]);
    t.keys("job", &["fg", "Enter"]);
    t.wait_for("job", &[&course.title, "SYS_MSG"]);
    t.keys("job", &["q"]);
    t.wait_alternate("job", false);
    t.keys("job", &["echo done-$?", "Enter"]);
    t.wait_for("job", &["done-0"]);
    t.assert_restored("job");
}

#[test]
fn a_terminal_that_hangs_up_ends_the_player() {
    let Some(t) = Tmux::new("hangup") else {
        return;
    };
    if !Path::new("/proc/self/stat").exists() {
        support::skip("no /proc here to watch the player's process");
        return;
    }
    let pid = t.start_built_in("hup");
    let proc_dir = Path::new("/proc").join(&pid);
    assert!(
        read_state(&proc_dir).is_some_and(|state| state != 'Z'),
        "the player (pid {pid}) is not running before the hang-up"
    );
    // Killing the session closes the pane's terminal under the player, as closing a window does.
    t.tmux(&["kill-session", "-t", "hup"]);
    let start = Instant::now();
    while proc_dir.exists() && !is_zombie(&proc_dir) {
        assert!(
            start.elapsed() < TIMEOUT,
            "the player (pid {pid}) is still running after its terminal hung up"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Whether the process has exited and only waits to be reaped by its (gone) parent. A status
/// that cannot be read is not taken for one: the process is gone (checked by the caller's
/// loop) or the test keeps waiting until it times out.
fn is_zombie(proc_dir: &Path) -> bool {
    read_state(proc_dir) == Some('Z')
}

/// The state letter of the process (`R`, `S`, `Z`…), if its status can be read.
fn read_state(proc_dir: &Path) -> Option<char> {
    let stat = std::fs::read_to_string(proc_dir.join("stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    rest.trim_start().chars().next()
}

/// A course whose only step shows two code blocks that are slow to highlight: a 20,001-character
/// line of LESS (minutes for syntect) and fifty 2,000-character ones (over the time budget).
fn pathological_course() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let nodes = dir.path().join("nodes");
    std::fs::create_dir_all(&nodes).expect("nodes dir");
    std::fs::write(
        dir.path().join("course.toml"),
        "format = 1\nid = \"slow-code\"\ntitle = \"Slow code\"\nnodes = [\"nodes/a.toml\"]\n",
    )
    .expect("course file");
    let hopeless = format!("a{}", " \t".repeat(10_000));
    let many = format!("a{}\n", " \t".repeat(999)).repeat(50);
    std::fs::write(
        nodes.join("a.toml"),
        format!(
            "id = \"a\"\ntitle = \"A\"\nsummary = \"s\"\n[[step]]\nid = \"s\"\n\
             title = \"Pathological\"\nbody = '''\nAbove the code.\n\n```less\n{hopeless}\n```\n\n\
             ```less\n{many}```\n\nBelow the code.\n'''\n"
        ),
    )
    .expect("node file");
    dir
}

#[test]
fn a_pathological_code_block_never_delays_quitting() {
    let Some(t) = Tmux::new("slow") else {
        println!("SKIPPED: tmux is not installed");
        return;
    };
    let course = pathological_course();
    let path = course.path().to_string_lossy().into_owned();
    for (name, stop) in [("q", "q"), ("ctrlc", "C-c"), ("term", "")] {
        t.start_with(name, &["play", &path]);
        // The first frame is drawn at once, code and all (uncoloured until colours arrive).
        t.wait_for(name, &["Pathological", "Above the code.", "less", "quit"]);
        // Keys are answered while the highlighter works: scroll down and back.
        t.keys(name, &["j"]);
        t.keys(name, &["k"]);
        if stop.is_empty() {
            let pid = t.format(name, "#{pane_pid}");
            let killed = Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .expect("kill");
            assert!(killed.success());
        } else {
            t.keys(name, &[stop]);
        }
        let took = t.exit_time(name, Duration::from_secs(1));
        println!("{name}: ended {took:?} after the stop");
        t.assert_exited_ok(name);
        t.assert_restored(name);
    }
}

#[test]
fn a_progress_lock_held_elsewhere_never_delays_playing_or_quitting() {
    let Some(t) = Tmux::new("locked") else {
        println!("SKIPPED: tmux is not installed");
        return;
    };
    let course = builtin::load().expect("the built-in course loads");
    let progress = t.data_dir().join("progress");
    std::fs::create_dir_all(&progress).expect("progress dir");
    let lock = std::fs::File::create(progress.join(format!("{}.toml.lock", course.id)))
        .expect("lock file");
    lock.lock()
        .expect("hold the lock, as a saving player would");
    t.start_built_in("locked");
    // Arriving saves; the held lock makes the save wait, never the screen.
    t.wait_for("locked", &["Progress not saved yet"]);
    t.keys("locked", &["Right"]);
    t.keys("locked", &["q"]);
    let took = t.exit_time("locked", Duration::from_secs(1));
    println!("ended {took:?} after q, with the lock held");
    t.assert_exited_ok("locked");
    t.assert_restored("locked");
    let out = t
        .tmux(&["capture-pane", "-p", "-S", "-", "-t", "locked"])
        .stdout;
    let said = String::from_utf8_lossy(&out);
    assert!(said.contains("saved without the lock"), "{said}");
    drop(lock);
    let saved = std::fs::read_to_string(progress.join(format!("{}.toml", course.id)))
        .expect("the last save was made on the way out");
    assert!(saved.contains(course.nodes[0].id.as_str()), "{saved}");
}

/// Issue 14 in a real terminal: a here-document type-along pasted (bracketed paste, as a
/// terminal sends it) and typed line by line, and wide output zoomed and scrolled sideways.
#[test]
fn a_heredoc_is_pasted_and_typed_and_wide_output_zooms_and_scrolls() {
    let Some(t) = Tmux::new("heredoc") else {
        return;
    };
    let fixture = ["play", "tests/fixtures/terminal", "--practice", "--step"];
    let course_args = |step: &'static str| {
        let mut args = fixture.to_vec();
        args.push(step);
        args
    };
    t.start_with("paste", &course_args("type-heredoc"));
    // The prompt is open on arrival: the type-along is the step's first entry.
    t.wait_for("paste", &["Type it line by line"]);
    let text = "cat > .dockerignore <<'EOF'\n.git\n__pycache__/\nEOF\n";
    let buffer = t.data_dir().join("paste.txt");
    std::fs::write(&buffer, text).expect("write the paste");
    t.tmux(&["load-buffer", "-b", "heredoc", &buffer.to_string_lossy()]);
    t.tmux(&["paste-buffer", "-p", "-b", "heredoc", "-t", "paste"]);
    let (pasted, _) = t.wait_for("paste", &["> __pycache__/", "> EOF"]);
    assert!(
        !pasted.contains("✓ matched"),
        "a paste waits for Enter:\n{pasted}"
    );
    t.keys("paste", &["Enter"]);
    t.wait_for("paste", &["✓ matched"]);
    t.keys("paste", &["q"]);
    t.assert_exited_ok("paste");

    // A type-along typed once is shown as scripted from then on: start afresh.
    std::fs::remove_dir_all(t.data_dir().join("progress")).expect("progress written");
    t.start_with("type", &course_args("type-heredoc"));
    // The prompt is open on arrival: the type-along is the step's first entry.
    t.wait_for("type", &["Type it line by line"]);
    for line in ["cat > .dockerignore <<'EOF'", ".git", "__pycache__/"] {
        t.keys("type", &["-l", line]);
        t.keys("type", &["Enter"]);
    }
    let (typing, _) = t.wait_for(
        "type",
        &["$ cat > .dockerignore <<'EOF'", "> .git", "> __pycache__/"],
    );
    assert!(
        !typing.contains("✓ matched"),
        "still in the here-document:\n{typing}"
    );
    t.keys("type", &["-l", "EOF"]);
    t.keys("type", &["Enter"]);
    t.wait_for("type", &["✓ matched"]);
    t.keys("type", &["q"]);
    t.assert_exited_ok("type");

    t.start_with("wide", &course_args("image-ls"));
    t.wait_for("wide", &["List your images"]);
    t.keys("wide", &["Right"]);
    let header = "REPOSITORY          TAG       IMAGE ID       CREATED          SIZE";
    let (split, _) = t.wait_for("wide", &[header, "3 ›"]);
    assert!(!split.contains("2.96GB"), "{split}");
    t.keys("wide", &["z"]);
    t.wait_for("wide", &["2.96GB", "z unzoom"]);
    t.keys("wide", &["z"]);
    for _ in 0..10 {
        t.keys("wide", &[">"]);
    }
    t.wait_for("wide", &["2.96GB", "│ ‹"]);
    t.keys("wide", &["q"]);
    t.assert_exited_ok("wide");
    t.assert_restored("wide");
}
