//! `multipart/form-data` bodies whose file parts stream from disk, with an exact length.

use super::body::{BodyPlan, FileEncoding};

/// Builds a multipart body plan.
#[derive(Debug)]
pub struct MultipartBuilder {
    boundary: String,
    plan: BodyPlan,
}

impl Default for MultipartBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl MultipartBuilder {
    /// Starts a body with a fresh random boundary.
    #[must_use]
    pub fn new() -> Self {
        Self {
            boundary: format!("atsdrop-{}", uuid::Uuid::new_v4().simple()),
            plan: BodyPlan::new(),
        }
    }

    /// Adds a text field.
    pub fn text(&mut self, name: &str, value: &str) -> &mut Self {
        let head = format!(
            "--{}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n",
            self.boundary,
            escape(name)
        );
        self.plan
            .push_bytes(head)
            .push_bytes(value.to_owned())
            .push_bytes("\r\n");
        self
    }

    /// Adds a file part streamed from `path` (`len` bytes); `file_index` goes to progress.
    pub fn file(
        &mut self,
        name: &str,
        file_name: &str,
        content_type: &str,
        path: &std::path::Path,
        len: u64,
        file_index: usize,
    ) -> &mut Self {
        let head = format!(
            "--{}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
            self.boundary,
            escape(name),
            escape(file_name),
            content_type
        );
        self.plan
            .push_bytes(head)
            .push_file(path, len, FileEncoding::Raw, file_index)
            .push_bytes("\r\n");
        self
    }

    /// Adds an upload's file part (name, type, size and content check from `file`).
    pub fn upload_file(
        &mut self,
        field: &str,
        file: &super::UploadFile,
        file_index: usize,
    ) -> &mut Self {
        let head = format!(
            "--{}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
            self.boundary,
            escape(field),
            escape(&file.name),
            file.content_type
        );
        self.plan
            .push_bytes(head)
            .push_upload(file, FileEncoding::Raw, file_index)
            .push_bytes("\r\n");
        self
    }

    /// Closes the body: returns the `Content-Type` header value and the plan.
    #[must_use]
    pub fn finish(mut self) -> (String, BodyPlan) {
        self.plan.push_bytes(format!("--{}--\r\n", self.boundary));
        (
            format!("multipart/form-data; boundary={}", self.boundary),
            self.plan,
        )
    }
}

/// Escapes a name for a quoted `Content-Disposition` parameter the way browsers do.
fn escape(value: &str) -> String {
    value
        .replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}
