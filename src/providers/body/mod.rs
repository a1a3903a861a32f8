//! Request bodies streamed from disk with an exact length — multipart and base64 JSON alike.
//!
//! A [`BodyPlan`] lists the body's segments (literal bytes, and files sent raw or as base64);
//! it knows the exact encoded length up front, so the request carries a `Content-Length` and
//! is never chunked. [`StreamingBody`] reads each file in fixed-size chunks while the connection
//! takes them, so memory use does not grow with file size.

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use base64::Engine as _;
use bytes::{Bytes, BytesMut};
use http_body::{Frame, SizeHint};

mod file_read;
mod tracker;

use file_read::{Reader, encode_base64_chunk};
pub use tracker::BodyTracker;

/// Bytes read from a file at once: large enough that hops to tokio's blocking pool are rare,
/// small enough that peak memory stays flat in file size (1.5 MiB reads took it from 18 to
/// 33 MiB with 50 MiB files, see BENCHMARKS.md); a multiple of 3, so base64 needs no carry-over
/// when reads are full.
const CHUNK: usize = 3 * 128 * 1024;

/// Bytes handed to the connection at once, at first and at least: small, so that progress
/// (and the stall watchdog, which watches it) moves every few seconds even on a very slow link.
const FRAME: usize = 64 * 1024;

/// A connection that takes a frame sooner than this gets frames twice as large (up to a whole
/// read): per-frame costs add up on fast links.
const FRAME_FAST: Duration = Duration::from_millis(20);

/// A connection slower than this per frame gets frames half as large (down to [`FRAME`]).
const FRAME_SLOW: Duration = Duration::from_millis(500);

/// Called as a file's bytes are handed to the connection: `(file_index, bytes_of_that_file_sent)`.
pub type ProgressFn = Arc<dyn Fn(usize, u64) + Send + Sync>;

/// A progress callback that ignores progress.
#[must_use]
pub fn no_progress() -> ProgressFn {
    Arc::new(|_, _| {})
}

/// How a file's bytes appear in the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileEncoding {
    /// The bytes as they are (multipart file parts).
    Raw,
    /// Standard base64 with padding (JSON `data` fields, data URIs).
    Base64,
}

/// One piece of a body.
#[derive(Clone, Debug)]
enum Segment {
    Bytes(Bytes),
    File(FileSegment),
}

#[derive(Clone, Debug)]
struct FileSegment {
    path: PathBuf,
    len: u64,
    encoding: FileEncoding,
    file_index: usize,
    expected_fingerprint: Option<u128>,
}

impl FileSegment {
    fn encoded_len(&self) -> u64 {
        match self.encoding {
            FileEncoding::Raw => self.len,
            FileEncoding::Base64 => self.len.div_ceil(3) * 4,
        }
    }
}

/// The recipe for a request body. Cheap to clone, so a retry can rebuild the body.
#[derive(Clone, Debug, Default)]
pub struct BodyPlan {
    segments: Vec<Segment>,
}

impl BodyPlan {
    /// An empty plan.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends literal bytes.
    pub fn push_bytes(&mut self, bytes: impl Into<Bytes>) -> &mut Self {
        let bytes = bytes.into();
        if !bytes.is_empty() {
            self.segments.push(Segment::Bytes(bytes));
        }
        self
    }

    /// Appends a file of `len` bytes, streamed from `path` as `encoding`. `file_index` is
    /// reported to the progress callback.
    pub fn push_file(
        &mut self,
        path: impl Into<PathBuf>,
        len: u64,
        encoding: FileEncoding,
        file_index: usize,
    ) -> &mut Self {
        self.segments.push(Segment::File(FileSegment {
            path: path.into(),
            len,
            encoding,
            file_index,
            expected_fingerprint: None,
        }));
        self
    }

    /// Appends an upload's file: like [`BodyPlan::push_file`] with the file's recorded size, and
    /// checking its content against the recorded fingerprint while it streams.
    pub fn push_upload(
        &mut self,
        file: &super::UploadFile,
        encoding: FileEncoding,
        file_index: usize,
    ) -> &mut Self {
        self.segments.push(Segment::File(FileSegment {
            path: file.path.clone(),
            len: file.size,
            encoding,
            file_index,
            expected_fingerprint: file.fingerprint,
        }));
        self
    }

    /// The exact number of bytes the body will have.
    #[must_use]
    pub fn content_length(&self) -> u64 {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Bytes(b) => b.len() as u64,
                Segment::File(f) => f.encoded_len(),
            })
            .sum()
    }

    /// Turns the plan into a streaming body reporting to `progress` and `tracker`.
    #[must_use]
    pub fn into_body(self, progress: ProgressFn, tracker: Arc<BodyTracker>) -> StreamingBody {
        let remaining = self.content_length();
        StreamingBody {
            segments: self.segments.into(),
            current: None,
            opening: None,
            remaining,
            progress,
            tracker,
        }
    }
}

/// An `http_body::Body` that streams a [`BodyPlan`] with an exact size hint.
pub struct StreamingBody {
    segments: VecDeque<Segment>,
    current: Option<OpenFile>,
    /// A file being opened on the blocking pool: opening can block (a FIFO, a hung network
    /// share), and must never stall the async threads other uploads run on.
    opening: Option<(PathBuf, tokio::task::JoinHandle<Result<OpenFile, String>>)>,
    remaining: u64,
    progress: ProgressFn,
    tracker: Arc<BodyTracker>,
}

struct OpenFile {
    segment: FileSegment,
    reader: Reader,
    meta: std::fs::File,
    read: u64,
    carry: Vec<u8>,
    /// Base64 output, reused the same way.
    encode_buffer: BytesMut,
    /// Read (and encoded) but not yet handed to the connection.
    pending: Bytes,
    /// The size of the next frame, following the connection's pace.
    frame: usize,
    /// When the last frame was handed over (tokio's clock, so tests can pace it).
    last_frame: Option<tokio::time::Instant>,
    hasher: Option<Box<xxhash_rust::xxh3::Xxh3>>,
}

impl OpenFile {
    /// Bytes of the file handed to the connection so far.
    fn file_bytes_sent(&self) -> u64 {
        let pending = self.pending.len() as u64;
        let pending_in_file = match self.segment.encoding {
            FileEncoding::Raw => pending,
            FileEncoding::Base64 => pending / 4 * 3,
        };
        self.read
            .saturating_sub(self.carry.len() as u64)
            .saturating_sub(pending_in_file)
    }

    /// Sizes the next frame by how quickly the connection took the last one.
    fn pace(&mut self) {
        let now = tokio::time::Instant::now();
        if let Some(last) = self.last_frame {
            let took = now.duration_since(last);
            if took < FRAME_FAST {
                self.frame = (self.frame * 2).min(CHUNK);
            } else if took > FRAME_SLOW {
                self.frame = (self.frame / 2).max(FRAME);
            }
        }
        self.last_frame = Some(now);
    }

    /// Whether every byte of the file has been handed to the connection.
    fn finished(&self) -> bool {
        self.read == self.segment.len && self.carry.is_empty() && self.pending.is_empty()
    }
}

impl StreamingBody {
    fn emit(&mut self, bytes: Bytes) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let n = bytes.len() as u64;
        self.remaining = self.remaining.saturating_sub(n);
        self.tracker.touch(n);
        if self.remaining == 0 {
            self.tracker.mark_complete();
        }
        Poll::Ready(Some(Ok(Frame::data(bytes))))
    }

    fn fail(
        &mut self,
        path: PathBuf,
        reason: String,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        self.tracker.fail_file(path, reason.clone());
        self.segments.clear();
        self.current = None;
        Poll::Ready(Some(Err(io::Error::other(reason))))
    }

    fn open(segment: FileSegment) -> Result<OpenFile, String> {
        let file = std::fs::File::open(&segment.path).map_err(|e| io_phrase(&e))?;
        let len = file.metadata().map_err(|e| io_phrase(&e))?.len();
        if len != segment.len {
            return Err(format!(
                "it changed since it was checked (now {len} bytes, was {})",
                segment.len
            ));
        }
        let meta = file.try_clone().map_err(|e| io_phrase(&e))?;
        let hasher = segment
            .expected_fingerprint
            .map(|_| Box::new(xxhash_rust::xxh3::Xxh3::new()));
        Ok(OpenFile {
            segment,
            reader: Reader::Idle(file, BytesMut::new()),
            meta,
            read: 0,
            carry: Vec::new(),
            encode_buffer: BytesMut::new(),
            pending: Bytes::new(),
            frame: FRAME,
            last_frame: None,
            hasher,
        })
    }
}

/// What a file segment produced on one poll.
enum Step {
    Data(Bytes),
    Done,
    Failed(String),
}

fn poll_file(open: &mut OpenFile, cx: &mut Context<'_>, progress: &ProgressFn) -> Poll<Step> {
    loop {
        if !open.pending.is_empty() {
            open.pace();
            let frame = open.pending.split_to(open.pending.len().min(open.frame));
            progress(open.segment.file_index, open.file_bytes_sent());
            return Poll::Ready(Step::Data(frame));
        }
        let left = open.segment.len - open.read;
        if left == 0 {
            if open.carry.is_empty() {
                return Poll::Ready(Step::Done);
            }
            let tail = base64::engine::general_purpose::STANDARD.encode(&open.carry);
            open.carry.clear();
            progress(open.segment.file_index, open.read);
            return Poll::Ready(Step::Data(Bytes::from(tail)));
        }
        let want = usize::try_from(left).map_or(CHUNK, |l| l.min(CHUNK));
        let chunk = match open.reader.poll_read(want, cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(Err(e)) => return Poll::Ready(Step::Failed(io_phrase(&e))),
            Poll::Ready(Ok(chunk)) => chunk,
        };
        if chunk.is_empty() {
            return Poll::Ready(Step::Failed(
                "it got shorter while it was being sent".to_owned(),
            ));
        }
        open.read += chunk.len() as u64;
        if let Some(hasher) = open.hasher.as_mut() {
            hasher.update(&chunk);
        }
        if open.read == open.segment.len
            && let (Some(hasher), Some(expected)) =
                (open.hasher.take(), open.segment.expected_fingerprint)
            && hasher.digest128() != expected
        {
            // Before the last bytes go out: the content must be what was checked.
            return Poll::Ready(Step::Failed("it changed after it was checked".to_owned()));
        }
        if open.read == open.segment.len {
            // Before the last bytes go out: the file must still have the length we announced.
            match open.meta.metadata() {
                Ok(m) if m.len() == open.segment.len => {}
                Ok(_) => {
                    return Poll::Ready(Step::Failed(
                        "it changed while it was being sent".to_owned(),
                    ));
                }
                Err(e) => return Poll::Ready(Step::Failed(io_phrase(&e))),
            }
        }
        match open.segment.encoding {
            FileEncoding::Raw => open.pending = chunk.freeze(),
            FileEncoding::Base64 => {
                let Some(encoded) =
                    encode_base64_chunk(&mut open.carry, &chunk, &mut open.encode_buffer)
                else {
                    return Poll::Ready(Step::Failed("it could not be encoded".to_owned()));
                };
                if !encoded.is_empty() {
                    open.pending = encoded;
                }
            }
        }
    }
}

impl http_body::Body for StreamingBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = &mut *self;
        if this.tracker.abandoned() {
            this.segments.clear();
            this.current = None;
            return Poll::Ready(Some(Err(io::Error::other("the upload was abandoned"))));
        }
        loop {
            if let Some((path, task)) = this.opening.as_mut() {
                let opened = match Pin::new(task).poll(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(Ok(opened)) => opened,
                    Poll::Ready(Err(e)) => Err(format!("it could not be opened ({e})")),
                };
                let path = path.clone();
                this.opening = None;
                match opened {
                    Ok(open) => this.current = Some(open),
                    Err(reason) => return this.fail(path, reason),
                }
            }
            if let Some(open) = this.current.as_mut() {
                match poll_file(open, cx, &this.progress) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(Step::Data(bytes)) => {
                        if open.finished() {
                            this.current = None;
                        }
                        return this.emit(bytes);
                    }
                    Poll::Ready(Step::Done) => {
                        this.current = None;
                        if this.segments.is_empty() {
                            this.tracker.mark_complete();
                            return Poll::Ready(None);
                        }
                    }
                    Poll::Ready(Step::Failed(reason)) => {
                        let path = open.segment.path.clone();
                        return this.fail(path, reason);
                    }
                }
                continue;
            }
            match this.segments.pop_front() {
                None => {
                    this.tracker.mark_complete();
                    return Poll::Ready(None);
                }
                Some(Segment::Bytes(bytes)) => return this.emit(bytes),
                Some(Segment::File(segment)) => {
                    let path = segment.path.clone();
                    let task = tokio::task::spawn_blocking(move || Self::open(segment));
                    this.opening = Some((path, task));
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.remaining == 0
            && self.current.is_none()
            && self.opening.is_none()
            && self.segments.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.remaining)
    }
}

/// A phrase for an I/O error that reads well after "could not be sent: ".
fn io_phrase(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "it no longer exists".to_owned(),
        io::ErrorKind::PermissionDenied => "atsdrop may not read it".to_owned(),
        _ => format!("reading it failed ({e})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;
    use std::io::Write;
    use std::sync::Mutex;

    async fn collect(plan: BodyPlan) -> Result<Vec<u8>, io::Error> {
        let body = plan.into_body(no_progress(), BodyTracker::new());
        Ok(body.collect().await?.to_bytes().to_vec())
    }

    fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    #[tokio::test]
    async fn raw_and_base64_match_their_declared_length() {
        for len in [
            0usize,
            1,
            2,
            3,
            4,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            3 * CHUNK + 2,
        ] {
            let data: Vec<u8> = (0..len)
                .map(|i| u8::try_from(i * 7 % 251).unwrap())
                .collect();
            let file = temp_file(&data);
            let mut plan = BodyPlan::new();
            plan.push_bytes("{\"data\":\"")
                .push_file(file.path(), len as u64, FileEncoding::Base64, 0)
                .push_bytes("\"}")
                .push_file(file.path(), len as u64, FileEncoding::Raw, 1);
            let declared = plan.content_length();
            let out = collect(plan).await.unwrap();
            assert_eq!(out.len() as u64, declared, "len {len}");
            let b64 = base64::engine::general_purpose::STANDARD.encode(&data);
            let mut expected = format!("{{\"data\":\"{b64}\"}}").into_bytes();
            expected.extend_from_slice(&data);
            assert_eq!(out, expected, "len {len}");
        }
    }

    #[tokio::test]
    async fn a_file_that_changed_size_fails_with_a_reason() {
        let file = temp_file(b"hello world");
        let mut plan = BodyPlan::new();
        plan.push_file(file.path(), 5, FileEncoding::Raw, 0);
        let tracker = BodyTracker::new();
        let body = plan.into_body(no_progress(), tracker.clone());
        assert!(body.collect().await.is_err());
        let (_, reason) = tracker.file_error().unwrap();
        assert!(reason.contains("changed"), "{reason}");
        assert!(!tracker.complete());
    }

    #[tokio::test]
    async fn content_that_differs_from_the_recorded_fingerprint_never_completes() {
        let data = vec![7u8; CHUNK * 2 + 5];
        let file = temp_file(&data);
        let good = xxhash_rust::xxh3::xxh3_128(&data);
        let upload = |fingerprint: u128| crate::providers::UploadFile {
            path: file.path().to_owned(),
            name: "cv.pdf".into(),
            content_type: "application/pdf".into(),
            size: data.len() as u64,
            attachment_type: "CV".into(),
            key: "k".into(),
            remote_id: None,
            fingerprint: Some(fingerprint),
        };
        for encoding in [FileEncoding::Raw, FileEncoding::Base64] {
            let mut plan = BodyPlan::new();
            plan.push_upload(&upload(good), encoding, 0);
            assert!(
                collect(plan).await.is_ok(),
                "{encoding:?}: the recorded content passes"
            );
            let mut plan = BodyPlan::new();
            plan.push_upload(&upload(good ^ 1), encoding, 0);
            let tracker = BodyTracker::new();
            let declared = plan.content_length();
            let result = plan
                .into_body(no_progress(), tracker.clone())
                .collect()
                .await;
            assert!(result.is_err(), "{encoding:?}");
            assert!(
                tracker.sent() < declared,
                "{encoding:?}: the last chunk never left"
            );
            assert!(!tracker.complete());
            assert_eq!(
                tracker.file_error().unwrap().1,
                "it changed after it was checked"
            );
        }
    }

    #[tokio::test]
    async fn reports_progress_per_file_and_completion() {
        let data = vec![1u8; CHUNK * 2 + 10];
        let file = temp_file(&data);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let progress: ProgressFn = Arc::new(move |i, n| sink.lock().unwrap().push((i, n)));
        let mut plan = BodyPlan::new();
        plan.push_file(file.path(), data.len() as u64, FileEncoding::Raw, 3);
        let tracker = BodyTracker::new();
        let out = plan
            .into_body(progress, tracker.clone())
            .collect()
            .await
            .unwrap()
            .to_bytes();
        assert_eq!(out.len(), data.len());
        let seen = seen.lock().unwrap();
        assert_eq!(seen.last(), Some(&(3, data.len() as u64)));
        assert!(seen.windows(2).all(|w| w[0].1 < w[1].1));
        // Progress moves a frame at a time, however large the reads.
        assert!(seen[0].1 <= FRAME as u64);
        assert!(seen.windows(2).all(|w| w[1].1 - w[0].1 <= CHUNK as u64));
        assert!(tracker.complete());
        assert_eq!(tracker.sent(), data.len() as u64);
    }

    /// The sizes of the frames a body hands over when each is taken `pace` after the last.
    async fn frame_sizes(data: &[u8], pace: std::time::Duration) -> Vec<usize> {
        let file = temp_file(data);
        let mut plan = BodyPlan::new();
        plan.push_file(file.path(), data.len() as u64, FileEncoding::Raw, 0);
        let mut body = plan.into_body(no_progress(), BodyTracker::new());
        let mut sizes = Vec::new();
        while let Some(frame) = body.frame().await {
            sizes.push(frame.unwrap().into_data().unwrap().len());
            tokio::time::advance(pace).await;
        }
        sizes
    }

    #[tokio::test(start_paused = true)]
    async fn frames_grow_on_a_fast_connection_and_stay_small_on_a_slow_one() {
        let data = vec![5u8; CHUNK * 3];
        let fast = frame_sizes(&data, std::time::Duration::ZERO).await;
        assert_eq!(fast[0], FRAME);
        assert_eq!(fast.iter().max(), Some(&CHUNK), "{fast:?}");
        assert!(fast.len() < 20, "{fast:?}");
        let slow = frame_sizes(&data, FRAME_SLOW * 2).await;
        assert!(slow.iter().all(|&n| n == FRAME), "{slow:?}");
        assert_eq!(slow.len(), CHUNK * 3 / FRAME);
        // Between the two: the size holds.
        let steady = frame_sizes(&data, FRAME_FAST * 2).await;
        assert!(steady.iter().all(|&n| n == FRAME), "{steady:?}");
    }

    #[tokio::test]
    async fn base64_progress_counts_file_bytes_up_to_the_whole_file() {
        let data = vec![9u8; CHUNK + 7];
        let file = temp_file(&data);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let progress: ProgressFn = Arc::new(move |_, n| sink.lock().unwrap().push(n));
        let mut plan = BodyPlan::new();
        plan.push_file(file.path(), data.len() as u64, FileEncoding::Base64, 0);
        let out = plan
            .into_body(progress, BodyTracker::new())
            .collect()
            .await
            .unwrap()
            .to_bytes();
        assert_eq!(out.len() as u64, (data.len() as u64).div_ceil(3) * 4);
        let seen = seen.lock().unwrap();
        assert_eq!(seen.last(), Some(&(data.len() as u64)));
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    }

    /// Opening a file that blocks (a FIFO without a writer, a hung network share) must not
    /// stall the async thread: on a single-threaded runtime a timer still fires meanwhile.
    #[cfg(unix)]
    #[tokio::test]
    async fn opening_a_file_that_blocks_does_not_stall_the_runtime() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("cv.pdf");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let mut plan = BodyPlan::new();
        plan.push_upload(
            &crate::providers::UploadFile {
                path: fifo.clone(),
                name: "cv.pdf".into(),
                content_type: "application/pdf".into(),
                size: 3,
                attachment_type: "CV".into(),
                key: "k".into(),
                remote_id: None,
                fingerprint: None,
            },
            FileEncoding::Raw,
            0,
        );
        let reading = tokio::spawn(collect(plan));
        let started = tokio::time::Instant::now();
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert!(!reading.is_finished(), "still waiting for a writer");
        // Let the blocked open finish, so the runtime can shut down: a pipe is no file of a
        // known size, so the body then fails with a sentence.
        let _ = std::fs::write(&fifo, b"abc");
        let failed = reading.await.unwrap().unwrap_err();
        assert!(failed.to_string().contains("changed"), "{failed}");
    }
}
