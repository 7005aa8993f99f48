"""Runs every code example on the built site against the raw peer.

Each code page (`<site>/<code>/index.html`) has `figure.example`s inside
`div.examples-close` (close with the code) and `div.examples-read` (read it).
A close example passes when the peer received a Close frame with the page's
code; a read example passes when its own output shows the code. Fragments are
wrapped in a small program per library (see the wrap_* functions); the
example's text itself is run as the page shows it, with its URL pointed at
the peer.
"""

import html.parser
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

CAPTURE = Path(__file__).resolve().parent.parent
ROOT = CAPTURE.parent
CACHE = Path(os.environ.get("CAPTURE_CACHE", CAPTURE / ".cache"))
URL = "wss://example.com/live"
TIMEOUT = 15
WS_EXAMPLE_PORT = 18790


class Example:
    def __init__(self, code, kind, caption, library, source):
        self.code, self.kind, self.caption, self.library, self.source = code, kind, caption, library, source
        self.id = f"{code}-{kind}-{library}"

    def where(self):
        return f"/{self.code}/ {self.kind} example, {self.caption}"


class Pages(html.parser.HTMLParser):
    """Collects (div kind, figcaption, pre text) from one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.kind, self.depth, self.caption, self.pre, self.field = [], None, 0, "", None, None

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "div":
            if self.kind:
                self.depth += 1
            elif cls in ("examples-close", "examples-read"):
                self.kind, self.depth = cls.split("-")[1], 0
        elif self.kind and tag == "figure" and "example" in cls.split():
            self.caption, self.pre = "", None
        elif self.kind and tag == "figcaption":
            self.field = "caption"
        elif self.kind and tag == "pre":
            self.field, self.pre = "pre", ""

    def handle_endtag(self, tag):
        if tag == "div" and self.kind:
            if self.depth == 0:
                self.kind = None
            else:
                self.depth -= 1
        elif tag in ("figcaption", "pre"):
            self.field = None
        elif tag == "figure" and self.kind and self.pre is not None:
            self.found.append((self.kind, self.caption.strip(), self.pre))

    def handle_data(self, data):
        if self.field == "caption":
            self.caption += data
        elif self.field == "pre":
            self.pre += data


def library_ids():
    """Figure captions name a library as "Language · Name"; map names to ids."""
    data = tomllib.loads((ROOT / "content" / "libraries.toml").read_text())
    names = {}
    for lib in data["library"]:
        names[lib["name"]] = lib["id"]
        names[re.sub(r"\s*\(.*\)$", "", lib["name"])] = lib["id"]
    return names


def find_examples(site):
    names = library_ids()
    examples, problems = [], []
    for page in sorted(site.glob("[0-9][0-9][0-9][0-9]/index.html")):
        code = int(page.parent.name)
        parser = Pages()
        parser.feed(page.read_text())
        for kind, caption, source in parser.found:
            name = caption.split("·", 1)[-1].strip()
            if name not in names:
                problems.append(f"/{code}/ {kind} example: no library named {name!r} in libraries.toml")
                continue
            examples.append(Example(code, kind, caption, names[name], source))
    return examples, problems


def shows_code(output, code):
    return re.search(rf"(?<!\d){code}(?!\d)", output) is not None


# ------------------------------------------------------------------ peer URLs


class Peer:
    def __init__(self, port, tls_port, events):
        self.port, self.tls_port, self.events = port, tls_port, events

    def close_url(self, example):
        return f"ws://127.0.0.1:{self.port}/echo/{example.id}"

    def read_url(self, example, reason):
        """Where a read example connects: a peer that ends the connection the
        way the page's code happens."""
        code = example.code
        if code == 1005:
            return f"ws://127.0.0.1:{self.port}/close-empty"
        if code == 1006:
            return f"ws://127.0.0.1:{self.port}/eof"
        if code == 1015:
            return f"wss://127.0.0.1:{self.tls_port}/"
        return f"ws://127.0.0.1:{self.port}/close/{code}?reason={reason.replace(' ', '%20')}"

    def received(self, example, wait=3.0):
        """What the peer printed for a close example's connection."""
        deadline = time.monotonic() + wait
        key = f"/echo/{example.id}"
        while time.monotonic() < deadline:
            got = [line for line in self.events if line.split(" ", 1)[0] == key]
            if got:
                return " | ".join(line.split(" ", 1)[1] for line in got)
            time.sleep(0.05)
        return "nothing"


def judge(example, peer, output, failures):
    if example.kind == "close":
        got = peer.received(example)
        if not re.search(rf"^close {example.code}( |$)", got.split(" | ")[0]):
            failures.append(f"{example.where()}: the peer received {got!r}, not a Close frame with {example.code}")
            return False
        return True
    out = output.strip()
    if not shows_code(out, example.code):
        said = f"printed {out.splitlines()[-1][:160]!r}" if out else "printed nothing"
        failures.append(f"{example.where()}: {said}, which does not show {example.code}")
        return False
    return True


def run(cmd, cwd=None, env=None, timeout=TIMEOUT):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)
        return r.stdout + r.stderr
    except subprocess.TimeoutExpired as err:
        return f"(timed out after {timeout} s) " + ((err.stdout or b"").decode() if isinstance(err.stdout, bytes) else (err.stdout or ""))


# ------------------------------------------------------------------ Python


def wrap_python(example, url):
    body = example.source.replace(URL, url)
    connects = "connect(" in body
    inner = textwrap.indent(body, "    " if connects else "        ")
    opener = "" if connects else f"    async with connect({url!r}) as websocket:\n"
    return (
        "import asyncio\nfrom websockets.asyncio.client import connect\n\n"
        "def handle(message):\n    pass\n\n"
        "async def run(websocket):\n    await websocket.recv()\n\n"
        f"async def main():\n{opener}{inner}\n"
        + ("" if connects else "        await asyncio.sleep(0.3)\n")
        + "\nasyncio.run(main())\n"
    )


def run_python(examples, peer, reasons, failures):
    work = CACHE / "examples" / "python"
    work.mkdir(parents=True, exist_ok=True)
    python = str(CACHE / "venv" / "bin" / "python")
    ok = 0
    for ex in examples:
        url = peer.close_url(ex) if ex.kind == "close" else peer.read_url(ex, reasons[ex.code])
        path = work / f"{ex.id}.py"
        path.write_text(wrap_python(ex, url))
        out = run([python, str(path)])
        ok += judge(ex, peer, out, failures)
    return ok


# ------------------------------------------------------------------ Node.js (ws)


def run_ws(examples, peer, reasons, failures):
    """ws examples are whole server programs: run one, connect the raw peer to
    it as a client, and see what Close frame the peer gets."""
    work = CACHE / "examples" / "node"
    work.mkdir(parents=True, exist_ok=True)
    link = work / "node_modules"
    if not link.exists():
        link.symlink_to(CAPTURE / "node" / "node_modules")
    ok = 0
    for ex in examples:
        if ex.kind != "close":
            failures.append(f"{ex.where()}: the harness runs only ws close examples (servers)")
            continue
        source = re.sub(r"port:\s*\d+", f"port: {WS_EXAMPLE_PORT}", ex.source)
        path = work / f"{ex.id}.mjs"
        path.write_text(source)
        server = subprocess.Popen(["node", str(path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            got = ""
            for _ in range(50):  # until the example's server listens
                got = run([sys.executable, str(CAPTURE / "lib" / "peer.py"), "client",
                           f"ws://127.0.0.1:{WS_EXAMPLE_PORT}/", "listen", "3"])
                if "ConnectionRefusedError" not in got:
                    break
                time.sleep(0.1)
        finally:
            server.kill()
            server.wait()
        line = got.strip().splitlines()[0] if got.strip() else "nothing"
        if re.search(rf"^client close {ex.code}( |$)", line):
            ok += 1
        else:
            failures.append(f"{ex.where()}: the peer received {line!r}, not a Close frame with {ex.code}")
    return ok


def compile_each(examples, generate, build, error_line, failures):
    """Builds one program holding every example. An example that does not
    compile fails with the compiler's words, and the rest are built again
    without it. Returns (binary or None, examples that compiled)."""
    left = list(examples)
    while left:
        spans = generate(left)
        result = build()
        if result.returncode == 0:
            return left
        output = result.stderr.strip()
        bad = set()
        for m in error_line.finditer(output):
            line = int(m.group(1))
            bad |= {i for i, (start, end) in enumerate(spans) if start <= line <= end}
        if not bad:
            failures.append(f"the {examples[0].library} examples do not compile, and the error is outside them:\n{output[-3000:]}")
            return []
        for i in sorted(bad):
            ex = left[i]
            lines = (ex_line for ex_line in output.splitlines() if any(
                f":{n}:" in ex_line for n in range(spans[i][0], spans[i][1] + 1)))
            failures.append(f"{ex.where()}: does not compile: {next(lines, output.splitlines()[0]).strip()}")
        left = [ex for i, ex in enumerate(left) if i not in bad]
    return left


def with_spans(header, funcs):
    """The source and, per function, its first and last line (1-based)."""
    source, spans = header, []
    for f in funcs:
        start = source.count("\n") + 1
        source += f + "\n"
        spans.append((start, start + f.count("\n")))
    return source, spans


# ------------------------------------------------------------------ Go (gorilla)

GO_HEADER = """package main

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

var _ = errors.New
var _ = strings.Contains
var _ = time.Now
var _ *tls.Config
var _ x509.UnknownAuthorityError
var _ = fmt.Sprint

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	var conn *websocket.Conn
	if os.Args[2] != "" {
		c, _, err := websocket.DefaultDialer.Dial(os.Args[2], nil)
		if err != nil {
			log.Fatalln("harness: dial:", err)
		}
		conn = c
	}
	examples[n](conn)
	if conn != nil {
		conn.SetReadDeadline(time.Now().Add(2 * time.Second))
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				break
			}
		}
	}
}
"""


def run_gorilla(examples, peer, reasons, failures):
    work = CACHE / "examples" / "gorilla"
    work.mkdir(parents=True, exist_ok=True)
    binary = work / "examples"
    urls = {}

    def generate(exs):
        funcs = []
        for i, ex in enumerate(exs):
            url = peer.close_url(ex) if ex.kind == "close" else peer.read_url(ex, reasons[ex.code])
            body = ex.source.replace(URL, url)
            urls[ex.id] = "" if "Dial(" in body else url
            funcs.append(f"func example{i}(conn *websocket.Conn) {{\n{textwrap.indent(body, chr(9))}}}\n")
        table = "var examples = []func(*websocket.Conn){" + ", ".join(f"example{i}" for i in range(len(exs))) + "}\n"
        source, spans = with_spans(GO_HEADER + "\n" + table + "\n", funcs)
        (work / "main.go").write_text(source)
        return spans

    # GOPATH mode against Debian's packages: capture/run sets GO111MODULE, GOPATH and GOCACHE.
    def build():
        return subprocess.run(["go", "build", "-o", str(binary), "."], cwd=work, capture_output=True, text=True)

    built = compile_each(examples, generate, build, re.compile(r"main\.go:(\d+):"), failures)
    ok = 0
    for i, ex in enumerate(built):
        out = run([str(binary), str(i), urls[ex.id]])
        ok += judge(ex, peer, out, failures)
    return ok


# ------------------------------------------------------------------ Rust (tungstenite)

RUST_HEADER = """#![allow(unused, unreachable_code, clippy::all)]
use std::net::TcpStream;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::WebSocket;

type Socket = WebSocket<MaybeTlsStream<TcpStream>>;

fn handle<T>(_: T) {}
fn run<T>(_: T) {}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args[1].parse().expect("example number");
    let url = &args[2];
    if url.is_empty() {
        let _ = EXAMPLES[n](None);
        return;
    }
    let (socket, _) = tungstenite::connect(url.as_str()).expect("harness: connect");
    let mut socket = Some(socket);
    if let Err(err) = EXAMPLES[n](socket.as_mut()) {
        eprintln!("example returned an error: {err}");
    }
    if let Some(socket) = socket.as_mut() {
        while socket.read().is_ok() {}
    }
}
"""


def run_tungstenite(examples, peer, reasons, failures):
    work = CACHE / "examples" / "tungstenite"
    (work / "src").mkdir(parents=True, exist_ok=True)
    manifest = (CAPTURE / "rust" / "Cargo.toml").read_text()
    # Same package and lock file as the capture program, another binary name.
    manifest = manifest.replace("publish = false", 'publish = false\nautobins = false\nbuild = false')
    manifest += '\n[[bin]]\nname = "capture-tungstenite-examples"\npath = "src/main.rs"\n'
    (work / "Cargo.toml").write_text(manifest)
    shutil.copy(CAPTURE / "rust" / "Cargo.lock", work / "Cargo.lock")
    env = dict(os.environ)
    env["CARGO_TARGET_DIR"] = os.environ.get("CAPTURE_TARGET", str(CACHE / "target"))
    binary = Path(env["CARGO_TARGET_DIR"]) / "debug" / "capture-tungstenite-examples"
    urls = {}

    def generate(exs):
        funcs = []
        for i, ex in enumerate(exs):
            url = peer.close_url(ex) if ex.kind == "close" else peer.read_url(ex, reasons[ex.code])
            body = ex.source.replace(URL, url)
            dials = "connect(" in body
            urls[ex.id] = "" if dials else url
            param = "_socket: Option<&mut Socket>" if dials else "socket: Option<&mut Socket>"
            prelude = "" if dials else '    let socket = socket.expect("socket");\n'
            funcs.append(
                f"fn example{i}({param}) -> Result<(), Box<dyn std::error::Error>> {{\n{prelude}"
                f"{textwrap.indent(body, '    ')}\n    Ok(())\n}}\n"
            )
        table = (
            "const EXAMPLES: &[fn(Option<&mut Socket>) -> Result<(), Box<dyn std::error::Error>>] = &["
            + ", ".join(f"example{i}" for i in range(len(exs))) + "];\n"
        )
        source, spans = with_spans(RUST_HEADER + "\n" + table + "\n", funcs)
        (work / "src" / "main.rs").write_text(source)
        return spans

    def build():
        return subprocess.run(["cargo", "build", "--locked", "-j", "1", "--quiet"], cwd=work, env=env,
                              capture_output=True, text=True)

    built = compile_each(examples, generate, build, re.compile(r"src/main\.rs:(\d+):"), failures)
    ok = 0
    for i, ex in enumerate(built):
        out = run([str(binary), str(i), urls[ex.id]])
        ok += judge(ex, peer, out, failures)
    return ok


# ------------------------------------------------------------------ browser

# The example runs as the page shows it; only two things are added: its
# console output is collected, and a close() called before the socket is
# open waits for the open event (a fragment leaves out when it closes).
BROWSER_SCRIPT = """
const done = arguments[arguments.length - 1];
const out = [];
for (const m of ["log", "info", "warn", "error"]) {
  const orig = console[m].bind(console);
  console[m] = (...args) => { out.push(args.join(" ")); orig(...args); };
}
const Real = WebSocket;
class Harness extends Real {
  constructor(...args) {
    super(...args);
    this.addEventListener("close", () => setTimeout(() => done(out), 300));
  }
  close(...args) {
    if (this.readyState === Real.CONNECTING) {
      this.addEventListener("open", () => super.close(...args));
    } else {
      super.close(...args);
    }
  }
}
setTimeout(() => done(out.concat(["(harness: no close event within 8 s)"])), 8000);
(() => {
  const WebSocket = Harness;
  %s
})();
"""


def run_browser(examples, peer, reasons, failures):
    sys.path.insert(0, str(CAPTURE / "browser"))
    import chrome

    ok = 0
    with chrome.session(18771) as (driver, _version):
        for ex in examples:
            url = peer.close_url(ex) if ex.kind == "close" else peer.read_url(ex, reasons[ex.code])
            body = ex.source.replace(URL, url)
            try:
                out = driver.execute_async_script(BROWSER_SCRIPT % body)
                text = "\n".join(out)
            except Exception as err:  # a script error is the example's output
                text = f"(script error) {str(err).splitlines()[0]}"
            chrome.console(driver)
            ok += judge(ex, peer, text, failures)
    return ok


# ------------------------------------------------------------------ all


def run_all(site, libs, peer_port, tls_port, events):
    examples, failures = find_examples(site)
    reasons = {}
    for path in (ROOT / "content" / "codes").glob("*.toml"):
        data = tomllib.loads(path.read_text())
        reasons[data["code"]] = data["name"].lower()
    peer = Peer(peer_port, tls_port, events)
    runners = {
        "python-websockets": lambda exs: run_python(exs, peer, reasons, failures),
        "ws": lambda exs: run_ws(exs, peer, reasons, failures),
        "gorilla": lambda exs: run_gorilla(exs, peer, reasons, failures),
        "tungstenite": lambda exs: run_tungstenite(exs, peer, reasons, failures),
        "browser": lambda exs: run_browser(exs, peer, reasons, failures),
    }
    per_library, total = {}, 0
    for lib in sorted({ex.library for ex in examples}):
        mine = [ex for ex in examples if ex.library == lib]
        if lib not in libs:
            continue
        started = time.monotonic()
        if lib not in runners:
            failures += [f"{ex.where()}: the harness has no runner for {lib}" for ex in mine]
            passed = 0
        else:
            passed = runners[lib](mine)
        total += len(mine)
        per_library[lib] = {"run": len(mine), "failed": len(mine) - passed, "seconds": time.monotonic() - started}
    if not examples and not failures:
        failures.append(f"no code examples found under {site}")
    return {"run": total, "failures": failures, "per_library": per_library}
