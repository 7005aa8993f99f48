"""centrifuge-python (Centrifugo's Python SDK): the events and log lines a
client produces when the server closes with each of Centrifugo's codes.

Usage: centrifuge_capture.py PLAN.json; prints JSON lines (see capture/lib/collect.py).
"""

import asyncio
import json
import logging
import platform
import sys
from importlib.metadata import version

from centrifuge import Client, ClientEventHandler

PLAN = json.load(open(sys.argv[-1]))
printed = set()
current = {"code": None, "done": None}


def emit(code, kind, text, seen=None):
    text = str(text).splitlines()[0] if str(text).strip() else ""
    if not text or (code, kind, text) in printed:
        return
    printed.add((code, kind, text))
    line = {"scenario": f"server-close-{code}", "code": code, "side": "client", "kind": kind, "text": text}
    if seen is not None:
        line["seen"] = seen
    print(json.dumps(line), flush=True)


class LogLines(logging.Handler):
    """Its log line that names the close; the rest is the same for every code."""

    def emit(self, record):
        message = record.getMessage()
        if current["code"] is not None and message.startswith("connection closed, code:"):
            emit(current["code"], "log", message)


class Events(ClientEventHandler):
    connected = False

    async def on_connected(self, ctx):
        self.connected = True

    async def on_connecting(self, ctx):
        if self.connected and current["code"] is not None:
            emit(current["code"], "value", repr(ctx), ctx.code)
            current["done"].set()

    async def on_disconnected(self, ctx):
        if current["code"] is not None:
            emit(current["code"], "value", repr(ctx), ctx.code)
            current["done"].set()

    async def on_error(self, ctx):
        if current["code"] is not None:
            emit(current["code"], "exception", repr(ctx))


async def main():
    print(json.dumps({"meta": {"library": "centrifuge-python", "version": version("centrifuge-python"),
                               "runtime": f"Python {platform.python_version()}", "protocol": PLAN["protocol"]}}),
          flush=True)
    logger = logging.getLogger("centrifuge")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(LogLines())
    logger.propagate = False
    for code, _ in PLAN["protocol_codes"]:
        current["code"], current["done"] = code, asyncio.Event()
        client = Client(f"{PLAN['server']}/connection/websocket/{code}", events=Events(),
                        min_reconnect_delay=60, max_reconnect_delay=60)
        await client.connect()
        try:
            await asyncio.wait_for(current["done"].wait(), 5)
        except TimeoutError:
            print(f"nothing reported for {code}", file=sys.stderr)
        current["code"] = None
        await client.disconnect()


asyncio.run(main())
