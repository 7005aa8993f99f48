// Facts about what libraries print that the lookup holds to, each held by
// cases of tests/lookup_cases.toml (`fact = "<slug>"`) in every language and
// by what the rules themselves must and must not match.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { search } from "../../static/js/lookup.js";
import { check, localPath } from "./cases.mjs";
import { cases, lookupData } from "./site.mjs";

const data = lookupData("en");
const rules = data.rules.map((r) => ({ ...r, regex: new RegExp(r.re, r.cs ? "" : "i") }));
const about = (fact) => cases().case.filter((c) => c.fact === fact);

function holds(fact) {
  const list = about(fact);
  assert.ok(list.length >= 1, `${fact} has cases`);
  for (const lang of data.languages) {
    const d = lookupData(lang);
    const failures = list.flatMap((c) => check(d, c).map((p) => `${lang} ${JSON.stringify(c.query)}: ${p}`));
    assert.deepEqual(failures, []);
  }
}

describe("facts about libraries", () => {
  test("tungstenite's `Connection closed normally` is a finished closing handshake, whatever the code", () => {
    holds("tungstenite-closed-normally");
    const results = search(data, "Connection closed normally");
    assert.equal(results[0].note, true);
    assert.match(results[0].why, /tungstenite/);
    assert.ok(!results.some((r) => r.href), "no page is offered for it");
  });

  test("coder's `invalid status code statusReserved` is a received 1004", () => {
    holds("coder-status-reserved");
    const results = search(data, "invalid status code statusReserved");
    assert.deepEqual(results.slice(0, 2).map((r) => r.href), [localPath(data, "/1004/"), localPath(data, "/1002/")]);
  });

  test("the code rule reads no byte counts and no numbers outside the close codes", () => {
    holds("numbers-beside-close-words");
    const code = rules.filter((r) => r.kind === "code");
    assert.ok(code.length >= 1);
    for (const text of ["received 1024 bytes", "sent 4096 bytes", "status 2000", "closed 1500 connections", "received 3000 B", "sent 4000 messages", "status 1006 ms"]) {
      for (const r of code) assert.doesNotMatch(text, r.regex, `${r.re} reads ${text}`);
    }
    for (const text of ["close 1008", "code=4001", "status: 1006", "received 1011 (internal error)", "sent 1000 (OK)"]) {
      assert.ok(code.some((r) => r.regex.test(text)), text);
    }
  });

  test("ws's MASK and FIN texts and gorilla's FIN text are protocol errors", () => {
    holds("ws-mask-and-fin");
    const protocol = rules.filter((r) => r.kind === "protocol");
    for (const text of ["Invalid WebSocket frame: MASK must be set", "Invalid WebSocket frame: MASK must be clear", "Invalid WebSocket frame: FIN must be set", "websocket: FIN not set on control"]) {
      assert.ok(protocol.some((r) => r.regex.test(text) && r.code === 1002), text);
    }
  });

  test("Socket.IO's `ping timeout` is a heartbeat failure, not 1005", () => {
    holds("socketio-ping-timeout");
    const results = search(data, "ping timeout");
    assert.equal(results[0].href, localPath(data, "/1006/"));
    assert.ok(results.some((r) => r.href === localPath(data, "/timeouts/#heartbeats")), "the heartbeats section is offered beside it");
    assert.match(results[0].why, /timed out/);
  });
});
