// A wrong page opened with confidence costs more than no answer: texts that
// ask nothing of this site (prose, other protocols, stack traces without a
// WebSocket, numbers that are not close codes) never open a page, in any
// language, and the `no_code` ones are offered no code's or range's page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { answer, search } from "../../static/js/lookup.js";
import { cases, lookupData } from "./site.mjs";

const CODE_PAGE = /\/(\d{4}|\d+-\d+)\/(#.*)?$/;

for (const lang of lookupData("en").languages) {
  test(`texts that are no question open nothing (${lang})`, () => {
    const data = lookupData(lang);
    const quiet = cases().quiet;
    assert.ok(quiet.length >= 15, "the precision set has its texts");
    const failures = [];
    for (const q of quiet) {
      const results = search(data, q.query);
      const opened = answer(results);
      if (opened) failures.push(`${JSON.stringify(q.query)} opens ${opened.href}`);
      if (q.no_code) {
        const pages = results.filter((r) => r.href && CODE_PAGE.test(r.href));
        if (pages.length) failures.push(`${JSON.stringify(q.query)} offers ${pages.map((r) => r.href).join(", ")}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

test("random text opens nothing", () => {
  const data = lookupData("en");
  // A fixed seed: the same texts on every run, so a failure can be repeated.
  let seed = 20260622;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pool = "the a server client request response user data file config error failed retry database cache queue worker job task timeout value null undefined stack trace line column build deploy token session login page button click render update".split(" ");
  const opened = [];
  for (let i = 0; i < 500; i++) {
    const n = 3 + Math.floor(next() * 12);
    const text = Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]).join(" ");
    const r = answer(search(data, text));
    if (r) opened.push(`${JSON.stringify(text)} opens ${r.href}`);
  }
  assert.deepEqual(opened, []);
});
