//! The bash pane as faithful as a real terminal, and the markdown real courses use (issue 14),
//! on the `terminal` fixture course: multi-line commands shown and typed line by line, output
//! that keeps its shape (the adaptive split, clipping, sideways scrolling, zoom), and reveal
//! blocks opened by key, by click and by `render --open`. Whole screens are insta snapshots,
//! drawn by the player's one pipeline.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use termcourse::app::effect::Effect;
use termcourse::app::keymap::{Key, resolve};
use termcourse::app::msg::Msg;
use termcourse::app::{Model, Options};
use termcourse::core::course::{Course, StepId};
use termcourse::core::progress::Progress;
use termcourse::edge::headless::{Scene, render_scene};
use termcourse::edge::player::Player;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

const FIXTURE: &str = "tests/fixtures/terminal";

fn fixture() -> Arc<Course> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    match termcourse::edge::fs_source::load_course_path(&dir) {
        Ok(course) => Arc::new(course),
        Err(report) => panic!("fixture does not load:\n{}", report.render(false)),
    }
}

fn text(buf: &Buffer) -> String {
    termcourse::view::text::to_plain(buf)
}

fn scene(step: &str) -> Scene {
    Scene {
        step: Some(StepId::new(step)),
        ..Scene::default()
    }
}

fn draw(scene: &Scene, w: u16, h: u16) -> String {
    text(&render_scene(&fixture(), scene, w, h).expect("scene renders"))
}

/// A player on `step`, animation off, started.
fn player_at(step: &str) -> Player {
    let options = Options {
        practice: true,
        step: Some(StepId::new(step)),
        ..Options::default()
    };
    let model = Model::new(fixture(), Progress::new("t"), &options);
    let mut screen = Screen::new(Theme::dark(), false);
    screen.hide_badge = true;
    let mut player = Player::new(model, screen);
    let _ = player.start();
    player
}

/// Presses `key` through the keymap, as the runtime does.
fn press(player: &mut Player, key: Key) {
    if let Some(msg) = resolve(player.model().key_mode(), key) {
        let effects = player.dispatch(msg);
        assert!(
            effects.iter().all(|e| matches!(e, Effect::SaveProgress(_))),
            "{key:?}: {effects:?}"
        );
    }
}

fn type_text(player: &mut Player, line: &str) {
    for c in line.chars() {
        press(player, Key::Char(c));
    }
}

fn frame(player: &mut Player, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    player.frame(area, &mut buf);
    text(&buf)
}

/// The row of `text` holding `needle`, if any.
fn row_of(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle))
}

#[test]
fn heredocs_and_continued_commands_show_line_by_line() {
    // At 80x24 the stacked pane is short and follows the end of the transcript, as a terminal.
    let stacked = draw(&scene("heredoc"), 80, 24);
    assert!(
        stacked.contains("> EOF\n") || stacked.contains("> EOF "),
        "{stacked}"
    );
    insta::assert_snapshot!("heredoc_80x24", stacked);
    for (w, h) in [(120, 40), (200, 60)] {
        let screen = draw(&scene("heredoc"), w, h);
        for line in [
            "$ cat > Dockerfile <<'EOF'",
            "> FROM python:3.13-slim",
            "> CMD [\"python\", \"main.py\"]",
            "> EOF",
            "$ docker build \\",
            ">   --tag iris-api:dev \\",
            ">   .",
        ] {
            assert!(screen.contains(line), "{w}x{h}: no `{line}`\n{screen}");
        }
        insta::assert_snapshot!(format!("heredoc_{w}x{h}"), screen);
    }
}

#[test]
fn the_split_adapts_so_a_table_keeps_its_header_row() {
    let header = "REPOSITORY          TAG       IMAGE ID       CREATED          SIZE";
    for (w, h) in [(120, 40), (200, 60)] {
        let screen = draw(&scene("image-ls"), w, h);
        assert!(
            screen.lines().any(|l| l.contains(&format!("│ {header} "))),
            "{w}x{h}: the header row is cut\n{screen}"
        );
        insta::assert_snapshot!(format!("image_ls_{w}x{h}"), screen);
    }
    // At 200 columns even the widest row is whole; at 120 it is clipped with a marker.
    let wide = draw(&scene("image-ls"), 200, 60);
    assert!(wide.contains("2.96GB"), "{wide}");
    let usual = draw(&scene("image-ls"), 120, 40);
    let nvidia = usual
        .lines()
        .find(|l| l.contains("nvidia/cuda"))
        .expect("the row");
    assert!(
        nvidia.ends_with("› │"),
        "the widest row is clipped, not wrapped: {nvidia}"
    );
    // Narrower than 100 columns the panes stack, the bash pane full width.
    let stacked = draw(&scene("image-ls"), 80, 24);
    assert!(
        stacked
            .lines()
            .any(|l| l.starts_with(&format!("│ {header}"))),
        "{stacked}"
    );
}

#[test]
fn a_wide_output_line_is_clipped_and_scrolls_sideways_with_the_code_keys() {
    let mut player = player_at("wide-log");
    press(&mut player, Key::Right);
    let before = frame(&mut player, 120, 40);
    let row = row_of(&before, "INFO:     172.17.0.1").expect("the long line");
    let line = before.lines().nth(row).expect("row");
    assert!(line.ends_with("› │"), "clipped with a marker: {line}");
    assert!(!before.contains("HTTP/1.1"), "{before}");
    insta::assert_snapshot!("wide_log_120x40", before);
    for _ in 0..60 {
        press(&mut player, Key::ShiftRight);
    }
    let scrolled = frame(&mut player, 120, 40);
    let line = scrolled.lines().nth(row).expect("row");
    assert!(
        line.contains("HTTP/1.1\" 200 OK"),
        "scrolled to its end: {line}"
    );
    assert!(
        line.contains("│ ‹"),
        "text hidden on the left is marked: {line}"
    );
    insta::assert_snapshot!("wide_log_scrolled_120x40", scrolled);
    for _ in 0..40 {
        press(&mut player, Key::Char('<'));
    }
    assert_eq!(frame(&mut player, 120, 40), before, "and back");
}

#[test]
fn z_zooms_the_focused_pane_and_back() {
    let mut player = player_at("image-ls");
    press(&mut player, Key::Right);
    let split = frame(&mut player, 80, 24);
    assert!(split.contains("narration"));
    press(&mut player, Key::Char('z'));
    let zoomed = frame(&mut player, 80, 24);
    assert!(!zoomed.contains("narration"), "{zoomed}");
    let top = zoomed.lines().nth(1).expect("a row under the header");
    assert!(
        top.starts_with("╭ bash 1 / 1") && top.ends_with('╮'),
        "the whole body: {zoomed}"
    );
    assert!(
        zoomed
            .lines()
            .last()
            .is_some_and(|l| l.contains("z unzoom"))
    );
    insta::assert_snapshot!("zoomed_bash_80x24", zoomed);
    press(&mut player, Key::Tab);
    let narration = frame(&mut player, 80, 24);
    assert!(narration.contains("╭ narration") && !narration.contains("bash 1 / 1"));
    press(&mut player, Key::Char('z'));
    press(&mut player, Key::Tab);
    assert_eq!(frame(&mut player, 80, 24), split);
}

#[test]
fn reveal_blocks_are_closed_and_open_by_key_and_by_click() {
    let closed = draw(&scene("reveal"), 80, 24);
    assert!(closed.contains("▸ Solution") && !closed.contains("exec the server"));
    assert!(!closed.contains("<details>") && !closed.contains("<br>"));
    assert!(
        closed.contains("Line one\n") || closed.contains("Line one  "),
        "{closed}"
    );
    assert!(
        closed
            .lines()
            .last()
            .is_some_and(|l| l.contains("o reveal"))
    );
    insta::assert_snapshot!("reveal_closed_80x24", closed);
    let open = draw(
        &Scene {
            open: true,
            ..scene("reveal")
        },
        80,
        24,
    );
    assert!(open.contains("▾ Solution") && open.contains("Run a shell and exec the server"));
    insta::assert_snapshot!("reveal_open_80x24", open);

    let mut player = player_at("reveal");
    assert_eq!(
        frame(&mut player, 80, 24),
        closed,
        "the player starts closed"
    );
    press(&mut player, Key::Char('o'));
    assert_eq!(frame(&mut player, 80, 24), open, "o opens");
    press(&mut player, Key::Char('o'));
    assert_eq!(frame(&mut player, 80, 24), closed, "o closes");

    let area = Rect::new(0, 0, 80, 24);
    let row = row_of(&closed, "▸ Solution").expect("the block's title");
    let row = u16::try_from(row).expect("small");
    let click = player.screen().click(player.model(), area, 3, row);
    let msg = click.expect("a click on the title means something");
    let _ = player.dispatch(msg);
    assert_eq!(frame(&mut player, 80, 24), open, "a click opens");
    let elsewhere = player.screen().click(player.model(), area, 3, row + 6);
    if let Some(msg) = elsewhere {
        let _ = player.dispatch(msg);
    }
    assert_eq!(
        frame(&mut player, 80, 24),
        open,
        "a click elsewhere does not close"
    );
    // Remembered per step for the session.
    press(&mut player, Key::Left);
    press(&mut player, Key::Right);
    assert!(frame(&mut player, 80, 24).contains("▾ Solution"));
}

#[test]
fn a_multi_line_type_along_is_typed_line_by_line() {
    // The prompt is open on arrival: the type-along is the step's first entry.
    let mut player = player_at("type-heredoc");
    assert!(player.model().bash.awaiting);
    type_text(&mut player, "cat > .dockerignore <<'EOF'");
    press(&mut player, Key::Enter);
    type_text(&mut player, ".git");
    press(&mut player, Key::Enter);
    let typing = frame(&mut player, 120, 40);
    assert!(typing.contains("$ cat > .dockerignore <<'EOF'"), "{typing}");
    assert!(typing.contains("> .git"), "{typing}");
    assert!(player.model().bash.awaiting, "still in the here-document");
    insta::assert_snapshot!("type_heredoc_typing_120x40", typing);
    type_text(&mut player, "__pycache__/");
    press(&mut player, Key::Enter);
    type_text(&mut player, "EOF");
    press(&mut player, Key::Enter);
    assert!(!player.model().bash.awaiting, "matched at the delimiter");
    let done = frame(&mut player, 120, 40);
    assert!(
        done.contains("> __pycache__/") && done.contains("✓ matched"),
        "{done}"
    );
}

#[test]
fn a_multi_line_type_along_accepts_a_paste() {
    // The prompt is open on arrival: the type-along is the step's first entry.
    let mut player = player_at("type-heredoc");
    assert!(player.model().bash.awaiting);
    let pasted = "cat > .dockerignore <<'EOF'\r\n.git\r\n__pycache__/\r\nEOF\r\n";
    let _ = player.dispatch(Msg::Paste(pasted.into()));
    let shown = frame(&mut player, 120, 40);
    assert!(
        shown.contains("> __pycache__/") && shown.contains("> EOF"),
        "{shown}"
    );
    assert!(player.model().bash.awaiting, "a paste waits for Enter");
    press(&mut player, Key::Enter);
    assert!(!player.model().bash.awaiting);
    assert!(frame(&mut player, 120, 40).contains("✓ matched"));
}

#[test]
fn render_open_shows_reveal_blocks_open() {
    let run = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_termcourse"))
            .args(["render", FIXTURE, "--step", "reveal", "--size", "80x24"])
            .args(extra)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run termcourse");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let closed = run(&[]);
    assert!(closed.contains("▸ Solution") && !closed.contains("exec uvicorn"));
    let open = run(&["--open"]);
    assert!(
        open.contains("▾ Solution") && open.contains("exec uvicorn"),
        "{open}"
    );
    assert_eq!(
        open.trim_end(),
        draw(
            &Scene {
                open: true,
                ..scene("reveal")
            },
            80,
            24
        )
        .trim_end()
    );
}

/// Runs the binary with `args` in the repository, with its own data directory.
fn termcourse(args: &[&str]) -> std::process::Output {
    let data = tempfile::TempDir::new().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TERMCOURSE_DATA_DIR", data.path())
        .env_remove("NO_COLOR")
        .output()
        .expect("run termcourse")
}

#[test]
fn check_and_snapshot_deny_overflow_agree_on_what_cannot_be_seen() {
    let out = tempfile::TempDir::new().expect("temp dir");
    let snaps = out.path().join("snaps");
    let snaps = snaps.to_str().expect("utf-8");
    // Long transcripts, wide lines and hidden blocks can all be reached: no warning, no overflow.
    let checked = termcourse(&["check", "--deny-warnings", FIXTURE]);
    assert!(checked.status.success(), "{checked:?}");
    let sizes = "80x24,120x40,200x60";
    let shot = termcourse(&[
        "snapshot",
        FIXTURE,
        "--out",
        snaps,
        "--sizes",
        sizes,
        "--deny-overflow",
    ]);
    assert!(shot.status.success(), "{shot:?}");

    // The markup fixture has one of each kind of content a learner could never see at 80x24.
    let checked = termcourse(&["check", "--color", "never", "tests/fixtures/markup"]);
    let report = String::from_utf8_lossy(&checked.stdout);
    // `…: warning: WHAT cannot be seen in full at 80x24: N UNIT needed, M available even zoomed`
    let mut unseen: Vec<String> = report
        .lines()
        .filter_map(|l| l.split_once(": warning: "))
        .filter_map(|(_, l)| {
            let (what, rest) = l.split_once(" cannot be seen in full at 80x24: ")?;
            Some(format!("{what}: {rest}"))
        })
        .collect();
    unseen.sort_unstable();
    assert_eq!(unseen.len(), 3, "{report}");
    let denied = termcourse(&[
        "snapshot",
        "tests/fixtures/markup",
        "--out",
        snaps,
        "--sizes",
        "80x24",
        "--deny-overflow",
        "--force",
    ]);
    assert_eq!(denied.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&denied.stderr);
    // `error: PATH: WHAT cannot be seen in full: N UNIT needed, M available even zoomed`
    let mut denied_for: Vec<String> = errors
        .lines()
        .filter_map(|l| l.strip_prefix("error: web/too-much@80x24.txt: "))
        .filter_map(|l| {
            let (what, rest) = l.split_once(" cannot be seen in full: ")?;
            Some(format!("{what}: {rest}"))
        })
        .collect();
    denied_for.sort_unstable();
    // The same content, by the same figures, in the same words.
    assert_eq!(denied_for, unseen, "{errors}");
    assert_eq!(
        errors.lines().filter(|l| l.starts_with("error:")).count(),
        3,
        "{errors}"
    );
    // At 200x60 the same step can be seen in full (zoomed).
    let roomy = termcourse(&[
        "snapshot",
        "tests/fixtures/markup",
        "--out",
        snaps,
        "--sizes",
        "200x60",
        "--deny-overflow",
        "--force",
    ]);
    assert!(
        roomy.status.success(),
        "{}",
        String::from_utf8_lossy(&roomy.stderr)
    );
}
