//! Reading zip packages (OOXML, `OpenDocument`) within the limits: at most [`MAX_ENTRIES`]
//! entries, [`MAX_ENTRY_BYTES`] unpacked per entry and [`MAX_TOTAL_BYTES`] in all, counted while
//! unpacking (a declared size is only a first check), so a zip bomb is refused early.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, unreadable};

/// Why a package that unpacks beyond the limits was refused.
const TOO_BIG: &str = "it unpacks to far more than a document holds, so it was not opened";

/// A zip package being read within the limits.
pub(super) struct Package<'a> {
    /// The archive.
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Every entry's name, in archive order.
    pub(super) names: Vec<String>,
    /// Bytes unpacked so far.
    unpacked: u64,
}

impl<'a> Package<'a> {
    /// Opens a zip package; refuses one with more than [`MAX_ENTRIES`] entries.
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, String> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|_| unreadable("it is not a zip package, or a damaged one"))?;
        if archive.len() > MAX_ENTRIES {
            return Err(TOO_BIG.to_owned());
        }
        let names = archive
            .file_names_raw()
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect();
        Ok(Self {
            archive,
            names,
            unpacked: 0,
        })
    }

    /// Whether an entry is named `name`.
    pub(super) fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// Unpacks the entry named `name`, if there is one, within the limits.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let Some(index) = self.names.iter().position(|n| n == name) else {
            return Ok(None);
        };
        let file = self
            .archive
            .by_index(index)
            .map_err(|_| unreadable(&format!("its part {name} cannot be unpacked")))?;
        // The declared size is a first, cheap check; the `take` below is the real one.
        let declared = file.size();
        if declared > MAX_ENTRY_BYTES || self.unpacked.saturating_add(declared) > MAX_TOTAL_BYTES {
            return Err(TOO_BIG.to_owned());
        }
        let mut out = Vec::new();
        file.take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|_| unreadable(&format!("its part {name} is damaged")))?;
        let len = out.len() as u64;
        self.unpacked = self.unpacked.saturating_add(len);
        if len > MAX_ENTRY_BYTES || self.unpacked > MAX_TOTAL_BYTES {
            return Err(TOO_BIG.to_owned());
        }
        Ok(Some(out))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::CompressionMethod;
    use zip::write::SimpleFileOptions;

    use super::*;
    use crate::content::office::read_docx;
    use crate::content::office::test_builders::{document, zip_of};

    #[test]
    fn a_zip_bomb_is_refused_quickly() {
        let started = std::time::Instant::now();
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(1));
        writer.start_file("word/document.xml", options).unwrap();
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..40 {
            writer.write_all(&zeros).unwrap();
        }
        let bytes = writer.finish().unwrap().into_inner();
        assert!(
            bytes.len() < 1024 * 1024,
            "the bomb is {} bytes",
            bytes.len()
        );

        let read_started = std::time::Instant::now();
        assert_eq!(read_docx(&bytes).unwrap_err(), TOO_BIG);
        assert!(read_started.elapsed().as_secs() < 2);
        eprintln!("bomb built and refused in {:?}", started.elapsed());
    }

    /// A zip of one deflated entry whose headers claim `declared` unpacked bytes.
    fn lying_zip(name: &str, unpacked: &[u8], declared: u32) -> Vec<u8> {
        let mut deflated =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        deflated.write_all(unpacked).unwrap();
        let deflated = deflated.finish().unwrap();
        let mut crc = flate2::Crc::new();
        crc.update(unpacked);
        let crc = crc.sum();
        let compressed = u32::try_from(deflated.len()).unwrap();
        let name_len = u16::try_from(name.len()).unwrap();

        let mut out = Vec::new();
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0u16.to_le_bytes()); // flags
        out.extend_from_slice(&8u16.to_le_bytes()); // deflate
        out.extend_from_slice(&[0; 4]); // time, date
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&compressed.to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&deflated);
        // Central directory.
        let directory_at = u32::try_from(out.len()).unwrap();
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // made by
        out.extend_from_slice(&20u16.to_le_bytes()); // needed
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&8u16.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&compressed.to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
        out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        out.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        out.extend_from_slice(name.as_bytes());
        let directory_len = u32::try_from(out.len()).unwrap() - directory_at;
        // End of central directory.
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]); // disk numbers
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&directory_len.to_le_bytes());
        out.extend_from_slice(&directory_at.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn an_entry_that_unpacks_beyond_its_declared_size_is_refused() {
        let unpacked = vec![b' '; usize::try_from(MAX_ENTRY_BYTES).unwrap() + 1024 * 1024];
        let bytes = lying_zip("word/document.xml", &unpacked, 100);
        assert!(read_docx(&bytes).is_err());

        // The same writer with an honest size reads.
        let honest = document("<w:p><w:r><w:t>fine</w:t></w:r></w:p>");
        let len = u32::try_from(honest.len()).unwrap();
        let bytes = lying_zip("word/document.xml", honest.as_bytes(), len);
        assert_eq!(read_docx(&bytes).unwrap().text, "fine");
    }

    #[test]
    fn many_parts_together_may_not_unpack_beyond_the_total() {
        // Five headers of 7 MiB each: every one under the entry limit, together over the total.
        let big = vec![b' '; 7 * 1024 * 1024];
        let body = document("<w:p/>");
        let mut entries: Vec<(String, &[u8])> = vec![("word/document.xml".into(), body.as_bytes())];
        for i in 1..=5 {
            entries.push((format!("word/header{i}.xml"), &big));
        }
        let entries: Vec<(&str, &[u8])> = entries.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert_eq!(read_docx(&zip_of(&entries)).unwrap_err(), TOO_BIG);
    }
}
