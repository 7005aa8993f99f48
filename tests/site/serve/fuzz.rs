//! Random bytes at `serve`'s request path, for a bounded time: the parser
//! in-process with proptest, then the running server over loopback with
//! random bytes, valid requests with random damage, and requests put
//! together from tricky pieces. Every answer is a well-formed response with
//! an expected status, or a closed connection; the server survives.

use std::io::Write;
use std::net::Shutdown;
use std::time::{Duration, Instant};

use closecodes::serve::http::parse_head;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::common::Scratch;
use crate::common::process::Rng;
use crate::common::serve::{Serve, connect, read_to_close};

/// How long the server is fuzzed.
const FUZZ_TIME: Duration = Duration::from_secs(5);
const STATUSES: [u16; 9] = [200, 400, 404, 405, 408, 414, 431, 503, 505];
const VALID: &[u8] = b"GET /1006/?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";

#[test]
fn the_request_parser_never_panics_on_random_heads() {
    let mut runner = TestRunner::new(Config {
        cases: crate::common::fuzz_cases() / 5,
        failure_persistence: None,
        ..Config::default()
    });
    let damaged =
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 0..8)).prop_map(|(at, bytes)| {
            let mut head = VALID.to_vec();
            let at = at % head.len();
            head.splice(at..at, bytes);
            head
        });
    let strategy = prop_oneof![proptest::collection::vec(any::<u8>(), 0..512), damaged];
    runner
        .run(&strategy, |head| {
            match parse_head(&head) {
                Ok(request) => prop_assert!(request.path.starts_with('/')),
                Err(status) => prop_assert!(STATUSES.contains(&status), "{status}"),
            }
            Ok(())
        })
        .expect("parse_head");
}

/// A request built from pieces that have broken HTTP parsers before.
fn tricky(rng: &mut Rng) -> Vec<u8> {
    const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "get", "G\u{e9}T", "", "CONNECT"];
    const TARGETS: [&str; 10] = [
        "/",
        "/1006/",
        "*",
        "//",
        "/%",
        "/%c0%ae%c0%ae/",
        "/..%2f",
        "http://[::1]:0/",
        "/\u{30b3}\u{30fc}\u{30c9}",
        "/a?b#c",
    ];
    const VERSIONS: [&str; 6] = ["HTTP/1.1", "HTTP/1.0", "HTTP/0.9", "HTTP/2", "http/1.1", ""];
    const HEADERS: [&str; 9] = [
        "Host: x",
        "Host:",
        "Content-Length: 0",
        "Content-Length: 99999999999999999999",
        "Transfer-Encoding: chunked",
        "Connection: close, keep-alive",
        " folded",
        ": empty-name",
        "X: \u{0}",
    ];
    let pick =
        |rng: &mut Rng, items: &[&str]| items[rng.below(items.len() as u64) as usize].to_string();
    let mut text = format!(
        "{} {} {}\r\n",
        pick(rng, &METHODS),
        pick(rng, &TARGETS),
        pick(rng, &VERSIONS)
    );
    for _ in 0..rng.below(4) {
        text.push_str(&pick(rng, &HEADERS));
        text.push_str(if rng.below(4) == 0 { "\n" } else { "\r\n" });
    }
    text.push_str("\r\n");
    text.into_bytes()
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn serve_survives_random_bytes_for_a_bounded_time() {
    let scratch = Scratch::mini();
    let mut serve = Serve::start(&scratch.content, &scratch.out());
    let mut rng = Rng::new("serve fuzz");
    let started = Instant::now();
    let (mut sent, mut answered) = (0, 0);
    while started.elapsed() < FUZZ_TIME {
        let bytes = match rng.below(3) {
            0 => {
                let len = rng.below(2048) as usize;
                rng.bytes(len)
            }
            1 => {
                let mut head = VALID.to_vec();
                for _ in 0..=rng.below(4) {
                    let at = rng.below(head.len() as u64) as usize;
                    head[at] = rng.next() as u8;
                }
                head
            }
            _ => tricky(&mut rng),
        };
        let mut stream = connect(serve.addr);
        // A reset by the server after an error answer is fine.
        let _ = stream.write_all(&bytes);
        let _ = stream.shutdown(Shutdown::Write);
        let answer = read_to_close(&mut stream, Duration::from_secs(10));
        sent += 1;
        if answer.is_empty() {
            continue;
        }
        answered += 1;
        let status = answer.strip_prefix(b"HTTP/1.1 ").and_then(|rest| {
            std::str::from_utf8(rest.get(..3)?)
                .ok()?
                .parse::<u16>()
                .ok()
        });
        assert!(
            status.is_some_and(|s| STATUSES.contains(&s)),
            "{:?} got {:?}",
            String::from_utf8_lossy(&bytes),
            String::from_utf8_lossy(&answer[..answer.len().min(200)])
        );
    }
    eprintln!("serve fuzz: {sent} random requests in {FUZZ_TIME:?}, {answered} answered");
    assert!(sent > 100, "too few requests to mean anything");
    serve.assert_healthy();
}
