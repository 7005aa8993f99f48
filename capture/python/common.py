"""Shared by the Python capture programs other than python-websockets: the
plan, output lines and the scenarios every library meets.

A program prints JSON lines (see capture/lib/collect.py): first its library
and version, then one object per captured text.
"""

import json
import platform
import sys
import threading

PLAN = json.load(open(sys.argv[-1]))
PORT = PLAN["port"]
SELF = f"ws://127.0.0.1:{PORT}"
TIMEOUT = 5
MAX = 1 << 20
_out = threading.Lock()


def meta(library, version, **more):
    print(json.dumps({"meta": {"library": library, "version": version,
                               "runtime": f"Python {platform.python_version()}", **more}}), flush=True)


def emit(scenario, code, side, kind, text, seen=None):
    if isinstance(text, BaseException):
        text = str(text) or type(text).__name__
    text = str(text)
    if not text.strip():
        return
    # One line per text: a multi-line message is cut at its first line break.
    text = text.splitlines()[0] if "\n" in text or "\r" in text else text
    line = {"scenario": scenario, "code": code, "side": side, "kind": kind, "text": text}
    if seen is not None:
        line["seen"] = seen
    with _out:  # one whole line at a time, whichever thread prints it
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()


# The misbehaving servers a client meets: (scenario, code, url).
def bad_servers(skip=()):
    peer = PLAN["peer"]
    out = [
        ("bad-server-reset", 1006, f"{peer}/reset"),
        ("bad-server-eof", 1006, f"{peer}/eof"),
        ("bad-server-close-empty", 1005, f"{peer}/close-empty"),
        ("bad-server-invalid-utf8", 1007, f"{peer}/utf8"),
        ("bad-server-rsv-bit", 1002, f"{peer}/rsv"),
        ("bad-server-masked-frame", 1002, f"{peer}/masked"),
        ("bad-server-ping-too-big", 1002, f"{peer}/ping-big"),
        ("bad-server-too-big", 1009, f"{peer}/big/{MAX + 1}"),
    ]
    out += [(f"bad-server-sends-{c}", c, f"{peer}/close/{c}") for c in PLAN["wire_only"]]
    out += [
        ("handshake-403", 1006, f"{peer}/403"),
        ("handshake-404", 1006, f"{peer}/404"),
        ("tls-self-signed", 1015, PLAN["tls_peer"]),
        ("connection-refused", 1006, PLAN["refused"]),
    ]
    return [s for s in out if s[0] not in skip]


# The misbehaving clients a server meets: (scenario, code, action, args).
def bad_clients(skip=()):
    out = [
        ("bad-client-reset", 1006, "reset", []),
        ("bad-client-killed", 1006, "killed", []),
        ("bad-client-eof", 1006, "eof", []),
        ("bad-client-close-empty", 1005, "close-empty", []),
        ("bad-client-invalid-utf8", 1007, "utf8", []),
        ("bad-client-rsv-bit", 1002, "rsv", []),
        ("bad-client-unmasked-frame", 1002, "unmasked", []),
        ("bad-client-ping-too-big", 1002, "ping-big", []),
        ("bad-client-too-big", 1009, "big", [MAX + 1]),
    ]
    out += [(f"bad-client-sends-{c}", c, "close", [c, PLAN["reasons"][str(c)]]) for c in PLAN["wire_only"]]
    return [s for s in out if s[0] not in skip]


def peer_command(url, action, args):
    return [*PLAN["peer_cmd"], "client", url, action, *map(str, args)]
