//! Binary formats by their magic bytes: programs (checked strictly), HEIC/HEIF by their brand,
//! and everything else `infer` knows.

use std::io::{self, Read, Seek};

use crate::model::FileKind;

use super::source::{Source, u32_at};

/// A Windows, Linux or macOS program, checked more strictly than `infer` does (it takes any
/// file starting with `MZ` for a Windows program — including a letter to "MZ Jansen").
pub(super) fn program<R: Read + Seek>(
    src: &mut Source<'_, R>,
    head: &[u8],
    is_text: bool,
) -> io::Result<Option<FileKind>> {
    if head.starts_with(b"\x7fELF") && matches!(head.get(4), Some(1 | 2)) {
        return Ok(Some(FileKind::LinuxProgram));
    }
    if head.starts_with(b"MZ") {
        // A PE program: `PE\0\0` at the offset stored at 0x3C.
        if let Some(pe_offset) = u32_at(head, 0x3C) {
            let pe_offset = u64::from(pe_offset);
            let signature = src.read_at(pe_offset, 4)?;
            if signature == b"PE\0\0" {
                return Ok(Some(FileKind::WindowsProgram));
            }
        }
        // A DOS program (or a damaged PE one): `MZ` followed by binary data.
        if !is_text {
            return Ok(Some(FileKind::WindowsProgram));
        }
    }
    Ok(None)
}

/// Brands of HEVC-coded (HEIC) images and sequences.
const HEIC: &[&[u8]] = &[b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"];
/// Brands of AV1-coded (AVIF) images.
const AVIF: &[&[u8]] = &[b"avif", b"avis"];

/// HEIC (iPhone photos) and HEIF by the ISO-BMFF `ftyp` brands; `infer` names both HEIF.
pub(super) fn iso_media(head: &[u8]) -> Option<FileKind> {
    if head.get(4..8)? != b"ftyp" {
        return None;
    }
    let major = head.get(8..12)?;
    let box_len = usize::try_from(u32::from_be_bytes(head.get(0..4)?.try_into().ok()?)).ok()?;
    // Compatible brands follow the minor version, up to the end of the box (or of the head).
    let end = box_len.min(head.len());
    let compatible: Vec<&[u8]> = head
        .get(16..end)
        .unwrap_or_default()
        .chunks_exact(4)
        .collect();
    let has = |brands: &[&[u8]]| compatible.iter().any(|b| brands.contains(b));
    if HEIC.contains(&major) {
        return Some(FileKind::Heic);
    }
    if major == b"mif1" || major == b"msf1" {
        return Some(if has(HEIC) {
            FileKind::Heic
        } else if has(AVIF) {
            FileKind::Other {
                mime: "image/avif".to_owned(),
            }
        } else {
            FileKind::Heif
        });
    }
    None
}

/// Formats `infer` recognises that may be pure ASCII text: only these are trusted when the
/// head is also readable text (a text starting with "BC" is not LLVM bitcode).
fn text_based(head: &[u8], mime: &str) -> bool {
    match mime {
        "application/pdf" => head.starts_with(b"%PDF-"),
        "application/rtf" => true,
        "application/postscript" => head.starts_with(b"%!PS"),
        _ => false,
    }
}

/// Everything else `infer` knows, by magic bytes. Its text matchers are skipped: text formats
/// are told apart by `super::text`.
pub(super) fn magic(head: &[u8], is_text: bool) -> Option<FileKind> {
    let found = infer::get(head)?;
    if found.matcher_type() == infer::MatcherType::Text {
        return None;
    }
    let mime = found.mime_type();
    if is_text && !text_based(head, mime) {
        return None;
    }
    Some(match mime {
        // `infer` names Embedded OpenType fonts `application/octet-stream`.
        "application/octet-stream" => FileKind::Other {
            mime: "application/vnd.ms-fontobject".to_owned(),
        },
        // ELF is recognised before `infer` is asked; what is left is a COFF object file, whose
        // 2-byte magic is too weak to call it a program.
        "application/x-executable" => FileKind::Other {
            mime: mime.to_owned(),
        },
        mime => FileKind::from_mime(mime),
    })
}
