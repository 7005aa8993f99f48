// Deno and Bun: what their built-in WebSocket client (the browser API) and
// their own servers (Deno.upgradeWebSocket, Bun.serve's websocket) report
// when a connection closes.
// Usage: deno run --allow-all web.mjs deno PLAN.json | bun web.mjs bun PLAN.json
import { readFileSync } from "node:fs";
import { spawn } from "node:child_process";

const RUNTIME = globalThis.Deno ? "deno" : "bun";
const ARGS = globalThis.Deno ? Deno.args : process.argv.slice(2);
const PLAN = JSON.parse(readFileSync(ARGS[ARGS.length - 1], "utf8"));
const SELF = `ws://127.0.0.1:${PLAN.port}`;
const TIMEOUT = 5000;
const MAX = 1 << 20;

function emit(scenario, code, side, kind, text, seen) {
  // Deno reports code 0 when a connection failed: that reader is answered by
  // the scenario's page, not by a code 0 has none.
  if (seen === 0) seen = undefined;
  if (seen !== undefined && (kind === "close-event" || kind === "value")) code = seen;
  text = String(text).split(/\r?\n/)[0];
  if (!text.trim()) return;
  const line = { scenario, code, side, kind, text };
  if (seen !== undefined) line.seen = seen;
  console.log(JSON.stringify(line));
}

const closeValue = (e) => `code=${e.code} reason=${JSON.stringify(String(e.reason))} wasClean=${e.wasClean}`;
// An error event: its message where it has one (Deno's ErrorEvent), else what
// String() shows.
const errorText = (e) => (typeof e.message === "string" && e.message ? e.message : e.error ? String(e.error) : String(e));

function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}
function within(promise, ms = TIMEOUT) {
  let timer;
  return Promise.race([promise, new Promise((r) => (timer = setTimeout(r, ms)))]).finally(() => clearTimeout(timer));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// What the server side saw, per scenario, for the client side to wait on.
const serverDone = new Map();
const done = (scenario) => {
  if (!serverDone.has(scenario)) serverDone.set(scenario, deferred());
  return serverDone.get(scenario);
};
const refused = new Set();

// Server side, the same for both runtimes once a socket is open: which
// scenario the path names, and closing with its code where it asks for that.
function scenarioOf(path) {
  const parts = path.split("/").filter(Boolean);
  return { scenario: parts[parts.length - 1], code: Number(parts[1]), serverCloses: parts[0] === "server-close" };
}
function serverOpen(info, close) {
  if (!info.serverCloses) return;
  try {
    close(info.code, PLAN.reasons[info.code]);
  } catch (err) {
    emit(info.scenario, info.code, "server", "exception", err.message ?? err);
    refused.add(info.scenario);
    close(1000);
  }
}

let server;
if (RUNTIME === "deno") {
  server = Deno.serve({ hostname: "127.0.0.1", port: PLAN.port, onListen() {} }, (req) => {
    const { socket, response } = Deno.upgradeWebSocket(req);
    const path = new URL(req.url).pathname;
    const info = scenarioOf(path);
    socket.addEventListener("open", () => serverOpen(info, (c, r) => socket.close(c, r)));
    socket.addEventListener("error", (e) => {
      if (!refused.has(info.scenario)) emit(info.scenario, info.code, "server", "exception", errorText(e));
    });
    socket.addEventListener("close", (e) => {
      if (!refused.has(info.scenario)) emit(info.scenario, info.code, "server", "close-event", closeValue(e), e.code);
      done(info.scenario).resolve();
    });
    return response;
  });
} else {
  server = Bun.serve({
    hostname: "127.0.0.1",
    port: PLAN.port,
    fetch(req, srv) {
      if (srv.upgrade(req, { data: scenarioOf(new URL(req.url).pathname) })) return undefined;
      return new Response("not a WebSocket request", { status: 400 });
    },
    websocket: {
      maxPayloadLength: MAX,
      open(ws) {
        serverOpen(ws.data, (c, r) => ws.close(c, r));
      },
      message() {},
      close(ws, code, reason) {
        const info = ws.data;
        if (!refused.has(info.scenario)) emit(info.scenario, info.code, "server", "value", `code=${code} reason=${JSON.stringify(String(reason))}`, code);
        done(info.scenario).resolve();
      },
    },
  });
}

// The client: the browser API both runtimes have. `onOpen` returns false when
// the library refused what it was asked to do.
function client(scenario, code, url, onOpen) {
  const finished = deferred();
  let socket;
  try {
    socket = new WebSocket(url);
  } catch (err) {
    emit(scenario, code, "client", "exception", err.message ?? err);
    return Promise.resolve();
  }
  let refusedHere = false;
  socket.addEventListener("error", (e) => {
    if (!refusedHere) emit(scenario, code, "client", "exception", errorText(e));
    setTimeout(finished.resolve, 1000);
  });
  socket.addEventListener("close", (e) => {
    if (!refusedHere) emit(scenario, code, "client", "close-event", closeValue(e), e.code);
    finished.resolve();
  });
  if (onOpen) socket.addEventListener("open", () => (refusedHere = onOpen(socket) === false));
  return within(finished.promise);
}

async function pair(code, reason) {
  let scenario = `server-close-${code}`;
  await client(scenario, code, `${SELF}/server-close/${code}/${scenario}`);
  await within(done(scenario).promise);

  scenario = `client-close-${code}`;
  await client(scenario, code, `${SELF}/read/${code}/${scenario}`, (socket) => {
    try {
      socket.close(code, reason);
    } catch (err) {
      emit(scenario, code, "client", "exception", err.message ?? err);
      refused.add(scenario);
      socket.close();
      return false;
    }
  });
  await within(done(scenario).promise);
}

function badClient(scenario, code, action, ...args) {
  const [cmd, ...rest] = PLAN.peer_cmd;
  const child = spawn(cmd, [...rest, "client", `${SELF}/read/${code}/${scenario}`, action, ...args.map(String)], { stdio: "ignore" });
  const exited = new Promise((r) => child.on("exit", r));
  return within(done(scenario).promise).then(() => within(exited));
}

const version = RUNTIME === "deno" ? Deno.version.deno : Bun.version;
const runtime = RUNTIME === "deno" ? `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})` : `Bun ${Bun.version}`;
console.log(JSON.stringify({ meta: { library: RUNTIME, version, runtime } }));

for (const [code, reason] of PLAN.codes) await pair(code, reason);

const peer = PLAN.peer;
await client("bad-server-reset", 1006, `${peer}/reset`);
await client("bad-server-eof", 1006, `${peer}/eof`);
await client("bad-server-close-empty", 1005, `${peer}/close-empty`);
await client("bad-server-invalid-utf8", 1007, `${peer}/utf8`);
await client("bad-server-rsv-bit", 1002, `${peer}/rsv`);
await client("bad-server-masked-frame", 1002, `${peer}/masked`);
await client("bad-server-ping-too-big", 1002, `${peer}/ping-big`);
for (const code of PLAN.wire_only) await client(`bad-server-sends-${code}`, code, `${peer}/close/${code}`);
await client("handshake-403", 1006, `${peer}/403`);
await client("handshake-404", 1006, `${peer}/404`);
await client("tls-self-signed", 1015, PLAN.tls_peer);
await client("connection-refused", 1006, PLAN.refused);

await badClient("bad-client-reset", 1006, "reset");
await badClient("bad-client-killed", 1006, "killed");
await badClient("bad-client-eof", 1006, "eof");
await badClient("bad-client-close-empty", 1005, "close-empty");
await badClient("bad-client-invalid-utf8", 1007, "utf8");
await badClient("bad-client-rsv-bit", 1002, "rsv");
await badClient("bad-client-unmasked-frame", 1002, "unmasked");
await badClient("bad-client-ping-too-big", 1002, "ping-big");
await badClient("bad-client-too-big", 1009, "big", MAX + 1);
for (const code of PLAN.wire_only) await badClient(`bad-client-sends-${code}`, code, "close", code, PLAN.reasons[code]);

await sleep(10);
if (RUNTIME === "deno") await server.shutdown();
else server.stop(true);
process.exit(0);
