//! The terminal's lifecycle, in one place: entering and leaving the player's modes (raw mode,
//! alternate screen, mouse capture, bracketed paste, hidden cursor), and making sure they are
//! always left again: on normal exit and error return ([`Session`]'s `Drop`), on panic (a hook
//! that restores before the panic message prints), on SIGTERM, SIGHUP and SIGINT (a watcher
//! thread raises a flag and wakes the event loop, which then returns normally), and around
//! `Ctrl-Z` ([`Session::suspend`]).
//!
//! Terminal events are read on a thread of their own and arrive, with the signal watcher's
//! wake-ups, on the event loop's channel (given to [`Session::start`]). The event loop therefore never sits inside
//! the terminal library's read: when the terminal hangs up (window closed, tmux killed) that
//! read spins on the dead tty without ever returning, and a loop blocked in it would neither
//! see SIGHUP nor exit.
//!
//! [`Session::hand_over`] lends the terminal to another program (the learner's editor): the
//! reader thread is parked first, so it cannot take the keys meant for the editor, the modes
//! are left and entered again on the same terminal, and the screen is repainted in full.

use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Condvar, Mutex, Once, PoisonError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend as _, ClearType, CrosstermBackend};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::edge::events::Incoming;

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// An initialised terminal; dropping it restores the terminal.
pub struct Session {
    pub terminal: Tui,
    /// Set when SIGTERM, SIGHUP or SIGINT arrived; the event loop checks it after every event.
    pub stop: Arc<AtomicBool>,
    /// Lets the terminal reader be parked while another program has the terminal.
    gate: Arc<Gate>,
    /// Set while another program has the terminal: its `Ctrl-C` is not ours.
    lent: Arc<AtomicBool>,
}

/// How long a hand-over waits for the reader to park; it goes ahead after that (a reader
/// that ended, or a terminal that does not deliver the wake-up).
const PARK_WAIT: Duration = Duration::from_secs(1);

/// The reader's pause switch: the reader parks at the top of its loop while `paused`, and
/// says so with `parked`.
#[derive(Default)]
struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
}

#[derive(Default)]
struct GateState {
    paused: bool,
    parked: bool,
}

impl Gate {
    /// Asks the reader to park and waits (a bounded time) until it has. The reader is woken
    /// from its read by a SIGWINCH, which the terminal library turns into a resize event.
    fn pause(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.paused = true;
        drop(state);
        #[cfg(unix)]
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = self
            .changed
            .wait_timeout_while(state, PARK_WAIT, |s| !s.parked)
            .map_err(PoisonError::into_inner);
    }

    fn resume(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.paused = false;
        self.changed.notify_all();
    }

    /// The reader's side: parks while paused.
    fn wait_while_paused(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while state.paused {
            state.parked = true;
            self.changed.notify_all();
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.parked = false;
    }
}

impl Session {
    /// Enters the player's modes and installs the panic hook and the signal watcher; terminal
    /// events and stop requests go to `sender`, in arrival order.
    pub fn start(sender: Sender<Incoming>) -> io::Result<Self> {
        install_panic_hook();
        let stop = Arc::new(AtomicBool::new(false));
        let lent = Arc::new(AtomicBool::new(false));
        watch_signals(Arc::clone(&stop), Arc::clone(&lent), sender.clone())?;
        enter()?;
        let gate = Arc::new(Gate::default());
        if let Err(err) = spawn_reader(sender, Arc::clone(&gate)) {
            let _ = leave();
            return Err(err);
        }
        let terminal = match Terminal::new(CrosstermBackend::new(stdout())) {
            Ok(t) => t,
            Err(e) => {
                let _ = leave();
                return Err(e);
            }
        };
        Ok(Self {
            terminal,
            stop,
            gate,
            lent,
        })
    }

    /// Lends the terminal to `run` (which starts another program on it and waits for it):
    /// parks the reader, leaves the player's modes, runs, enters them again on the same
    /// terminal and forces a full redraw. `Err` only when the modes cannot be entered again.
    pub fn hand_over<T>(&mut self, run: impl FnOnce() -> T) -> io::Result<T> {
        self.gate.pause();
        self.lent.store(true, Ordering::SeqCst);
        // Leaving may partly fail (a mode the terminal never had); the program runs anyway.
        let _ = leave();
        let result = run();
        self.lent.store(false, Ordering::SeqCst);
        let entered = enter();
        self.gate.resume();
        entered?;
        self.terminal.backend_mut().clear_region(ClearType::All)?;
        self.terminal.swap_buffers();
        Ok(result)
    }

    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// `Ctrl-Z`: gives the terminal back, stops the process like a shell job, and on `fg`
    /// takes the terminal again and forces a full redraw.
    pub fn suspend(&mut self) -> io::Result<()> {
        leave()?;
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        enter()?;
        // `Terminal::clear` would ask the terminal for the cursor position, whose reply the
        // input thread would swallow; clearing the screen and dropping the last frame (so the
        // next draw repaints every cell) needs no reply.
        self.terminal.backend_mut().clear_region(ClearType::All)?;
        self.terminal.swap_buffers();
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = leave();
    }
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let entered = execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        ratatui::crossterm::cursor::Hide
    );
    if entered.is_err() {
        let _ = leave();
    }
    entered
}

/// Leaves every mode `enter` set; each step is tried even when an earlier one fails.
fn leave() -> io::Result<()> {
    let modes = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let raw = disable_raw_mode();
    modes.and(raw)
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = leave();
            previous(info);
        }));
    });
}

/// Reads terminal events on a thread of its own and forwards them; ends when the player has
/// gone (the channel is closed) or reading fails. Parks while `gate` is paused.
fn spawn_reader(sender: Sender<Incoming>, gate: Arc<Gate>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("termcourse-input".into())
        .spawn(move || {
            loop {
                gate.wait_while_paused();
                let incoming = match event::read() {
                    Ok(ev) => Incoming::Event(ev),
                    Err(err) => Incoming::Failed(err),
                };
                let failed = matches!(incoming, Incoming::Failed(_));
                if sender.send(incoming).is_err() || failed {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Turns SIGTERM, SIGHUP and SIGINT into `stop` and wakes the event loop. A SIGINT while the
/// terminal is lent (`lent`) is the other program's `Ctrl-C`, not a request to quit.
#[cfg(unix)]
fn watch_signals(
    stop: Arc<AtomicBool>,
    lent: Arc<AtomicBool>,
    wake: Sender<Incoming>,
) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("termcourse-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGINT && lent.load(Ordering::SeqCst) {
                    continue;
                }
                stop.store(true, Ordering::SeqCst);
                let _ = wake.send(Incoming::Stop);
                return;
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn watch_signals(
    _stop: Arc<AtomicBool>,
    _lent: Arc<AtomicBool>,
    _wake: Sender<Incoming>,
) -> io::Result<()> {
    Ok(())
}
