//! The terminal while the prompt is on it: raw mode, bracketed paste and a
//! hidden cursor for as long as a [`RawMode`] guard lives, and the terminal put
//! back on every way out, including SIGINT, SIGTERM, SIGHUP and SIGQUIT, which
//! would otherwise leave the shell with no echo, no line editing and no cursor.
//!
//! After such a signal `roles` exits with 128 plus its number, as a shell
//! reports a process the signal killed: 130 for SIGINT, 143 for SIGTERM, 129
//! for SIGHUP, 131 for SIGQUIT. SIGTSTP (Ctrl-Z, or `kill -TSTP`) puts the
//! terminal back and stops; on `fg` raw mode comes back and the screen is drawn
//! again (through the SIGWINCH the prompt already redraws on).

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use crossterm::{cursor, queue, terminal};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

/// Whether the terminal is in raw mode now. The lock is held while raw mode is
/// switched, and by the signal thread from restoring the terminal to the exit,
/// so the two never interleave.
static RAW: Mutex<bool> = Mutex::new(false);

/// Set when `roles` comes back from a suspension: what was drawn before is
/// lost among the shell's lines, so the prompt draws afresh, erasing nothing.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// Whether `roles` was resumed since the last call.
pub fn resumed() -> bool {
    RESUMED.swap(false, Ordering::Relaxed)
}

fn raw() -> MutexGuard<'static, bool> {
    RAW.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Raw mode, a hidden cursor and bracketed paste for as long as it lives.
#[derive(Debug)]
pub struct RawMode(());

impl RawMode {
    /// Takes the terminal.
    pub fn enable() -> io::Result<RawMode> {
        let mut raw = raw();
        take_terminal()?;
        *raw = true;
        Ok(RawMode(()))
    }
}

fn take_terminal() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    rustix::io::write(io::stderr().as_fd(), b"\x1b[?25l\x1b[?2004h")?;
    Ok(())
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let mut raw = raw();
        restore(b"\x1b[?2004l\x1b[?25h");
        *raw = false;
    }
}

/// From now on, SIGINT, SIGTERM, SIGHUP and SIGQUIT restore the terminal (when
/// the prompt has it in raw mode) and end `roles` with 128 plus the signal
/// number, and SIGTSTP suspends it (see the module's note). Set up once per
/// process; later calls do nothing.
pub fn restore_on_signals() -> io::Result<()> {
    static WATCHING: OnceLock<()> = OnceLock::new();
    if WATCHING.get().is_some() {
        return Ok(());
    }
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP])?;
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                // Held while stopped and to the end: the prompt cannot switch
                // raw mode on or off meanwhile.
                let raw = raw();
                if *raw {
                    restore(b"\r\n\x1b[?2004l\x1b[?25h");
                }
                if signal != SIGTSTP {
                    std::process::exit(128 + signal);
                }
                // Stops here until `fg`.
                let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                if *raw {
                    let _ = take_terminal();
                    RESUMED.store(true, Ordering::Relaxed);
                    let _ = signal_hook::low_level::raise(SIGWINCH);
                }
            }
        })?;
    let _ = WATCHING.set(());
    Ok(())
}

/// Writes `reset` (paste off, cursor shown) and leaves raw mode, ignoring
/// failures (the terminal may be gone). Writes to the stderr descriptor
/// directly, so as not to wait for a lock the interrupted thread may hold.
fn restore(reset: &[u8]) {
    let _ = rustix::io::write(io::stderr().as_fd(), reset);
    let _ = terminal::disable_raw_mode();
}

/// Suspends `roles` as Ctrl-Z does in cooked mode (raw mode turns it into a
/// key): the signal thread puts the terminal back, stops, and on `fg` takes it
/// again and has the screen redrawn.
pub fn suspend() {
    let _ = signal_hook::low_level::raise(SIGTSTP);
}

/// How many rows lines of these display widths take on a terminal `columns`
/// wide that rewraps long lines, as most do when they narrow.
pub fn rows(widths: &[usize], columns: usize) -> usize {
    widths
        .iter()
        .map(|w| w.div_ceil(columns.max(1)).max(1))
        .sum()
}

/// The terminal's size in columns and rows, 80 by 24 when it cannot be read.
pub fn size() -> (usize, usize) {
    terminal::size().map_or((80, 24), |(w, h)| (usize::from(w), usize::from(h)))
}

/// Erases `above` rows before the current line and the current line itself,
/// leaving the cursor at the start of the first.
pub fn erase(err: &mut impl Write, above: usize) -> io::Result<()> {
    queue!(err, cursor::MoveToColumn(0))?;
    if above > 0 {
        queue!(
            err,
            cursor::MoveUp(u16::try_from(above).unwrap_or(u16::MAX))
        )?;
    }
    queue!(err, terminal::Clear(terminal::ClearType::FromCursorDown))
}
