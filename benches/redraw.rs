//! The redraw path: a key's message dispatched, then a frame of a typical step (narration with a
//! table and highlighted code, a bash pane part-way) into a 200x60 buffer, through the one
//! pipeline the runtime uses (`Player::dispatch`, `Player::frame`: the per-step cache is a hit).
//! Target: median < 1 ms. `step_change` also pays for a cache miss (markdown layout of a new
//! step; its code colours are cached after the first visit, as in the player).

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use termcourse::app::msg::{Action, Msg};
use termcourse::app::{Focus, Model, Options};
use termcourse::core::course::{Course, NodeId, StepId};
use termcourse::core::progress::Progress;
use termcourse::edge::player::Player;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

fn fixture() -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    termcourse::edge::fs_source::load_course_path(&dir)
        .unwrap_or_else(|r| panic!("{}", r.render(false)))
}

fn redraw(c: &mut Criterion) {
    let course = fixture();
    let options = Options {
        practice: true,
        node: Some(NodeId::new("layer-cache")),
        step: Some(StepId::new("why-order-matters")),
        ..Options::default()
    };
    let model = Model::new(Arc::new(course), Progress::new("bench"), &options);
    let mut player = Player::new(model, Screen::new(Theme::dark(), false));
    let mut effects = player.start();
    for _ in 0..2 {
        effects.extend(player.dispatch(Msg::Act(Action::Next)));
    }
    effects.extend(player.dispatch(Msg::FocusPane(Focus::Narration)));
    black_box(effects);
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    let frame = |player: &mut Player, buf: &mut Buffer| {
        // As ratatui's terminal does with the buffer of each new frame.
        buf.reset();
        player.frame(area, buf);
    };
    frame(&mut player, &mut buf);
    let mut down = true;
    c.bench_function("redraw_200x60", |b| {
        b.iter(|| {
            let action = if down {
                Action::ScrollDown
            } else {
                Action::ScrollUp
            };
            down = !down;
            black_box(player.dispatch(Msg::Act(action)));
            frame(&mut player, &mut buf);
            black_box(&buf);
        });
    });
    c.bench_function("step_change_200x60", |b| {
        b.iter(|| {
            let action = if down { Action::Next } else { Action::Prev };
            down = !down;
            black_box(player.dispatch(Msg::Act(action)));
            frame(&mut player, &mut buf);
            black_box(&buf);
        });
    });
}

/// A key on a quiz step (the quiz laid out in the wide pane by its content, every hint shown
/// and a wrong answer's verdict on screen): the cursor moves, the pane follows it, a frame.
fn quiz_redraw(c: &mut Criterion) {
    let course = fixture();
    let options = Options {
        practice: true,
        node: Some(NodeId::new("base-images")),
        step: Some(StepId::new("pick-one")),
        ..Options::default()
    };
    let mut progress = Progress::new("bench");
    progress.seed = Some(7);
    let model = Model::new(Arc::new(course), progress, &options);
    let mut player = Player::new(model, Screen::new(Theme::dark(), false));
    let mut effects = player.start();
    for msg in [
        Msg::Act(Action::Hint),
        Msg::Act(Action::Hint),
        Msg::Pick(0),
        Msg::Act(Action::Submit),
    ] {
        effects.extend(player.dispatch(msg));
    }
    black_box(effects);
    for (w, h) in [(80, 24), (200, 60)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        player.frame(area, &mut buf);
        let mut down = true;
        c.bench_function(&format!("quiz_cursor_{w}x{h}"), |b| {
            b.iter(|| {
                let action = if down {
                    Action::CursorDown
                } else {
                    Action::CursorUp
                };
                down = !down;
                black_box(player.dispatch(Msg::Act(action)));
                buf.reset();
                player.frame(area, &mut buf);
                black_box(&buf);
            });
        });
    }
}

/// For scale: ratatui alone filling the same buffer with a bordered paragraph of plain text.
fn baseline(c: &mut Criterion) {
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    let text: Vec<ratatui::text::Line> = (0..58)
        .map(|i| ratatui::text::Line::from(format!("{i:>3} {}", "lorem ipsum ".repeat(16))))
        .collect();
    c.bench_function("baseline_paragraph_200x60", |b| {
        b.iter(|| {
            buf.reset();
            let block = ratatui::widgets::Block::bordered();
            ratatui::widgets::Widget::render(
                ratatui::widgets::Paragraph::new(text.clone()).block(block),
                area,
                &mut buf,
            );
            black_box(&buf);
        });
    });
}

criterion_group!(benches, redraw, quiz_redraw, baseline);
criterion_main!(benches);
