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

use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

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
}

impl Session {
    /// Enters the player's modes and installs the panic hook and the signal watcher; terminal
    /// events and stop requests go to `sender`, in arrival order.
    pub fn start(sender: Sender<Incoming>) -> io::Result<Self> {
        install_panic_hook();
        let stop = Arc::new(AtomicBool::new(false));
        watch_signals(Arc::clone(&stop), sender.clone())?;
        enter()?;
        if let Err(err) = spawn_reader(sender) {
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
        Ok(Self { terminal, stop })
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
/// gone (the channel is closed) or reading fails.
fn spawn_reader(sender: Sender<Incoming>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("termcourse-input".into())
        .spawn(move || {
            loop {
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

/// Turns SIGTERM, SIGHUP and SIGINT into `stop` and wakes the event loop.
#[cfg(unix)]
fn watch_signals(stop: Arc<AtomicBool>, wake: Sender<Incoming>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("termcourse-signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                stop.store(true, Ordering::SeqCst);
                let _ = wake.send(Incoming::Stop);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn watch_signals(_stop: Arc<AtomicBool>, _wake: Sender<Incoming>) -> io::Result<()> {
    Ok(())
}
