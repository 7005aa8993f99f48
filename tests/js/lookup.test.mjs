// The lookup on the real site's data: every case of tests/lookup_cases.toml,
// every real log line of content/messages.toml, the ranking of numbers,
// durations and statuses, and the strength of each kind of answer.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answer, durations, fill, search, tokens, withoutNoise, words } from "../../static/js/lookup.js";
import { check, localPath } from "./cases.mjs";
import { cases, lookupData, messages } from "./site.mjs";

const languages = lookupData("en").languages;

for (const lang of languages) {
  describe(`lookup (${lang})`, () => {
    const data = lookupData(lang);
    const all = cases();

    test("every case of lookup_cases.toml", () => {
      const failures = all.case.flatMap((c) => check(data, c).map((p) => `${JSON.stringify(c.query)}: ${p}`));
      assert.deepEqual(failures, []);
    });

    test("every real log line finds its own code first", () => {
      const own = new Set(all.case.map((c) => c.query));
      const failures = messages()
        .filter((m) => !own.has(m.text))
        .flatMap((m) => check(data, { query: m.text, expect: `/${m.code}/` }).map((p) => `${m.library} ${JSON.stringify(m.text)}: ${p}`));
      assert.deepEqual(failures, []);
    });

  });
}

describe("ranking", () => {
  const data = lookupData("en");
  const first = (q) => (search(data, q)[0] || {}).href;

  test("a code in a close context outranks durations, sizes and network words", () => {
    assert.equal(first("close 3008: idle for 60 seconds"), localPath(data, "/3008/"));
    assert.equal(first("ECONNRESET after 60 seconds; websocket: close 1011 (internal error)"), localPath(data, "/1011/"));
    assert.equal(first("received 4000 bytes; code=1008"), localPath(data, "/1008/"));
  });

  test("a duration wins only when no code is named", () => {
    assert.equal(first("the socket dies every 60 seconds"), localPath(data, "/timeouts/#nginx"));
    assert.equal(first("1006 after exactly 55s"), localPath(data, "/timeouts/#heroku"));
    assert.equal(first("closed 1006 after exactly 55s"), localPath(data, "/1006/"));
  });

  test("sizes, lengths, ports, statuses, line numbers, timestamps and versions are not close codes", () => {
    for (const q of ["received 1024 bytes", "sent 3000 bytes", "status 2000", "Error: 1500 ms", "v1.8.7", "at foo.js:1008:12", "listening on port 1006", "2026-01-15 10:08:12", "line 1011", "0x1008", "closed 3000 connections", "a message of 1009 B"]) {
      // Words may still match ("message"); no number is read as a code.
      const read = search(data, q).filter((r) => ["number", "code", "received", "name", "pair"].includes(r.kind));
      assert.deepEqual(read.map((r) => r.href), [], q);
    }
  });

  test("an HTTP status is a refused handshake, at what a page sees before open", () => {
    for (const q of ["401", "403", "status 403", "HTTP/1.1 502 Bad Gateway", "Unexpected response code: 400", "Unexpected server response: 404"]) {
      const r = search(data, q)[0];
      assert.equal(r && r.href, localPath(data, "/1006/"), q);
      assert.equal(r.section, "browser", q);
    }
  });

  test("a received code that no Close frame may carry leads to 1002, with the code beside it", () => {
    const results = search(data, "Invalid WebSocket frame: invalid status code 1005");
    assert.deepEqual(results.slice(0, 2).map((r) => r.href), [localPath(data, "/1002/"), localPath(data, "/1005/")]);
  });

  test("word matches are weak, at most two, and only when nothing better was found", () => {
    for (const q of ["policy", "going away", "service restart", "try again later", "unauthorized"]) {
      const results = search(data, q);
      assert.ok(results.length >= 1 && results.length <= 2, q);
      assert.ok(results.every((r) => r.strength === "weak"), q);
      assert.equal(answer(results), null, q);
    }
    const mixed = search(data, "websocket: close 1006 (abnormal closure): unexpected EOF policy");
    assert.ok(mixed.every((r) => r.strength !== "weak"));
  });

  test("a whole known line outranks the numbers in it", () => {
    const q = "Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. 1001 is neither.";
    const results = search(data, q);
    assert.equal(results[0].href, localPath(data, "/1001/"));
    assert.equal(answer(results), results[0]);
    assert.ok(!results.some((r) => r.href === localPath(data, "/3000/")), "3000 is not offered beside it");
  });

  test("a hop shows its own facts", () => {
    const nginx = search(data, "dies after 60 seconds").find((r) => r.href === localPath(data, "/timeouts/#nginx"));
    assert.match(nginx.summary, /60 s idle · proxy_read_timeout/);
    assert.match(nginx.why, /60 seconds/);
  });

  test("at most six results", () => {
    assert.ok(search(data, "1000 1001 1002 1003 1004 1005 1006 1007 1008 close 1009 after 60 seconds policy").length <= 6);
  });
});

describe("reading text", () => {
  test("durations", () => {
    assert.deepEqual(durations("after 60 seconds, every 30s, 1 minute, 60초, 2 h").map((d) => d.seconds), [60, 30, 60, 60, 7200]);
    assert.deepEqual(durations("an hour"), [{ seconds: 3600, text: "an hour" }]);
  });

  test("what carries numbers that are not close codes is left out", () => {
    for (const t of ["wss://example.com:1006/x", "10.0.0.5:1008", "(_ssl.c:1000)", "foo.js:1008:12", "line 1011", "v1.8.7", "2026-01-15T10:08:12Z", "port 1006", "0x1008"]) {
      assert.doesNotMatch(withoutNoise(t), /10\d\d/, t);
    }
    assert.match(withoutNoise("websocket: close 1006"), /1006/);
  });

  test("words and tokens", () => {
    assert.deepEqual(words("PolicyViolation POLICY_VIOLATION policy violation"), ["policy", "violation", "policy", "violation", "policy", "violation"]);
    assert.deepEqual(tokens("code=1006 reason=\"\""), ["code", "1006", "reason"]);
  });

  test("fill replaces each placeholder once", () => {
    assert.equal(fill("{a} vs {b}", { a: "{b}", b: "1008" }), "{b} vs 1008");
    assert.equal(fill("{a} {unknown}", { a: 1 }), "1 {unknown}");
  });

  test("an empty query has no results", () => {
    assert.deepEqual(search(lookupData("en"), "   "), []);
  });
});
