//! Hostile requests to `serve`: slow clients are closed by a timeout while
//! others are served; oversized heads, bad bytes and encodings in paths,
//! absolute URIs, methods other than GET and HEAD, a missing Host and a body
//! on GET get a 4xx or are ignored; HEAD works; there is no directory
//! listing; every kind of file the site writes has its media type. The
//! server survives it all.

use std::io::{BufReader, Read, Write};
use std::time::{Duration, Instant};

use crate::common::serve::{Serve, connect, exchange, get, read_reply, read_to_close};
use crate::common::{Scratch, snapshot};

/// serve's time limit for a request's head (src/http.rs), and a margin.
const HEAD_TIME: Duration = Duration::from_secs(5);
const MARGIN: Duration = Duration::from_secs(3);

fn start() -> (Scratch, Serve) {
    let scratch = Scratch::mini();
    // Kinds of file a site's static/ may add to what the build writes.
    let assets = scratch.root().join("static");
    std::fs::create_dir_all(&assets).expect("static");
    std::fs::write(
        assets.join("icon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .expect("svg");
    std::fs::write(assets.join("pixel.png"), b"\x89PNG\r\n\x1a\n").expect("png");
    let serve = Serve::start(&scratch.content, &scratch.out());
    (scratch, serve)
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn slow_clients_are_closed_and_do_not_hold_up_others() {
    let (_scratch, mut serve) = start();
    let addr = serve.addr;
    let head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    std::thread::scope(|s| {
        let slow: Vec<_> = (0..20)
            .map(|_| {
                s.spawn(move || {
                    let mut stream = connect(addr);
                    stream
                        .set_read_timeout(Some(Duration::from_secs(1)))
                        .expect("timeout");
                    let started = Instant::now();
                    let mut answer = vec![0u8; 4096];
                    // One byte a second (the read waits the second), and
                    // never the whole head, until the server gives up.
                    for byte in &head[..head.len() - 1] {
                        if started.elapsed() > HEAD_TIME + MARGIN
                            || stream.write_all(&[*byte]).is_err()
                        {
                            break;
                        }
                        match stream.read(&mut answer) {
                            Ok(n) => {
                                answer.truncate(n);
                                answer.extend(read_to_close(&mut stream, MARGIN));
                                return (answer, started.elapsed());
                            }
                            Err(e)
                                if matches!(
                                    e.kind(),
                                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                                ) => {}
                            Err(_) => break,
                        }
                    }
                    (Vec::new(), started.elapsed())
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(500));
        for _ in 0..20 {
            let started = Instant::now();
            assert_eq!(get(addr, "/1006/").status, 200);
            assert!(
                started.elapsed() < Duration::from_secs(1),
                "a request waited {:?} behind slow clients",
                started.elapsed()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        for handle in slow {
            let (answer, took) = handle.join().expect("slow client");
            let answer = String::from_utf8_lossy(&answer);
            assert!(
                answer.starts_with("HTTP/1.1 408 "),
                "a slow client got {answer:?}"
            );
            assert!(took < HEAD_TIME + MARGIN, "closed only after {took:?}");
        }
    });
    serve.assert_healthy();
}

#[test]
fn oversized_heads_get_4xx_without_being_read_whole() {
    let (_scratch, mut serve) = start();
    let long_line = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(100_000));
    assert_eq!(
        exchange(serve.addr, long_line.as_bytes())
            .expect("reply")
            .status,
        414
    );
    let many: String = (0..300)
        .map(|i| format!("X-Header-{i}: {}\r\n", "v".repeat(80)))
        .collect();
    let headers = format!("GET / HTTP/1.1\r\nHost: x\r\n{many}\r\n");
    assert_eq!(
        exchange(serve.addr, headers.as_bytes())
            .expect("reply")
            .status,
        431
    );
    // An endless line: the server answers and closes after its limit,
    // without waiting for the end.
    let mut stream = connect(serve.addr);
    let writer = stream.try_clone().expect("clone");
    let sender = std::thread::spawn(move || {
        let mut writer = writer;
        let chunk = vec![b'a'; 64 * 1024];
        let mut sent = 0usize;
        while sent < 64 << 20 && writer.write_all(&chunk).is_ok() {
            sent += chunk.len();
        }
        sent
    });
    let answer = read_to_close(&mut stream, Duration::from_secs(10));
    assert!(
        answer.starts_with(b"HTTP/1.1 414 "),
        "{:?}",
        String::from_utf8_lossy(&answer)
    );
    drop(stream);
    let sent = sender.join().expect("sender");
    assert!(sent < 64 << 20, "the server read the whole endless line");
    serve.assert_healthy();
}

#[test]
fn strange_requests_get_4xx_or_are_answered_as_they_should() {
    let (_scratch, mut serve) = start();
    let page = get(serve.addr, "/1006/").body;
    let absolute = format!(
        "GET http://{}/1006/ HTTP/1.1\r\nHost: x\r\n\r\n",
        serve.addr
    );
    let reply = exchange(serve.addr, absolute.as_bytes()).expect("reply");
    assert_eq!(
        (reply.status, &reply.body),
        (200, &page),
        "absolute-form URI"
    );

    let cases: [(&[u8], u16); 16] = [
        (b"GET /\xff\xfe/ HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /caf\xc3\xa9/ HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /%ff%fe/ HTTP/1.1\r\nHost: x\r\n\r\n", 404),
        (b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 404),
        (b"GET /% HTTP/1.1\r\nHost: x\r\n\r\n", 404),
        (
            b"GET /..%2f..%2f..%2fetc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
            404,
        ),
        (b"GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n", 404),
        (b"CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
        (b"DELETE /1006/ HTTP/1.1\r\nHost: x\r\n\r\n", 405),
        (
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
            405,
        ),
        (b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),
        (
            b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\n\r\n",
            400,
        ),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 400),
        (b"GET / HTTP/1.0\r\n\r\n", 200),
    ];
    for (raw, status) in cases {
        let shown = String::from_utf8_lossy(raw);
        let reply = exchange(serve.addr, raw).unwrap_or_else(|e| panic!("{shown:?}: {e}"));
        assert_eq!(reply.status, status, "{shown:?}");
    }
    serve.assert_healthy();
}

#[test]
fn a_body_on_get_is_ignored_and_head_sends_no_body() {
    let (_scratch, mut serve) = start();
    let page = get(serve.addr, "/1000/").body;
    // A small body is skipped and the connection goes on.
    let mut reader = BufReader::new(connect(serve.addr));
    reader
        .get_mut()
        .write_all(
            b"GET /1006/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello\
              GET /1000/ HTTP/1.1\r\nHost: x\r\n\r\n",
        )
        .expect("send");
    assert_eq!(read_reply(&mut reader, false).expect("first").status, 200);
    let second = read_reply(&mut reader, false).expect("second");
    assert_eq!((second.status, &second.body), (200, &page));
    // A large one gets its answer, then the connection ends.
    let mut stream = connect(serve.addr);
    stream
        .write_all(b"GET /1000/ HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n")
        .expect("send");
    stream
        .write_all(&[b'x'; 100_000])
        .expect("part of the body");
    let answer = read_to_close(&mut stream, Duration::from_secs(10));
    assert!(answer.starts_with(b"HTTP/1.1 200 "));

    // HEAD: the headers of GET, no body.
    let mut stream = connect(serve.addr);
    stream
        .write_all(b"HEAD /1000/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read");
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 200 "), "{text}");
    assert!(text.ends_with("\r\n\r\n"), "HEAD sent a body: {text}");
    assert!(
        text.contains(&format!("Content-Length: {}\r\n", page.len())),
        "{text}"
    );
    serve.assert_healthy();
}

#[test]
fn directories_are_not_listed_and_every_file_kind_has_its_type() {
    let (scratch, mut serve) = start();
    let not_found = get(serve.addr, "/no-such-page/");
    assert_eq!(not_found.status, 404);
    for dir in ["/api/", "/api", "/.public.a/", "/../"] {
        let reply = get(serve.addr, dir);
        assert_eq!(reply.status, 404, "{dir}");
        assert_eq!(
            reply.body, not_found.body,
            "{dir} is not the site's 404 page"
        );
    }
    let expected = |ext: &str| match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        other => panic!(
            "the site writes .{other} files: give them a media type in static_files.rs and here"
        ),
    };
    let mut seen = std::collections::BTreeSet::new();
    for rel in snapshot(&scratch.out()).keys() {
        let Some((_, ext)) = rel.rsplit_once('.').filter(|(stem, _)| !stem.is_empty()) else {
            continue;
        };
        if !seen.insert(ext.to_string()) {
            continue;
        }
        let reply = get(serve.addr, &format!("/{rel}"));
        assert_eq!(reply.status, 200, "{rel}");
        assert_eq!(reply.header("content-type"), Some(expected(ext)), "{rel}");
    }
    for ext in ["html", "css", "js", "json", "txt", "xml", "svg", "png"] {
        assert!(seen.contains(ext), "the site has no .{ext} file to check");
    }
    serve.assert_healthy();
}
