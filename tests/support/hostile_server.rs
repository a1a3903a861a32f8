//! A small server that misbehaves on purpose: every request gets the same bad answer. For
//! testing that atsdrop's clients stay bounded, say one clear sentence, and never hang.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How the server answers.
#[derive(Clone, Debug)]
pub enum Misbehaviour {
    /// These exact bytes (status line, headers, body).
    Raw(Vec<u8>),
    /// A 200 with JSON content type and this body.
    Json(&'static str),
    /// A 200 claiming `bytes` of body in its Content-Length, then sending them (zeros).
    Huge { bytes: u64, announce: bool },
    /// A 200 whose body comes one byte every `every`.
    Drip { every: Duration },
}

/// A running misbehaving server.
pub struct Hostile {
    pub base_url: String,
    /// Requests received.
    pub requests: Arc<AtomicUsize>,
}

impl Hostile {
    /// Starts one on a free loopback port.
    pub async fn start(behaviour: Misbehaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}/api", listener.local_addr().unwrap());
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let behaviour = behaviour.clone();
                let counter = Arc::clone(&counter);
                tokio::spawn(async move {
                    let _ = serve(stream, behaviour, counter).await;
                });
            }
        });
        Self { base_url, requests }
    }
}

async fn serve(
    mut stream: TcpStream,
    behaviour: Misbehaviour,
    requests: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    loop {
        // The request head, then its body by Content-Length (discarded).
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            if stream.read(&mut byte).await? == 0 {
                return Ok(());
            }
            head.push(byte[0]);
        }
        requests.fetch_add(1, Ordering::SeqCst);
        let text = String::from_utf8_lossy(&head).to_ascii_lowercase();
        let length: u64 = text
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        let mut left = length;
        let mut buf = vec![0u8; 64 * 1024];
        while left > 0 {
            let want = usize::try_from(left.min(buf.len() as u64)).unwrap();
            let n = stream.read(&mut buf[..want]).await?;
            if n == 0 {
                return Ok(());
            }
            left -= n as u64;
        }
        match &behaviour {
            Misbehaviour::Raw(bytes) => stream.write_all(bytes).await?,
            Misbehaviour::Json(body) => {
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                );
                stream.write_all(answer.as_bytes()).await?;
            }
            Misbehaviour::Huge { bytes, announce } => {
                let head = if *announce {
                    format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {bytes}\r\n\r\n"
                    )
                } else {
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n"
                        .to_owned()
                };
                stream.write_all(head.as_bytes()).await?;
                let chunk = vec![b' '; 256 * 1024];
                let mut sent = 0u64;
                while sent < *bytes {
                    stream.write_all(&chunk).await?;
                    sent += chunk.len() as u64;
                }
                return Ok(());
            }
            Misbehaviour::Drip { every } => {
                stream
                    .write_all(
                        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n",
                    )
                    .await?;
                loop {
                    stream.write_all(b" ").await?;
                    tokio::time::sleep(*every).await;
                }
            }
        }
    }
}
