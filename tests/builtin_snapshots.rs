//! The built-in course's screens, committed under `tests/snapshots/builtin/`, must match what
//! the player draws today. Regenerate after an intended change with:
//!
//! ```sh
//! cargo run -- snapshot lessons/dockerfiles-for-ml --out tests/snapshots/builtin --update
//! ```

use std::path::Path;

use termcourse::edge::fs_source::load_course_path;
use termcourse::edge::snapshot::course::{RunOptions, snapshot_course};
use termcourse::edge::snapshot::{DEFAULT_SIZES, Mode};

#[test]
fn builtin_course_snapshots_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let course = match load_course_path(&root.join("lessons/dockerfiles-for-ml")) {
        Ok(course) => course,
        Err(report) => panic!(
            "the built-in course does not load:\n{}",
            report.render(false)
        ),
    };
    let options = RunOptions {
        mode: Mode::Check,
        deny_overflow: false,
        force: false,
        seed: None,
    };
    let outcome = snapshot_course(
        &std::sync::Arc::new(course),
        &root.join("tests/snapshots/builtin"),
        &DEFAULT_SIZES,
        options,
    )
    .unwrap_or_else(|err| panic!("the built-in course does not render: {err}"));
    let mut report = Vec::new();
    outcome.write_report(&mut report).expect("write to memory");
    assert!(
        !outcome.failed(),
        "{}\nThe built-in course's screens changed. If that is intended, regenerate them with\n  \
         cargo run -- snapshot lessons/dockerfiles-for-ml --out tests/snapshots/builtin --update",
        String::from_utf8_lossy(&report)
    );
    assert!(outcome.comparison.total > 0);
}
