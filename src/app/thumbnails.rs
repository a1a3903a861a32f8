//! Small thumbnails for image files in the staging table, decoded off the UI thread only for
//! rows on screen, and kept in a bounded cache.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

use super::TaskResult;
use super::tasks::Tasks;

/// Edge of a thumbnail, in pixels.
pub const EDGE: u32 = 48;
/// Larger images are not decoded for a thumbnail.
const MAX_BYTES: u64 = 24 * 1024 * 1024;
/// Thumbnails kept.
const CAPACITY: usize = 512;
/// Decodes running at once.
const PARALLEL: usize = 2;

enum Thumb {
    Waiting,
    Loading,
    Ready(egui::TextureHandle),
    Unavailable,
}

/// The thumbnail cache.
#[derive(Default)]
pub struct Thumbnails {
    cache: HashMap<PathBuf, Thumb>,
    order: VecDeque<PathBuf>,
    loading: usize,
    waiting: VecDeque<PathBuf>,
}

impl Thumbnails {
    /// The thumbnail of `path` if ready; otherwise asks for it (decoded in the background).
    pub fn get(&mut self, tasks: &Tasks, path: &Path, size: u64) -> Option<egui::TextureHandle> {
        match self.cache.get(path) {
            Some(Thumb::Ready(texture)) => return Some(texture.clone()),
            Some(_) => return None,
            None => {}
        }
        if size > MAX_BYTES {
            self.insert(path.to_owned(), Thumb::Unavailable);
            return None;
        }
        self.insert(path.to_owned(), Thumb::Waiting);
        self.waiting.push_back(path.to_owned());
        self.start(tasks);
        None
    }

    fn start(&mut self, tasks: &Tasks) {
        while self.loading < PARALLEL {
            let Some(path) = self.waiting.pop_front() else {
                break;
            };
            if !matches!(self.cache.get(&path), Some(Thumb::Waiting)) {
                continue;
            }
            self.cache.insert(path.clone(), Thumb::Loading);
            self.loading += 1;
            let fallback = path.clone();
            tasks.spawn_blocking(
                move || {
                    let image = decode(&path);
                    TaskResult::Thumbnail(path, image)
                },
                move || TaskResult::Thumbnail(fallback, None),
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
                    path.to_string_lossy(),
                    image,
                    egui::TextureOptions::LINEAR,
                )),
                None => Thumb::Unavailable,
            };
            self.cache.insert(path, thumb);
        }
        self.start(tasks);
    }

    fn insert(&mut self, path: PathBuf, thumb: Thumb) {
        if self.cache.insert(path.clone(), thumb).is_none() {
            self.order.push_back(path);
        }
        while self.order.len() > CAPACITY {
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

/// Decodes and shrinks an image file (any failure: no thumbnail).
fn decode(path: &Path) -> Option<egui::ColorImage> {
    let mut reader = image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let small = reader.decode().ok()?.thumbnail(EDGE, EDGE).to_rgba8();
    let size = [small.width() as usize, small.height() as usize];
    Some(egui::ColorImage::from_rgba_unmultiplied(
        size,
        small.as_raw(),
    ))
}
