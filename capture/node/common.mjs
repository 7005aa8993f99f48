// Shared by the Node.js capture programs: the plan, output lines, the peer.
import { readFileSync } from "node:fs";
import { spawn } from "node:child_process";

export const PLAN = JSON.parse(readFileSync(process.argv[2], "utf8"));
export const TIMEOUT = 5000;

export function meta(library, version) {
  console.log(JSON.stringify({ meta: { library, version, runtime: `Node.js ${process.versions.node}` } }));
}

// A value or close event is looked up by the code it reports.
export function emit(scenario, code, side, kind, text, seen) {
  if (kind === "value" || kind === "close-event") code = seen;
  const line = { scenario, code, side, kind, text: String(text) };
  if (seen !== undefined) line.seen = seen;
  console.log(JSON.stringify(line));
}

// What a close event carries, written the same way for every library.
export function closeValue(code, reason, wasClean) {
  let text = `code=${code} reason=${JSON.stringify(String(reason))}`;
  if (wasClean !== undefined) text += ` wasClean=${wasClean}`;
  return text;
}

export function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

export function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), TIMEOUT);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Run the misbehaving peer as a client of our server.
export function badClient(url, action, ...args) {
  const [cmd, ...rest] = PLAN.peer_cmd;
  const child = spawn(cmd, [...rest, "client", url, action, ...args.map(String)], { stdio: "ignore" });
  return new Promise((resolve) => child.on("exit", resolve));
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
