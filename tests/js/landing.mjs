#!/usr/bin/env node
// How many captured log lines the lookup lands right, per library, in every
// language of the site:
//
//   node tests/js/landing.mjs [DIR...]      (default: content/captured)
//
// A line lands right when the first result is the page of its `code` (its
// range's page for a code without one). "also" counts lines whose first result
// is the page of one of the codes the capture lists in `also`, "explained"
// lines answered with words instead of a page (a clean close names no code),
// and "opens wrong" lines whose first result Enter would open although it is
// not the page of `code` or of an `also` code: the costly mistake. A capture of
// a protocol (`protocol = "<slug>"`) lands on `/<code>/#<slug>`, and a line it
// prints for several codes on `/protocols/<slug>/`. Any directory of files in
// the captured format can be measured, without adding anything to the rules.
import { join, resolve } from "node:path";
import { answer, rangeOf, search } from "../../static/js/lookup.js";
import { lookupData, repo, tomlFiles } from "./site.mjs";

/** The path of the page that answers `code` in `data`'s language. */
export function pageOf(data, code) {
  const entry = data.codes.find((c) => c.code === code) || (data.numbers || []).find((n) => n.code === code);
  if (entry) return entry.url;
  const r = rangeOf(data, code);
  if (!r) return null;
  const root = data.codes[0].url.replace(/[^/]+\/$/, "");
  return root + r.start + "-" + r.end + "/";
}

/** Landing counts for the captured files of `dirs`, per library. */
export function measure(dirs, languages) {
  const data = Object.fromEntries(languages.map((l) => [l, lookupData(l)]));
  const libraries = new Map();
  const skipped = [];
  const misses = [];
  for (const dir of dirs) {
    for (const { file, table } of tomlFiles(dir)) {
      const slug = table.protocol;
      const protocol = slug && (lookupData(languages[0]).protocols || []).find((p) => p.slug === slug);
      if (slug && !protocol) {
        skipped.push(join(dir, file) + " (protocol " + slug + " unknown)");
        continue;
      }
      const name = table.library || file.replace(/\.toml$/, "");
      if (!libraries.has(name)) libraries.set(name, { lines: 0, langs: {} });
      const counts = libraries.get(name);
      for (const line of table.line || []) {
        counts.lines++;
        for (const lang of languages) {
          const d = data[lang];
          const c = (counts.langs[lang] ||= { right: 0, also: 0, explained: 0, opensWrong: 0 });
          const results = search(d, line.text);
          const first = results[0];
          const { want, alsoPages } = wanted(d, line, slug);
          const got = first && first.href;
          if (first && got === want) {
            c.right++;
          } else if (first && first.note) {
            c.explained++;
          } else if (first && alsoPages.includes(got)) {
            c.also++;
          } else {
            if (answer(results)) c.opensWrong++;
            misses.push(`${lang} ${name}: ${JSON.stringify(line.text)} (code ${line.code}) -> ${first ? got || "note" : "nothing"}${answer(results) ? " [opens]" : ""}`);
          }
        }
      }
    }
  }
  return { libraries, skipped, misses };
}

// The page that answers a captured line, and those that answer it too. A
// protocol's line lands on its number's page at the protocol's section; one
// it prints for several codes (a state change) on the protocol's page, or at
// any of those codes' sections.
function wanted(data, line, slug) {
  const page = (n) => {
    const p = pageOf(data, n);
    return slug && n >= 3000 && !data.codes.some((c) => c.code === n) ? p + "#" + slug : p;
  };
  const also = (line.also || []).map(page);
  if (slug && also.length) {
    const protocol = data.protocols.find((p) => p.slug === slug);
    return { want: protocol.url, alsoPages: [page(line.code), ...also] };
  }
  return { want: page(line.code), alsoPages: also };
}

function percent(n, total) {
  return total ? ((100 * n) / total).toFixed(1) + "%" : "-";
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1] === resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const verbose = args.includes("--misses");
  const dirs = args.filter((a) => !a.startsWith("--"));
  if (!dirs.length) dirs.push(join(repo, "content/captured"));
  const languages = lookupData("en").languages;
  const { libraries, skipped, misses } = measure(dirs, languages);
  const total = { lines: 0, langs: {} };
  const rows = [["library", "lines", ...languages.flatMap((l) => [`${l} right`, `${l} also`, `${l} explained`, `${l} opens wrong`])]];
  for (const [name, c] of libraries) {
    total.lines += c.lines;
    const row = [name, String(c.lines)];
    for (const l of languages) {
      const x = c.langs[l] || { right: 0, also: 0, explained: 0, opensWrong: 0 };
      const t = (total.langs[l] ||= { right: 0, also: 0, explained: 0, opensWrong: 0 });
      for (const k of Object.keys(t)) t[k] += x[k];
      row.push(`${x.right} (${percent(x.right, c.lines)})`, String(x.also), String(x.explained), String(x.opensWrong));
    }
    rows.push(row);
  }
  const row = ["all", String(total.lines)];
  for (const l of languages) {
    const t = total.langs[l] || { right: 0, also: 0, explained: 0, opensWrong: 0 };
    row.push(`${t.right} (${percent(t.right, total.lines)})`, String(t.also), String(t.explained), String(t.opensWrong));
  }
  rows.push(row);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i])).join("  "));
  for (const s of skipped) console.log("skipped: " + s);
  if (verbose) for (const m of misses) console.log("miss: " + m);
}
