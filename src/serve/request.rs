//! A request head as RFC 9112 writes it: the request line and the header
//! fields, parsed strictly, with the status to answer a malformed one with.

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

    pub(super) fn keep_alive(&self) -> bool {
        let close = self.header("connection").is_some_and(|v| {
            String::from_utf8_lossy(v)
                .to_ascii_lowercase()
                .contains("close")
        });
        self.minor_version == 1 && !close
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

/// Where the blank line after the headers ends; bare `\n` line ends count.
pub(super) fn head_end(buf: &[u8]) -> Option<usize> {
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
