// The protocols' own codes (3000-4999, content/protocols/): which protocol a
// text shows, and which of its codes. Pure, like lookup.js, which turns what
// this finds into results.
//
// A finding is strong (the lookup may open it) when the text holds:
//   "line"    a whole line a client library of the protocol prints for the code
//   "name"    a library's own, distinctive name for the code
//   "own"     the code's number beside the protocol's name, its reason text or
//             a line of its library; or the protocol's name beside the reason
// and a candidate when it holds only the reason text ("reason"), or only the
// protocol's name ("named", answered by the protocol's page). Two protocols
// found equally strongly make candidates of both.
import { tokens, withoutNoise } from "./text.js";

// A number of a protocol's range in a text: after `code` and a separator
// (`"code":4100`, `code=4004`), or standing alone, not a size or a count.
const NUMBER_AFTER_CODE = /\bcode"?\s*[:=]\s*"?([34]\d{3})\b/gi;
const NUMBER_ALONE =
  /(?<![\w.:/-])([34]\d{3})(?![\w.:/-]|\s*(?:bytes?|[kmg]i?b|b|ms|s|secs?|seconds?|mins?|minutes?|h|hours?|connections?|messages?|frames?|times|requests?|clients?|users?|items?|%)(?![a-z])|\s*(?:초|분|바이트|개|번|명))/gi;

// Words any program's errors start with: they do not make a line its own.
const GENERIC = new Set(["error", "exception", "warning", "warn", "info", "debug", "uncaught"]);

const SCORE = { own: 2745, name: 2742, reason: 2100, named: 1850 };

/** What the lookup needs of `data.protocols`, made once per data object. */
export function prepareProtocols(data) {
  const list = data.protocols || [];
  const uses = new Map();
  for (const p of list) {
    for (const c of p.codes) {
      for (const n of namesOf(c)) uses.set(n, (uses.get(n) || 0) + 1);
    }
  }
  return {
    numbers: new Map((data.numbers || []).map((n) => [n.code, n])),
    protocols: list.map((p) => ({
      p,
      named: aliasPattern(p.aliases),
      shared: (p.shared || []).map((m) => ({ text: m.text, tokens: tokens(withoutNoise(m.text)), library: m.library })).filter((x) => x.tokens.filter((w) => !GENERIC.has(w)).length >= 2),
      codes: p.codes.map((c) => ({
        c,
        reason: tokens(c.reason || ""),
        title: tokens(c.name),
        phrases: c.messages.map((m) => ({ text: m.text, tokens: tokens(withoutNoise(m.text)), library: m.library })).filter((x) => x.tokens.length),
        // A name that two codes share (discord.py's ConnectionClosed) says
        // nothing about which.
        names: namesOf(c).filter((n) => uses.get(n) === 1),
      })),
    })),
  };
}

/** The protocols' codes that `raw` (and `text`, its noise taken out) shows. */
export function protocolFindings(px, raw, text) {
  const queryTokens = tokens(text);
  const numbers = numbersIn(text).filter((n) => px.numbers.has(n));
  const found = [];
  for (const { p, named, codes, shared } of px.protocols) {
    const isNamed = Boolean(named && named.test(raw));
    let any = false;
    const line = bestLine(shared, raw.trim(), queryTokens);
    if (line.score >= 3000) {
      found.push({ protocol: p, code: null, evidence: "shared", strong: false, score: line.score, library: line.library });
      any = true;
    }
    for (const pc of codes) {
      const f = finding(p, pc, { raw, queryTokens, numbers, isNamed });
      if (f) {
        found.push(f);
        any = true;
      }
    }
    if (isNamed && !any) found.push({ protocol: p, code: null, evidence: "named", strong: false, score: SCORE.named });
  }
  // Only the strongest finding can be sure, and only when no other code is
  // found as strongly: then the text does not say which.
  const strong = found.filter((f) => f.strong);
  const top = Math.max(0, ...strong.map((f) => f.score));
  const alone = strong.filter((f) => f.score === top).length === 1;
  for (const f of strong) f.strong = alone && f.score === top;
  return found;
}

function finding(p, pc, q) {
  const n = pc.c.code;
  const base = { protocol: p, code: pc.c };
  const line = bestLine(pc.phrases, q.raw.trim(), q.queryTokens);
  // A short line (`Authentication failed`) could be any program's: sure only
  // beside the protocol's name or the code.
  const short = line.found < 3 && !q.isNamed && !q.numbers.includes(pc.c.code);
  if (line.score >= 3000) return { ...base, evidence: "line", strong: !short, score: line.score, library: line.library };
  // A qualified name (GatewayCloseCodes.AuthenticationFailed) is the
  // protocol's; a plain one (ConnectionTimeout) may be any library's class.
  const name = pc.names.find((x) => hasWord(q.raw, x));
  const qualified = name && /[._]/.test(name);
  if (name && (qualified || q.isNamed)) return { ...base, evidence: "name", strong: true, score: SCORE.name, name };
  if (name) return { ...base, evidence: "name", strong: false, score: SCORE.reason, name };
  const reason = pc.reason.length > 0 && inOrder(pc.reason, q.queryTokens);
  // The owner's name for the code counts beside the protocol's name only:
  // "Unknown error" alone could be anything's.
  const title = q.isNamed && pc.title.length >= 2 && inOrder(pc.title, q.queryTokens);
  const number = q.numbers.includes(n);
  if (number && (q.isNamed || reason || line.score > 0)) return { ...base, evidence: "own", strong: true, score: SCORE.own };
  if ((reason || title) && q.isNamed) return { ...base, evidence: "own", strong: true, score: SCORE.own - 1 };
  // A reason of one word ("Forbidden", "shutdown", "Disconnected") is too
  // common to offer on its own.
  // Nor one lost in a longer text (`password authentication failed for user`).
  if (reason && pc.reason.length >= 2 && pc.reason.length * 2 >= q.queryTokens.length) {
    return { ...base, evidence: "reason", strong: false, score: SCORE.reason + pc.reason.length };
  }
  return null;
}

// Every name a code's client libraries give it, and the last part of a
// dotted one (GatewayCloseCodes.AuthenticationFailed, AuthenticationFailed),
// when it is distinctive.
function namesOf(c) {
  const out = new Set();
  for (const n of c.names) {
    const last = n.split(".").pop();
    for (const x of [n, last]) if (x.length >= 10 && /[a-z][A-Z]|_/.test(x)) out.add(x);
  }
  return [...out];
}

function numbersIn(text) {
  const out = new Set();
  for (const re of [NUMBER_AFTER_CODE, NUMBER_ALONE]) {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text))) out.add(+m[1]);
  }
  return [...out];
}

function aliasPattern(aliases) {
  const list = (aliases || []).filter((a) => a.length >= 3).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return list.length ? new RegExp("(?<![\\w@/-])(?:" + list.join("|") + ")(?![\\w-])", "i") : null;
}

function hasWord(raw, word) {
  const at = raw.indexOf(word);
  if (at < 0) return false;
  const before = raw.charAt(at - 1);
  const after = raw.charAt(at + word.length);
  return !/\w/.test(before) && !/\w/.test(after);
}

// Are all of `want` in `have`, in order?
function inOrder(want, have) {
  let at = 0;
  for (const w of want) {
    const i = have.indexOf(w, at);
    if (i < 0) return false;
    at = i + 1;
  }
  return true;
}

// The best of a code's known lines in the text: a whole line that is most of
// the text scores 3000 and up, and a little more when it is the text to the
// letter (discord.js prints `Authentication failed`, obs-websocket-js
// `Authentication failed.`); a whole line inside a longer text, less.
function bestLine(phrases, exact, queryTokens) {
  let best = { score: 0, found: 0, library: "" };
  for (const phrase of phrases) {
    if (!inOrder(phrase.tokens, queryTokens)) continue;
    const found = phrase.tokens.filter((w) => !GENERIC.has(w)).length;
    const most = phrase.tokens.length * 4 >= queryTokens.length * 3;
    const whole = phrase.tokens.length >= 2 || phrase.tokens.length === queryTokens.length;
    let score = most && whole ? 3000 + phrase.tokens.length : 1950 + phrase.tokens.length;
    if (phrase.text === exact) score += 0.5;
    if (score > best.score) best = { score, found, library: phrase.library };
  }
  return best;
}
