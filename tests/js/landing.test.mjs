// Every line the capture harness recorded lands on its code's page first (or
// on the page of a code its `also` lists), in every language, unless a case of
// tests/lookup_cases.toml reads that text its own way. tests/js/landing.mjs
// prints the same counts per library.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { answer, search } from "../../static/js/lookup.js";
import { check } from "./cases.mjs";
import { pageOf } from "./landing.mjs";
import { cases, lookupData, repo, tomlFiles } from "./site.mjs";

test("every captured line lands on its page", () => {
  const own = new Map(cases().case.map((c) => [c.query, c]));
  const files = tomlFiles(join(repo, "content/captured")).filter((f) => !f.table.protocol);
  let lines = 0;
  const failures = [];
  for (const lang of lookupData("en").languages) {
    const data = lookupData(lang);
    for (const { table } of files) {
      for (const line of table.line) {
        lines++;
        const c = own.get(line.text);
        if (c) {
          failures.push(...check(data, c).map((p) => `${lang} ${table.library} ${JSON.stringify(line.text)}: ${p}`));
          continue;
        }
        // A text that several codes produce (`also`) is answered by any of
        // their pages.
        const results = search(data, line.text);
        const want = pageOf(data, line.code);
        const alsoPages = (line.also || []).map((n) => pageOf(data, n));
        if (!results[0] || (results[0].href !== want && !alsoPages.includes(results[0].href))) {
          const got = results[0] ? results[0].href || "note" : "nothing";
          const opens = answer(results) ? " and Enter opens it" : "";
          failures.push(`${lang} ${table.library} ${JSON.stringify(line.text)}: expected ${want}, got ${got}${opens}`);
        }
      }
    }
  }
  assert.ok(lines >= 700, `at least 700 captured lookups, got ${lines}`);
  assert.deepEqual([...new Set(failures)], []);
});
