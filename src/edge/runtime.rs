//! The one event loop: terminal events → our `Key` → keymap → `update` → effects → draw.
//!
//! The loop blocks on the session's channel of terminal events and stop requests; only while
//! the model is animating does it wait with a timeout, to send `Msg::Tick`. Before each draw the screen's per-step cache is refreshed and
//! the measured layout is fed back to the model (`Msg::Measured`), so scrolling stays bounded.
//! Progress effects go to the store; its merged result comes back as `Msg::ProgressSaved`.

mod input;

use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use anyhow::Context as _;
use ratatui::layout::Rect;

use crate::app::Model;
use crate::app::effect::Effect;
use crate::app::msg::Msg;
use crate::app::update::{start, update};
use crate::edge::store::Store;
use crate::edge::terminal::{Incoming, Session};
use crate::view::screen::Screen;

/// How often the animation clock ticks while something moves.
const TICK: Duration = Duration::from_millis(30);

/// Where progress goes; `None` plays without saving.
pub struct Saving<'s> {
    pub store: Option<&'s Store>,
}

/// Plays until the learner quits or a signal asks to stop. The terminal is restored on every
/// way out.
pub fn run(model: &mut Model, screen: &mut Screen, saving: &Saving) -> anyhow::Result<()> {
    let mut session = Session::start().context("could not set up the terminal")?;
    // The first frame goes out before the first (durable, fsynced) save.
    let effects = start(model);
    draw(model, screen, &mut session)?;
    if perform(model, &mut session, saving, effects)? {
        return Ok(());
    }
    let mut dirty = true;
    loop {
        if session.stopped() {
            return Ok(());
        }
        if dirty {
            draw(model, screen, &mut session)?;
        }
        let msgs = next_messages(model, screen, &session)?;
        if session.stopped() {
            return Ok(());
        }
        dirty = !msgs.is_empty();
        for msg in msgs {
            let effects = update(model, msg);
            if perform(model, &mut session, saving, effects)? {
                return Ok(());
            }
        }
    }
}

fn draw(model: &mut Model, screen: &mut Screen, session: &mut Session) -> anyhow::Result<()> {
    let size = session.terminal.size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    if model.size != (size.width, size.height) {
        let _ = update(model, Msg::Resize(size.width, size.height));
    }
    screen.prepare(model, area);
    let metrics = screen.measure(model, area);
    if metrics != model.metrics {
        let _ = update(model, Msg::Measured(metrics));
    }
    session.terminal.draw(|frame| screen.draw(model, frame))?;
    Ok(())
}

/// Waits for the next event (or tick) and turns it into messages; none after a stop request.
fn next_messages(model: &Model, screen: &Screen, session: &Session) -> anyhow::Result<Vec<Msg>> {
    let incoming = if model.animating() {
        match session.incoming.recv_timeout(TICK) {
            Ok(incoming) => incoming,
            Err(RecvTimeoutError::Timeout) => return Ok(vec![Msg::Tick]),
            Err(RecvTimeoutError::Disconnected) => Incoming::Stop,
        }
    } else {
        session.incoming.recv().unwrap_or(Incoming::Stop)
    };
    let ev = match incoming {
        Incoming::Event(ev) => ev,
        Incoming::Stop => return Ok(Vec::new()),
        Incoming::Failed(err) => return Err(err).context("could not read the terminal"),
    };
    let size = session.terminal.size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    Ok(input::translate(model, screen, area, &ev)
        .into_iter()
        .collect())
}

/// Carries out effects; returns true when the player should stop.
fn perform(
    model: &mut Model,
    session: &mut Session,
    saving: &Saving,
    effects: Vec<Effect>,
) -> anyhow::Result<bool> {
    for effect in effects {
        match effect {
            Effect::SaveProgress(progress) => {
                let Some(store) = saving.store else { continue };
                match store.save(&progress) {
                    Ok(merged) => {
                        let _ = update(model, Msg::ProgressSaved(merged));
                    }
                    Err(err) => model.notice = Some(format!("Progress not saved: {err}")),
                }
            }
            Effect::Quit => return Ok(true),
            Effect::Suspend => session.suspend().context("could not resume the terminal")?,
        }
    }
    Ok(false)
}
