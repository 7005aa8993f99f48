"""gql's WebsocketsTransport with the graphql-transport-ws subprotocol: what
a subscription raises when the server closes with each graphql-ws code.

Usage: gql_capture.py PLAN.json; prints JSON lines (see capture/lib/collect.py).
"""

import asyncio
import json
import platform
import sys
from importlib.metadata import version

from gql import Client, gql
from gql.transport.websockets import WebsocketsTransport

PLAN = json.load(open(sys.argv[-1]))
printed = set()


def emit(code, kind, text, seen=None):
    text = str(text).splitlines()[0] if str(text).strip() else ""
    if not text or (code, kind, text) in printed:
        return
    printed.add((code, kind, text))
    line = {"scenario": f"server-close-{code}", "code": code, "side": "client", "kind": kind, "text": text}
    if seen is not None:
        line["seen"] = seen
    print(json.dumps(line), flush=True)


async def one(code):
    transport = WebsocketsTransport(
        url=f"{PLAN['server']}/graphql/{code}",
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        close_timeout=1,
    )
    try:
        async with Client(transport=transport) as session:
            async for _ in session.subscribe(gql("subscription { greetings }")):
                pass
        emit(code, "value", "subscription ended")
    except Exception as err:
        # As print(err) and a traceback's last line show it.
        emit(code, "exception", err, getattr(err, "code", None))
        emit(code, "exception", f"{type(err).__module__}.{type(err).__qualname__}: {err}", getattr(err, "code", None))
        # A traceback shows the exception it was raised from first.
        cause = err.__cause__ or err.__context__
        if cause is not None:
            seen = getattr(getattr(cause, "rcvd", None), "code", None)
            emit(code, "exception", f"{type(cause).__module__}.{type(cause).__qualname__}: {cause}", seen)


async def main():
    print(json.dumps({"meta": {"library": "gql", "version": version("gql"),
                               "runtime": f"Python {platform.python_version()}", "protocol": PLAN["protocol"]}}),
          flush=True)
    for code, _ in PLAN["protocol_codes"]:
        await asyncio.wait_for(one(code), 5)


asyncio.run(main())
