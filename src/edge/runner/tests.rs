use std::fs;
use std::sync::mpsc;

use super::*;
use crate::core::course::Pattern;

fn runner() -> (tempfile::TempDir, Runner) {
    let temp = tempfile::tempdir().expect("temp dir");
    let runner = Runner::new(Workspace::at(temp.path().to_owned()), Grant::for_tests());
    (temp, runner)
}

fn check(command: &str) -> RunCheck {
    RunCheck {
        command: command.to_owned(),
        needs: Vec::new(),
        ready: Vec::new(),
        exit: 0,
        output: None,
        timeout: Duration::from_secs(10),
    }
}

fn run(runner: &Runner, check: &RunCheck) -> RunOutcome {
    runner.run(check, &AtomicBool::new(false))
}

#[test]
fn exit_status_and_output_decide_the_check() {
    let (_dir, r) = runner();
    let mut c = check("echo hello; echo oops >&2; exit 3");
    c.exit = 3;
    c.output = Some(Pattern::compile("(?m)^hel+o\\noops$", false).expect("regex"));
    let out = run(&r, &c);
    assert_eq!(out.status, CheckStatus::Passed, "{out:?}");
    assert_eq!(out.ended, Ended::Exited(3));
    assert_eq!(
        out.output, "hello\noops\n",
        "stdout and stderr, interleaved"
    );

    c.exit = 0;
    let out = run(&r, &c);
    assert_eq!(
        out.status,
        CheckStatus::Failing {
            detail: Some("exit status 3 (expected 0)".to_owned())
        }
    );
    let mut c = check("echo goodbye");
    c.output = Some(Pattern::compile("hello", false).expect("regex"));
    let out = run(&r, &c);
    assert_eq!(
        out.status,
        CheckStatus::Failing {
            detail: Some("the output does not match `hello`".to_owned())
        }
    );
}

#[test]
fn commands_run_in_the_workspace_with_stdin_closed_and_a_clean_environment() {
    let (dir, r) = runner();
    let started = Instant::now();
    let out = run(&r, &check("cat; pwd; env"));
    assert_eq!(out.status, CheckStatus::Passed, "{out:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "`cat` did not wait for input"
    );
    let pwd = fs::canonicalize(dir.path()).expect("canonical");
    let mut lines = out.output.lines();
    assert_eq!(lines.next().map(PathBuf::from), Some(pwd));
    let names: Vec<&str> = lines
        .filter_map(|l| l.split_once('=').map(|(k, _)| k))
        .collect();
    // `sh` itself sets PWD, and some shells OLDPWD, SHLVL or `_`.
    let allowed = [
        "PATH", "HOME", "LANG", "TERM", "PWD", "OLDPWD", "SHLVL", "_",
    ];
    assert!(names.iter().all(|n| allowed.contains(n)), "{names:?}");
    assert!(
        std::env::var_os("CARGO_MANIFEST_DIR").is_some(),
        "cargo sets it for tests: a leak would show"
    );
}

#[test]
fn output_is_cleaned_and_bounded() {
    let (_dir, r) = runner();
    let out = run(&r, &check("printf '\\033[31mred\\033[0m\\n'"));
    assert_eq!(out.output, "red\n");
    let out = run(&r, &check("yes 0123456789 | head -c 5000000"));
    assert!(out.truncated);
    assert!(
        out.output.len() < HEAD_BYTES + TAIL_BYTES + 100,
        "{}",
        out.output.len()
    );
    assert!(out.output.contains("bytes left out"));
}

#[test]
fn missing_programs_skip_the_check_without_running_it() {
    let (dir, r) = runner();
    let mut c = check("touch ran");
    c.needs = vec!["sh".to_owned(), "termcourse-no-such-program".to_owned()];
    assert_eq!(r.missing_programs(&c), ["termcourse-no-such-program"]);
    let out = run(&r, &c);
    assert_eq!(
        out.status,
        CheckStatus::Skipped(SkipReason::MissingPrograms(vec![
            "termcourse-no-such-program".to_owned()
        ]))
    );
    assert!(!dir.path().join("ran").exists());
}

/// Whether process `pid` is gone (or a zombie waiting for its parent to collect it).
#[cfg(target_os = "linux")]
fn gone(pid: &str) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])),
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
fn gone(pid: &str) -> bool {
    !std::process::Command::new("kill")
        .args(["-0", pid])
        .status()
        .is_ok_and(|s| s.success())
}

/// Waits a little for `pid` to go: a killed process is reaped by its new parent.
#[cfg(unix)]
fn goes_away(pid: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if gone(pid) {
            return true;
        }
        thread::sleep(Duration::from_millis(20));
    }
    false
}

#[cfg(unix)]
#[test]
fn a_timeout_kills_the_whole_process_group() {
    let (dir, r) = runner();
    let mut c = check("sleep 60 & echo $! > child.pid; echo started; sleep 60");
    c.timeout = Duration::from_secs(1);
    let started = Instant::now();
    let out = run(&r, &c);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(out.ended, Ended::TimedOut(Duration::from_secs(1)));
    assert!(
        matches!(&out.status, CheckStatus::Failing { detail: Some(d) } if d.contains("timed out after 1 s"))
    );
    assert_eq!(out.output, "started\n");
    let child = fs::read_to_string(dir.path().join("child.pid")).expect("pid");
    assert!(
        goes_away(child.trim()),
        "the background child {child} was killed too"
    );
}

#[cfg(unix)]
#[test]
fn background_processes_left_behind_are_killed_and_do_not_hold_the_output() {
    let (dir, r) = runner();
    let started = Instant::now();
    let out = run(&r, &check("sleep 60 & echo $! > bg.pid; echo done"));
    assert_eq!(out.status, CheckStatus::Passed);
    assert_eq!(out.output, "done\n");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let bg = fs::read_to_string(dir.path().join("bg.pid")).expect("pid");
    assert!(goes_away(bg.trim()));
}

#[test]
fn a_batch_reports_through_the_callback_and_can_be_cancelled() {
    let (_dir, r) = runner();
    let (tx, rx) = mpsc::channel();
    let batch = RunBatch {
        id: 7,
        checks: vec![
            (2, check("echo one")),
            (5, check("sleep 60")),
            (6, check("echo never")),
        ],
    };
    let handle = r.spawn(batch, move |event| {
        let _ = tx.send(event);
    });
    let next = || rx.recv_timeout(Duration::from_secs(10)).expect("an event");
    assert_eq!(next(), RunEvent::Started { batch: 7, check: 2 });
    let RunEvent::Finished {
        check: 2, outcome, ..
    } = next()
    else {
        panic!("the first check finishes");
    };
    assert_eq!(outcome.status, CheckStatus::Passed);
    assert_eq!(next(), RunEvent::Started { batch: 7, check: 5 });
    let cancelled_at = Instant::now();
    handle.cancel();
    let RunEvent::Finished {
        check: 5, outcome, ..
    } = next()
    else {
        panic!("the second check ends, cancelled");
    };
    assert!(cancelled_at.elapsed() < Duration::from_secs(5));
    assert_eq!(
        (outcome.ended, outcome.status),
        (Ended::Cancelled, CheckStatus::Pending)
    );
    assert_eq!(
        next(),
        RunEvent::Done { batch: 7 },
        "the third never starts"
    );
    handle.join();
}

#[test]
fn exit_status_77_skips_the_check_with_the_last_line_printed() {
    let (_dir, r) = runner();
    let out = run(
        &r,
        &check("echo checking; echo 'the Docker daemon is not running' >&2; exit 77"),
    );
    assert_eq!(
        out.status,
        CheckStatus::Skipped(SkipReason::Unavailable(
            "the Docker daemon is not running".to_owned()
        ))
    );
    let silent = run(&r, &check("exit 77"));
    assert!(
        matches!(&silent.status, CheckStatus::Skipped(SkipReason::Unavailable(why)) if why.contains("77")),
        "{silent:?}"
    );
    let long = run(&r, &check(&format!("echo {}; exit 77", "x".repeat(500))));
    let CheckStatus::Skipped(SkipReason::Unavailable(why)) = long.status else {
        panic!("skipped: {long:?}");
    };
    assert_eq!(why.chars().count(), 100, "shortened: {why}");
    // A check that expects 77 passes on it.
    let mut expects = check("exit 77");
    expects.exit = 77;
    assert_eq!(run(&r, &expects).status, CheckStatus::Passed);
}

#[test]
fn a_ready_probe_that_fails_skips_the_check_unrun_with_its_last_line() {
    let (dir, r) = runner();
    let marker = dir.path().join("ran");
    let mut c = check(&format!("touch '{}'", marker.display()));
    c.ready = vec![
        "true".to_owned(),
        "echo probing; echo 'no Docker daemon is running'; exit 1".to_owned(),
    ];
    let out = run(&r, &c);
    assert_eq!(
        out.status,
        CheckStatus::Skipped(SkipReason::Unavailable(
            "no Docker daemon is running".to_owned()
        ))
    );
    assert!(matches!(out.ended, Ended::NotReady { .. }), "{out:?}");
    assert!(!marker.exists(), "the command itself never ran");
    // A silent probe is named instead.
    c.ready = vec!["exit 4".to_owned()];
    let silent = run(&r, &c);
    assert!(
        matches!(&silent.status, CheckStatus::Skipped(SkipReason::Unavailable(why)) if why.contains("`exit 4`")),
        "{silent:?}"
    );
    // Probes that succeed let the command run and decide.
    c.ready = vec!["true".to_owned(), "exit 0".to_owned()];
    assert_eq!(run(&r, &c).status, CheckStatus::Passed);
    assert!(marker.exists());
}
