//! The bash pane on its own: multi-line commands, output that keeps its shape, notes.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::*;
use crate::app::bash::BashPane;
use crate::app::test_course::course;
use crate::app::{Model, Options};
use crate::core::course::{BashEntry, Course, NodeId, StepId};
use crate::core::progress::Progress;
use crate::view::test_util::buffer_text;

fn entry(cmd: &str, out: &str) -> BashEntry {
    BashEntry {
        cmd: cmd.into(),
        out: out.into(),
        note: None,
        type_along: None,
    }
}

/// The test course's `shell` step with these entries, all shown, focused.
fn model_with(entries: Vec<BashEntry>) -> Model {
    let mut course: Course = (*course()).clone();
    course.nodes[0].steps[1].bash = entries;
    let total = course.nodes[0].steps[1].bash.len();
    let mut model = Model::new(
        Arc::new(course),
        Progress::new("test"),
        &Options {
            node: Some(NodeId::new("a")),
            step: Some(StepId::new("shell")),
            ..Options::default()
        },
    );
    model.bash = BashPane::finished(total);
    model
}

fn draw(model: &Model, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    render(model, &Theme::no_color(), false, area, &mut buf);
    buffer_text(&buf)
}

#[test]
fn multi_line_commands_show_each_line_after_a_continuation_prompt() {
    let model = model_with(vec![
        entry(
            "cat > Dockerfile <<'EOF'\nFROM python:3.13-slim\nCOPY . .\nEOF",
            "",
        ),
        entry(
            "docker build \\\n  --tag iris-api:dev \\\n  .",
            "[+] Building 3.1s (8/8) FINISHED",
        ),
    ]);
    let text = draw(&model, 50, 14);
    let expected = [
        "│ $ cat > Dockerfile <<'EOF'",
        "│ > FROM python:3.13-slim",
        "│ > COPY . .",
        "│ > EOF",
        "│ $ docker build \\",
        "│ >   --tag iris-api:dev \\",
        "│ >   .",
        "│ [+] Building 3.1s (8/8) FINISHED",
    ];
    let rows: Vec<&str> = text.lines().skip(1).take(expected.len()).collect();
    for (row, want) in rows.iter().zip(expected) {
        assert!(
            row.starts_with(want),
            "{row:?} should start with {want:?}\n{text}"
        );
    }
}

#[test]
fn output_never_wraps_wide_lines_are_clipped_and_scroll_sideways() {
    let table = "REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\niris-api     dev       3f1c2a9b7d10   5 seconds ago   412MB";
    let mut model = model_with(vec![entry("docker image ls", table)]);
    let text = draw(&model, 40, 8);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        rows[2], "│ REPOSITORY   TAG       IMAGE ID    › │",
        "{text}"
    );
    assert_eq!(
        rows[3], "│ iris-api     dev       3f1c2a9b7d10› │",
        "{text}"
    );
    assert!(
        rows[4].starts_with("│ $"),
        "the next row is the prompt: nothing wrapped\n{text}"
    );
    let (rows_extent, cols) = measure(&model, &Theme::no_color(), false, Rect::new(0, 0, 40, 8));
    assert_eq!(cols.content, 59);
    assert_eq!(cols.view, 36);
    assert_eq!(rows_extent.content, 4, "command, two output rows, prompt");
    // Scrolled to the end: `‹` takes the first cell and marks what is hidden to the left.
    model.scroll.bash_x = cols.max_scroll();
    let text = draw(&model, 40, 8);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        rows[1], "│ ‹                                    │",
        "{text}"
    );
    assert_eq!(
        rows[2], "│ ‹MAGE ID       CREATED         SIZE  │",
        "{text}"
    );
    assert_eq!(
        rows[3], "│ ‹f1c2a9b7d10   5 seconds ago   412MB │",
        "{text}"
    );
}

#[test]
fn the_pane_asks_for_the_width_of_its_widest_line() {
    let entries = [
        entry("docker image ls", "0123456789"),
        entry("cat <<EOF\n0123456789012345678901234567890\nEOF", "x"),
    ];
    // Each line plus the border and padding; `$ ` or `> ` before a command's lines.
    assert_eq!(wanted_widths(&entries), [5, 9, 14, 15, 21, 37]);
    assert!(wanted_widths(&[]).is_empty());
}

#[test]
fn notes_wrap_at_word_boundaries() {
    let mut with_note = entry("ls", "");
    with_note.note = Some(
        "Each image is listed once per tag; the IMAGE ID shows which tags share an image.".into(),
    );
    let model = model_with(vec![with_note]);
    let text = draw(&model, 40, 14);
    let notes: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("│ ───"))
        .skip(1)
        .take(3)
        .collect();
    assert_eq!(
        notes,
        [
            "│ Each image is listed once per tag;   │",
            "│ the IMAGE ID shows which tags share  │",
            "│ an image.                            │",
        ],
        "{text}"
    );
}

#[test]
fn the_line_being_typed_wraps_and_continues_after_the_continuation_prompt() {
    let mut typed = entry("cat > f <<'EOF'\nx\nEOF", "");
    typed.type_along = Some(crate::core::course::TypeAlong {
        accept: vec![crate::core::course::Pattern::command(
            "cat > f <<'EOF'\nx\nEOF",
        )],
        hint: None,
    });
    let mut model = model_with(vec![typed]);
    model.bash = BashPane::default();
    model.bash.revealed = 1;
    model.bash.awaiting = true;
    model.bash.input = "cat > f <<'EOF'\nfirst line of a long body that wraps".into();
    model.focus = crate::app::Focus::Bash;
    model.typing = true;
    let text = draw(&model, 30, 10);
    let rows: Vec<&str> = text.lines().skip(1).take(3).collect();
    assert_eq!(
        rows,
        [
            "│ $ cat > f <<'EOF'          │",
            "│ > first line of a long bod │",
            "│ y that wraps               │",
        ],
        "{text}"
    );
}
