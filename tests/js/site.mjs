// What the JavaScript tests read: the real site's lookup data, built once
// by the generator, and the content's TOML files.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = fileURLToPath(new URL("../../", import.meta.url));
// The TOML parser comes with the tools .ci/package.json installs.
const { parse } = createRequire(join(repo, ".ci/package.json"))("smol-toml");

export function toml(path) {
  return parse(readFileSync(path, "utf8"));
}

let built = null;

/**
 * The directory of a build of the real site: $CLOSECODES_SITE when set (.ci/run
 * builds it once), otherwise built here into target/js-site with the newest
 * generator binary in target/, or with `cargo run` when there is none.
 */
export function siteDir() {
  if (built) return built;
  if (process.env.CLOSECODES_SITE) {
    built = process.env.CLOSECODES_SITE;
    return built;
  }
  const out = join(repo, "target/js-site");
  const binaries = ["target/release/closecodes", "target/debug/closecodes"]
    .map((p) => join(repo, p))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const args = ["build", "--content", join(repo, "content"), "--out", out];
  if (binaries.length) {
    execFileSync(binaries[0], args, { cwd: repo, stdio: "ignore" });
  } else {
    execFileSync("cargo", ["run", "--quiet", "--release", "--", ...args], { cwd: repo, stdio: "inherit" });
  }
  built = out;
  return built;
}

/** The lookup's data for pages in `lang` ("en" or "ko"). */
export function lookupData(lang = "en") {
  const dir = siteDir();
  const first = JSON.parse(readFileSync(join(dir, "lookup.json"), "utf8"));
  if (lang === first.languages[0]) return first;
  return JSON.parse(readFileSync(join(dir, lang, "lookup.json"), "utf8"));
}

/** The text of the site's full-text index for pages in `lang`. */
export function searchJson(lang = "en") {
  const dir = siteDir();
  const first = lookupData();
  return readFileSync(join(dir, lang === first.languages[0] ? "" : lang, "search.json"), "utf8");
}

/** tests/lookup_cases.toml. */
export function cases() {
  return toml(join(repo, "tests/lookup_cases.toml"));
}

/** content/messages.toml's real log lines. */
export function messages() {
  return toml(join(repo, "content/messages.toml")).message;
}

/** The .toml files of a directory, sorted, each parsed, with its file name. */
export function tomlFiles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".toml"))
    .sort()
    .map((f) => ({ file: f, table: toml(join(dir, f)) }));
}
