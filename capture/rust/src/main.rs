//! tungstenite: what each side's calls return when a connection closes.
//! Usage: capture-tungstenite PLAN.json; prints JSON lines (see
//! capture/lib/collect.py).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use serde_json::{Value, json};
use tungstenite::handshake::server::{Request, Response};
use tungstenite::protocol::WebSocketConfig;
use tungstenite::protocol::frame::CloseFrame;
use tungstenite::protocol::frame::coding::CloseCode;
use tungstenite::{Message, WebSocket};

/// tungstenite allows 64 MiB messages by default; 1 MiB keeps the oversized one cheap.
const LIMIT: usize = 1 << 20;

fn emit(scenario: &str, code: u16, side: &str, kind: &str, text: String, seen: Option<u16>) {
    let mut line = json!({"scenario": scenario, "code": code, "side": side, "kind": kind, "text": text});
    if let Some(seen) = seen {
        line["seen"] = json!(seen);
    }
    println!("{line}");
}

fn config() -> WebSocketConfig {
    WebSocketConfig::default().max_message_size(Some(LIMIT)).max_frame_size(Some(LIMIT))
}

/// Reads until an error; records each Close message and the error.
fn read_until_error<S: Read + Write>(ws: &mut WebSocket<S>, scenario: &str, code: u16, side: &str) {
    for _ in 0..100 {
        match ws.read() {
            Ok(Message::Close(frame)) => {
                let seen = frame.as_ref().map(|f| u16::from(f.code)).unwrap_or(1005);
                let msg = Message::Close(frame);
                // A value is looked up by the code it carries.
                emit(scenario, seen, side, "value", format!("{msg:?}"), Some(seen));
            }
            Ok(_) => {}
            Err(err) => {
                emit(scenario, code, side, "exception", err.to_string(), None);
                return;
            }
        }
    }
}

fn close_with<S: Read + Write>(ws: &mut WebSocket<S>, code: u16, reason: &str) -> tungstenite::Result<()> {
    ws.close(Some(CloseFrame { code: CloseCode::from(code), reason: reason.to_owned().into() }))
}

struct Shared {
    reasons: HashMap<String, String>,
    done: Mutex<HashMap<String, Sender<()>>>,
}

impl Shared {
    fn expect(&self, scenario: &str) -> Receiver<()> {
        let (tx, rx) = channel();
        self.done.lock().expect("lock").insert(scenario.to_owned(), tx);
        rx
    }
    fn done(&self, scenario: &str) {
        if let Some(tx) = self.done.lock().expect("lock").remove(scenario) {
            let _ = tx.send(());
        }
    }
}

fn wait(rx: Receiver<()>) {
    let _ = rx.recv_timeout(Duration::from_secs(5));
}

fn serve(stream: TcpStream, shared: &Shared) {
    let mut path = String::new();
    let callback = |req: &Request, resp: Response| {
        path = req.uri().path().to_owned();
        Ok(resp)
    };
    let mut ws = match tungstenite::accept_hdr_with_config(stream, callback, Some(config())) {
        Ok(ws) => ws,
        Err(err) => {
            eprintln!("handshake: {err}");
            return;
        }
    };
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let scenario = parts[parts.len() - 1];
    let code: u16 = parts[1].parse().expect("code");
    if parts[0] == "server-close" {
        if let Err(err) = close_with(&mut ws, code, &shared.reasons[parts[1]]) {
            emit(scenario, code, "server", "exception", err.to_string(), None);
        }
    }
    read_until_error(&mut ws, scenario, code, "server");
    shared.done(scenario);
}

fn main() {
    let plan: Value = serde_json::from_str(
        &std::fs::read_to_string(std::env::args().last().expect("plan")).expect("read plan"),
    )
    .expect("plan JSON");
    let port = plan["port"].as_u64().expect("port");
    let reasons: HashMap<String, String> = serde_json::from_value(plan["reasons"].clone()).expect("reasons");
    let shared = Arc::new(Shared { reasons, done: Mutex::new(HashMap::new()) });

    println!(
        "{}",
        json!({"meta": {"library": "tungstenite", "version": env!("CAPTURE_TUNGSTENITE"), "runtime": format!("Rust {}", env!("CAPTURE_RUSTC"))}})
    );

    let listener = TcpListener::bind(("127.0.0.1", port as u16)).expect("bind");
    let server_shared = shared.clone();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let shared = server_shared.clone();
            thread::spawn(move || serve(stream, &shared));
        }
    });

    let this = format!("ws://127.0.0.1:{port}");
    let connect = |url: &str| tungstenite::client::connect_with_config(url, Some(config()), 3);

    for entry in plan["codes"].as_array().expect("codes") {
        let code = entry[0].as_u64().expect("code") as u16;
        let reason = entry[1].as_str().expect("reason");

        let scenario = format!("server-close-{code}");
        let rx = shared.expect(&scenario);
        let (mut ws, _) = connect(&format!("{this}/server-close/{code}/{scenario}")).expect("connect");
        read_until_error(&mut ws, &scenario, code, "client");
        wait(rx);

        let scenario = format!("client-close-{code}");
        let rx = shared.expect(&scenario);
        let (mut ws, _) = connect(&format!("{this}/read/{code}/{scenario}")).expect("connect");
        if let Err(err) = close_with(&mut ws, code, reason) {
            emit(&scenario, code, "client", "exception", err.to_string(), None);
        }
        read_until_error(&mut ws, &scenario, code, "client");
        wait(rx);
    }

    let peer = plan["peer"].as_str().expect("peer");
    let bad_server = |scenario: &str, code: u16, url: &str| match connect(url) {
        Ok((mut ws, _)) => read_until_error(&mut ws, scenario, code, "client"),
        Err(err) => emit(scenario, code, "client", "exception", err.to_string(), None),
    };
    bad_server("bad-server-reset", 1006, &format!("{peer}/reset"));
    bad_server("bad-server-eof", 1006, &format!("{peer}/eof"));
    bad_server("bad-server-close-empty", 1005, &format!("{peer}/close-empty"));
    bad_server("bad-server-invalid-utf8", 1007, &format!("{peer}/utf8"));
    bad_server("bad-server-rsv-bit", 1002, &format!("{peer}/rsv"));
    bad_server("bad-server-masked-frame", 1002, &format!("{peer}/masked"));
    bad_server("bad-server-ping-too-big", 1002, &format!("{peer}/ping-big"));
    bad_server("bad-server-too-big", 1009, &format!("{peer}/big/{}", LIMIT + 1));
    let wire_only: Vec<u16> = plan["wire_only"].as_array().expect("wire_only").iter().map(|c| c.as_u64().expect("code") as u16).collect();
    for code in &wire_only {
        bad_server(&format!("bad-server-sends-{code}"), *code, &format!("{peer}/close/{code}"));
    }
    bad_server("handshake-403", 1006, &format!("{peer}/403"));
    bad_server("handshake-404", 1006, &format!("{peer}/404"));
    bad_server("tls-self-signed", 1015, plan["tls_peer"].as_str().expect("tls_peer"));
    bad_server("connection-refused", 1006, plan["refused"].as_str().expect("refused"));

    let peer_cmd: Vec<String> = serde_json::from_value(plan["peer_cmd"].clone()).expect("peer_cmd");
    let bad_client = |scenario: &str, code: u16, args: &[&str]| {
        let rx = shared.expect(scenario);
        let mut child = Command::new(&peer_cmd[0])
            .args(&peer_cmd[1..])
            .arg("client")
            .arg(format!("{this}/read/{code}/{scenario}"))
            .args(args)
            .stdout(Stdio::null())
            .spawn()
            .expect("peer");
        wait(rx);
        let _ = child.wait();
    };
    bad_client("bad-client-reset", 1006, &["reset"]);
    bad_client("bad-client-killed", 1006, &["killed"]);
    bad_client("bad-client-eof", 1006, &["eof"]);
    bad_client("bad-client-close-empty", 1005, &["close-empty"]);
    bad_client("bad-client-invalid-utf8", 1007, &["utf8"]);
    bad_client("bad-client-rsv-bit", 1002, &["rsv"]);
    bad_client("bad-client-unmasked-frame", 1002, &["unmasked"]);
    bad_client("bad-client-ping-too-big", 1002, &["ping-big"]);
    bad_client("bad-client-too-big", 1009, &["big", &(LIMIT + 1).to_string()]);
    for code in &wire_only {
        let c = code.to_string();
        bad_client(&format!("bad-client-sends-{code}"), *code, &["close", &c, &shared.reasons[&c]]);
    }
    std::io::stdout().flush().expect("flush");
}
