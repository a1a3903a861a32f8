//! Inspection of real files: content sniffing over the fixture corpus, folder expansion, reading
//! only a file's head, sha256, and property tests that nothing panics.

use std::fs;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
#[cfg(unix)]
use std::os::unix::ffi::OsStrExt;
#[cfg(unix)]
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use atsdrop::inspect::{self, HEAD_LEN, SkipReason, Skipped, expand, sniff, sniff_reader};
use atsdrop::model::{
    FileKind, MIB, ProblemKind, ProviderId, StagedFile, ValidationReport, validate,
};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

use crate::support::fixtures::{self, Corpus, OleEntry};

#[test]
fn every_fixture_is_detected_as_its_kind() {
    let corpus = Corpus::new();
    for f in &corpus.fixtures {
        assert_eq!(sniff(&f.bytes), f.content, "sniff({})", f.name);
        let facts = inspect::inspect(&corpus.path(f.name));
        assert_eq!(facts.content, f.content, "inspect({})", f.name);
        assert_eq!(facts.name, f.name);
        assert_eq!(facts.size, f.bytes.len() as u64, "{}", f.name);
        assert!(facts.readable(), "{}: {:?}", f.name, facts.read_error);
        assert!(facts.modified.is_some());
    }
}

#[test]
fn extensions_are_read_and_disguises_are_mismatches() {
    let corpus = Corpus::new();
    let facts = |name: &str| inspect::inspect(&corpus.path(name));

    assert_eq!(facts("cv.docx").by_extension, Some(FileKind::Docx));
    assert_eq!(facts("readme.md").by_extension, Some(FileKind::Markdown));
    // Markdown can't be told from plain text by content: the extension refines it.
    assert_eq!(
        facts("readme.md").effective_kind(),
        Some(FileKind::Markdown)
    );
    assert_eq!(facts("readme.md").content_type(), "text/markdown");
    assert!(!facts("readme.md").mismatch());

    for disguised in [
        "resume.pdf",
        "elf-resume.pdf",
        "photo.pdf",
        "renamed-zip.docx",
    ] {
        assert!(facts(disguised).mismatch(), "{disguised}");
    }
    for honest in ["cv.pdf", "cv.docx", "old-cv.doc", "logo.svg", "grades.csv"] {
        assert!(!facts(honest).mismatch(), "{honest}");
    }
}

#[test]
fn office_files_are_told_apart_by_their_insides() {
    use FileKind as K;
    // OpenDocument flavours by the stored `mimetype` entry.
    let odf = |m: &str| sniff(&fixtures::odf(m));
    assert_eq!(
        odf("application/vnd.oasis.opendocument.spreadsheet"),
        Some(K::Ods)
    );
    assert_eq!(
        odf("application/vnd.oasis.opendocument.presentation"),
        Some(K::Odp)
    );
    assert_eq!(
        odf("application/epub+zip"),
        Some(K::Other {
            mime: "application/epub+zip".to_owned()
        })
    );
    // A zip comment moves the End Of Central Directory record away from the end.
    let commented = fixtures::zip_with_comment(
        &[
            ("[Content_Types].xml", b"<Types/>".as_slice()),
            ("word/document.xml", b"<w:document/>"),
        ],
        &[b'x'; 3000],
    );
    assert_eq!(sniff(&commented), Some(K::Docx));
    // `word/` alone, without `[Content_Types].xml`, is just a zip.
    assert_eq!(
        sniff(&fixtures::zip(&[("word/document.xml", b"x".as_slice())])),
        Some(K::Zip)
    );
    // An empty zip.
    assert_eq!(sniff(&fixtures::zip(&[])), Some(K::Zip));

    // OLE: by top-level stream names, even when the directory spans several sectors…
    let many: Vec<OleEntry> = ["S1", "S2", "S3", "S4", "S5", "S6", "S7"]
        .into_iter()
        .map(OleEntry::Stream)
        .chain([OleEntry::Stream("WordDocument")])
        .collect();
    assert_eq!(sniff(&fixtures::ole([0; 16], &many)), Some(K::Doc));
    // …not by streams of an embedded object (an Excel chart inside a Word document)…
    let embedded = fixtures::ole(
        [0; 16],
        &[
            OleEntry::Storage("ObjectPool", vec![OleEntry::Stream("Workbook")]),
            OleEntry::Stream("WordDocument"),
        ],
    );
    assert_eq!(sniff(&embedded), Some(K::Doc));
    // …by the root class id when the names say nothing…
    assert_eq!(
        sniff(&fixtures::ole(
            fixtures::EXCEL_CLSID,
            &[OleEntry::Stream("Data")]
        )),
        Some(K::Xls)
    );
    // …and a generic compound file otherwise.
    assert_eq!(
        sniff(&fixtures::ole(
            [0; 16],
            &[OleEntry::Stream("__substg1.0_0037001F")]
        )),
        Some(K::Other {
            mime: "application/x-ole-storage".to_owned()
        })
    );
}

#[test]
fn text_and_binary_edge_cases() {
    use FileKind as K;
    // A UTF-8 character cut by the 1 KiB boundary is still text.
    let mut long = "a".repeat(HEAD_LEN - 1).into_bytes();
    long.extend_from_slice("é and more".as_bytes());
    assert_eq!(sniff(&long), Some(K::PlainText));
    // UTF-16 with a byte-order mark.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Dear team".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(sniff(&utf16), Some(K::PlainText));
    // A letter to "MZ Jansen" is not a Windows program; "BC" is not LLVM bitcode.
    assert_eq!(sniff(b"MZ Jansen\nDear Sir,\n"), Some(K::PlainText));
    assert_eq!(sniff(b"BCC list: everyone\n"), Some(K::PlainText));
    // `MZ` followed by binary data is an old DOS program.
    assert_eq!(
        sniff(b"MZ\x90\x00\x03\x00\x00\x00"),
        Some(K::WindowsProgram)
    );
    // Binary garbage and nothing at all are unknown.
    assert_eq!(sniff(&[0x00, 0x9F, 0x01, 0x02, 0xFE, 0x00, 0x13]), None);
    assert_eq!(sniff(b""), None);
    // HEIC photos (iPhone) by their brand.
    let heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic";
    assert_eq!(sniff(heic), Some(K::Heic));
    let still_image = b"\x00\x00\x00\x14ftypmif1\x00\x00\x00\x00mif1";
    assert_eq!(sniff(still_image), Some(K::Heif));
}

/// A reader of a large virtual file (a PDF header, then zeros) that counts what is read.
struct CountingReader<R> {
    inner: R,
    bytes_read: u64,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes_read += n as u64;
        Ok(n)
    }
}

impl<R: Seek> Seek for CountingReader<R> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// An endless source of zeros after a header, seekable anywhere.
struct Virtual {
    head: Vec<u8>,
    pos: u64,
}

impl Read for Virtual {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(64 * 1024);
        for (i, b) in buf[..n].iter_mut().enumerate() {
            let at = usize::try_from(self.pos)
                .unwrap_or(usize::MAX)
                .saturating_add(i);
            *b = self.head.get(at).copied().unwrap_or(0);
        }
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Virtual {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        if let SeekFrom::Start(at) = pos {
            self.pos = at;
        }
        Ok(self.pos)
    }
}

#[test]
fn sniffing_reads_only_the_head_and_the_directories() {
    // A 2 GiB "PDF": only the head is read.
    let mut pdf = CountingReader {
        inner: Virtual {
            head: fixtures::pdf(),
            pos: 0,
        },
        bytes_read: 0,
    };
    assert_eq!(
        sniff_reader(&mut pdf, 2 << 30).unwrap(),
        Some(FileKind::Pdf)
    );
    assert!(pdf.bytes_read <= HEAD_LEN as u64, "{}", pdf.bytes_read);

    // A docx with a 4 MiB picture: head, end record and central directory only.
    let picture = vec![0x55_u8; 4 * 1024 * 1024];
    let docx = fixtures::zip(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("word/media/image1.png", &picture),
        ("word/document.xml", b"<w:document/>"),
    ]);
    let len = docx.len() as u64;
    let mut reader = CountingReader {
        inner: Cursor::new(docx),
        bytes_read: 0,
    };
    assert_eq!(
        sniff_reader(&mut reader, len).unwrap(),
        Some(FileKind::Docx)
    );
    assert!(reader.bytes_read < 4096, "{}", reader.bytes_read);

    // A .doc: header and directory sectors (plus FAT entries) only.
    let doc = fixtures::doc();
    let len = doc.len() as u64;
    let mut reader = CountingReader {
        inner: Cursor::new(doc),
        bytes_read: 0,
    };
    assert_eq!(sniff_reader(&mut reader, len).unwrap(), Some(FileKind::Doc));
    assert!(reader.bytes_read <= 1024 + 512 + 4, "{}", reader.bytes_read);
}

#[test]
fn inspecting_a_sparse_2_gib_file_is_instant() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixtures::sparse(dir.path(), "huge.pdf", &fixtures::pdf(), 2 << 30);
    let started = Instant::now();
    let facts = inspect::inspect(&path);
    let took = started.elapsed();
    assert_eq!(facts.size, 2 << 30);
    assert_eq!(facts.content, Some(FileKind::Pdf));
    assert!(took < Duration::from_millis(500), "took {took:?}");
}

#[test]
fn sha256_streams_the_whole_file() {
    let corpus = Corpus::new();
    for f in &corpus.fixtures {
        let expected: [u8; 32] = Sha256::digest(&f.bytes).into();
        assert_eq!(
            inspect::sha256(&corpus.path(f.name)).unwrap(),
            expected,
            "{}",
            f.name
        );
    }
    // More than one 64 KiB chunk, not a multiple of it.
    let bytes: Vec<u8> = (0..200_003_u32).map(|i| (i * 7 % 251) as u8).collect();
    let path = fixtures::write(corpus.dir.path(), "big.bin", &bytes);
    let digest = inspect::sha256(&path).unwrap();
    assert_eq!(digest, <[u8; 32]>::from(Sha256::digest(&bytes)));
    assert_eq!(
        inspect::to_hex(&digest),
        inspect::to_hex(&Sha256::digest(&bytes))
    );
    // The empty file's well-known digest.
    assert_eq!(
        inspect::to_hex(&inspect::sha256(&corpus.path("empty.pdf")).unwrap()),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    let missing = inspect::sha256(&corpus.path("nope.pdf")).unwrap_err();
    assert!(missing.to_string().contains("nope.pdf"), "{missing}");
}

#[test]
fn unreadable_paths_give_facts_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let missing = inspect::inspect(&dir.path().join("gone.pdf"));
    assert_eq!(missing.name, "gone.pdf");
    assert_eq!(missing.size, 0);
    assert_eq!(missing.read_error.as_deref(), Some("it doesn't exist"));
    assert_eq!(missing.by_extension, Some(FileKind::Pdf));

    let folder = inspect::inspect(dir.path());
    assert_eq!(folder.read_error.as_deref(), Some("it is a folder"));

    // A named pipe must not block inspection (opening it would wait for a writer).
    let pipe = dir.path().join("pipe.pdf");
    if std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .is_ok_and(|s| s.success())
    {
        let facts = inspect::inspect(&pipe);
        assert!(facts.read_error.unwrap().contains("not a regular file"));
    }
}

// ---------------------------------------------------------------------------------------------
// Folder expansion.

fn names(paths: &[PathBuf], root: &Path) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
        .collect()
}

fn reasons(skipped: &[Skipped], root: &Path) -> Vec<(String, SkipReason)> {
    skipped
        .iter()
        .map(|s| {
            let path = s.path.strip_prefix(root).unwrap_or(&s.path);
            (path.to_string_lossy().into_owned(), s.reason.clone())
        })
        .collect()
}

#[test]
fn folders_expand_recursively_in_order_without_junk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in [
        "b.pdf",
        "a.pdf",
        "sub/z.txt",
        "sub/deeper/y.txt",
        ".DS_Store",
        "Thumbs.db",
        "sub/desktop.ini",
        "~$cv.docx",
        "._a.pdf",
        "__MACOSX/._b.pdf",
        ".hidden-notes.txt",
    ] {
        fixtures::write(root, name, b"x");
    }
    let expansion = expand(&[root.to_path_buf()]);
    assert_eq!(
        names(&expansion.files, root),
        [
            ".hidden-notes.txt",
            "a.pdf",
            "b.pdf",
            "sub/deeper/y.txt",
            "sub/z.txt"
        ]
    );
    let skipped = reasons(&expansion.skipped, root);
    for junk in [
        ".DS_Store",
        "Thumbs.db",
        "sub/desktop.ini",
        "~$cv.docx",
        "._a.pdf",
        "__MACOSX",
    ] {
        assert!(
            skipped.contains(&(junk.to_owned(), SkipReason::Junk)),
            "{junk} in {skipped:?}"
        );
    }
    assert!(expansion.skipped.iter().all(|s| s.reason.is_expected()));

    // The same file given twice, and inside a folder also given, is listed once.
    let again = expand(&[root.join("a.pdf"), root.to_path_buf(), root.join("a.pdf")]);
    assert_eq!(
        again.files.iter().filter(|p| p.ends_with("a.pdf")).count(),
        1
    );
    assert!(
        again
            .skipped
            .iter()
            .any(|s| s.reason == SkipReason::Duplicate)
    );
}

#[test]
#[cfg(unix)]
fn expansion_reports_what_it_cannot_take() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fixtures::write(root, "ok.pdf", b"%PDF-1.4");
    // A link back to the folder itself, a link to itself, a dangling link.
    symlink(root, root.join("loop")).unwrap();
    symlink(root.join("self"), root.join("self")).unwrap();
    symlink(root.join("gone.pdf"), root.join("dangling.pdf")).unwrap();
    // A link to a file is followed.
    symlink(root.join("ok.pdf"), root.join("link.pdf")).unwrap();
    // A name that is not UTF-8.
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xE9.pdf");
    fs::write(root.join(latin1), b"%PDF-1.4").unwrap();

    let missing = root.join("missing.pdf");
    let expansion = expand(&[root.to_path_buf(), missing.clone()]);
    assert_eq!(names(&expansion.files, root), ["link.pdf"], "{expansion:?}");
    let skipped = reasons(&expansion.skipped, root);
    let expect = |name: &str, reason: SkipReason| {
        assert!(
            skipped.contains(&(name.to_owned(), reason.clone())),
            "{name}: {reason:?} not in {skipped:?}"
        );
    };
    expect("loop", SkipReason::SymlinkLoop);
    expect("self", SkipReason::SymlinkLoop);
    expect("dangling.pdf", SkipReason::BrokenLink);
    expect("caf\u{FFFD}.pdf", SkipReason::NonUtf8Name);
    expect("missing.pdf", SkipReason::NotFound);
    // ok.pdf was reached through link.pdf first.
    expect("ok.pdf", SkipReason::Duplicate);

    let non_utf8 = expansion
        .skipped
        .iter()
        .find(|s| s.reason == SkipReason::NonUtf8Name)
        .unwrap();
    assert!(non_utf8.message().contains("caf\u{FFFD}.pdf"));
    assert!(non_utf8.message().contains("rename it"));
    for s in &expansion.skipped {
        let file = s.path.file_name().unwrap().to_string_lossy();
        assert!(s.message().contains(&*file), "{}", s.message());
    }
}

#[test]
#[cfg(unix)]
fn an_unreadable_folder_is_reported_where_permissions_apply() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fixtures::write(&locked, "cv.pdf", b"%PDF-1.4");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // As root (CI containers), permission bits don't stop reading.
    let enforced = fs::read_dir(&locked).is_err();
    let expansion = expand(&[dir.path().to_path_buf()]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();

    if enforced {
        assert!(expansion.files.is_empty());
        assert_eq!(expansion.skipped.len(), 1);
        let skipped = &expansion.skipped[0];
        assert_eq!(
            skipped.reason,
            SkipReason::UnreadableFolder("permission denied".to_owned())
        );
        assert!(!skipped.reason.is_expected());
        assert!(skipped.message().contains("locked"));
    } else {
        assert_eq!(expansion.files, [locked.join("cv.pdf")]);
        assert!(expansion.skipped.is_empty());
    }
}

#[test]
#[cfg(unix)]
fn devices_are_not_files() {
    let expansion = expand(&[PathBuf::from("/dev/null")]);
    assert!(expansion.files.is_empty());
    assert_eq!(expansion.skipped[0].reason, SkipReason::NotARegularFile);
}

// ---------------------------------------------------------------------------------------------
// Inspection + validation over real files.

fn check(provider: ProviderId, wire: &str, paths: &[PathBuf]) -> ValidationReport {
    let profile = provider.profile();
    let ty = profile.attachment_type(wire).unwrap();
    let staged: Vec<StagedFile> = paths
        .iter()
        .map(|p| StagedFile {
            facts: inspect::inspect(p),
            attachment_type: ty,
            content: atsdrop::model::ContentCheck::default(),
        })
        .collect();
    validate(profile, &profile.limits(), &staged)
}

#[test]
fn files_at_each_size_limit_pass_and_one_byte_more_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for provider in ProviderId::ALL {
        let profile = provider.profile();
        let limit = profile.max_file_bytes.value;
        let at = fixtures::sparse(
            dir.path(),
            &format!("{provider}-at.pdf"),
            &fixtures::pdf(),
            limit,
        );
        let over = fixtures::sparse(
            dir.path(),
            &format!("{provider}-over.pdf"),
            &fixtures::pdf(),
            limit + 1,
        );
        let report = check(provider, profile.types[0].wire, &[at, over]);
        assert!(report.files[0].ok(), "{provider}: {:?}", report.files[0]);
        let problems = &report.files[1].problems;
        assert_eq!(problems.len(), 1, "{provider}: {problems:?}");
        assert_eq!(problems[0].kind, ProblemKind::TooLarge);
        assert!(
            problems[0]
                .message
                .starts_with(&format!("{provider}-over.pdf is just over the ")),
            "{}",
            problems[0].message
        );
    }
    assert!(5 * MIB < ProviderId::Spott.profile().max_file_bytes.value);
}

#[test]
fn the_corpus_against_spott() {
    let corpus = Corpus::new();
    let all: Vec<PathBuf> = corpus
        .fixtures
        .iter()
        .map(|f| corpus.path(f.name))
        .collect();
    let report = check(ProviderId::Spott, "CV", &all);
    let verdict = |name: &str| {
        let i = corpus.fixtures.iter().position(|f| f.name == name).unwrap();
        report.files[i]
            .problems
            .iter()
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
    };
    for ok in [
        "cv.pdf",
        "cv.docx",
        "grades.xlsx",
        "old-cv.doc",
        "photo.png",
        "photo.jpg",
        "anim.gif",
        "photo.webp",
        "logo.svg",
    ] {
        assert_eq!(verdict(ok), Vec::<String>::new(), "{ok}");
    }
    assert_eq!(
        verdict("resume.pdf"),
        [
            "resume.pdf is a Windows program, not a PDF: don't send it, and ask the candidate for the real document."
        ]
    );
    assert_eq!(
        verdict("photo.pdf"),
        ["photo.pdf is a PNG image, not a PDF: rename it to .png."]
    );
    assert!(
        verdict("notes.txt")[0]
            .starts_with("notes.txt is a plain text file, which Spott doesn't accept")
    );
    assert!(
        verdict("renamed-zip.docx")[0]
            .starts_with("renamed-zip.docx is a ZIP archive, not a Word document")
    );
    assert_eq!(
        verdict("empty.pdf"),
        ["empty.pdf is empty (0 bytes): pick the finished file instead."]
    );
}

// ---------------------------------------------------------------------------------------------
// Properties.

/// Real files of every structured kind, to damage.
fn structured() -> Vec<Vec<u8>> {
    vec![
        fixtures::docx(),
        fixtures::odt(),
        fixtures::doc(),
        fixtures::xls(),
        fixtures::png(),
        fixtures::jpeg(),
        fixtures::pe(),
        fixtures::elf(),
        fixtures::pdf(),
        fixtures::svg(),
        fixtures::zip_with_comment(&[("a", b"b".as_slice())], b"comment"),
        b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic".to_vec(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sniff_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = sniff(&bytes);
    }

    #[test]
    fn sniff_never_panics_on_damaged_real_files(
        which in 0..12_usize,
        cut in any::<prop::sample::Index>(),
        damage in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24),
    ) {
        let mut bytes = structured()[which].clone();
        for (at, byte) in damage {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let keep = cut.index(bytes.len() + 1);
        bytes.truncate(keep.max(1));
        let _ = sniff(&bytes);
    }

    #[test]
    fn inspect_and_validate_never_panic_and_name_every_file(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        name in "[A-Za-z0-9_][A-Za-z0-9 _.-]{0,30}(\\.(pdf|docx|txt|md|png|csv|json|exe|zip))?",
        provider in 0..5_usize,
        type_index in any::<prop::sample::Index>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = fixtures::write(dir.path(), &name, &bytes);
        let facts = inspect::inspect(&path);
        prop_assert_eq!(&facts.name, &name);
        prop_assert!(facts.readable());
        prop_assert_eq!(facts.size, bytes.len() as u64);
        prop_assert_eq!(&facts.content, &sniff(&bytes));
        if facts.content.is_some() {
            prop_assert_ne!(facts.content_type(), "application/octet-stream");
        }

        let profile = ProviderId::ALL[provider].profile();
        let ty = &profile.types[type_index.index(profile.types.len())];
        let report = validate(profile, &profile.limits(), &[StagedFile { facts, attachment_type: ty, content: atsdrop::model::ContentCheck::default() }]);
        prop_assert_eq!(report.files.len(), 1);
        for problem in &report.files[0].problems {
            prop_assert!(problem.message.contains(&name), "{}", problem.message);
        }
        prop_assert_eq!(report.files[0].ok(), report.ok());
    }
}

/// Issue 11: a folder with a Latin-1 byte in its name used to pass (only the file's own name
/// was checked) and then broke the journal for the whole batch. Such a file is refused alone,
/// with a sentence; the others go on.
#[cfg(unix)]
#[test]
fn a_file_in_a_folder_whose_name_is_not_utf8_is_refused_alone() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let latin = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"Bewerbungen M\xfcller"));
    std::fs::create_dir(&latin).unwrap();
    std::fs::write(latin.join("cv.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    std::fs::write(dir.path().join("letter.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    let found = atsdrop::inspect::expand(&[dir.path().to_owned()]);
    assert_eq!(found.files, [dir.path().join("letter.pdf")]);
    assert_eq!(found.skipped.len(), 1, "{:?}", found.skipped);
    assert_eq!(
        found.skipped[0].reason,
        atsdrop::inspect::SkipReason::NonUtf8Name
    );
    assert!(found.skipped[0].message().contains("not valid UTF-8"));
}

/// Issue 11: a folder search stops at a limit with a sentence, and when cancelled.
#[test]
fn a_folder_search_stops_at_its_limit_and_when_cancelled() {
    use std::sync::atomic::AtomicBool;
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        std::fs::write(dir.path().join(format!("cv-{i:02}.pdf")), b"%PDF-1.4\n").unwrap();
    }
    let paths = [dir.path().to_owned()];
    let capped = atsdrop::inspect::expand_until(&paths, 10, &AtomicBool::new(false));
    assert_eq!(capped.files.len(), 10);
    let stop = capped
        .skipped
        .iter()
        .find(|s| matches!(s.reason, atsdrop::inspect::SkipReason::TooMany(10)))
        .expect("says where it stopped");
    assert!(!stop.reason.is_expected());
    assert!(
        stop.message().contains("more than 10"),
        "{}",
        stop.message()
    );
    let cancelled = atsdrop::inspect::expand_until(&paths, 1000, &AtomicBool::new(true));
    assert!(cancelled.files.is_empty());
    assert!(
        cancelled
            .skipped
            .iter()
            .any(|s| s.reason == atsdrop::inspect::SkipReason::Cancelled)
    );
    assert_eq!(atsdrop::inspect::expand(&paths).files.len(), 30);
    assert_eq!(atsdrop::inspect::MAX_ENTRIES, 100_000);
}
