use std::process::Command;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use super::*;

/// Waits for a `Changed` event naming `path`, or a directory it is in (skipping others),
/// returning how long it took. A directory counts: a file written into a directory created
/// a moment before may be done before the watch on the new directory is in place, and the
/// player re-reads every task file on any change, so the directory's event is what matters.
fn changed(rx: &Receiver<WatchEvent>, path: &str, since: Instant) -> Option<Duration> {
    let deadline = since + Duration::from_secs(10);
    let covers = |p: &String| p == path || path.starts_with(&format!("{p}/"));
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(WatchEvent::Changed(paths)) if paths.iter().any(covers) => {
                return Some(since.elapsed());
            }
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

fn channel_watch(root: PathBuf) -> (WorkspaceWatcher, Receiver<WatchEvent>) {
    let (tx, rx) = mpsc::channel();
    let watcher = watch(root, move |event| {
        let _ = tx.send(event);
    });
    (watcher, rx)
}

#[test]
fn a_write_by_another_process_is_reported() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().to_owned();
    let (_watcher, rx) = channel_watch(root.clone());
    // Let the watch be set up before writing (the supervisor starts it at once).
    thread::sleep(Duration::from_millis(200));
    let since = Instant::now();
    let status = Command::new("sh")
        .args(["-c", "mkdir -p app && printf 'FROM x\\n' > app/Dockerfile"])
        .current_dir(&root)
        .status()
        .expect("run sh");
    assert!(status.success());
    let took = changed(&rx, "app/Dockerfile", since).expect("an event for the write");
    // Not a timing assertion of the debounce (that is the benchmark's job): just "soon".
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn a_workspace_that_does_not_exist_yet_is_watched_once_it_does() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().join("later");
    let (watcher, rx) = channel_watch(root.clone());
    thread::sleep(Duration::from_millis(300));
    std::fs::create_dir(&root).expect("mkdir");
    let appeared = Instant::now();
    let first = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("the directory appeared");
    assert_eq!(first, WatchEvent::Changed(Vec::new()));
    assert!(appeared.elapsed() < Duration::from_secs(5));
    let since = Instant::now();
    std::fs::write(root.join("Dockerfile"), "FROM x\n").expect("write");
    assert!(changed(&rx, "Dockerfile", since).is_some());
    drop(watcher);
    assert!(
        rx.recv_timeout(Duration::from_secs(1)).is_err(),
        "nothing after the watcher is dropped"
    );
}

#[test]
fn relative_paths_use_slashes() {
    let root = Path::new("/ws");
    assert_eq!(relative(root, Path::new("/ws/app/main.py")), "app/main.py");
    assert_eq!(relative(root, Path::new("/ws")), "");
    assert_eq!(relative(root, Path::new("/elsewhere/x")), "/elsewhere/x");
}

#[test]
fn reading_a_file_is_not_a_change() {
    // The player reads the task's files after every change: if reading were reported, each
    // read would cause the next, forever.
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().to_owned();
    std::fs::write(root.join("Dockerfile"), "FROM x\n").expect("write");
    let (_watcher, rx) = channel_watch(root.clone());
    thread::sleep(Duration::from_millis(300));
    while rx.try_recv().is_ok() {}
    for _ in 0..3 {
        let text = std::fs::read_to_string(root.join("Dockerfile")).expect("read");
        assert_eq!(text, "FROM x\n");
        let _ = std::fs::read_dir(&root).expect("list").count();
    }
    let event = rx.recv_timeout(DEBOUNCE * 4);
    assert!(event.is_err(), "a read was reported: {event:?}");
}

#[test]
fn an_atomic_rename_save_is_reported() {
    // vim (backupcopy=no), VS Code, JetBrains and many others save by writing a temporary
    // file and renaming it over the original.
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().to_owned();
    std::fs::write(root.join("Dockerfile"), "FROM x\n").expect("write");
    let (_watcher, rx) = channel_watch(root.clone());
    thread::sleep(Duration::from_millis(300));
    let since = Instant::now();
    std::fs::write(root.join(".Dockerfile.swp-new"), "FROM y\n").expect("write temp");
    std::fs::rename(root.join(".Dockerfile.swp-new"), root.join("Dockerfile")).expect("rename");
    assert!(changed(&rx, "Dockerfile", since).is_some());
    assert_eq!(
        std::fs::read_to_string(root.join("Dockerfile")).expect("read"),
        "FROM y\n"
    );
}
