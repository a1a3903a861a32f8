//! Positioned reads from a seekable source whose length is known.

use std::io::{self, Read, Seek, SeekFrom};

/// A seekable reader plus its length; every read is bounded by the caller.
pub(super) struct Source<'a, R> {
    reader: &'a mut R,
    len: u64,
}

impl<'a, R: Read + Seek> Source<'a, R> {
    pub(super) fn new(reader: &'a mut R, len: u64) -> Self {
        Self { reader, len }
    }

    /// The source's length in bytes.
    pub(super) fn len(&self) -> u64 {
        self.len
    }

    /// Up to `max` bytes at `offset` (fewer at the end of the source, none past it).
    pub(super) fn read_at(&mut self, offset: u64, max: usize) -> io::Result<Vec<u8>> {
        if offset >= self.len || max == 0 {
            return Ok(Vec::new());
        }
        let available = usize::try_from(self.len - offset).unwrap_or(usize::MAX);
        let want = max.min(available);
        self.reader.seek(SeekFrom::Start(offset))?;
        let mut buf = vec![0; want];
        let mut filled = 0;
        while filled < want {
            match self.reader.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        buf.truncate(filled);
        Ok(buf)
    }
}

/// Little-endian `u16` at `at`, if the bytes are there.
pub(super) fn u16_at(buf: &[u8], at: usize) -> Option<u16> {
    let bytes = buf.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([bytes[0], bytes[1]]))
}

/// Little-endian `u32` at `at`, if the bytes are there.
pub(super) fn u32_at(buf: &[u8], at: usize) -> Option<u32> {
    let bytes = buf.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// Little-endian `u64` at `at`, if the bytes are there.
pub(super) fn u64_at(buf: &[u8], at: usize) -> Option<u64> {
    let bytes = buf.get(at..at.checked_add(8)?)?;
    let mut le = [0; 8];
    le.copy_from_slice(bytes);
    Some(u64::from_le_bytes(le))
}
