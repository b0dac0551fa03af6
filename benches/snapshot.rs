//! Snapshotting the whole built-in course at 80x24 and 120x40, as `termcourse snapshot
//! lessons/dockerfiles-for-ml --out tests/snapshots/builtin --check` does: load the course,
//! draw every scene at both sizes, read the committed snapshots and compare.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use termcourse::edge::fs_source::load_course_path;
use termcourse::edge::snapshot::course::{RunOptions, snapshot_course};
use termcourse::edge::snapshot::{DEFAULT_SIZES, Mode};

fn snapshot_builtin(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let course_dir = root.join("lessons/dockerfiles-for-ml");
    let snapshots = root.join("tests/snapshots/builtin");
    let options = RunOptions {
        mode: Mode::Check,
        deny_overflow: false,
        force: false,
        seed: None,
    };
    let mut group = c.benchmark_group("snapshot");
    group.sample_size(10);
    group.bench_function("builtin course, 80x24 + 120x40, --check", |b| {
        b.iter(|| {
            let course = load_course_path(&course_dir).expect("the built-in course loads");
            let course = std::sync::Arc::new(course);
            let outcome = snapshot_course(&course, &snapshots, &DEFAULT_SIZES, options)
                .expect("the built-in course renders");
            black_box(outcome.comparison.total)
        });
    });
    group.finish();
}

criterion_group!(benches, snapshot_builtin);
criterion_main!(benches);
