//! Keys from the terminal: read from stdin with poll(2), parsed into the few
//! keys the prompt knows, with a window resize (SIGWINCH, through a self-pipe)
//! as an input of its own.
//!
//! Crossterm's reader is not used: once the terminal hangs up, its read of 0
//! bytes (or EIO) is retried without end, at full CPU, and never returns. Here
//! end of input or a read error is an error the prompt ends on.

use std::collections::VecDeque;
use std::io;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;

/// A key the prompt tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// Enter (carriage return or line feed).
    Enter,
    /// Backspace (DEL or BS).
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Escape on its own.
    Esc,
    /// Ctrl-C, a key in raw mode rather than a signal.
    CtrlC,
    /// Ctrl-D.
    CtrlD,
    /// Ctrl-Z: suspend, as the shell's job control would in cooked mode.
    CtrlZ,
    /// The start of a bracketed paste (`ESC [ 200 ~`).
    PasteStart,
    /// Its end (`ESC [ 201 ~`).
    PasteEnd,
    /// Anything else: other control keys, function keys, Alt combinations.
    Other,
}

/// What the terminal sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key.
    Key(Key),
    /// The window changed size.
    Resize,
}

/// How long to wait for the rest of an escape sequence before taking a lone
/// ESC as the Escape key. Terminals send a sequence in one write, so this only
/// matters on a slow link.
const SEQUENCE_WAIT: Duration = Duration::from_millis(30);

/// Reads keys from stdin, which must be a terminal in raw mode.
#[derive(Debug, Default)]
pub struct Keys {
    /// Keys parsed but not handed out yet.
    pending: VecDeque<Key>,
    /// Bytes of a sequence or character not complete yet.
    partial: Vec<u8>,
    /// Inside a bracketed paste: what was pasted so far (up to a few
    /// characters: only a short number is ever used).
    pasted: Option<String>,
}

/// The error for a terminal that is gone: end of input where raw mode never
/// gives one, as after a hang-up.
fn hung_up() -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal hung up")
}

/// The read end of a pipe written on each SIGWINCH, set up once per process;
/// `None` when it cannot be, and then no resize is noticed.
fn resizes() -> Option<&'static UnixStream> {
    static RESIZES: OnceLock<Option<UnixStream>> = OnceLock::new();
    RESIZES
        .get_or_init(|| {
            let (receiver, sender) = UnixStream::pair().ok()?;
            receiver.set_nonblocking(true).ok()?;
            sender.set_nonblocking(true).ok()?;
            signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, sender).ok()?;
            Some(receiver)
        })
        .as_ref()
}

impl Keys {
    /// A reader, ready to notice resizes from now on.
    pub fn new() -> Keys {
        let _ = resizes();
        Keys::default()
    }

    /// The next input, waiting at most `timeout` (for ever when `None`);
    /// `Ok(None)` when the time is up. A terminal that has hung up is an
    /// [`io::ErrorKind::UnexpectedEof`] error, never a busy loop.
    pub fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Input>> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            if let Some(key) = self.pending.pop_front() {
                match self.paste(key) {
                    Some(key) => return Ok(Some(Input::Key(key))),
                    None => continue,
                }
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            // An incomplete sequence waits only a moment for its end.
            let wait = match (left, self.partial.is_empty()) {
                (left, true) => left,
                (Some(left), false) => Some(left.min(SEQUENCE_WAIT)),
                (None, false) => Some(SEQUENCE_WAIT),
            };
            let stdin = io::stdin();
            let resized = resizes();
            let mut fds = vec![PollFd::new(&stdin, PollFlags::IN)];
            if let Some(pipe) = resized {
                fds.push(PollFd::new(pipe, PollFlags::IN));
            }
            let wait = wait
                .map(|w| Timespec::try_from(w).map_err(|_| io::Error::other("timeout too long")))
                .transpose()?;
            match poll(&mut fds, wait.as_ref()) {
                Ok(0) => {
                    if !self.partial.is_empty() {
                        let (keys, _) = parse(&self.partial, false);
                        self.partial.clear();
                        self.pending.extend(keys);
                        continue;
                    }
                    // Only a deadline makes poll(2) return empty-handed.
                    return Ok(None);
                }
                Ok(_) => {}
                Err(Errno::INTR) => continue,
                Err(error) => return Err(error.into()),
            }
            let terminal = fds[0].revents();
            let resize = fds.get(1).is_some_and(|fd| !fd.revents().is_empty());
            drop(fds);
            if resize && let Some(mut pipe) = resized {
                let mut sink = [0; 64];
                while io::Read::read(&mut pipe, &mut sink).is_ok_and(|n| n > 0) {}
                return Ok(Some(Input::Resize));
            }
            if terminal.contains(PollFlags::NVAL) {
                return Err(hung_up());
            }
            if terminal.is_empty() {
                continue;
            }
            let mut buffer = [0; 1024];
            match rustix::io::read(stdin.as_fd(), &mut buffer) {
                Ok(0) => return Err(hung_up()),
                Ok(n) => {
                    self.partial.extend_from_slice(&buffer[..n]);
                    let (keys, used) = parse(&self.partial, true);
                    self.partial.drain(..used);
                    self.pending.extend(keys);
                }
                Err(Errno::INTR | Errno::AGAIN) => {}
                Err(error) => return Err(error.into()),
            }
        }
    }
}

impl Keys {
    /// Takes `key` through bracketed paste: keys between a paste's start and
    /// end are gathered, never acted on (a pasted `q` must not quit); at its
    /// end, a pasted whole number of up to nine digits is typed as its digits,
    /// so it answers a number question, and anything else is dropped.
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

/// Parses `bytes` into keys, returning them and how many bytes they took. With
/// `more_may_come`, an incomplete sequence or character at the end is left for
/// later; without, it is taken as it stands (a lone ESC as Escape).
pub fn parse(bytes: &[u8], more_may_come: bool) -> (Vec<Key>, usize) {
    let mut keys = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match one(&bytes[at..]) {
            Some((key, used)) => {
                keys.push(key);
                at += used;
            }
            None if more_may_come => break,
            None => {
                // Incomplete and nothing more coming.
                keys.push(if bytes[at..] == [0x1b] {
                    Key::Esc
                } else {
                    Key::Other
                });
                at = bytes.len();
            }
        }
    }
    (keys, at)
}

/// The first key in `bytes` and its length, or `None` when it is incomplete.
fn one(bytes: &[u8]) -> Option<(Key, usize)> {
    let key = match bytes[0] {
        0x1b => return escape(bytes),
        0x03 => Key::CtrlC,
        0x04 => Key::CtrlD,
        0x1a => Key::CtrlZ,
        b'\r' | b'\n' => Key::Enter,
        0x7f | 0x08 => Key::Backspace,
        b'\t' => Key::Tab,
        byte if byte < 0x20 => Key::Other,
        byte if byte < 0x80 => Key::Char(char::from(byte)),
        _ => return character(bytes),
    };
    Some((key, 1))
}

/// An escape sequence: CSI (`ESC [` … final byte), SS3 (`ESC O` and a byte),
/// or ESC and a key (Alt).
fn escape(bytes: &[u8]) -> Option<(Key, usize)> {
    match bytes.get(1)? {
        b'[' => {
            let end = bytes[2..].iter().position(|b| (0x40..=0x7e).contains(b))? + 2;
            let key = match bytes[end] {
                b'A' => Key::Up,
                b'B' => Key::Down,
                b'C' => Key::Right,
                b'D' => Key::Left,
                b'Z' => Key::BackTab,
                b'~' if &bytes[2..end] == b"200" => Key::PasteStart,
                b'~' if &bytes[2..end] == b"201" => Key::PasteEnd,
                _ => Key::Other,
            };
            Some((key, end + 1))
        }
        b'O' => {
            let key = match bytes.get(2)? {
                b'A' => Key::Up,
                b'B' => Key::Down,
                b'C' => Key::Right,
                b'D' => Key::Left,
                _ => Key::Other,
            };
            Some((key, 3))
        }
        0x1b => Some((Key::Esc, 1)),
        _ => {
            let (_, used) = one(&bytes[1..])?;
            Some((Key::Other, used + 1))
        }
    }
}

/// A UTF-8 character of two bytes or more; an invalid byte is `Other`.
fn character(bytes: &[u8]) -> Option<(Key, usize)> {
    let length = match bytes[0] {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Some((Key::Other, 1)),
    };
    let Some(encoded) = bytes.get(..length) else {
        // Cut short: wait for the rest, unless what is there is already wrong.
        return if bytes[1..].iter().all(|b| b & 0xc0 == 0x80) {
            None
        } else {
            Some((Key::Other, 1))
        };
    };
    match std::str::from_utf8(encoded) {
        Ok(text) => text.chars().next().map(|c| (Key::Char(c), length)),
        Err(_) => Some((Key::Other, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_parse_into_keys() {
        use Key::*;
        for (bytes, more_may_come, parsed, used) in [
            (&b"q1 "[..], true, vec![Char('q'), Char('1'), Char(' ')], 3),
            ("é€".as_bytes(), true, vec![Char('é'), Char('€')], 5),
            (
                b"\x03\x04\x1a\r\n\x7f\x08\t\x01",
                true,
                vec![
                    CtrlC, CtrlD, CtrlZ, Enter, Enter, Backspace, Backspace, Tab, Other,
                ],
                9,
            ),
            // Arrows as CSI or SS3 sequences; modifiers ignored; Alt-b is not b.
            (
                b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1bOB\x1b[Z",
                true,
                vec![Up, Down, Right, Left, Up, Down, BackTab],
                21,
            ),
            (
                b"\x1b[1;5A\x1b[3~x\x1bb",
                true,
                vec![Up, Other, Char('x'), Other],
                13,
            ),
            (
                b"\x1b[200~a\x1b[201~",
                true,
                vec![PasteStart, Char('a'), PasteEnd],
                13,
            ),
            // An incomplete sequence waits for the rest, unless none is coming.
            (b"1\x1b", true, vec![Char('1')], 1),
            (b"\x1b[1;", true, vec![], 0),
            (&"é".as_bytes()[..1], true, vec![], 0),
            (b"\x1b", false, vec![Esc], 1),
            (b"\x1b\x1b[A", true, vec![Esc, Up], 4),
            (b"\x1b[1", false, vec![Other], 3),
            // Invalid UTF-8 is skipped a byte at a time.
            (
                b"\xffa\xc3a",
                true,
                vec![Other, Char('a'), Other, Char('a')],
                4,
            ),
        ] {
            assert_eq!(parse(bytes, more_may_come), (parsed, used), "{bytes:?}");
        }
    }

    #[test]
    fn a_paste_is_never_keys_but_a_pasted_number_is_typed() {
        let pasted = |bytes: &[u8]| {
            let mut reader = Keys::default();
            reader.pending.extend(parse(bytes, false).0);
            let mut out = Vec::new();
            while let Some(key) = reader.pending.pop_front() {
                out.extend(reader.paste(key));
            }
            out
        };
        let (a, b) = (Key::Char('a'), Key::Char('b'));
        assert_eq!(
            pasted(b"a\x1b[200~aim product\rthe quick fox\r\x1b[201~b"),
            [a, b]
        );
        assert_eq!(
            pasted(b"\x1b[200~ 12\r\x1b[201~"),
            [Key::Char('1'), Key::Char('2')]
        );
        assert_eq!(pasted(b"\x1b[200~1234567890\x1b[201~"), []);
        assert_eq!(pasted(b"\x1b[200~\x03q\x1a\x1b[201~\x1a"), [Key::CtrlZ]);
    }
}
