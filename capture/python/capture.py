"""python-websockets: what each side raises when a connection closes.

Usage: capture.py PLAN.json. Prints one JSON object per line: first the
library and version, then one per captured line (see capture/lib/collect.py).
"""

import asyncio
import json
import platform
import ssl
import sys

import websockets
from websockets.asyncio.client import connect
from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

PLAN = json.load(open(sys.argv[1]))
PORT = PLAN["port"]
SELF = f"ws://127.0.0.1:{PORT}"
TIMEOUT = 5


def emit(scenario, code, side, kind, text, seen=None):
    if isinstance(text, BaseException):
        text = str(text) or type(text).__name__
    line = {"scenario": scenario, "code": code, "side": side, "kind": kind, "text": text}
    if seen is not None:
        line["seen"] = seen
    print(json.dumps(line), flush=True)


def closed(scenario, code, side, err, ws):
    """A ConnectionClosed: its text and the code this side reports."""
    emit(scenario, code, side, "exception", err, ws.close_code)


# What the server side did, per scenario, for the client side to wait on.
server_done = {}
# Scenarios where the sender refused the code: the other side saw only a 1000.
refused = set()


def done(scenario):
    return server_done.setdefault(scenario, asyncio.get_running_loop().create_future())


async def handler(ws):
    parts = ws.request.path.strip("/").split("/")
    scenario = parts[-1]
    try:
        if parts[0] == "server-close":
            code, reason = int(parts[1]), PLAN["reasons"][parts[1]]
            try:
                await ws.close(code, reason)
            except Exception as err:  # a code the library refuses to send
                emit(scenario, code, "server", "exception", err)
                refused.add(scenario)
                await ws.close()
                return
            try:
                await ws.recv()
            except ConnectionClosed as err:
                closed(scenario, code, "server", err, ws)
        else:  # read until the peer is done: client-close-N and the misbehaving clients
            code = int(parts[1])
            try:
                async for _ in ws:
                    pass
                # A normal closure ends the loop without raising: read once more.
                await ws.recv()
            except ConnectionClosed as err:
                if scenario not in refused:
                    closed(scenario, code, "server", err, ws)
    finally:
        if not done(scenario).done():
            done(scenario).set_result(None)


async def library_pair(code, reason):
    # server-close-N: the server closes, the client reads.
    scenario = f"server-close-{code}"
    async with connect(f"{SELF}/server-close/{code}/{scenario}") as ws:
        try:
            await asyncio.wait_for(ws.recv(), TIMEOUT)
        except ConnectionClosed as err:
            if scenario not in refused:
                closed(scenario, code, "client", err, ws)
    await asyncio.wait_for(done(scenario), TIMEOUT)

    # client-close-N: the client closes, the server reads.
    scenario = f"client-close-{code}"
    async with connect(f"{SELF}/read/{code}/{scenario}") as ws:
        try:
            await ws.close(code, reason)
        except Exception as err:
            emit(scenario, code, "client", "exception", err)
            refused.add(scenario)
            await ws.close()
            await asyncio.wait_for(done(scenario), TIMEOUT)
            return
        try:
            await ws.recv()
        except ConnectionClosed as err:
            closed(scenario, code, "client", err, ws)
    await asyncio.wait_for(done(scenario), TIMEOUT)


async def against_bad_server(scenario, code, path, **kwargs):
    """The library as client of the misbehaving peer."""
    url = (PLAN["tls_peer"] if path == "tls" else PLAN["peer"] + path) if path != "refused" else PLAN["refused"]
    if path == "tls":
        kwargs["ssl"] = ssl.create_default_context()
    try:
        async with connect(url, open_timeout=TIMEOUT, **kwargs) as ws:
            try:
                while True:
                    await asyncio.wait_for(ws.recv(), TIMEOUT)
            except ConnectionClosed as err:
                closed(scenario, code, "client", err, ws)
    except ConnectionClosed:
        raise
    except Exception as err:
        emit(scenario, code, "client", "exception", err)


async def against_bad_client(scenario, code, action, *args):
    """The library as server of the misbehaving peer."""
    proc = await asyncio.create_subprocess_exec(
        *PLAN["peer_cmd"], "client", f"{SELF}/read/{code}/{scenario}", action, *map(str, args),
        stdout=asyncio.subprocess.DEVNULL,
    )
    await asyncio.wait_for(done(scenario), TIMEOUT)
    await proc.wait()


async def main():
    print(json.dumps({"meta": {
        "library": "python-websockets",
        "version": websockets.__version__,
        "runtime": f"Python {platform.python_version()}",
    }}), flush=True)
    async with serve(handler, "127.0.0.1", PORT, ping_interval=None):
        for code, reason in PLAN["codes"]:
            await library_pair(code, reason)

        await against_bad_server("bad-server-reset", 1006, "/reset")
        await against_bad_server("bad-server-eof", 1006, "/eof")
        await against_bad_server("bad-server-close-empty", 1005, "/close-empty")
        await against_bad_server("bad-server-invalid-utf8", 1007, "/utf8")
        await against_bad_server("bad-server-rsv-bit", 1002, "/rsv")
        await against_bad_server("bad-server-masked-frame", 1002, "/masked")
        await against_bad_server("bad-server-ping-too-big", 1002, "/ping-big")
        await against_bad_server("bad-server-too-big", 1009, f"/big/{2**20 + 1}")
        for code in PLAN["wire_only"]:
            await against_bad_server(f"bad-server-sends-{code}", 1002, f"/close/{code}")
        await against_bad_server("keepalive-client", 1011, "/silent", ping_interval=0.2, ping_timeout=0.2, close_timeout=0.5)
        await against_bad_server("handshake-403", 1006, "/403")
        await against_bad_server("handshake-404", 1006, "/404")
        await against_bad_server("tls-self-signed", 1015, "tls")
        await against_bad_server("connection-refused", 1006, "refused")

        await against_bad_client("bad-client-reset", 1006, "reset")
        await against_bad_client("bad-client-killed", 1006, "killed")
        await against_bad_client("bad-client-eof", 1006, "eof")
        await against_bad_client("bad-client-close-empty", 1005, "close-empty")
        await against_bad_client("bad-client-invalid-utf8", 1007, "utf8")
        await against_bad_client("bad-client-rsv-bit", 1002, "rsv")
        await against_bad_client("bad-client-unmasked-frame", 1002, "unmasked")
        await against_bad_client("bad-client-ping-too-big", 1002, "ping-big")
        await against_bad_client("bad-client-too-big", 1009, "big", 2**20 + 1)
        for code in PLAN["wire_only"]:
            await against_bad_client(f"bad-client-sends-{code}", 1002, "close", code, PLAN["reasons"][str(code)])

    # The server's keepalive: a client that never answers pings.
    async with serve(handler, "127.0.0.1", PORT, ping_interval=0.2, ping_timeout=0.2, close_timeout=0.5):
        await against_bad_client("keepalive-server", 1011, "silent", 3)


asyncio.run(main())
