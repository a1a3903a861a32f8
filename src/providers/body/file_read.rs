//! Reading a file's next chunk off the async threads, and base64-encoding chunks that do not
//! end on a 3-byte boundary — the two steps a file segment of a body takes per chunk.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use base64::Engine as _;
use bytes::{Bytes, BytesMut};

/// A file's reads, done on tokio's blocking pool straight into the body's own buffer (no copy
/// through an intermediate one). The buffer's allocation is taken back for the next read once
/// the connection has let go of the last read's bytes, so a file streams through the same
/// few hundred KiB however large it is.
pub(super) enum Reader {
    Idle(std::fs::File, BytesMut),
    Reading(tokio::task::JoinHandle<(std::fs::File, BytesMut, io::Result<usize>)>),
    Closed,
}

impl Reader {
    /// The next up to `want` bytes of the file; empty at its end.
    pub(super) fn poll_read(
        &mut self,
        want: usize,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<BytesMut>> {
        loop {
            match std::mem::replace(self, Self::Closed) {
                Self::Idle(mut file, mut buffer) => {
                    // Here rather than on the blocking thread: a new allocation, when the
                    // connection still holds the old one, then comes from this thread's
                    // allocator arena rather than one per blocking thread.
                    buffer.clear();
                    buffer.reserve(want);
                    *self = Self::Reading(tokio::task::spawn_blocking(move || {
                        buffer.resize(want, 0);
                        let read = read_up_to(&mut file, &mut buffer);
                        buffer.truncate(*read.as_ref().unwrap_or(&0));
                        (file, buffer, read)
                    }));
                }
                Self::Reading(mut task) => match Pin::new(&mut task).poll(cx) {
                    Poll::Pending => {
                        *self = Self::Reading(task);
                        return Poll::Pending;
                    }
                    Poll::Ready(Err(e)) => return Poll::Ready(Err(io::Error::other(e))),
                    Poll::Ready(Ok((file, mut buffer, read))) => {
                        let chunk = buffer.split();
                        *self = Self::Idle(file, buffer);
                        return Poll::Ready(read.map(|_| chunk));
                    }
                },
                Self::Closed => {
                    return Poll::Ready(Err(io::Error::other("the file was already closed")));
                }
            }
        }
    }
}

/// Fills `buffer` from `file` as far as the file goes; returns the bytes read.
fn read_up_to(file: &mut std::fs::File, buffer: &mut [u8]) -> io::Result<usize> {
    use std::io::Read as _;
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Encodes `chunk` as base64 after the bytes `carry` held back from the previous chunk,
/// holding back the new incomplete group (0–2 bytes) in `carry`. The output is written into
/// `buffer`, whose allocation is reused once the returned bytes are dropped. `None` only if
/// the encoder disagrees with its own length arithmetic.
pub(super) fn encode_base64_chunk(
    carry: &mut Vec<u8>,
    chunk: &[u8],
    buffer: &mut BytesMut,
) -> Option<Bytes> {
    let lead = ((3 - carry.len() % 3) % 3).min(chunk.len());
    carry.extend_from_slice(&chunk[..lead]);
    let rest = &chunk[lead..];
    let whole = rest.len() - rest.len() % 3;
    let head = if carry.len() == 3 {
        std::mem::take(carry)
    } else {
        Vec::new()
    };
    let head_len = head.len() / 3 * 4;
    let encoded_len = head_len + whole / 3 * 4;
    buffer.clear();
    buffer.resize(encoded_len, 0);
    let engine = &base64::engine::general_purpose::STANDARD;
    let written = engine.encode_slice(&head, &mut buffer[..head_len]).ok()?
        + engine
            .encode_slice(&rest[..whole], &mut buffer[head_len..])
            .ok()?;
    carry.extend_from_slice(&rest[whole..]);
    (written == encoded_len).then(|| buffer.split().freeze())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_chunks_of_any_sizes_join_into_the_standard_encoding() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7919 % 251) as u8).collect();
        for splits in [
            vec![1, 1, 1, 997],
            vec![2, 5, 11, 982],
            vec![3, 4, 993],
            vec![0, 1000],
            vec![999, 1],
            vec![500, 0, 500],
        ] {
            let mut carry = Vec::new();
            let mut buffer = BytesMut::new();
            let mut out = Vec::new();
            let mut at = 0;
            for n in splits {
                let piece = encode_base64_chunk(&mut carry, &data[at..at + n], &mut buffer);
                out.extend_from_slice(&piece.expect("encodes"));
                at += n;
                assert!(carry.len() < 3);
            }
            out.extend_from_slice(
                base64::engine::general_purpose::STANDARD
                    .encode(&carry)
                    .as_bytes(),
            );
            assert_eq!(
                out,
                base64::engine::general_purpose::STANDARD
                    .encode(&data)
                    .into_bytes()
            );
        }
    }
}
