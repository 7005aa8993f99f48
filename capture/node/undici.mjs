// Node.js's built-in WebSocket (undici): what a client sees when a connection
// closes. It has no server, so the peer is always the raw one.
// Usage: node --experimental-websocket undici.mjs PLAN.json
import { PLAN, meta, emit, closeValue, deferred, within } from "./common.mjs";

// `onOpen` returns false when the library refused what it was asked to do;
// what follows is then only the harness closing up, and is not recorded.
function open(scenario, code, url, onOpen) {
  const done = deferred();
  const socket = new WebSocket(url);
  let refused = false;
  socket.addEventListener("error", (event) => {
    if (!refused) emit(scenario, code, "client", "exception", event.message);
    // After a failed handshake undici 6 fires no close event at all.
    setTimeout(done.resolve, 2000);
  });
  socket.addEventListener("close", (event) => {
    const text = closeValue(event.code, event.reason, event.wasClean);
    if (!refused) emit(scenario, code, "client", "close-event", text, event.code);
    done.resolve();
  });
  if (onOpen) socket.addEventListener("open", () => (refused = onOpen(socket) === false));
  return within(done.promise, scenario);
}

meta("undici", process.versions.undici);
const peer = PLAN.peer;
for (const [code, reason] of PLAN.codes) {
  const q = `?reason=${encodeURIComponent(reason)}`;
  await open(`server-close-${code}`, code, `${peer}/close/${code}${q}`);
  await open(`client-close-${code}`, code, `${peer}/echo`, (socket) => {
    try {
      socket.close(code, reason);
    } catch (err) {
      emit(`client-close-${code}`, code, "client", "exception", err.message);
      socket.close();
      return false;
    }
  });
}
await open("bad-server-reset", 1006, `${peer}/reset`);
await open("bad-server-eof", 1006, `${peer}/eof`);
await open("bad-server-close-empty", 1005, `${peer}/close-empty`);
await open("bad-server-invalid-utf8", 1007, `${peer}/utf8`);
await open("bad-server-rsv-bit", 1002, `${peer}/rsv`);
await open("bad-server-masked-frame", 1002, `${peer}/masked`);
await open("bad-server-ping-too-big", 1002, `${peer}/ping-big`);
await open("handshake-403", 1006, `${peer}/403`);
await open("handshake-404", 1006, `${peer}/404`);
await open("tls-self-signed", 1015, PLAN.tls_peer);
await open("connection-refused", 1006, PLAN.refused);
process.exit(0);
