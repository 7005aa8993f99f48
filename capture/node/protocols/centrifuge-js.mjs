// centrifuge-js (Centrifugo's JavaScript SDK, v5): the events a client emits
// when the server closes with each of Centrifugo's disconnect codes. (Its
// debug log names neither the code nor the reason.)
import WebSocket from "ws";
import { Centrifuge } from "centrifuge";
import { PLAN, meta, emit, deferred, within, sleep, packageVersion } from "./common.mjs";

meta("centrifuge-js", packageVersion("centrifuge"));
for (const [code] of PLAN.protocol_codes) {
  const done = deferred();
  const client = new Centrifuge(`${PLAN.server}/connection/websocket/${code}`, {
    websocket: WebSocket,
    minReconnectDelay: 60000,
    maxReconnectDelay: 60000,
  });
  let connected = false;
  let finished = false;
  client.on("connected", () => (connected = true));
  client.on("connecting", (ctx) => {
    if (connected && !finished) {
      finished = true;
      emit(code, "value", `connecting: ${JSON.stringify(ctx)}`, ctx.code);
      done.resolve();
    }
  });
  client.on("disconnected", (ctx) => {
    if (finished) return;
    finished = true;
    emit(code, "value", `disconnected: ${JSON.stringify(ctx)}`, ctx.code);
    done.resolve();
  });
  client.on("error", (ctx) => finished || emit(code, "exception", `error: ${JSON.stringify(ctx.error)}`));
  client.connect();
  await within(done.promise);
  await sleep(20);
  client.disconnect();
}
process.exit(0);
