//! `closecodes serve` as a process on a port the system picks, and a raw
//! HTTP/1.1 client that sends exactly the bytes a test gives it.

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::process::bin;

/// A running `serve`, stopped when dropped.
pub struct Serve {
    child: Child,
    pub addr: SocketAddr,
    stdout: PathBuf,
    stderr: PathBuf,
}

impl Serve {
    /// Serves `content` into `out`, logging beside `out`; returns once it
    /// listens.
    pub fn start(content: &Path, out: &Path) -> Serve {
        let logs = out.parent().expect("out has a parent");
        let (stdout, stderr) = (logs.join("serve.stdout"), logs.join("serve.stderr"));
        let child = Command::new(bin())
            .args(["serve", "--port", "0", "--content"])
            .arg(content)
            .arg("--out")
            .arg(out)
            .stdin(Stdio::null())
            .stdout(fs::File::create(&stdout).expect("stdout file"))
            .stderr(fs::File::create(&stderr).expect("stderr file"))
            .spawn()
            .expect("start serve");
        let mut serve = Serve {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            stdout,
            stderr,
        };
        let started = Instant::now();
        serve.addr = loop {
            let printed = serve.stdout();
            let port = printed
                .lines()
                .find_map(|l| {
                    l.strip_prefix("serving ")?
                        .split("http://127.0.0.1:")
                        .nth(1)
                })
                .and_then(|rest| rest.split('/').next()?.parse::<u16>().ok());
            if let Some(port) = port {
                break SocketAddr::from(([127, 0, 0, 1], port));
            }
            assert!(serve.alive(), "serve stopped: {}", serve.stderr());
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "serve did not start: {}",
                serve.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        serve
    }

    pub fn stdout(&self) -> String {
        fs::read_to_string(&self.stdout).unwrap_or_default()
    }

    pub fn stderr(&self) -> String {
        fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// The resident memory of the process now, in KiB.
    pub fn rss_kib(&self) -> u64 {
        let status =
            fs::read_to_string(format!("/proc/{}/status", self.child.id())).expect("/proc status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS")
    }

    /// Fails unless the server is alive and answers a plain request.
    pub fn assert_healthy(&mut self) {
        assert!(self.alive(), "serve crashed: {}", self.stderr());
        let reply = get(self.addr, "/");
        assert_eq!(reply.status, 200, "serve no longer answers");
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A connection with timeouts, so that a server that never answers fails
/// the test instead of hanging it.
pub fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(10)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream
        .set_write_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream
}

/// Sends `raw` on a new connection and reads one response.
pub fn exchange(addr: SocketAddr, raw: &[u8]) -> io::Result<Reply> {
    let mut stream = connect(addr);
    stream.write_all(raw)?;
    let head_only = raw.starts_with(b"HEAD ");
    read_reply(&mut BufReader::new(stream), head_only)
}

/// `GET path` on a new connection; fails the test on any error.
pub fn get(addr: SocketAddr, path: &str) -> Reply {
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    exchange(addr, request.as_bytes()).unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

/// Reads a status line, headers and a `Content-Length` body.
pub fn read_reply(reader: &mut impl BufRead, head_only: bool) -> io::Result<Reply> {
    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "closed without a response",
        ));
    }
    let status = line
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3)?.parse().ok())
        .ok_or_else(|| bad(&format!("status line {line:?}")))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').ok_or_else(|| bad(header))?;
        headers.push((name.to_string(), value.trim().to_string()));
    }
    let mut reply = Reply {
        status,
        headers,
        body: Vec::new(),
    };
    let length: usize = reply
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| bad("no Content-Length"))?;
    if !head_only {
        reply.body.resize(length, 0);
        reader.read_exact(&mut reply.body)?;
    }
    Ok(reply)
}

/// Reads until the server closes the connection; fails if it does not
/// within `limit`.
pub fn read_to_close(stream: &mut TcpStream, limit: Duration) -> Vec<u8> {
    stream.set_read_timeout(Some(limit)).expect("timeout");
    let mut all = Vec::new();
    match stream.read_to_end(&mut all) {
        Ok(_) => all,
        Err(e) if e.kind() == io::ErrorKind::ConnectionReset => all,
        Err(e) => panic!("the server did not close the connection within {limit:?}: {e}"),
    }
}
