//! The capstone's project files are embedded in the built-in course as the files of its task
//! (with starters, so the player writes them to the learner's workspace), and kept as plain
//! files in `lessons/dockerfiles-for-ml/workspace/` where they can be read, run and diffed.
//! The two copies must never drift: every file of the folder is a file of the task, under
//! `iris-api/`, with the same text (the `Dockerfile` and `.dockerignore` as the task's
//! solutions: their starters are the draft the learner improves), and the task has no file
//! the folder lacks.

use std::collections::BTreeMap;
use std::path::Path;

use termcourse::core::course::{NodeId, Task};
use termcourse::edge::builtin;

const PREFIX: &str = "iris-api/";
/// Files the learner writes: the folder holds their solution.
const WRITTEN: &[&str] = &["Dockerfile", ".dockerignore"];

/// The capstone's first task, after checking that its second continues the same Dockerfile.
fn capstone_task() -> Task {
    let course = builtin::load().expect("the built-in course loads");
    let node = course
        .node(&NodeId::new("write-the-dockerfile"))
        .expect("the capstone node");
    // The first task holds the project; the second (the GPU variant) continues its Dockerfile.
    let tasks: Vec<Task> = node.steps.iter().filter_map(|s| s.task.clone()).collect();
    assert_eq!(tasks.len(), 2, "two tasks in the capstone: CPU, then GPU");
    let first = tasks[0].clone();
    let gpu = &tasks[1];
    assert_eq!(
        gpu.files.len(),
        1,
        "the GPU task works on the Dockerfile only"
    );
    let dockerfile = first
        .files
        .iter()
        .find(|f| f.path == gpu.files[0].path)
        .expect("the GPU task's file is the first task's Dockerfile");
    assert_eq!(dockerfile.starter, gpu.files[0].starter, "one starter");
    assert_eq!(dockerfile.solution, gpu.files[0].solution, "one solution");
    first
}

fn folder(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("read the workspace folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            folder(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).expect("below the root");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let text = std::fs::read_to_string(&path).expect("a text file");
            files.insert(rel, text);
        }
    }
}

#[test]
fn the_capstone_task_holds_exactly_the_workspace_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/dockerfiles-for-ml/workspace");
    let mut on_disk = BTreeMap::new();
    folder(&root, &root, &mut on_disk);
    assert!(on_disk.len() >= 10, "{:?}", on_disk.keys());
    let task = capstone_task();
    let mut embedded = BTreeMap::new();
    for file in &task.files {
        let rel = file
            .path
            .strip_prefix(PREFIX)
            .unwrap_or_else(|| panic!("`{}` is not under {PREFIX}", file.path));
        let text = if WRITTEN.contains(&rel) {
            assert!(file.starter.is_some(), "{rel} has a starter");
            file.solution.clone()
        } else {
            assert!(file.solution.is_none(), "{rel} is given, not written");
            file.starter.clone()
        };
        embedded.insert(rel.to_owned(), text.unwrap_or_default());
    }
    let missing: Vec<&String> = on_disk
        .keys()
        .filter(|k| !embedded.contains_key(*k))
        .collect();
    let extra: Vec<&String> = embedded
        .keys()
        .filter(|k| !on_disk.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "in the folder, not in the task: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "in the task, not in the folder: {extra:?}"
    );
    for (rel, text) in &on_disk {
        assert_eq!(
            &embedded[rel], text,
            "`{rel}` differs between the task and the folder"
        );
    }
}

#[test]
fn every_builtin_task_is_solvable_and_not_solved_by_its_starters() {
    // Loading from the folder runs the full check, self-tests included: every file check
    // passes on the solutions and at least one fails on the starters.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/dockerfiles-for-ml");
    let course = termcourse::edge::fs_source::load_course_path(&root)
        .unwrap_or_else(|report| panic!("{}", report.render(false)));
    let tasks: Vec<(String, usize)> = course
        .nodes
        .iter()
        .flat_map(|n| {
            n.steps.iter().filter_map(move |s| {
                s.task
                    .as_ref()
                    .map(|t| (format!("{}/{}", n.id, s.id), t.checks.len()))
            })
        })
        .collect();
    let names: Vec<&str> = tasks.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "exec-vs-shell/fix-the-cmd",
            "layer-caching/fix-the-order",
            "write-the-dockerfile/your-turn",
            "write-the-dockerfile/your-turn-gpu"
        ]
    );
    assert!(tasks.iter().all(|(_, checks)| *checks >= 3));
}
