"""Speaks just enough of a protocol for its real client to connect, then
closes with the code the connection asks for, with the protocol's reason.

Usage: server.py SLUG PORT. Prints "ready" once it listens, then one line per
connection it closed. Python asyncio with the websockets package; the codes
and reasons are in codes.toml beside this file.

How a connection names its code, per protocol:
  graphql-ws       ws://HOST/graphql/CODE        after connection_init, ack, subscribe
  pusher           ws://HOST/app/key-CODE         pusher:error then close (after
                                                  connection_established for 41xx-43xx)
  centrifugo       ws://HOST/connection/websocket/CODE   after the connect command's reply
  obs-websocket    ws://HOST/CODE                 after Hello (op 0) and Identify (op 1)
  discord-gateway  the token is "code-CODE"       after Hello (op 10) and Identify (op 2);
                   GET /api/v10/gateway/bot answers with this server's URL

A client that reconnects after a code meets a server that no longer answers
on that code (it gets no handshake reply), so each code is seen once.
"""

import asyncio
import json
import logging
import os
import sys
import tomllib
from http import HTTPStatus
from pathlib import Path

from websockets.asyncio.server import serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Response

SLUG, PORT = sys.argv[1], int(sys.argv[2])
REASONS = {c: r for c, r in tomllib.loads((Path(__file__).parent / "codes.toml").read_text())[SLUG]["codes"]}
WAIT = 3
seen = set()  # codes already closed with once


def say(*parts):
    print(*parts, flush=True)


async def recv_json(ws):
    return json.loads(await asyncio.wait_for(ws.recv(), WAIT))


async def close(ws, code):
    say("close", code)
    await ws.close(code, REASONS[code])


def first_time(code):
    """True the first time a code is asked for; later connections hang."""
    if code in seen:
        return False
    seen.add(code)
    return True


async def graphql_ws(ws, code):
    message = await recv_json(ws)
    assert message["type"] == "connection_init", message
    await ws.send(json.dumps({"type": "connection_ack"}))
    try:
        await recv_json(ws)  # subscribe
    except TimeoutError:
        pass
    await close(ws, code)


async def pusher(ws, code):
    if code >= 4100:
        data = json.dumps({"socket_id": "1234.5678", "activity_timeout": 120})
        await ws.send(json.dumps({"event": "pusher:connection_established", "data": data}))
        await asyncio.sleep(0.05)
    await ws.send(json.dumps({"event": "pusher:error", "data": {"code": code, "message": REASONS[code]}}))
    await close(ws, code)


async def centrifugo(ws, code):
    # Commands are JSON objects, one a line; the first is connect.
    command = json.loads((await asyncio.wait_for(ws.recv(), WAIT)).splitlines()[0])
    assert "connect" in command, command
    reply = {"id": command["id"], "connect": {"client": "client-1", "version": "6.0.0", "ping": 25, "pong": True}}
    await ws.send(json.dumps(reply))
    await asyncio.sleep(0.05)
    await close(ws, code)


async def obs_websocket(ws, code):
    await ws.send(json.dumps({"op": 0, "d": {"obsWebSocketVersion": "5.5.2", "rpcVersion": 1}}))
    message = await recv_json(ws)
    assert message["op"] == 1, message
    await close(ws, code)


async def discord_gateway(ws, _):
    await ws.send(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None}))
    while True:
        message = await recv_json(ws)
        if message["op"] == 2:
            break
    token = message["d"]["token"]
    code = int(token.rsplit("-", 1)[1])
    if not first_time(code):
        await asyncio.sleep(WAIT)
        return
    await close(ws, code)


def code_from_path(path):
    return int(path.split("?")[0].rstrip("/").rsplit("/", 1)[1].removeprefix("key-"))


HANDLERS = {
    "graphql-ws": graphql_ws,
    "pusher": pusher,
    "centrifugo": centrifugo,
    "obs-websocket": obs_websocket,
    "discord-gateway": discord_gateway,
}
SUBPROTOCOLS = {"graphql-ws": ["graphql-transport-ws"], "obs-websocket": ["obswebsocket.json"]}


async def handler(ws):
    code = None if SLUG == "discord-gateway" else code_from_path(ws.request.path)
    if code is not None and not first_time(code):
        await asyncio.sleep(WAIT)
        return
    try:
        await HANDLERS[SLUG](ws, code)
        await asyncio.wait_for(ws.wait_closed(), WAIT)
    except (ConnectionClosed, TimeoutError):
        pass


def process_request(connection, request):
    """Discord's REST call for the gateway URL; everything else upgrades."""
    if SLUG == "discord-gateway" and request.path.startswith("/api/"):
        body = json.dumps({
            "url": f"ws://127.0.0.1:{PORT}",
            "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
        }).encode()
        headers = Headers([("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return Response(HTTPStatus.OK.value, HTTPStatus.OK.phrase, headers, body)
    return None


async def main():
    async with serve(handler, "127.0.0.1", PORT, subprotocols=SUBPROTOCOLS.get(SLUG),
                     process_request=process_request, ping_interval=None):
        say("ready")
        await asyncio.get_running_loop().create_future()


if os.environ.get("CAPTURE_SERVER_DEBUG"):  # the handshakes, to stderr
    logging.basicConfig(level=logging.DEBUG)
asyncio.run(main())
