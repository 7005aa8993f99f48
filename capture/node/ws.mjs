// ws (Node.js): what each side emits when a connection closes.
// Usage: node ws.mjs PLAN.json; prints JSON lines (see capture/lib/collect.py).
import { readFileSync } from "node:fs";
import { WebSocket, WebSocketServer } from "ws";
import { PLAN, meta, emit, closeValue, deferred, within, badClient, sleep } from "./common.mjs";

const version = JSON.parse(
  readFileSync(new URL("./node_modules/ws/package.json", import.meta.url), "utf8"),
).version;
const SELF = `ws://127.0.0.1:${PLAN.port}`;
// ws allows 100 MiB by default; 1 MiB keeps the oversized message cheap.
const MAX = 1 << 20;

// Records what one side emits; `closed` resolves on its close event.
function watch(socket, scenario, code, side, state) {
  const done = deferred();
  socket.on("error", (err) => {
    if (!state.refused) emit(scenario, code, side, "exception", err.message);
  });
  socket.on("close", (seen, reason) => {
    if (!state.refused) emit(scenario, code, side, "value", closeValue(seen, reason), seen);
    done.resolve();
  });
  return done.promise;
}

// Server sockets by scenario, for the client side to wait on.
const accepted = new Map();
function acceptedFor(scenario) {
  if (!accepted.has(scenario)) accepted.set(scenario, deferred());
  return accepted.get(scenario);
}

const server = new WebSocketServer({ host: "127.0.0.1", port: PLAN.port, maxPayload: MAX });
await new Promise((r) => server.on("listening", r));
server.on("connection", (socket, request) => {
  const parts = request.url.split("/").filter(Boolean);
  const scenario = parts[parts.length - 1];
  const code = Number(parts[1]);
  const state = states.get(scenario) ?? { refused: false };
  const closed = watch(socket, scenario, code, "server", state);
  if (parts[0] === "server-close") {
    try {
      socket.close(code, PLAN.reasons[code]);
    } catch (err) {
      emit(scenario, code, "server", "exception", err.message);
      state.refused = true;
      socket.close(1000);
    }
  }
  acceptedFor(scenario).resolve(closed);
});
const states = new Map();

async function pair(code) {
  // The server closes with the code; the client reads it.
  let scenario = `server-close-${code}`;
  let state = { refused: false };
  states.set(scenario, state);
  let client = new WebSocket(`${SELF}/server-close/${code}/${scenario}`, { maxPayload: MAX });
  let clientClosed = watch(client, scenario, code, "client", state);
  await within(clientClosed, scenario);
  await within(await acceptedFor(scenario).promise, scenario);

  // The client closes with the code; the server reads it.
  scenario = `client-close-${code}`;
  state = { refused: false };
  states.set(scenario, state);
  client = new WebSocket(`${SELF}/read/${code}/${scenario}`, { maxPayload: MAX });
  clientClosed = watch(client, scenario, code, "client", state);
  client.on("open", () => {
    try {
      client.close(code, PLAN.reasons[code]);
    } catch (err) {
      emit(scenario, code, "client", "exception", err.message);
      state.refused = true;
      client.close(1000);
    }
  });
  await within(clientClosed, scenario);
  await within(await acceptedFor(scenario).promise, scenario);
}

async function badServer(scenario, code, url) {
  const client = new WebSocket(url, { maxPayload: MAX });
  await within(watch(client, scenario, code, "client", { refused: false }), scenario);
}

async function badClient_(scenario, code, action, ...args) {
  states.set(scenario, { refused: false });
  const exited = badClient(`${SELF}/read/${code}/${scenario}`, action, ...args);
  await within(await acceptedFor(scenario).promise, scenario);
  await exited;
}

meta("ws", version);
for (const [code] of PLAN.codes) await pair(code);

const peer = PLAN.peer;
await badServer("bad-server-reset", 1006, `${peer}/reset`);
await badServer("bad-server-eof", 1006, `${peer}/eof`);
await badServer("bad-server-close-empty", 1005, `${peer}/close-empty`);
await badServer("bad-server-invalid-utf8", 1007, `${peer}/utf8`);
await badServer("bad-server-rsv-bit", 1002, `${peer}/rsv`);
await badServer("bad-server-masked-frame", 1002, `${peer}/masked`);
await badServer("bad-server-ping-too-big", 1002, `${peer}/ping-big`);
await badServer("bad-server-too-big", 1009, `${peer}/big/${MAX + 1}`);
for (const code of PLAN.wire_only) await badServer(`bad-server-sends-${code}`, code, `${peer}/close/${code}`);
await badServer("handshake-403", 1006, `${peer}/403`);
await badServer("handshake-404", 1006, `${peer}/404`);
await badServer("tls-self-signed", 1015, PLAN.tls_peer);
await badServer("connection-refused", 1006, PLAN.refused);

await badClient_("bad-client-reset", 1006, "reset");
await badClient_("bad-client-killed", 1006, "killed");
await badClient_("bad-client-eof", 1006, "eof");
await badClient_("bad-client-close-empty", 1005, "close-empty");
await badClient_("bad-client-invalid-utf8", 1007, "utf8");
await badClient_("bad-client-rsv-bit", 1002, "rsv");
await badClient_("bad-client-unmasked-frame", 1002, "unmasked");
await badClient_("bad-client-ping-too-big", 1002, "ping-big");
await badClient_("bad-client-too-big", 1009, "big", MAX + 1);
for (const code of PLAN.wire_only) {
  await badClient_(`bad-client-sends-${code}`, code, "close", code, PLAN.reasons[code]);
}

await sleep(10);
server.close();
process.exit(0);
