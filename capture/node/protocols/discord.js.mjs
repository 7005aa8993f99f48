// discord.js (v14, through @discordjs/ws): what a bot sees when the Gateway
// closes with each of its close codes: login()'s rejection, error events,
// and the client's debug log. The REST API base points at the fake server,
// whose /api/v10/gateway/bot names its own Gateway URL; the token carries
// the code the Gateway should close with.
import { Client, Events, GatewayIntentBits } from "discord.js";
import { PLAN, meta, emit, deferred, within, sleep, packageVersion } from "./common.mjs";

const api = PLAN.server.replace(/^ws:/, "http:") + "/api";
meta("discord.js", packageVersion("discord.js"));
for (const [code] of PLAN.protocol_codes) {
  const closed = deferred();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api } });
  // The debug log between identifying and the shard's destruction is what
  // it says about the close; "Destroying shard" ends it (the lines after are
  // the same for every code).
  let listening = false;
  client.on(Events.Debug, (message) => {
    if (message.includes("Destroying shard")) {
      listening = false;
      closed.resolve();
    } else if (listening) emit(code, "log", message);
    if (message.includes("Waiting for event ready")) listening = true;
  });
  client.on(Events.Error, (err) => emit(code, "exception", err.message));
  client.on(Events.ShardError, (err) => emit(code, "exception", err.message));
  client.on(Events.ShardDisconnect, (event) => {
    emit(code, "value", `shardDisconnect: code=${event.code}`, event.code);
    closed.resolve();
  });
  client.on(Events.ShardReconnecting, () => closed.resolve());
  const login = client.login(`code-${code}`).then(
    () => emit(code, "value", "logged in"),
    (err) => {
      emit(code, "exception", `${err.name}: ${err.message}`);
      closed.resolve();
    },
  );
  await within(closed.promise);
  await sleep(50);
  await client.destroy();
  await within(login, 100);
}
process.exit(0);
