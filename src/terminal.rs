//! The terminal's lifecycle, in one place: entering and leaving the player's modes (raw mode,
//! alternate screen, mouse capture, bracketed paste, hidden cursor), and making sure they are
//! always left again: on normal exit and error return ([`Session`]'s `Drop`), on panic (a hook
//! that restores before the panic message prints), on SIGTERM, SIGHUP and SIGINT (a watcher
//! thread raises a flag and wakes the event loop, which then returns normally), and around
//! `Ctrl-Z` ([`Session::suspend`]).

use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// An initialised terminal; dropping it restores the terminal.
pub struct Session {
    pub terminal: Tui,
    /// Set when SIGTERM, SIGHUP or SIGINT arrived; the event loop checks it after every event.
    pub stop: Arc<AtomicBool>,
}

impl Session {
    /// Enters the player's modes and installs the panic hook and the signal watcher.
    pub fn start() -> io::Result<Self> {
        install_panic_hook();
        // The terminal library listens for SIGWINCH from its first poll on; poll once now so
        // that the watcher's wake-up can never arrive before anyone listens.
        let _ = ratatui::crossterm::event::poll(std::time::Duration::ZERO);
        let stop = Arc::new(AtomicBool::new(false));
        watch_signals(Arc::clone(&stop))?;
        enter()?;
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
        self.terminal.clear()
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

/// Turns SIGTERM, SIGHUP and SIGINT into `stop` and wakes the event loop by raising SIGWINCH,
/// which the terminal library reports as a resize event.
#[cfg(unix)]
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("termcourse-signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                stop.store(true, Ordering::SeqCst);
                let _ = signal_hook::low_level::raise(SIGWINCH);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn watch_signals(_stop: Arc<AtomicBool>) -> io::Result<()> {
    Ok(())
}
