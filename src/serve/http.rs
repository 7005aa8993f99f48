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

/// A parsed request head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path and query, in origin form (`/1008/?q`) even when the client
    /// sent an absolute URI.
    pub path: String,
    /// `HTTP/1.x`.
    pub minor_version: u8,
    pub headers: Vec<(String, Vec<u8>)>,
}

impl Request {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }

    fn keep_alive(&self) -> bool {
        let close = self.header("connection").is_some_and(|v| {
            String::from_utf8_lossy(v)
                .to_ascii_lowercase()
                .contains("close")
        });
        self.minor_version == 1 && !close
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

/// Where the blank line after the headers ends; bare `\n` line ends count.
fn head_end(buf: &[u8]) -> Option<usize> {
    let at = buf.iter().position(|&b| b == b'\n')?;
    let mut line_start = at + 1;
    loop {
        let rest = &buf[line_start..];
        if rest.starts_with(b"\n") {
            return Some(line_start + 1);
        }
        if rest.starts_with(b"\r\n") {
            return Some(line_start + 2);
        }
        line_start += rest.iter().position(|&b| b == b'\n')? + 1;
    }
}

/// Reads and drops `n` bytes of body, part of which may be in `buf` already.
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

/// Parses a request line and headers (without the body), as RFC 9112 says,
/// or gives the 4xx/5xx status to answer with.
pub fn parse_head(head: &[u8]) -> Result<Request, u16> {
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let line = lines.next().ok_or(400u16)?;
    let mut parts = line.split(|&b| b == b' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    if method.is_empty() || !method.iter().all(|&b| is_tchar(b)) {
        return Err(400);
    }
    let minor_version = match version {
        b"HTTP/1.1" => 1,
        b"HTTP/1.0" => 0,
        v if v.starts_with(b"HTTP/") => return Err(505),
        _ => return Err(400),
    };
    if target.is_empty() || !target.iter().all(|b| (0x21..0x7f).contains(b)) {
        return Err(400);
    }
    let target = String::from_utf8_lossy(target);
    let path = origin_form(&target).ok_or(400u16)?;

    let mut headers = Vec::new();
    for line in lines.take_while(|l| !l.is_empty()) {
        let colon = line.iter().position(|&b| b == b':').ok_or(400u16)?;
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        // An empty name, whitespace before the colon, or a folded line.
        if name.is_empty() || !name.iter().all(|&b| is_tchar(b)) {
            return Err(400);
        }
        let value = value.trim_ascii();
        if value.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            return Err(400);
        }
        headers.push((String::from_utf8_lossy(name).into_owned(), value.to_vec()));
    }
    let request = Request {
        method: String::from_utf8_lossy(method).into_owned(),
        path,
        minor_version,
        headers,
    };
    let count = |name: &str| {
        request
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count()
    };
    // HTTP/1.1 requires exactly one Host; a length must be one number.
    if (minor_version == 1 && count("host") != 1) || count("host") > 1 {
        return Err(400);
    }
    if count("content-length") > 1
        || request
            .header("content-length")
            .is_some_and(|v| v.is_empty() || !v.iter().all(u8::is_ascii_digit) || v.len() > 18)
    {
        return Err(400);
    }
    Ok(request)
}

/// `/path?q` as it is, and the path of `http://host/path?q`; anything else
/// (`*`, `host:443`) is not a request for a file.
fn origin_form(target: &str) -> Option<String> {
    if target.starts_with('/') {
        return Some(target.to_string());
    }
    let lower = target.to_ascii_lowercase();
    let rest = ["http://", "https://"]
        .iter()
        .find_map(|scheme| lower.starts_with(scheme).then(|| &target[scheme.len()..]))?;
    match rest.find(['/', '?']) {
        Some(at) if rest.as_bytes()[at] == b'/' => Some(rest[at..].to_string()),
        Some(at) => Some(format!("/{}", &rest[at..])),
        None => Some("/".to_string()),
    }
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_head_parses_into_method_path_and_headers() {
        let request =
            parse_head(b"GET /1008/?q=1 HTTP/1.1\r\nHost: x\r\nAccept:  text/html \r\n\r\n")
                .expect("valid");
        assert_eq!(request.method, "GET");
        assert_eq!(request.path, "/1008/?q=1");
        assert_eq!(request.header("ACCEPT"), Some(&b"text/html"[..]));
        let absolute = parse_head(b"GET http://127.0.0.1:8000/1008/ HTTP/1.1\r\nHost: x\r\n\r\n")
            .expect("absolute form");
        assert_eq!(absolute.path, "/1008/");
        let bare = parse_head(b"HEAD HTTP://h?x HTTP/1.0\n\n").expect("bare LF");
        assert_eq!(bare.path, "/?x");
    }

    #[test]
    fn malformed_heads_get_their_status() {
        for (head, status) in [
            (&b"GET / HTTP/1.1\r\n\r\n"[..], 400),
            (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            (b"GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            (b"GET /\xff HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            (b"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
            (b"GET / FTP/1.1\r\nHost: a\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
            (
                b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
                400,
            ),
            (b"CONNECT example.com:443 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            (b"OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ] {
            assert_eq!(
                parse_head(head),
                Err(status),
                "{}",
                String::from_utf8_lossy(head)
            );
        }
    }

    #[test]
    fn the_head_ends_at_the_first_blank_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nA: b\r\n\r\nbody"), Some(24));
        assert_eq!(head_end(b"GET / HTTP/1.0\n\nbody"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nA: b\r\n"), None);
    }
}
