//! The HTTP/1.1 server behind `serve`: std's sockets, a thread per
//! connection, and limits that keep a slow or hostile client from holding
//! the server: a request's head must arrive whole within [`Limits::head_time`]
//! and fit in [`Limits::head_bytes`], writes time out, and at most
//! [`Limits::connections`] are open at once. Only `GET` and `HEAD` exist: a
//! preview of static files needs nothing else.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::request::head_end;
pub use super::request::{Request, parse_head};

/// What one client may take.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The request line and headers, together.
    pub head_bytes: usize,
    /// From waiting for a request to its last header: a client sending one
    /// byte a second is closed with 408 when this runs out, and an idle
    /// kept-alive connection is closed.
    pub head_time: Duration,
    /// For writing one response.
    pub write_time: Duration,
    /// Connections open at once; more get 503.
    pub connections: usize,
    /// A body on `GET` up to this size is read and ignored; a longer one, or
    /// one of unknown length, ends the connection after the response.
    pub ignored_body: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            head_bytes: 8 * 1024,
            head_time: Duration::from_secs(5),
            write_time: Duration::from_secs(10),
            connections: 256,
            ignored_body: 64 * 1024,
        }
    }
}

/// A response: the server adds the length, `Connection` and caching headers.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Where a redirect (`301`) points.
    pub location: Option<String>,
}

impl Response {
    /// A plain-text response such as an error.
    pub fn text(status: u16, text: impl Into<String>) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: text.into().into_bytes(),
            location: None,
        }
    }

    fn error(status: u16) -> Response {
        Response::text(status, format!("{status} {}\n", reason(status)))
    }
}

/// Serves `handler` on `listener` until the process ends.
pub fn run<H>(listener: TcpListener, limits: Limits, handler: H)
where
    H: Fn(&Request) -> Response + Send + Sync + 'static,
{
    let handler = Arc::new(handler);
    let limits = Arc::new(limits);
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else {
            // Out of file descriptors, or a connection reset before accept:
            // the listener itself is fine.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        if open.load(Ordering::SeqCst) >= limits.connections {
            let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
            let _ = send(&mut stream, &Response::error(503), false, false);
            continue;
        }
        let guard = Open::new(&open);
        let (handler, limits) = (Arc::clone(&handler), Arc::clone(&limits));
        let spawned = std::thread::Builder::new()
            .name("serve-connection".into())
            .spawn(move || {
                let _guard = guard;
                connection(stream, &limits, &*handler);
            });
        if spawned.is_err() {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Counts a connection as open until dropped.
struct Open(Arc<AtomicUsize>);

impl Open {
    fn new(open: &Arc<AtomicUsize>) -> Open {
        open.fetch_add(1, Ordering::SeqCst);
        Open(Arc::clone(open))
    }
}

impl Drop for Open {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers the requests of one connection, in order, until it closes, a
/// limit runs out, or a request cannot be followed by another.
fn connection(mut stream: TcpStream, limits: &Limits, handler: &dyn Fn(&Request) -> Response) {
    let _ = stream.set_write_timeout(Some(limits.write_time));
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::new();
    loop {
        let deadline = Instant::now() + limits.head_time;
        let end = match read_head(&mut stream, &mut buf, limits.head_bytes, deadline) {
            Ok(Some(end)) => end,
            Ok(None) => return,
            Err(status) => {
                let _ = send(&mut stream, &Response::error(status), false, false);
                return linger(stream);
            }
        };
        let parsed = parse_head(&buf[..end]);
        buf.drain(..end);
        let request = match parsed {
            Ok(request) => request,
            Err(status) => {
                let _ = send(&mut stream, &Response::error(status), false, false);
                return linger(stream);
            }
        };
        let mut keep = request.keep_alive();
        match body_length(&request) {
            Some(0) => {}
            Some(n) if n <= limits.ignored_body => {
                if !skip(&mut stream, &mut buf, n, deadline) {
                    return;
                }
            }
            _ => keep = false,
        }
        let response = match request.method.as_str() {
            "GET" | "HEAD" => handler(&request),
            _ => Response::error(405),
        };
        if send(&mut stream, &response, request.method == "HEAD", keep).is_err() {
            return;
        }
        if !keep {
            return linger(stream);
        }
    }
}

/// Reads until `buf` holds a whole head; returns where it ends (after the
/// blank line). `None`: the client closed or stayed idle without starting a
/// request. `Err`: the status to answer with.
fn read_head(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    limit: usize,
    deadline: Instant,
) -> Result<Option<usize>, u16> {
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = head_end(buf) {
            return if end > limit + 4 {
                Err(431)
            } else {
                Ok(Some(end))
            };
        }
        if buf.len() > limit {
            return Err(if buf.contains(&b'\n') { 431 } else { 414 });
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return if buf.is_empty() { Ok(None) } else { Err(408) };
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(None),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) if is_timeout(&err) && !buf.is_empty() => return Err(408),
            Err(_) => return Ok(None),
        }
    }
}

fn is_timeout(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn skip(stream: &mut TcpStream, buf: &mut Vec<u8>, n: u64, deadline: Instant) -> bool {
    let have = buf.len().min(usize::try_from(n).unwrap_or(usize::MAX));
    buf.drain(..have);
    let mut left = n - have as u64;
    let mut chunk = [0u8; 4096];
    while left > 0 {
        let wait = deadline.saturating_duration_since(Instant::now());
        if wait.is_zero() || stream.set_read_timeout(Some(wait)).is_err() {
            return false;
        }
        let want = chunk.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        match stream.read(&mut chunk[..want]) {
            Ok(0) | Err(_) => return false,
            Ok(read) => left -= read as u64,
        }
    }
    true
}

/// The length of the body that follows the head: `None` when it is not
/// known (chunked).
fn body_length(request: &Request) -> Option<u64> {
    if request.header("transfer-encoding").is_some() {
        return None;
    }
    match request.header("content-length") {
        None => Some(0),
        Some(value) => std::str::from_utf8(value).ok()?.parse().ok(),
    }
}

/// Closes after the response: stops writing, then reads what the client
/// still sends for a moment, so that closing with unread bytes does not
/// reset the connection before the client has read the response.
fn linger(stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut chunk = [0u8; 4096];
    let mut total = 0;
    while let Ok(n) = (&stream).read(&mut chunk) {
        total += n;
        if n == 0 || total > 1 << 20 {
            break;
        }
    }
}

fn send(
    stream: &mut TcpStream,
    response: &Response,
    head_only: bool,
    keep: bool,
) -> io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: {}\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len(),
        if keep { "keep-alive" } else { "close" },
    )
    .into_bytes();
    if response.status == 405 {
        out.extend_from_slice(b"Allow: GET, HEAD\r\n");
    }
    if let Some(location) = &response.location {
        out.extend_from_slice(format!("Location: {location}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    if !head_only {
        out.extend_from_slice(&response.body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}
