//! The terminal: raw mode, the alternate screen and mouse capture on the way in; everything
//! restored on the way out, on panic (panic hook) and on SIGTERM, SIGHUP or SIGINT (a
//! signal thread; on Windows, Ctrl-C, Ctrl-Break and the console window's close through
//! `ctrlc`). Journals are fsynced per command, so a signal loses nothing.
//!
//! Mouse capture is button-only (clicks and the wheel, reported in SGR form): no
//! any-motion tracking, which floods a remote terminal with an event per cell the pointer
//! crosses. Shift+drag selects text in most terminals while the mouse is captured.

use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Held while a command is applied (and journaled) and while a frame is written, so that a
/// signal never cuts a journal line or restores the terminal mid-frame.
pub static DRAW_LOCK: Mutex<()> = Mutex::new(());

/// The journal being written, named on exit by the signal thread.
pub static JOURNAL: Mutex<Option<String>> = Mutex::new(None);

/// Where and when the live console last stood, so that the signal thread can end the
/// journal with a `quit` heartbeat (the presenter then says the console closed at once).
pub static LAST_CLOCK: Mutex<Option<LastClock>> = Mutex::new(None);

/// The live console's clock as of the runner's last tick.
#[derive(Clone, Debug)]
pub struct LastClock {
    /// The journal.
    pub path: std::path::PathBuf,
    /// The session's real ms at `at`.
    pub real: u64,
    /// When that was.
    pub at: std::time::Instant,
}

/// Appends a `quit` heartbeat to the journal after a signal. Called with [`DRAW_LOCK`]
/// held, so the console is not writing the journal itself: the line lands whole after
/// the last one.
fn quit_beat() {
    let Some(c) = LAST_CLOCK.lock().ok().and_then(|g| g.clone()) else {
        return;
    };
    let beat = crate::journal::MarkLine::Beat(crate::journal::Beat {
        beat: crate::journal::BeatKind::Quit,
        t: c.real + c.at.elapsed().as_millis() as u64,
        wall: crate::wall::now_ms(),
    });
    let Ok(mut line) = serde_json::to_string(&beat) else {
        return;
    };
    line.push('\n');
    if let Ok(mut f) = std::fs::OpenOptions::new().append(true).open(&c.path) {
        let _ = f.write_all(line.as_bytes()).and_then(|()| f.sync_data());
    }
}

/// Button-only mouse reporting: presses, releases and the wheel (mode 1000) in SGR form
/// (1006), without drag (1002) or any-motion (1003) tracking.
#[derive(Clone, Copy, Debug)]
pub struct EnableButtonMouse;

impl ratatui::crossterm::Command for EnableButtonMouse {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }

    /// Windows: crossterm reads the console's input records, so the mouse is the console
    /// mode's (crossterm's own capture; local, so motion events flood nothing).
    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        ratatui::crossterm::event::EnableMouseCapture.execute_winapi()
    }

    #[cfg(windows)]
    fn is_ansi_code_supported(&self) -> bool {
        false
    }
}

/// Turns mouse reporting off again (every mode, in case another program left one on).
#[derive(Clone, Copy, Debug)]
pub struct DisableMouse;

impl ratatui::crossterm::Command for DisableMouse {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[?1006l\x1b[?1003l\x1b[?1002l\x1b[?1000l")
    }

    /// Windows: the console mode's mouse input off again (see [`EnableButtonMouse`]).
    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        ratatui::crossterm::event::DisableMouseCapture.execute_winapi()
    }

    #[cfg(windows)]
    fn is_ansi_code_supported(&self) -> bool {
        false
    }
}

/// Enters the full-screen mode. Call [`restore`] (or drop the [`Guard`]) to leave it.
pub fn enter() -> io::Result<Guard> {
    enter_screen()?;
    Ok(Guard)
}

fn enter_screen() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = crate::output::console();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableButtonMouse, Hide) {
        restore();
        return Err(e);
    }
    Ok(())
}

/// Ctrl-Z: leaves the full-screen mode, stops the process as the shell's job control
/// expects, and enters the full-screen mode again once continued (`fg`). Without job
/// control (Windows) the screen is only redrawn.
#[cfg(unix)]
pub fn suspend() -> io::Result<()> {
    {
        let _busy = DRAW_LOCK.lock();
        restore();
    }
    signal_hook::low_level::raise(signal_hook::consts::signal::SIGTSTP)?;
    enter_screen()
}

/// Ctrl-Z without job control: nothing to stop, the console goes on.
#[cfg(not(unix))]
pub fn suspend() -> io::Result<()> {
    Ok(())
}

/// Leaves the full-screen mode: mouse capture off, main screen back, cursor shown, raw
/// mode off. Safe to call more than once.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = crate::output::console();
        let _ = execute!(out, DisableMouse, LeaveAlternateScreen, Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Restores the terminal when dropped.
#[derive(Debug)]
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal before the default panic message is printed.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// On SIGTERM, SIGHUP or SIGINT: wait for the command being journaled and the frame being
/// drawn, restore the terminal, name the journal and exit with 128 + the signal's number.
/// A terminal that disappears without a signal (its window closed while SIGHUP is ignored
/// or not delivered) is noticed within a second and handled as SIGHUP: crossterm would
/// otherwise spin on the dead terminal forever.
///
/// On Windows the same happens on Ctrl-C and Ctrl-Break outside raw mode and when the console
/// window is closed, the user logs off or the system shuts down (`ctrlc` with its
/// `termination` feature), exiting with 130; the terminal watch is the same.
pub fn install_signal_handlers() -> io::Result<()> {
    watch_signals()?;
    use std::io::IsTerminal;
    // Watch only a terminal that is there now: losing it later means the window closed.
    if io::stdin().is_terminal() {
        std::thread::Builder::new()
            .name("hangup".into())
            .spawn(|| {
                loop {
                    std::thread::sleep(std::time::Duration::from_millis(500));
                    if !io::stdin().is_terminal() {
                        leave(HANGUP);
                    }
                }
            })?;
    }
    Ok(())
}

/// The exit status of a lost terminal is 128 + SIGHUP's number (1 on Linux, macOS and BSD).
#[cfg(unix)]
const HANGUP: i32 = signal_hook::consts::signal::SIGHUP;
#[cfg(not(unix))]
const HANGUP: i32 = 1;

/// SIGTERM, SIGHUP and SIGINT, on a thread of their own (signal-hook's iterator).
#[cfg(unix)]
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                leave(sig);
            }
        })?;
    Ok(())
}

/// Ctrl-C, Ctrl-Break, the console window closed, log-off and shutdown: ctrlc's handler
/// thread leaves as after SIGINT (exit 130). Windows ends the process soon after a close
/// event whatever the handler does; the journal is fsynced per command, so at worst the
/// `quit` heartbeat is missing and the presenter notices the closed console by its lock.
#[cfg(windows)]
fn watch_signals() -> io::Result<()> {
    const INTERRUPTED: i32 = 2;
    ctrlc::set_handler(|| leave(INTERRUPTED)).map_err(io::Error::other)
}

/// Elsewhere, no signal watch: the terminal watch and the panic hook still restore it.
#[cfg(not(any(unix, windows)))]
fn watch_signals() -> io::Result<()> {
    Ok(())
}

/// Leaves after a signal: never panics, even when the terminal is gone (a failed write to
/// stderr is ignored), and always exits.
fn leave(sig: i32) -> ! {
    let _busy = DRAW_LOCK.lock();
    quit_beat();
    restore();
    if let Ok(j) = JOURNAL.lock()
        && let Some(p) = j.as_ref()
    {
        crate::errln!("downtime: stopped by a signal; the journal is saved: {p}");
    }
    std::process::exit(128 + sig);
}
