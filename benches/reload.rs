//! `play --watch`: from the file event of a one-line edit to the new frame, on the built-in
//! course (18 node files, 136 steps). Each iteration does what the player does after the
//! watcher reports a save: load the course from disk with every check (`reload::load`, on the
//! loader thread in the player), compare it with the one on screen, dispatch
//! `Msg::CourseEdited` (find the first changed step, go there) and draw a 120x40 frame.
//! Target (issue 13): under 30 ms. `reload_load_only` is the load alone.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use termcourse::app::msg::{Msg, SharedCourse};
use termcourse::app::{Model, Options};
use termcourse::core::progress::Progress;
use termcourse::edge::player::Player;
use termcourse::edge::reload::{Reload, load};
use termcourse::view::colours::Colouring;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

/// A copy of the built-in course's directory.
fn copy_course(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/dockerfiles-for-ml");
    copy_dir(&from, to);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn loaded(path: &Path) -> termcourse::core::course::Course {
    match load(path) {
        Reload::Loaded(course) => course,
        Reload::Broken(report) => panic!("{}", report.render(false)),
        Reload::Trouble(why) => panic!("{why}"),
    }
}

fn reload(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let course_dir: PathBuf = dir.path().join("course");
    copy_course(&course_dir);
    // The edit: one line of a step's narration in the middle of the course.
    let file = course_dir.join("nodes/layer-caching.toml");
    let original = std::fs::read_to_string(&file).expect("read");
    let line = original
        .lines()
        .find(|l| l.starts_with("sys_msg = \""))
        .expect("a one-line sys_msg")
        .to_owned();
    let edits = [
        original.clone(),
        original.replacen(
            &line,
            &line.replacen("sys_msg = \"", "sys_msg = \"Edited: ", 1),
            1,
        ),
    ];
    let course = Arc::new(loaded(&course_dir));
    let model = Model::new(course, Progress::new("bench"), &Options::default());
    let screen = Screen::with_colouring(Theme::dark(), false, Colouring::Deferred);
    let mut player = Player::new(model, screen);
    black_box(player.start());
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    player.frame(area, &mut buf);
    let mut turn = 0;
    c.bench_function("reload_builtin_event_to_frame_120x40", |b| {
        b.iter(|| {
            turn += 1;
            // The save (not timed in the player either: it happened before the event).
            std::fs::write(&file, &edits[turn % 2]).expect("write");
            let start = std::time::Instant::now();
            let course = loaded(&course_dir);
            let changed = *player.model().course() != course;
            black_box(player.dispatch(Msg::CourseEdited(SharedCourse(Arc::new(course)))));
            buf.reset();
            player.frame(area, &mut buf);
            assert!(changed);
            black_box(start)
        });
    });
    c.bench_function("reload_builtin_load_only", |b| {
        b.iter(|| black_box(loaded(&course_dir)));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = reload
}
criterion_main!(benches);
