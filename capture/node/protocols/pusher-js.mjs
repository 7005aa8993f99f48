// pusher-js (Node.js build): what the connection's error event carries, and
// what Pusher.log prints, when Channels closes with each of its codes.
import Pusher from "pusher-js";
import { PLAN, meta, emit, deferred, within, sleep, packageVersion } from "./common.mjs";

const port = Number(new URL(PLAN.server).port);
let current = null;
// What Pusher.logToConsole would print, one line each.
// Its "Connecting" lines name only the URL, and come before the close.
Pusher.log = (message) => {
  if (current !== null && !message.startsWith('Pusher :  : ["Connecting"')) emit(current, "log", message);
};

meta("pusher-js", packageVersion("pusher-js"));
for (const [code] of PLAN.protocol_codes) {
  current = code;
  const done = deferred();
  const pusher = new Pusher(`key-${code}`, {
    cluster: "mt1",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
  });
  pusher.connection.bind("error", (err) => {
    emit(code, "exception", JSON.stringify(err), err?.error?.data?.code);
    done.resolve();
  });
  await within(done.promise);
  await sleep(50);
  current = null;
  pusher.disconnect();
}
process.exit(0);
