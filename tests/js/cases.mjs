// Checks a lookup case against the results for its query: the problems, as
// sentences, or none. Shared by the tests of cases, facts about libraries and captured
// lines.
import { answer, landing, search } from "../../static/js/lookup.js";

/** The path in `data`'s language of a site path written without prefix. */
export function localPath(data, path) {
  const home = data.codes[0].url.replace(/[^/]+\/$/, "");
  return home + path.replace(/^\//, "");
}

export function check(data, c) {
  const results = search(data, c.query);
  const first = results[0];
  const problems = [];
  const shown = results.map((r) => (r.href || "note:" + r.kind) + " (" + r.strength + ")").join(", ") || "nothing";
  if (c.note) {
    if (!first || !first.note || first.kind !== c.note) problems.push(`expected the ${c.note} explanation first, got ${shown}`);
  } else if (c.nothing) {
    if (results.length) problems.push(`expected no result, got ${shown}`);
  } else if (c.expect) {
    const want = localPath(data, c.expect);
    if (!first || first.href !== want) problems.push(`expected ${want} first, got ${shown}`);
  }
  if (c.opens === true && !answer(results)) problems.push(`Enter should open it, but the lookup is not sure: ${shown}`);
  if (c.opens === false && answer(results)) problems.push(`Enter should not open a page, but opens ${landing(answer(results))}`);
  if (c.section && first && first.section !== c.section) problems.push(`expected to land on #${c.section}, lands on ${first ? landing(first) : "nothing"}`);
  for (const page of c.never || []) {
    const p = localPath(data, page);
    if (results.some((r) => r.href === p)) problems.push(`${p} must not be offered: ${shown}`);
  }
  if (c.only && results.filter((r) => r.href).length !== 1) problems.push(`expected only ${c.expect}, got ${shown}`);
  return problems;
}
