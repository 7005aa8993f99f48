// Shared by the protocol clients: the plan, output lines, versions.
// Every line is the client's: what it threw, emitted or logged after the
// protocol's server closed with a code (scenario server-close-CODE).
import { readFileSync } from "node:fs";

export const PLAN = JSON.parse(readFileSync(process.argv[process.argv.length - 1], "utf8"));
export const TIMEOUT = 5000;

export function packageVersion(name) {
  return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
}

export function meta(library, version) {
  console.log(JSON.stringify({
    meta: { library, version, runtime: `Node.js ${process.versions.node}`, protocol: PLAN.protocol },
  }));
}

// `seen` is the close code the library reported, where it reported one. A
// text a library repeats for the same close (an event and its log line) is
// kept once.
const printed = new Set();
export function emit(code, kind, text, seen) {
  text = String(text).split(/\r?\n/)[0];
  const key = JSON.stringify([code, kind, text]);
  if (!text.trim() || printed.has(key)) return;
  printed.add(key);
  const line = { scenario: `server-close-${code}`, code, side: "client", kind, text };
  if (seen !== undefined && seen !== null) line.seen = seen;
  console.log(JSON.stringify(line));
}

export const closeValue = (e) => `code=${e.code} reason=${JSON.stringify(String(e.reason))}`;

export function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

export function within(promise, ms = TIMEOUT) {
  let timer;
  return Promise.race([promise, new Promise((r) => (timer = setTimeout(r, ms)))]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
