// The full-text search on the real site's index: topics find the sections
// that answer them, the browser cuts a query exactly as the generator cut the
// pages, and a query of nothing the site says finds nothing.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { searchText, snippet, terms, textIndex } from "../../static/js/site-search.js";
import { lookupData, repo, searchJson, toml } from "./site.mjs";

const index = { en: textIndex(searchJson("en")), ko: textIndex(searchJson("ko")) };
const cases = toml(join(repo, "tests/search_cases.toml")).case;
// The base path the site was built under, such as "/repo" (or nothing).
const prefix = lookupData().timeouts.url.replace(/\/timeouts\/$/, "");

describe("full-text search", () => {
  test("at least 30 topics in each language find their section in the first three results", () => {
    for (const lang of ["en", "ko"]) assert.ok(cases.filter((c) => c.lang === lang).length >= 30, lang);
    const misses = [];
    for (const c of cases) {
      const top = searchText(index[c.lang], c.query)
        .slice(0, 3)
        .map((r) => r.href.slice(prefix.length));
      if (!top.some((h) => c.expect.includes(h))) misses.push(`${c.lang} ${JSON.stringify(c.query)}: ${top.join(", ") || "nothing"}`);
    }
    assert.deepEqual(misses, []);
  });

  test("Korean words are found with their particles and endings", () => {
    const bare = searchText(index.ko, "재연결").map((r) => r.href);
    assert.ok(bare.length > 0);
    for (const form of ["재연결을", "재연결하세요"]) {
      assert.deepEqual(searchText(index.ko, form).map((r) => r.href), bare, form);
    }
    // English words inside Korean prose are found from the Korean site.
    assert.ok(searchText(index.ko, "proxy_read_timeout").some((r) => r.href.endsWith("/ko/timeouts/#nginx-note")));
  });

  test("a query the site says nothing of finds nothing, not every code", () => {
    for (const q of ["zzqx vvwk", "kubernetes helm chart values", "the of and", "파이썬 장고 템플릿"]) {
      for (const lang of ["en", "ko"]) assert.deepEqual(searchText(index[lang], q), [], `${lang} ${q}`);
    }
  });

  test("every term of the index's snippets is cut as the generator cut it", () => {
    const all = new Set(JSON.parse(searchJson("ko")).index.map(([term]) => term));
    const stored = Object.values(JSON.parse(searchJson("ko")).storedFields);
    const missing = new Set();
    for (const doc of stored) {
      // The snippet's last word may be cut short.
      const text = doc.s.replace(/\S*$/, "");
      for (const t of terms(text)) if (!all.has(t)) missing.add(t);
    }
    assert.deepEqual([...missing].slice(0, 10), []);
  });

  test("a snippet marks the matched words where a word starts", () => {
    const pieces = snippet("Use WebSocket pings; a socket stays open.", ["socket"]);
    assert.deepEqual(
      pieces.filter((p) => p.mark).map((p) => p.text),
      ["socket"],
    );
  });
});
