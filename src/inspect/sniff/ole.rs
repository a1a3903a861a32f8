//! OLE compound files (legacy Office): .doc, .xls and .ppt by the names of the streams at the
//! top of the file's directory, or by the root entry's class id.
//!
//! Reads the 512-byte header (already in the head), the directory sectors and the few FAT
//! entries that chain them — never the streams themselves.

use std::io::{self, Read, Seek};

use crate::model::FileKind;

use super::source::{Source, u16_at, u32_at};

/// The signature every compound file starts with.
pub(super) const MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Most directory sectors read (2,048 entries with 4 KiB sectors).
const MAX_DIRECTORY_SECTORS: usize = 64;
/// Sector numbers from here on mark free sectors or the end of a chain.
const LAST_REGULAR_SECTOR: u32 = 0xFFFF_FFF9;
/// "No entry" in the directory's sibling and child links.
const NO_STREAM: u32 = 0xFFFF_FFFF;
/// Size of one directory entry.
const ENTRY_LEN: usize = 128;
/// FAT sectors listed in the header itself.
const HEADER_DIFAT_LEN: u32 = 109;

/// A compound file that is neither Word, Excel nor PowerPoint (Outlook message, MSI, Visio…).
fn generic() -> FileKind {
    FileKind::Other {
        mime: "application/x-ole-storage".to_owned(),
    }
}

/// One directory entry.
struct Entry {
    name: String,
    left: u32,
    right: u32,
    child: u32,
    clsid: [u8; 16],
}

/// The kind of a file whose head starts with [`MAGIC`].
pub(super) fn sniff<R: Read + Seek>(src: &mut Source<'_, R>, head: &[u8]) -> io::Result<FileKind> {
    let Some(header) = Header::parse(head) else {
        return Ok(generic());
    };
    let entries = directory(src, &header)?;
    let Some(root) = entries.first() else {
        return Ok(generic());
    };
    for name in top_level_names(&entries, root.child) {
        match name.as_str() {
            "WordDocument" => return Ok(FileKind::Doc),
            "Workbook" | "Book" => return Ok(FileKind::Xls),
            "PowerPoint Document" => return Ok(FileKind::Ppt),
            "EncryptedPackage" => return Ok(FileKind::LockedOffice),
            "__properties_version1.0" | "__nameid_version1.0" => {
                return Ok(FileKind::OutlookMessage);
            }
            _ => {}
        }
    }
    Ok(by_class_id(&root.clsid).unwrap_or_else(generic))
}

/// Bytes 4..16 of the class ids `{XXXXXXXX-0000-0000-C000-000000000046}` of Office (the
/// first field is stored little-endian, the last eight bytes as they are written).
const OFFICE_TAIL: [u8; 12] = [0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46];
/// Bytes 4..16 of PowerPoint's class id `{64818D10-4F9B-11CF-86EA-00AA00B929E8}`.
const PPT_TAIL: [u8; 12] = [
    0x9B, 0x4F, 0xCF, 0x11, 0x86, 0xEA, 0, 0xAA, 0, 0xB9, 0x29, 0xE8,
];

/// The kinds whose root entry's class id identifies them (as `infer` reads them).
fn by_class_id(clsid: &[u8; 16]) -> Option<FileKind> {
    let first = u32::from_le_bytes([clsid[0], clsid[1], clsid[2], clsid[3]]);
    if clsid[4..] == OFFICE_TAIL {
        return match first {
            0x0002_0906 => Some(FileKind::Doc),
            0x0002_0D0B => Some(FileKind::OutlookMessage),
            0x0002_0810 | 0x0002_0820 => Some(FileKind::Xls),
            // Windows Installer packages install programs.
            0x000C_1084 => Some(FileKind::WindowsProgram),
            _ => None,
        };
    }
    (first == 0x6481_8D10 && clsid[4..] == PPT_TAIL).then_some(FileKind::Ppt)
}

/// The names of the root storage's direct children: a walk over the sibling tree from `first`
/// (streams of embedded objects live deeper and are not looked at).
fn top_level_names(entries: &[Entry], first: u32) -> Vec<String> {
    let mut names = Vec::new();
    let mut pending = vec![first];
    let mut seen = vec![false; entries.len()];
    while let Some(id) = pending.pop() {
        let Some(index) = usize::try_from(id).ok().filter(|_| id != NO_STREAM) else {
            continue;
        };
        let (Some(entry), Some(visited)) = (entries.get(index), seen.get_mut(index)) else {
            continue;
        };
        if std::mem::replace(visited, true) {
            continue;
        }
        names.push(entry.name.clone());
        pending.push(entry.left);
        pending.push(entry.right);
    }
    names
}

/// What the header says about where things are.
struct Header {
    sector_shift: u32,
    first_directory_sector: u32,
    fat_sectors: u32,
    /// The first 109 FAT sector numbers.
    difat: Vec<u32>,
}

impl Header {
    fn parse(head: &[u8]) -> Option<Self> {
        let sector_shift = u32::from(u16_at(head, 0x1E)?);
        if sector_shift != 9 && sector_shift != 12 {
            return None;
        }
        let difat = (0..HEADER_DIFAT_LEN as usize)
            .map(|i| u32_at(head, 0x4C + 4 * i))
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            sector_shift,
            first_directory_sector: u32_at(head, 0x30)?,
            fat_sectors: u32_at(head, 0x2C)?,
            difat,
        })
    }

    fn sector_len(&self) -> usize {
        1 << self.sector_shift
    }

    fn sector_offset(&self, sector: u32) -> u64 {
        (u64::from(sector) + 1) << self.sector_shift
    }
}

/// The directory entries, following the directory's sector chain for at most
/// [`MAX_DIRECTORY_SECTORS`] sectors.
fn directory<R: Read + Seek>(src: &mut Source<'_, R>, header: &Header) -> io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut sector = header.first_directory_sector;
    for _ in 0..MAX_DIRECTORY_SECTORS {
        if sector > LAST_REGULAR_SECTOR {
            break;
        }
        let data = src.read_at(header.sector_offset(sector), header.sector_len())?;
        if data.len() < header.sector_len() {
            break;
        }
        entries.extend(data.chunks_exact(ENTRY_LEN).map(parse_entry));
        match next_sector(src, header, sector)? {
            Some(next) => sector = next,
            None => break,
        }
    }
    Ok(entries)
}

/// The FAT entry of `sector`: the next sector of its chain.
fn next_sector<R: Read + Seek>(
    src: &mut Source<'_, R>,
    header: &Header,
    sector: u32,
) -> io::Result<Option<u32>> {
    let per_fat_sector = u32::try_from(header.sector_len() / 4).unwrap_or(u32::MAX);
    let index = sector / per_fat_sector;
    if index >= header.fat_sectors.min(HEADER_DIFAT_LEN) {
        return Ok(None);
    }
    let Some(&fat_sector) = header.difat.get(index as usize) else {
        return Ok(None);
    };
    if fat_sector > LAST_REGULAR_SECTOR {
        return Ok(None);
    }
    let at = header.sector_offset(fat_sector) + u64::from(sector % per_fat_sector) * 4;
    Ok(u32_at(&src.read_at(at, 4)?, 0))
}

fn parse_entry(raw: &[u8]) -> Entry {
    // The name is UTF-16LE; its length in bytes counts the terminating NUL.
    let name_bytes = u16_at(raw, 0x40).map_or(0, usize::from).min(64);
    let units = raw
        .get(..name_bytes.saturating_sub(2))
        .unwrap_or_default()
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]));
    let name = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let mut clsid = [0; 16];
    if let Some(bytes) = raw.get(0x50..0x60) {
        clsid.copy_from_slice(bytes);
    }
    Entry {
        name,
        left: u32_at(raw, 0x44).unwrap_or(NO_STREAM),
        right: u32_at(raw, 0x48).unwrap_or(NO_STREAM),
        child: u32_at(raw, 0x4C).unwrap_or(NO_STREAM),
        clsid,
    }
}
