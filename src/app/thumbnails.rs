//! Small pictures of staged files — an image file itself, or a PDF's first page as the content
//! reader rendered it — decoded off the UI thread only when asked for (rows on screen, the
//! selected file's preview), and kept in a bounded cache. The table's thumbnails and the
//! preview are two caches of this kind, with their own edge.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::facts::ContentFacts;

use super::TaskResult;
use super::tasks::Tasks;

/// Edge of a table thumbnail, in pixels.
pub const EDGE: u32 = 48;
/// Width of the preview of the selected file, in pixels (its height is at most 1.5 times it).
pub const PREVIEW_EDGE: u32 = 320;
/// Larger images are not decoded for a thumbnail.
const MAX_BYTES: u64 = 24 * 1024 * 1024;
/// Decodes running at once.
const PARALLEL: usize = 2;

enum Thumb {
    Waiting,
    Loading,
    Ready(egui::TextureHandle),
    Unavailable,
}

/// What a picture is made from.
#[derive(Clone)]
pub enum Picture {
    /// An image file of this size.
    ImageFile(u64),
    /// The first page the content reader rendered.
    Page(Arc<ContentFacts>),
}

/// A cache of pictures of one edge.
pub struct Thumbnails {
    edge: u32,
    capacity: usize,
    cache: HashMap<PathBuf, Thumb>,
    order: VecDeque<PathBuf>,
    loading: usize,
    waiting: VecDeque<(PathBuf, Picture)>,
}

impl Default for Thumbnails {
    fn default() -> Self {
        Self::new(EDGE, 512)
    }
}

impl Thumbnails {
    /// A cache of pictures at most `edge` pixels wide and high, keeping `capacity` of them.
    #[must_use]
    pub fn new(edge: u32, capacity: usize) -> Self {
        Self {
            edge,
            capacity,
            cache: HashMap::new(),
            order: VecDeque::new(),
            loading: 0,
            waiting: VecDeque::new(),
        }
    }

    /// The edge of this cache's pictures (answers are routed by it).
    #[must_use]
    pub fn edge(&self) -> u32 {
        self.edge
    }

    /// The picture of `path` if ready; otherwise asks for it (decoded in the background).
    pub fn get(
        &mut self,
        tasks: &Tasks,
        path: &Path,
        picture: &Picture,
    ) -> Option<egui::TextureHandle> {
        match self.cache.get(path) {
            Some(Thumb::Ready(texture)) => return Some(texture.clone()),
            Some(_) => return None,
            None => {}
        }
        if matches!(picture, Picture::ImageFile(size) if *size > MAX_BYTES) {
            self.insert(path.to_owned(), Thumb::Unavailable);
            return None;
        }
        self.insert(path.to_owned(), Thumb::Waiting);
        self.waiting.push_back((path.to_owned(), picture.clone()));
        self.start(tasks);
        None
    }

    fn start(&mut self, tasks: &Tasks) {
        while self.loading < PARALLEL {
            let Some((path, picture)) = self.waiting.pop_front() else {
                break;
            };
            if !matches!(self.cache.get(&path), Some(Thumb::Waiting)) {
                continue;
            }
            self.cache.insert(path.clone(), Thumb::Loading);
            self.loading += 1;
            let fallback = path.clone();
            let edge = self.edge;
            tasks.spawn_blocking(
                move || {
                    let image = match picture {
                        Picture::ImageFile(_) => image::ImageReader::open(&path)
                            .ok()
                            .and_then(|r| decode(r, edge)),
                        Picture::Page(facts) => facts.preview_png.as_deref().and_then(|png| {
                            let reader = image::ImageReader::with_format(
                                std::io::Cursor::new(png),
                                image::ImageFormat::Png,
                            );
                            decode(reader, edge)
                        }),
                    };
                    TaskResult::Thumbnail { edge, path, image }
                },
                move || TaskResult::Thumbnail {
                    edge,
                    path: fallback,
                    image: None,
                },
            );
        }
    }

    /// A decode finished.
    pub fn loaded(
        &mut self,
        ctx: &egui::Context,
        tasks: &Tasks,
        path: PathBuf,
        image: Option<egui::ColorImage>,
    ) {
        self.loading = self.loading.saturating_sub(1);
        if self.cache.contains_key(&path) {
            let thumb = match image {
                Some(image) => Thumb::Ready(ctx.load_texture(
                    format!("{}@{}", path.to_string_lossy(), self.edge),
                    image,
                    egui::TextureOptions::LINEAR,
                )),
                None => Thumb::Unavailable,
            };
            self.cache.insert(path, thumb);
        }
        self.start(tasks);
    }

    /// Forgets the picture of `path` (its content changed: a new page was read).
    pub fn forget(&mut self, path: &Path) {
        if !matches!(self.cache.get(path), Some(Thumb::Loading)) {
            self.cache.remove(path);
        }
    }

    fn insert(&mut self, path: PathBuf, thumb: Thumb) {
        if self.cache.insert(path.clone(), thumb).is_none() {
            self.order.push_back(path);
        }
        while self.order.len() > self.capacity {
            if let Some(old) = self.order.pop_front() {
                if matches!(self.cache.get(&old), Some(Thumb::Loading)) {
                    self.order.push_back(old);
                    break;
                }
                self.cache.remove(&old);
            }
        }
    }
}

/// Decodes and shrinks an image to fit `edge` (any failure: no picture).
fn decode<R: std::io::BufRead + std::io::Seek>(
    reader: image::ImageReader<R>,
    edge: u32,
) -> Option<egui::ColorImage> {
    let mut reader = reader.with_guessed_format().ok()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    // A box of a page's proportions: portrait pages fill it.
    let small = reader
        .decode()
        .ok()?
        .thumbnail(edge, edge * 3 / 2)
        .to_rgba8();
    let size = [small.width() as usize, small.height() as usize];
    Some(egui::ColorImage::from_rgba_unmultiplied(
        size,
        small.as_raw(),
    ))
}
