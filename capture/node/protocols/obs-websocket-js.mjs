// obs-websocket-js (v5 protocol): what connect() rejects with, and what the
// ConnectionClosed event carries, when OBS closes with each code.
// The JSON build: the default export speaks MessagePack.
import OBSWebSocket from "obs-websocket-js/json";
import { PLAN, meta, emit, deferred, within, packageVersion } from "./common.mjs";

meta("obs-websocket-js", packageVersion("obs-websocket-js"));
for (const [code] of PLAN.protocol_codes) {
  const obs = new OBSWebSocket();
  const closed = deferred();
  obs.on("ConnectionClosed", (err) => {
    emit(code, "value", `ConnectionClosed: code=${err.code} message=${JSON.stringify(err.message)}`, err.code);
    closed.resolve();
  });
  try {
    await obs.connect(`${PLAN.server}/${code}`);
    emit(code, "value", "connected");
  } catch (err) {
    // As console.log(String(err)) and err.message show it.
    emit(code, "exception", String(err), err.code);
    emit(code, "exception", err.message, err.code);
  }
  await within(closed.promise);
}
process.exit(0);
