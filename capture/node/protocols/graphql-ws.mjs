// graphql-ws's own client (graphql-transport-ws): what a subscription's sink
// gets when the server closes with each of the protocol's codes.
import WebSocket from "ws";
import { createClient } from "graphql-ws";
import { PLAN, meta, emit, closeValue, deferred, within, packageVersion } from "./common.mjs";

meta("graphql-ws", packageVersion("graphql-ws"));
for (const [code] of PLAN.protocol_codes) {
  const done = deferred();
  const client = createClient({
    url: `${PLAN.server}/graphql/${code}`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    on: { error: (err) => emit(code, "exception", err?.message ?? err) },
  });
  client.subscribe({ query: "subscription { greetings }" }, {
    next() {},
    error(err) {
      // The sink gets an Error, a list of GraphQL errors, or the CloseEvent.
      if (err instanceof Error) emit(code, "exception", err.message);
      else if (Array.isArray(err)) emit(code, "value", err.map((e) => e.message).join("; "));
      else if (err && "code" in err) emit(code, "close-event", closeValue(err), err.code);
      done.resolve();
    },
    complete: done.resolve,
  });
  await within(done.promise);
  await client.dispose();
}
process.exit(0);
