"""simple-websocket: what each side raises when a connection closes.

The server side runs under Werkzeug's WSGI server, as Flask-Sock runs it.
Usage: simple_capture.py PLAN.json; prints JSON lines (see capture/lib/collect.py).
"""

import logging
import ssl
import subprocess
import sys
import threading
import time
from importlib.metadata import version

import simple_websocket
from simple_websocket import ConnectionClosed
from werkzeug.serving import make_server

from common import PLAN, SELF, TIMEOUT, MAX, meta, emit, bad_servers, bad_clients, peer_command

logging.getLogger("werkzeug").disabled = True
server_done = {}
refused = set()
lock = threading.Lock()


def done(scenario):
    with lock:
        return server_done.setdefault(scenario, threading.Event())


# A reader thread that dies prints its traceback through threading.excepthook:
# the last line of it is what a developer finds in the log.
current = {}


def excepthook(args):
    scenario, code, side = current.get(args.thread.ident, (None, None, None))
    if scenario and args.exc_type is not SystemExit:
        emit(scenario, code, side, "log", f"{args.exc_type.__module__}.{args.exc_type.__qualname__}: {args.exc_value}")


threading.excepthook = excepthook


def read_all(ws, scenario, code, side):
    """receive() until it raises; the ConnectionClosed as str() shows it."""
    try:
        while True:
            if ws.receive(timeout=2) is None and ws.connected:
                return
    except ConnectionClosed as err:
        if scenario not in refused:
            seen = int(err.reason) if err.reason is not None else None
            emit(scenario, code, side, "exception", err, seen)


def app(environ, start_response):
    parts = environ["PATH_INFO"].strip("/").split("/")
    scenario, code = parts[-1], int(parts[1])
    try:
        ws = simple_websocket.Server.accept(environ, max_message_size=MAX)
        current[ws.thread.ident] = (scenario, code, "server")
        if parts[0] == "server-close":
            # A frame that arrives together with the handshake response waits
            # in the client until more data comes (see bad_servers below).
            time.sleep(0.05)
            try:
                ws.close(code, PLAN["reasons"][parts[1]])
            except Exception as err:  # a code the library refuses to send
                emit(scenario, code, "server", "exception", err)
                refused.add(scenario)
                ws.close()
                return []
            ws.thread.join(TIMEOUT)  # as for the client below: the answer first
        read_all(ws, scenario, code, "server")
        ws.thread.join(TIMEOUT)
    except Exception as err:
        emit(scenario, code, "server", "exception", err)
    finally:
        done(scenario).set()
    return []


def connect(url, scenario, code):
    context = ssl.create_default_context() if url.startswith("wss:") else None
    ws = simple_websocket.Client.connect(url, max_message_size=MAX, ssl_context=context)
    current[ws.thread.ident] = (scenario, code, "client")
    return ws


def wait(scenario):
    if not done(scenario).wait(TIMEOUT):
        print(f"timed out waiting for the server side of {scenario}", file=sys.stderr)


def pair(code, reason):
    scenario = f"server-close-{code}"
    ws = connect(f"{SELF}/server-close/{code}/{scenario}", scenario, code)
    read_all(ws, scenario, code, "client")
    ws.thread.join(TIMEOUT)
    wait(scenario)

    scenario = f"client-close-{code}"
    ws = connect(f"{SELF}/read/{code}/{scenario}", scenario, code)
    # A Close frame sent at once can be read by Werkzeug with the request and
    # never reach the library: give the server time to hand the socket over.
    time.sleep(0.05)
    try:
        ws.close(code, reason)
    except Exception as err:
        emit(scenario, code, "client", "exception", err)
        refused.add(scenario)
        ws.close()
    else:
        # close() returns at once; what receive() raises then depends on
        # whether the reader thread has seen the server's answer: wait for it.
        ws.thread.join(TIMEOUT)
        read_all(ws, scenario, code, "client")
    ws.thread.join(TIMEOUT)
    wait(scenario)


def bad_server(scenario, code, url):
    try:
        ws = connect(url, scenario, code)
    except Exception as err:  # the handshake failed
        emit(scenario, code, "client", "exception", f"{type(err).__module__}.{type(err).__qualname__}: {err}")
        return
    read_all(ws, scenario, code, "client")
    ws.thread.join(TIMEOUT)


def bad_client(scenario, code, action, args):
    proc = subprocess.Popen(peer_command(f"{SELF}/read/{code}/{scenario}", action, args), stdout=subprocess.DEVNULL)
    wait(scenario)
    proc.wait()


def main():
    meta("simple-websocket", version("simple-websocket"))
    server = make_server("127.0.0.1", PLAN["port"], app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for code, reason in PLAN["codes"]:
        pair(code, reason)
    # The client reads a frame that came in the same read as the handshake
    # response only once more data arrives, and the raw peer sends its bad
    # frame at once: what the client reports then depends on how the two were
    # read (the frame's error, or 1005 when the peer gives up). Only the
    # handshake failures are captured on the client side.
    for scenario, code, url in bad_servers():
        if scenario.startswith(("handshake-", "tls-", "connection-")):
            bad_server(scenario, code, url)
    for scenario, code, action, args in bad_clients():
        bad_client(scenario, code, action, args)
    server.shutdown()


main()
