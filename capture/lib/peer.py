"""A raw-socket WebSocket peer that misbehaves on purpose.

Standard library only. As a server (`serve`) the request path picks what it
does after the handshake; as a client (`client URL ACTION ...`) the action
does. Both print what they received from the library under test, one line per
event, so the harness can check what a library or a code example sent.

Server paths:
  /close/N[?reason=R]  send a Close frame with code N (any number, even ones
                       that must not be sent) and wait for the reply
  /close-empty         a Close frame without a status code (1005)
  /reset               TCP reset right after the handshake (1006)
  /eof                 TCP close without a Close frame (1006)
  /utf8                a text frame that is not UTF-8 (1007)
  /rsv                 a frame with a reserved bit set (1002)
  /masked              a masked frame from the server (1002)
  /ping-big            a ping with 126 bytes of payload (1002)
  /big/N               a text message of N bytes (1009)
  /silent              answer nothing, not even pings (keepalive timeouts)
  /echo[/...]          answer pings, echo a Close frame, print it
  /403, /404           refuse the handshake with that HTTP status
"""

import asyncio
import base64
import hashlib
import os
import signal
import socket
import ssl
import struct
import sys
import urllib.parse

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
OPCODES = {0: "continuation", 1: "text", 2: "binary", 8: "close", 9: "ping", 10: "pong"}


def frame(opcode, payload=b"", fin=True, rsv=0, mask=None):
    """One frame; `mask` is four bytes or None."""
    head = bytes([(0x80 if fin else 0) | (rsv << 4) | opcode])
    n = len(payload)
    bit = 0x80 if mask is not None else 0
    if n < 126:
        head += bytes([bit | n])
    elif n < 65536:
        head += bytes([bit | 126]) + struct.pack("!H", n)
    else:
        head += bytes([bit | 127]) + struct.pack("!Q", n)
    if mask is not None:
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        head += mask
    return head + payload


def close_payload(code, reason=""):
    return struct.pack("!H", code) + reason.encode()


async def read_frame(reader):
    """(opcode, payload) or None at end of stream."""
    try:
        b0, b1 = await reader.readexactly(2)
        n = b1 & 0x7F
        if n == 126:
            (n,) = struct.unpack("!H", await reader.readexactly(2))
        elif n == 127:
            (n,) = struct.unpack("!Q", await reader.readexactly(8))
        mask = await reader.readexactly(4) if b1 & 0x80 else None
        payload = await reader.readexactly(n)
    except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
        return None
    if mask:
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return b0 & 0x0F, payload


def describe_close(payload):
    if len(payload) < 2:
        return "close none"
    (code,) = struct.unpack("!H", payload[:2])
    return f"close {code} {payload[2:].decode(errors='replace')}".rstrip()


def reset(writer):
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def say(*parts):
    print(*parts, flush=True)


# ---------------------------------------------------------------- server


async def read_request(reader):
    data = await reader.readuntil(b"\r\n\r\n")
    lines = data.decode("latin-1").split("\r\n")
    path = lines[0].split(" ")[1]
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    return path, headers


def accept_key(key):
    return base64.b64encode(hashlib.sha1(key.encode() + GUID).digest()).decode()


async def drain_until_close(reader, writer, label, echo=True, timeout=3.0):
    """Read frames until the peer's Close frame or end of stream; print them."""
    try:
        async with asyncio.timeout(timeout):
            while True:
                got = await read_frame(reader)
                if got is None:
                    say(label, "eof")
                    return
                opcode, payload = got
                if opcode == 8:
                    say(label, describe_close(payload))
                    if echo:
                        writer.write(frame(8, payload[:2]))
                        await writer.drain()
                    return
                if opcode == 9:
                    writer.write(frame(10, payload))
                    await writer.drain()
                else:
                    say(label, OPCODES.get(opcode, opcode), payload[:60].decode(errors="replace"))
    except TimeoutError:
        say(label, "timeout")


async def handle(reader, writer):
    label = "?"
    try:
        path, headers = await read_request(reader)
        label = path
        url = urllib.parse.urlsplit(path)
        query = urllib.parse.parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        if parts[0] in ("403", "404"):
            status = {"403": "403 Forbidden", "404": "404 Not Found"}[parts[0]]
            writer.write(f"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
            await writer.drain()
            return
        writer.write(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept_key(headers.get('sec-websocket-key', ''))}\r\n\r\n"
            ).encode()
        )
        await writer.drain()
        action = parts[0]
        if action == "close":
            reason = query.get("reason", [""])[0]
            writer.write(frame(8, close_payload(int(parts[1]), reason)))
            await writer.drain()
            await drain_until_close(reader, writer, label, echo=False)
        elif action == "close-empty":
            writer.write(frame(8))
            await writer.drain()
            await drain_until_close(reader, writer, label, echo=False)
        elif action == "reset":
            await asyncio.sleep(0.05)
            reset(writer)
            return
        elif action == "eof":
            await asyncio.sleep(0.05)
        elif action == "utf8":
            writer.write(frame(1, b"caf\xc3("))
            await writer.drain()
            await drain_until_close(reader, writer, label)
        elif action == "rsv":
            writer.write(frame(1, b"hello", rsv=4))
            await writer.drain()
            await drain_until_close(reader, writer, label)
        elif action == "masked":
            writer.write(frame(1, b"hello", mask=b"\x01\x02\x03\x04"))
            await writer.drain()
            await drain_until_close(reader, writer, label)
        elif action == "ping-big":
            writer.write(frame(9, b"x" * 126))
            await writer.drain()
            await drain_until_close(reader, writer, label)
        elif action == "big":
            writer.write(frame(1, b"x" * int(parts[1])))
            await writer.drain()
            await drain_until_close(reader, writer, label)
        elif action == "silent":
            try:
                async with asyncio.timeout(10):
                    while await read_frame(reader) is not None:
                        pass
            except TimeoutError:
                pass
        else:  # echo
            await drain_until_close(reader, writer, label, timeout=10)
    except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ssl.SSLError):
        pass
    finally:
        if not writer.is_closing():
            writer.close()


async def serve(port, tls_port=None, cert=None, key=None):
    servers = [await asyncio.start_server(handle, "127.0.0.1", port, reuse_address=True)]
    if tls_port:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        servers.append(
            await asyncio.start_server(handle, "127.0.0.1", tls_port, ssl=context, reuse_address=True)
        )
    say("ready")
    await asyncio.gather(*(s.serve_forever() for s in servers))


# ---------------------------------------------------------------- client


async def client(url, action, args):
    """Connect to a library's server, misbehave, and print what comes back."""
    u = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(u.hostname, u.port)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(
        (
            f"GET {u.path or '/'} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = head.split(b"\r\n")[0].decode()
    if " 101 " not in status + " ":
        say("handshake", status)
        return
    mask = b"\x0a\x0b\x0c\x0d"
    label = "client"
    if action == "listen":
        await drain_until_close(reader, writer, label, timeout=float(args[0]) if args else 5)
        return
    if action == "reset":
        await asyncio.sleep(0.1)
        reset(writer)
        return
    if action == "killed":
        await asyncio.sleep(0.1)
        os.kill(os.getpid(), signal.SIGKILL)
    if action == "eof":
        await asyncio.sleep(0.1)
        writer.close()
        return
    if action == "close":
        reason = args[1] if len(args) > 1 else ""
        writer.write(frame(8, close_payload(int(args[0]), reason), mask=mask))
    elif action == "close-empty":
        writer.write(frame(8, b"", mask=mask))
    elif action == "unmasked":
        writer.write(frame(1, b"hello"))
    elif action == "rsv":
        writer.write(frame(1, b"hello", rsv=4, mask=mask))
    elif action == "utf8":
        writer.write(frame(1, b"caf\xc3(", mask=mask))
    elif action == "ping-big":
        writer.write(frame(9, b"x" * 126, mask=mask))
    elif action == "big":
        writer.write(frame(1, b"x" * int(args[0]), mask=mask))
    elif action == "silent":
        await asyncio.sleep(float(args[0]) if args else 3)
        return
    else:
        raise SystemExit(f"peer: unknown action {action}")
    await writer.drain()
    await drain_until_close(reader, writer, label, echo=False)
    writer.close()


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "serve":
        port = int(sys.argv[2])
        tls = sys.argv[3:6]
        try:
            asyncio.run(serve(port, int(tls[0]), tls[1], tls[2]) if tls else serve(port))
        except KeyboardInterrupt:
            pass
    elif len(sys.argv) >= 4 and sys.argv[1] == "client":
        try:
            asyncio.run(client(sys.argv[2], sys.argv[3], sys.argv[4:]))
        except (ConnectionError, asyncio.IncompleteReadError) as err:
            say("client error", type(err).__name__)
    else:
        raise SystemExit("usage: peer.py serve PORT [TLS_PORT CERT KEY] | peer.py client URL ACTION [ARGS]")


if __name__ == "__main__":
    main()
