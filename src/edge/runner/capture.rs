//! A command's output, read on its own thread and kept bounded: the first [`HEAD_BYTES`] and
//! the last [`TAIL_BYTES`], with a note of how much was left out between them.

use std::collections::VecDeque;
use std::io::{PipeReader, Read as _};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crate::core::sanitize::command_output;

/// Output kept from the start of a command's output.
pub const HEAD_BYTES: usize = 64 * 1024;
/// Output kept from the end of a command's output.
pub const TAIL_BYTES: usize = 64 * 1024;

/// How long to wait for the pipe to close once the command's process group is gone: a
/// process that left the group (`setsid`) may hold it open for ever.
const DRAIN: Duration = Duration::from_secs(2);

#[derive(Debug, Default)]
struct Buffer {
    head: Vec<u8>,
    tail: VecDeque<u8>,
    left_out: u64,
}

impl Buffer {
    fn push(&mut self, mut bytes: &[u8]) {
        let room = HEAD_BYTES - self.head.len();
        if room > 0 {
            let n = room.min(bytes.len());
            self.head.extend_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
        }
        self.tail.extend(bytes);
        let excess = self.tail.len().saturating_sub(TAIL_BYTES);
        if excess > 0 {
            self.tail.drain(..excess);
            self.left_out += excess as u64;
        }
    }
}

/// Output being read.
#[derive(Debug)]
pub struct Captured {
    buffer: Arc<Mutex<Buffer>>,
    closed: Receiver<()>,
}

/// Starts reading `pipe` until it closes.
pub fn start(mut pipe: PipeReader) -> Captured {
    let buffer = Arc::new(Mutex::new(Buffer::default()));
    let (tx, closed) = mpsc::channel();
    let shared = Arc::clone(&buffer);
    let reader = move || {
        let mut chunk = [0_u8; 8192];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => shared
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(&chunk[..n]),
            }
        }
        let _ = tx.send(());
    };
    // Without a thread there is no output to show; the command still runs.
    let _ = thread::Builder::new()
        .name("termcourse-output".to_owned())
        .spawn(reader);
    Captured { buffer, closed }
}

/// The output for display once the command is over, and whether some was left out.
pub fn finish(captured: &Captured) -> (String, bool) {
    let _ = captured.closed.recv_timeout(DRAIN);
    let buffer = captured
        .buffer
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let mut bytes = buffer.head.clone();
    if buffer.left_out > 0 {
        bytes.extend_from_slice(format!("\n… {} bytes left out …\n", buffer.left_out).as_bytes());
    }
    bytes.extend(buffer.tail.iter());
    (command_output(&bytes), buffer.left_out > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buffer_keeps_the_head_and_the_tail() {
        let mut b = Buffer::default();
        b.push(&vec![b'a'; HEAD_BYTES - 1]);
        b.push(b"bc");
        b.push(&vec![b'd'; TAIL_BYTES]);
        b.push(b"end");
        assert_eq!(b.head.len(), HEAD_BYTES);
        assert_eq!(b.head.last(), Some(&b'b'));
        assert_eq!(b.tail.len(), TAIL_BYTES);
        assert_eq!(b.left_out, 4, "`c` and three `d`s");
        assert!(b.tail.iter().rev().take(3).eq(b"dne".iter()));
    }
}
