//! The terminal while the prompt is on it. Keys are read from stdin with
//! poll(2) and decoded into the few the prompt knows, a window resize
//! (SIGWINCH, through a self-pipe) among them. Crossterm's reader is not used:
//! once the terminal hangs up, it retries its read of 0 bytes (or EIO) without
//! end, at full CPU; here end of input or a read error ends the prompt. A
//! bracketed paste is never taken as keys (a pasted `q` must not quit); only a
//! pasted whole number is typed, so it can answer a number question.
//!
//! Raw mode, bracketed paste and a hidden cursor last as long as a [`RawMode`]
//! guard, and every ending signal puts the terminal back (see
//! [`restore_on_signals`]).

use std::collections::VecDeque;
use std::io::{self, ErrorKind::UnexpectedEof, Read, Write};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use crossterm::{cursor, queue, terminal};
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

/// Whether the terminal is in raw mode now. The lock is held while raw mode is
/// switched, and by the signal thread from restoring the terminal to the exit,
/// so the two never interleave.
static RAW: Mutex<bool> = Mutex::new(false);

fn raw() -> MutexGuard<'static, bool> {
    RAW.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Set when `roles` comes back from a suspension (see [`resumed`]).
static RESUMED: AtomicBool = AtomicBool::new(false);

/// Whether `roles` was resumed since the last call: what was drawn before is
/// lost among the shell's lines, so the prompt draws afresh, erasing nothing.
pub fn resumed() -> bool {
    RESUMED.swap(false, Ordering::Relaxed)
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

/// Raw mode, then the cursor hidden and bracketed paste on.
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
/// number, as a shell reports a process the signal killed; SIGTSTP restores it
/// and stops, and on `fg` takes it again and has the screen drawn again
/// (through a SIGWINCH). Set up once per process; later calls do nothing.
pub fn restore_on_signals() -> io::Result<()> {
    static WATCHING: OnceLock<()> = OnceLock::new();
    if WATCHING.get().is_some() {
        return Ok(());
    }
    let _ = resizes();
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

/// How many rows lines of these display widths take on a terminal `columns`
/// wide that rewraps long lines, as most do when they narrow.
pub fn rows(widths: &[usize], columns: usize) -> usize {
    let rows = |width: &usize| width.div_ceil(columns.max(1)).max(1);
    widths.iter().map(rows).sum()
}

/// The terminal's size in columns and rows, 80 by 24 when it cannot be read.
pub fn size() -> (usize, usize) {
    terminal::size().map_or((80, 24), |(w, h)| (usize::from(w), usize::from(h)))
}

/// Erases `above` rows before the current line and the current line itself,
/// leaving the cursor at the start of the first. (`MoveUp(0)` would still
/// move one row on many terminals.)
pub fn erase(err: &mut impl Write, above: usize) -> io::Result<()> {
    let above = u16::try_from(above).unwrap_or(u16::MAX);
    queue!(err, cursor::MoveToColumn(0))?;
    if above > 0 {
        queue!(err, cursor::MoveUp(above))?;
    }
    queue!(err, terminal::Clear(terminal::ClearType::FromCursorDown))
}

/// A key the prompt tells apart (Tab and Shift-Tab come as Down and Up, other
/// keys as `Other`), or word that the window changed size or that no key came
/// in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Resize,
    Char(char),
    Enter,
    Backspace,
    Up,
    Down,
    Left,
    Esc,
    CtrlC,
    CtrlD,
    CtrlZ,
    PasteStart,
    PasteEnd,
    Other,
    Pause,
}

/// How long to wait for the rest of an escape sequence (sent in one write) before
/// taking a lone ESC as the Escape key.
const SEQUENCE_WAIT: Duration = Duration::from_millis(30);

/// Reads keys from stdin, which must be a terminal in raw mode: keys decoded
/// but not handed out yet, bytes not complete yet, and inside a bracketed
/// paste the first few characters pasted.
#[derive(Debug, Default)]
pub struct Keys {
    pending: VecDeque<Key>,
    partial: Vec<u8>,
    pasted: Option<String>,
}

/// The read end of a pipe written on each SIGWINCH, set up once per process;
/// `None` when it cannot be, and then no resize is noticed.
fn resizes() -> Option<&'static UnixStream> {
    static RESIZES: OnceLock<Option<UnixStream>> = OnceLock::new();
    let pipe = RESIZES.get_or_init(|| {
        let (receiver, sender) = UnixStream::pair().ok()?;
        receiver.set_nonblocking(true).ok()?;
        sender.set_nonblocking(true).ok()?;
        signal_hook::low_level::pipe::register(SIGWINCH, sender).ok()?;
        Some(receiver)
    });
    pipe.as_ref()
}

impl Keys {
    /// The next input, waiting at most `timeout` (for ever when `None`), then
    /// [`Key::Pause`]. A terminal that has hung up is an
    /// [`io::ErrorKind::UnexpectedEof`] error, never a busy loop.
    pub fn next(&mut self, timeout: Option<Duration>) -> io::Result<Key> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            while let Some(key) = self.pending.pop_front() {
                if let Some(key) = self.paste(key) {
                    return Ok(key);
                }
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            // An incomplete sequence waits only a moment for its end.
            let moment = left.unwrap_or(SEQUENCE_WAIT).min(SEQUENCE_WAIT);
            let wait = (!self.partial.is_empty()).then_some(moment).or(left);
            let wait = wait.map(Timespec::try_from).transpose();
            let stdin = io::stdin();
            let mut fds = vec![PollFd::new(&stdin, PollFlags::IN)];
            fds.extend(resizes().map(|pipe| PollFd::new(pipe, PollFlags::IN)));
            match poll(&mut fds, wait.map_err(io::Error::other)?.as_ref()) {
                // Only a deadline makes poll(2) return empty-handed.
                Ok(0) if self.partial.is_empty() => return Ok(Key::Pause),
                Ok(0) => self
                    .pending
                    .extend(decode(&std::mem::take(&mut self.partial), false).0),
                Ok(_) | Err(Errno::INTR) => {}
                Err(error) => return Err(error.into()),
            }
            if fds.get(1).is_some_and(|fd| !fd.revents().is_empty())
                && let Some(mut pipe) = resizes()
            {
                while pipe.read(&mut [0; 64]).is_ok_and(|n| n > 0) {}
                return Ok(Key::Resize);
            }
            if fds[0].revents().is_empty() {
                continue;
            }
            let mut buffer = [0; 1024];
            match rustix::io::read(stdin.as_fd(), &mut buffer) {
                Ok(0) => return Err(io::Error::new(UnexpectedEof, "the terminal hung up")),
                Ok(n) => {
                    self.partial.extend_from_slice(&buffer[..n]);
                    let (keys, used) = decode(&self.partial, true);
                    self.partial.drain(..used);
                    self.pending.extend(keys);
                }
                Err(Errno::INTR | Errno::AGAIN) => {}
                Err(error) => return Err(error.into()),
            }
        }
    }

    /// Takes `key` through bracketed paste: keys between a paste's start and
    /// end are gathered, never acted on; at its end, a pasted whole number of
    /// up to nine digits is typed as its digits, and anything else is dropped.
    fn paste(&mut self, key: Key) -> Option<Key> {
        let Some(pasted) = self.pasted.as_mut() else {
            if key == Key::PasteStart {
                self.pasted = Some(String::new());
            }
            return (!matches!(key, Key::PasteStart | Key::PasteEnd)).then_some(key);
        };
        match key {
            Key::PasteEnd => {
                let pasted = self.pasted.take().unwrap_or_default();
                let number = pasted.trim();
                if (1..=9).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) {
                    for digit in number.chars().rev() {
                        self.pending.push_front(Key::Char(digit));
                    }
                }
            }
            Key::Char(c) if pasted.len() <= 16 => pasted.push(c),
            Key::Enter if pasted.len() <= 16 => pasted.push('\n'),
            _ => pasted.push_str("not a number, too long or not text"),
        }
        None
    }
}

/// Decodes `bytes` into keys, returning them and how many bytes they took.
/// With `more_may_come`, an incomplete sequence or character at the end is
/// left for later; without, it is taken as it stands (a lone ESC as Escape).
pub fn decode(mut bytes: &[u8], more_may_come: bool) -> (Vec<Key>, usize) {
    let (mut keys, total) = (Vec::new(), bytes.len());
    while !bytes.is_empty() {
        let (key, used) = match (one(bytes), more_may_come) {
            (Some(decoded), _) => decoded,
            (None, true) => break,
            (None, false) if bytes == [0x1b] => (Key::Esc, 1),
            (None, false) => (Key::Other, bytes.len()),
        };
        keys.push(key);
        bytes = &bytes[used..];
    }
    (keys, total - bytes.len())
}

/// The first key in `bytes` and its length, or `None` when it is incomplete.
fn one(bytes: &[u8]) -> Option<(Key, usize)> {
    let key = match bytes {
        // CSI: `ESC [`, parameters, a final byte.
        [0x1b, b'[', rest @ ..] => {
            let end = rest.iter().position(|b| (0x40..=0x7e).contains(b))?;
            let key = match (&rest[..end], rest[end]) {
                (b"200", b'~') => Key::PasteStart,
                (b"201", b'~') => Key::PasteEnd,
                (_, last) => arrow(last),
            };
            return Some((key, end + 3));
        }
        [0x1b, b'O', last, ..] => return Some((arrow(*last), 3)),
        [0x1b] | [0x1b, b'O'] => return None,
        [0x1b, 0x1b, ..] => Key::Esc,
        // ESC and a key: Alt and that key, not the key.
        [0x1b, ..] => return one(&bytes[1..]).map(|(_, used)| (Key::Other, used + 1)),
        [0x03, ..] => Key::CtrlC,
        [0x04, ..] => Key::CtrlD,
        [0x1a, ..] => Key::CtrlZ,
        [b'\r' | b'\n', ..] => Key::Enter,
        [0x7f | 0x08, ..] => Key::Backspace,
        [b'\t', ..] => Key::Down,
        [byte, ..] if *byte < 0x20 => Key::Other,
        _ => {
            // A UTF-8 character, as long as its first byte says; an invalid
            // byte is skipped on its own.
            let len = match bytes.first()? {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => 1,
            };
            return match std::str::from_utf8(bytes.get(..len)?) {
                Ok(text) => text.chars().next().map(|c| (Key::Char(c), len)),
                Err(_) => Some((Key::Other, 1)),
            };
        }
    };
    Some((key, 1))
}

/// The key of the last byte of an arrow sequence (`ESC [ A`, `ESC O A`).
fn arrow(last: u8) -> Key {
    match last {
        b'A' | b'Z' => Key::Up,
        b'B' => Key::Down,
        b'D' => Key::Left,
        _ => Key::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_decode_into_keys() {
        use Key::*;
        let (q, one, space) = (Char('q'), Char('1'), Char(' '));
        #[rustfmt::skip]
        let cases: [(&[u8], bool, &[Key], usize); 14] = [
            (b"q1 ", true, &[q, one, space], 3),
            ("é€".as_bytes(), true, &[Char('é'), Char('€')], 5),
            (b"\x03\x04\x1a\r\n\x7f\x08\t\x01", true, &[CtrlC, CtrlD, CtrlZ, Enter, Enter, Backspace, Backspace, Down, Other], 9),
            // Arrows as CSI or SS3 sequences; Shift-Tab is up; Right is not used.
            (b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1bOB\x1b[Z", true, &[Up, Down, Other, Left, Up, Down, Up], 21),
            // Modifiers ignored; Alt-b is not b.
            (b"\x1b[1;5A\x1b[3~x\x1bb", true, &[Up, Other, Char('x'), Other], 13),
            (b"\x1b[200~a\x1b[201~", true, &[PasteStart, Char('a'), PasteEnd], 13),
            // An incomplete sequence waits for the rest, unless none is coming.
            (b"1\x1b", true, &[one], 1),
            (b"\x1b[1;", true, &[], 0),
            (&"é".as_bytes()[..1], true, &[], 0),
            (b"\x1b", false, &[Esc], 1),
            (b"\x1b\x1b[A", true, &[Esc, Up], 4),
            (b"\x1b[1", false, &[Other], 3),
            // Invalid UTF-8 is skipped a byte at a time.
            (b"\xffa\xc3a", true, &[Other, Char('a'), Other, Char('a')], 4),
            (b"\xe2\x82", false, &[Other], 2),
        ];
        for (bytes, more_may_come, keys, used) in cases {
            let decoded = decode(bytes, more_may_come);
            assert_eq!(decoded, (keys.to_vec(), used), "{bytes:?}");
        }
    }

    #[test]
    fn a_paste_is_never_keys_but_a_pasted_number_is_typed() {
        let [a, b, one, two] = ['a', 'b', '1', '2'].map(Key::Char);
        #[rustfmt::skip]
        let cases: [(&[u8], &[Key]); 4] = [
            (b"a\x1b[200~aim product\rthe quick fox\r\x1b[201~b", &[a, b]),
            (b"\x1b[200~ 12\r\x1b[201~", &[one, two]),
            (b"\x1b[200~1234567890\x1b[201~", &[]),
            (b"\x1b[200~\x03q\x1a\x1b[201~\x1a", &[Key::CtrlZ]),
        ];
        for (bytes, keys) in cases {
            let mut reader = Keys::default();
            reader.pending.extend(decode(bytes, false).0);
            let mut out = Vec::new();
            while let Some(key) = reader.pending.pop_front() {
                out.extend(reader.paste(key));
            }
            assert_eq!(out, keys, "{bytes:?}");
        }
    }
}
