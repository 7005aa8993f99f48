"""Runs the capture programs and the site's code examples; writes
content/captured/. Started by capture/run once everything is installed.

Usage: harness.py --libs ID,ID --site DIR [--failed-installs FILE]
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time
import threading
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import collect  # noqa: E402
import examples  # noqa: E402

CAPTURE = Path(__file__).resolve().parent.parent
ROOT = CAPTURE.parent
CACHE = Path(os.environ.get("CAPTURE_CACHE", CAPTURE / ".cache"))
PEER_PORT, TLS_PORT, REFUSED_PORT = 18700, 18701, 18799
PRIVATE_SAMPLES = (4000, 4999)
PROGRAM_TIMEOUT = 300


def python():
    return str(CACHE / "venv" / "bin" / "python")


def java_classpath():
    jars = ["okhttp.jar", "okio.jar"]
    return ":".join([str(CACHE / "java")] + [f"/usr/share/java/{j}" for j in jars])


# Each library or runtime: the port its own servers use and how to start its
# capture program (which gets the plan's path as its last argument).
LIBRARIES = {
    "python-websockets": (18710, lambda: [python(), str(CAPTURE / "python" / "capture.py")]),
    "ws": (18720, lambda: ["node", str(CAPTURE / "node" / "ws.mjs")]),
    "undici": (18730, lambda: ["node", "--experimental-websocket", str(CAPTURE / "node" / "undici.mjs")]),
    "gorilla": (18740, lambda: [str(CACHE / "bin" / "gorilla")]),
    "coder": (18750, lambda: [str(CACHE / "bin" / "coder")]),
    "tungstenite": (18760, lambda: [os.environ["CAPTURE_TUNGSTENITE_BIN"]]),
    "browser": (18770, lambda: [python(), str(CAPTURE / "browser" / "capture.py")]),
    "okhttp": (18780, lambda: ["java", "-cp", java_classpath(), "OkHttpCapture"]),
    "trio-websocket": (18711, lambda: [python(), str(CAPTURE / "python" / "trio_capture.py")]),
    "simple-websocket": (18712, lambda: [python(), str(CAPTURE / "python" / "simple_capture.py")]),
    "deno": (18721, lambda: [node_bin("deno"), "run", "--allow-all", "--quiet", str(CAPTURE / "node" / "web.mjs"), "deno"]),
    "bun": (18722, lambda: [node_bin("bun"), str(CAPTURE / "node" / "web.mjs"), "bun"]),
    "x-net-websocket": (18741, lambda: [str(CACHE / "bin" / "xnet")]),
    "websocket-driver": (18781, lambda: ["ruby", str(CAPTURE / "ruby" / "capture.rb")]),
}


# Clients of the protocols that define their own close codes (3000-4999):
# library -> (protocol slug, port of its server, program). capture() starts
# protocols/server.py for the protocol on that port and gives the program
# its URL; the codes are in protocols/codes.toml.
PROTOCOL_CLIENTS = {
    "graphql-ws": ("graphql-ws", 18790, lambda: ["node", str(CAPTURE / "node" / "protocols" / "graphql-ws.mjs")]),
    "gql": ("graphql-ws", 18791, lambda: [python(), str(CAPTURE / "protocols" / "gql_capture.py")]),
    "pusher-js": ("pusher", 18792, lambda: ["node", str(CAPTURE / "node" / "protocols" / "pusher-js.mjs")]),
    "centrifuge-js": ("centrifugo", 18793, lambda: ["node", str(CAPTURE / "node" / "protocols" / "centrifuge-js.mjs")]),
    "obs-websocket-js": ("obs-websocket", 18794, lambda: ["node", str(CAPTURE / "node" / "protocols" / "obs-websocket-js.mjs")]),
    "centrifuge-python": ("centrifugo", 18796, lambda: [python(), str(CAPTURE / "protocols" / "centrifuge_capture.py")]),
    "discord.js": ("discord-gateway", 18795, lambda: ["node", str(CAPTURE / "node" / "protocols" / "discord.js.mjs")]),
}
LIBRARIES.update({lib: (port, command) for lib, (_, port, command) in PROTOCOL_CLIENTS.items()})


def node_bin(name):
    return str(CAPTURE / "node" / "node_modules" / ".bin" / name)


# Libraries kept out of the lookup's rules, so that its precision can be
# measured on texts it was not written from: their captures are written to
# CAPTURE_HELDOUT (default capture/.cache/heldout/), never to content/. None
# now: the last three were measured and brought in (capture/README.md).
HELD_OUT = set()
HELD_OUT_DIR = Path(os.environ.get("CAPTURE_HELDOUT", CACHE / "heldout"))


def load_codes():
    codes = []
    for path in sorted((ROOT / "content" / "codes").glob("*.toml")):
        data = tomllib.loads(path.read_text())
        codes.append((data["code"], data["name"].lower(), data.get("sendable", True)))
    codes += [(c, "private", True) for c in PRIVATE_SAMPLES]
    return sorted(codes)


def write_plan(library, port, codes):
    plan = protocol_plan(library, port) if library in PROTOCOL_CLIENTS else {}
    plan |= {
        "codes": [[c, reason] for c, reason, _ in codes],
        "reasons": {str(c): reason for c, reason, _ in codes},
        "wire_only": [c for c, _, sendable in codes if not sendable],
        "peer": f"ws://127.0.0.1:{PEER_PORT}",
        "tls_peer": f"wss://127.0.0.1:{TLS_PORT}/",
        "refused": f"ws://127.0.0.1:{REFUSED_PORT}/",
        "port": port,
        "peer_cmd": [sys.executable, str(CAPTURE / "lib" / "peer.py")],
        "cache": str(CACHE),
    }
    path = CACHE / "plans" / f"{library}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(plan, indent=1))
    return path


def protocol_plan(library, port):
    slug = PROTOCOL_CLIENTS[library][0]
    table = tomllib.loads((CAPTURE / "protocols" / "codes.toml").read_text())[slug]
    return {"protocol": slug, "protocol_codes": table["codes"], "server": f"ws://127.0.0.1:{port}"}


def start_protocol_server(library, port):
    """protocols/server.py speaking the library's protocol on its port."""
    slug = PROTOCOL_CLIENTS[library][0]
    (CACHE / "logs").mkdir(parents=True, exist_ok=True)
    log = open(CACHE / "logs" / f"{library}.server", "w")
    proc = subprocess.Popen([sys.executable, str(CAPTURE / "protocols" / "server.py"), slug, str(port)],
                            stdout=subprocess.PIPE, stderr=log, text=True)
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        raise RuntimeError(f"the {slug} server did not start on 127.0.0.1:{port}; see {log.name}")

    def drain():  # what it closed with, for the log
        with open(CACHE / "logs" / f"{library}.server", "a") as out:
            for line in proc.stdout:
                out.write(line)

    threading.Thread(target=drain, daemon=True).start()
    return proc


def make_cert():
    tls = CACHE / "tls"
    tls.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-addext", "basicConstraints=critical,CA:FALSE",
         "-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem")],
        check=True, capture_output=True,
    )
    return tls / "cert.pem", tls / "key.pem"


def start_peer(cert, key):
    """The raw peer, and the list its output lines are appended to."""
    log = open(CACHE / "peer.log", "w")
    proc = subprocess.Popen(
        [sys.executable, str(CAPTURE / "lib" / "peer.py"), "serve", str(PEER_PORT), str(TLS_PORT), str(cert), str(key)],
        stdout=subprocess.PIPE, stderr=log, text=True,
    )
    if proc.stdout.readline().strip() != "ready":
        raise SystemExit(f"the raw peer did not start on 127.0.0.1:{PEER_PORT}; see {CACHE / 'peer.log'}")
    events = []

    def read():
        for line in proc.stdout:
            events.append(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return proc, events


def capture(library, codes):
    """Run one library's program; returns (lines written, seconds, error)."""
    port, command = LIBRARIES[library]
    started = time.monotonic()
    plan = write_plan(library, port, codes)
    server = None
    try:
        if library in PROTOCOL_CLIENTS:
            server = start_protocol_server(library, port)
        result = subprocess.run(
            command() + [str(plan)], capture_output=True, text=True, timeout=PROGRAM_TIMEOUT, cwd=CAPTURE,
        )
    except subprocess.TimeoutExpired:
        return 0, time.monotonic() - started, f"timed out after {PROGRAM_TIMEOUT} s", []
    except RuntimeError as err:
        return 0, time.monotonic() - started, str(err), []
    finally:
        if server:
            server.terminate()
            server.wait()
    (CACHE / "logs").mkdir(exist_ok=True)
    (CACHE / "logs" / f"{library}.stderr").write_text(result.stderr)
    (CACHE / "logs" / f"{library}.stdout").write_text(result.stdout)
    if result.returncode != 0:
        tail = result.stderr.strip().splitlines()[-5:]
        return 0, time.monotonic() - started, f"exit {result.returncode}: " + " | ".join(tail), []
    try:
        meta, lines = collect.parse(library, result.stdout)
        lines = collect.one_line_per_text(lines, protocol=bool(meta.get("protocol")))
        lines = collect.unique_ids(lines)
    except collect.CaptureError as err:
        return 0, time.monotonic() - started, str(err), []
    out = (HELD_OUT_DIR if library in HELD_OUT else ROOT / "content" / "captured") / f"{library}.toml"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(collect.render(meta, lines))
    return len(lines), time.monotonic() - started, None, collect.code_mismatches(lines)


def build_site():
    """Builds the site with the generator; returns (directory, error)."""
    print("capture: building the site", flush=True)
    started = time.monotonic()
    build = subprocess.run(["cargo", "build", "--quiet", "--release", "-j", "1"], cwd=ROOT,
                           capture_output=True, text=True)
    if build.returncode != 0:
        return None, "site: cargo build --release failed:\n" + build.stderr.strip()[-2000:]
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    out = CACHE / "public"
    run = subprocess.run([str(target / "release" / "closecodes"), "build", "--out", str(out)], cwd=ROOT,
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None, "site: closecodes build failed:\n" + (run.stdout + run.stderr).strip()[-2000:]
    print(f"capture: site built in {time.monotonic() - started:.1f} s", flush=True)
    return out, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--libs", required=True)
    ap.add_argument("--site", help="the built site; default: build it from this checkout")
    ap.add_argument("--failed-installs")
    args = ap.parse_args()
    libs = [lib for lib in args.libs.split(",") if lib]
    unknown = [lib for lib in libs if lib not in LIBRARIES]
    if unknown:
        raise SystemExit(f"unknown library: {', '.join(unknown)} (known: {', '.join(LIBRARIES)})")

    codes = load_codes()
    cert, key = make_cert()
    os.environ["CAPTURE_CERT"] = str(cert)
    peer, events = start_peer(cert, key)
    failures = []
    if args.failed_installs and Path(args.failed_installs).exists():
        failures += [f"install: {line}" for line in Path(args.failed_installs).read_text().splitlines() if line]
    summary = {}
    try:
        # Two at a time: each program is mostly waiting on its own sockets.
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            jobs = {lib: pool.submit(capture, lib, codes) for lib in libs}
            for lib, job in jobs.items():
                count, seconds, error, notes = job.result()
                summary[lib] = {"lines": count, "capture_s": seconds, "notes": notes}
                if error:
                    failures.append(f"{lib}: capture failed: {error}")
        site, error = (Path(args.site), None) if args.site else build_site()
        if error:
            failures.append(error)
            ex = {"run": 0, "failures": ["no example ran: the site did not build"], "per_library": {}}
        else:
            ex = examples.run_all(site, libs, PEER_PORT, TLS_PORT, events)
    finally:
        peer.terminate()
        peer.wait()

    print()
    print(f"{'library':<18} {'lines':>5} {'capture s':>9} {'examples':>8} {'failed':>6} {'examples s':>10}")
    total = 0
    for lib in libs:
        s = summary[lib]
        e = ex["per_library"].get(lib, {"run": 0, "failed": 0, "seconds": 0.0})
        total += s["lines"]
        print(f"{lib:<18} {s['lines']:>5} {s['capture_s']:>9.1f} {e['run']:>8} {e['failed']:>6} {e['seconds']:>10.1f}")
    print(f"{'total':<18} {total:>5} {'':>9} {ex['run']:>8} {len(ex['failures']):>6}")
    notes = [f"{lib}: {n}" for lib in libs for n in summary[lib]["notes"]]
    if notes:
        print("\nLines whose text names another code than the page they point at:")
        for n in notes:
            print("  " + n)
    failures += ex["failures"]
    if failures:
        print(f"\n{len(failures)} problem(s):")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print("\nEvery library installed and ran; every example printed its code.")


if __name__ == "__main__":
    main()
