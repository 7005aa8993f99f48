"""trio-websocket: what each side raises when a connection closes.

Usage: trio_capture.py PLAN.json; prints JSON lines (see capture/lib/collect.py).
"""

import ssl
import subprocess
import sys
from importlib.metadata import version

import trio
from trio_websocket import ConnectionClosed, open_websocket_url, serve_websocket

from common import PLAN, SELF, TIMEOUT, MAX, meta, emit, bad_servers, bad_clients, peer_command

server_done = {}
refused = set()


def done(scenario):
    return server_done.setdefault(scenario, trio.Event())


def closed(scenario, code, side, err):
    """A ConnectionClosed: str() as print and logging show it, repr() too."""
    seen = err.reason.code if err.reason else None
    emit(scenario, code, side, "exception", str(err), seen)
    emit(scenario, code, side, "value", repr(err), seen)


async def read_all(ws, scenario, code, side):
    try:
        with trio.fail_after(TIMEOUT):
            while True:
                await ws.get_message()
    except ConnectionClosed as err:
        if scenario not in refused:
            closed(scenario, code, side, err)


async def handler(request):
    parts = request.path.strip("/").split("/")
    scenario = parts[-1]
    code = int(parts[1])
    try:
        ws = await request.accept()
        if parts[0] == "server-close":
            try:
                with trio.move_on_after(1):
                    # It waits for the peer's Close frame; a peer that answers
                    # a code it refuses with another code leaves it waiting.
                    await ws.aclose(code, PLAN["reasons"][parts[1]])
            except Exception as err:  # a code the library refuses to send
                emit(scenario, code, "server", "exception", err)
                refused.add(scenario)
                await ws.aclose()
                return
        await read_all(ws, scenario, code, "server")
    finally:
        done(scenario).set()


async def pair(code, reason):
    scenario = f"server-close-{code}"
    async with open_websocket_url(f"{SELF}/server-close/{code}/{scenario}", max_message_size=MAX,
                                  disconnect_timeout=1) as ws:
        await read_all(ws, scenario, code, "client")
    with trio.move_on_after(TIMEOUT) as waited:
        await done(scenario).wait()
    if waited.cancelled_caught:
        print(f"timed out waiting for the server side of {scenario}", file=sys.stderr)

    scenario = f"client-close-{code}"
    async with open_websocket_url(f"{SELF}/read/{code}/{scenario}", max_message_size=MAX,
                                  disconnect_timeout=1) as ws:
        try:
            await ws.aclose(code, reason)
        except Exception as err:
            emit(scenario, code, "client", "exception", err)
            refused.add(scenario)
            await ws.aclose()
        else:
            await read_all(ws, scenario, code, "client")
    with trio.move_on_after(TIMEOUT) as waited:
        await done(scenario).wait()
    if waited.cancelled_caught:
        print(f"timed out waiting for the server side of {scenario}", file=sys.stderr)


async def bad_server(scenario, code, url):
    context = ssl.create_default_context() if url.startswith("wss:") else None
    try:
        async with open_websocket_url(url, context, max_message_size=MAX, connect_timeout=2,
                                      disconnect_timeout=1) as ws:
            await read_all(ws, scenario, code, "client")
    except ConnectionClosed as err:
        closed(scenario, code, "client", err)
    except Exception as err:  # the handshake failed
        emit(scenario, code, "client", "exception", err)
        if repr(err) != str(err):
            emit(scenario, code, "client", "value", repr(err))


async def bad_client(scenario, code, action, args):
    url = f"{SELF}/read/{code}/{scenario}"
    async with trio.open_nursery() as nursery:
        nursery.start_soon(lambda: trio.run_process(peer_command(url, action, args), stdout=subprocess.DEVNULL, check=False))
        with trio.fail_after(TIMEOUT):
            await done(scenario).wait()


async def main():
    meta("trio-websocket", version("trio-websocket"))
    async with trio.open_nursery() as nursery:
        await nursery.start(lambda task_status: serve_websocket(
            handler, "127.0.0.1", PLAN["port"], None, max_message_size=MAX, task_status=task_status))
        for code, reason in PLAN["codes"]:
            await pair(code, reason)
        for scenario, code, url in bad_servers():
            await bad_server(scenario, code, url)
        for scenario, code, action, args in bad_clients():
            await bad_client(scenario, code, action, args)
        nursery.cancel_scope.cancel()


trio.run(main)
