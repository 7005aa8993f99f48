// The 404 page's reading of a missing address.
import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveMissing } from "../../static/js/not-found.js";
import { lookupData } from "./site.mjs";

const data = lookupData("en");
const read = (path, hash = "", base = "/repo/") => resolveMissing(data, base, path, hash);

test("old and mistyped addresses lead to their page and anchor", () => {
  assert.deepEqual(read("/repo/1008"), { page: "/repo/1008/" });
  assert.deepEqual(read("/repo/1008/fix"), { page: "/repo/1008/#fix" });
  assert.deepEqual(read("/repo/1008", "#when"), { page: "/repo/1008/#when" });
  assert.deepEqual(read("/repo/1008", "#nowhere"), { page: "/repo/1008/" });
  assert.deepEqual(read("/repo/1008.html"), { page: "/repo/1008/" });
  assert.deepEqual(read("/repo/1008-vs-1002"), { page: "/repo/1002-vs-1008/" });
  assert.deepEqual(read("/repo/1008vs1002/", "#which"), { page: "/repo/1002-vs-1008/#which" });
});

test("a language is a first segment the site has", () => {
  assert.deepEqual(read("/repo/ko/1008/fix"), { page: "/repo/ko/1008/#fix" });
  assert.deepEqual(read("/repo/ko/1008-vs-1002"), { page: "/repo/ko/1002-vs-1008/" });
  // Not a language of the site: the address is not read as one.
  assert.equal(read("/repo/de/1008"), null);
  assert.equal(read("/repo/zh-hant-tw/1008"), null);
  const more = { ...data, languages: [...data.languages, "zh-hant-tw"] };
  assert.deepEqual(resolveMissing(more, "/", "/zh-hant-tw/1008", ""), { page: "/zh-hant-tw/1008/" });
});

test("a code without a page names its range", () => {
  const found = read("/repo/4050/");
  assert.equal(found.code, 4050);
  assert.deepEqual([found.range.start, found.range.end], [4000, 4999]);
  assert.equal(read("/repo/2500").range.start, 1000);
});

test("anything else is not guessed", () => {
  assert.equal(read("/repo/a/b/c/1006/"), null);
  assert.equal(read("/repo/hello"), null);
  assert.equal(read("/repo/1008-vs-1008"), null);
  assert.equal(read("/repo/99999"), null);
});
