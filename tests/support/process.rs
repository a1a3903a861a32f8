//! Runs the real `atsdrop` binary: a sandbox in the background, commands against it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_atsdrop")
}

/// A running `atsdrop sandbox`; killed when dropped.
pub struct Sandbox {
    child: Child,
    /// `atsdrop sandbox --json`'s object.
    pub accounts: Value,
}

impl Sandbox {
    /// Starts `atsdrop sandbox --json --port 0` with extra arguments.
    pub fn start(extra: &[&str]) -> Self {
        let mut child = Command::new(bin())
            .args(["sandbox", "--json", "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("sandbox starts");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let accounts: Value = serde_json::from_str(&line).expect("one JSON line");
        Self { child, accounts }
    }

    /// A system's base URL.
    pub fn base_url(&self, provider: &str) -> String {
        self.accounts[provider]["base_url"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// `http://127.0.0.1:PORT`.
    pub fn root(&self) -> String {
        let spott = self.base_url("spott");
        spott.trim_end_matches("/spott").to_owned()
    }

    /// The sha256 of every attachment a candidate has, via the admin API.
    pub fn stored(&self, provider: &str, candidate: &str) -> Vec<String> {
        let path = format!("/_emulator/attachments?provider={provider}&candidate={candidate}");
        let list: Vec<Value> = serde_json::from_slice(&self.get(&path)).expect("JSON list");
        list.iter()
            .map(|a| a["sha256"].as_str().unwrap().to_owned())
            .collect()
    }

    /// The sha256 of every attachment a candidate has in one tenant.
    pub fn stored_in(&self, provider: &str, candidate: &str, tenant: &str) -> Vec<String> {
        let path = format!(
            "/_emulator/attachments?provider={provider}&candidate={candidate}&tenant={tenant}"
        );
        let list: Vec<Value> = serde_json::from_slice(&self.get(&path)).expect("JSON list");
        list.iter()
            .map(|a| a["sha256"].as_str().unwrap().to_owned())
            .collect()
    }

    /// Every request a system received: `{provider, method, path, status, tenant}`.
    pub fn requests(&self, provider: &str) -> Vec<Value> {
        let path = format!("/_emulator/requests?provider={provider}");
        serde_json::from_slice(&self.get(&path)).expect("JSON list")
    }

    /// A plain HTTP/1.0 GET to the sandbox, returning the body.
    pub fn get(&self, path: &str) -> Vec<u8> {
        use std::io::{Read, Write};
        let host = self.root().trim_start_matches("http://").to_owned();
        let mut stream = std::net::TcpStream::connect(&host).expect("sandbox reachable");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        assert!(
            response.starts_with(b"HTTP/1.1 200") || response.starts_with(b"HTTP/1.0 200"),
            "{}",
            String::from_utf8_lossy(&response)
        );
        let start = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("end of headers")
            + 4;
        response[start..].to_vec()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An `atsdrop` command with isolated config and data folders under `home`.
pub fn atsdrop(home: &Path) -> Command {
    let mut c = Command::new(bin());
    c.env("ATSDROP_CONFIG_DIR", home.join("config"))
        .env("ATSDROP_DATA_DIR", home.join("data"))
        .env("DBUS_SESSION_BUS_ADDRESS", "disabled:")
        .env_remove("ATSDROP_API_KEY")
        .env_remove("ATSDROP_CLIENT_ID")
        .env_remove("ATSDROP_CLIENT_SECRET")
        .env_remove("ATSDROP_INTEGRATION_ID")
        .env_remove("ATSDROP_INTEGRATED_ACCOUNT_ID")
        .env_remove("RUST_LOG")
        // English output, whatever language the machine running the tests speaks.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    c
}

/// `n` distinct small PDFs in `dir`, returning their paths.
pub fn pdfs(dir: &Path, n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let mut bytes = super::sandbox::pdf_bytes(2000 + i * 37);
            bytes.extend_from_slice(format!("%file {i}\n").as_bytes());
            super::sandbox::write(dir, &format!("file-{i:03}.pdf"), &bytes)
        })
        .collect()
}

/// Parses stdout JSON lines.
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}
