// The lookup: reads what a reader typed or pasted (a code, a pair of codes, a
// library's constant, a log line, a duration, a few words) and ranks the pages
// that answer it. Pure: no DOM and no network, so it runs the same in the page
// and under Node's test runner.
//
// `search(data, query)` returns results, best first. Each has a `strength`:
//   "sure"    the text says which page answers it: a whole known log line, a
//             code in a close context, a library's own name for a code, a rule
//             of lookup.toml that only WebSocket programs print
//   "likely"  a good candidate: a rule any networked program matches, a
//             duration, a bare number, words readers use for a symptom
//   "weak"    words of a code's name or summary, shown only when nothing better
//             was found, at most two
// A result with `note` set answers with words and has no page (a clean close,
// a send on a closed socket). `answer(results)` is the one Enter may open.

import { fill, tokens, withoutNoise, words } from "./text.js";
import { prepareProtocols, protocolFindings } from "./protocols.js";

export { fill, tokens, withoutNoise, words };

export const SURE = "sure";
export const LIKELY = "likely";
export const WEAK = "weak";
const TIER = { sure: 3, likely: 2, weak: 1 };

// How strongly each kind of match says what the text is. A whole known log
// line (3000 and up) outranks all of these; a bare number or a topic ranks
// below them.
const RANK = {
  pair: 2800,
  "clean-close": 2760,
  "closed-socket": 2760,
  refused: 2750,
  name: 2740,
  received: 2720,
  constant: 2600,
  code: 2500,
  hop: 2490,
  timeouts: 2460,
  tls: 2300,
  protocol: 2200,
  limit: 2150,
  handshake: 2100,
  timeout: 2050,
  network: 2000,
  number: 1900,
  topic: 1800,
};
const MAX_RESULTS = 6;
const MAX_WEAK = 2;
// A word match is shown only at this score (one word of a code's name, or
// three of its summary) and within this share of the best one.
const WEAK_FLOOR = 3;
const WEAK_SHARE = 0.6;
// Long pastes (a whole stack trace) are read up to here.
const MAX_TEXT = 4000;

// What shows that a text is about a WebSocket, beside a rule that only
// WebSocket programs match.
const WEBSOCKET =
  /web ?sockets?|웹 ?소켓|\bwss?:\/\/|socket\.io|engine\.io|\bclose frame|closing handshake|sec-websocket|\bws\b/i;
// Protocols the site does not cover: their errors are not WebSocket close
// codes, even when they share words with one (`PROTOCOL_ERROR`, "connection
// refused").
const OTHER_PROTOCOL =
  /\b(?:mqtt|amqp|stomp|smtp|imap|pop3|ftp|sftp|ssh|grpc|http\/?2|h2c?|rst_stream|goaway|stream error|redis|postgres(?:ql)?|mysql|mongodb|kafka|nats|xmpp|sip|quic|ldap)\b/i;
// Close words that say nothing about which code: never a match on their own.
const STOP_WORDS =
  "the a an of to and or in on for with is was by at be it this that not no websocket ws close closed closing code status connection error reason received sent frame then " +
  "종료 코드 연결 웹소켓 상태 오류 에러 프레임 메시지 닫힘 닫기 계속";
const HANGUL = /[\uac00-\ud7a3]/;

const prepared = new WeakMap();

/** The lookup's index of `data` (lookup.json), made once per data object. */
export function prepare(data) {
  let ix = prepared.get(data);
  if (ix) return ix;
  const stop = new Set(words(STOP_WORDS));
  const byCode = new Map(data.codes.map((c) => [c.code, c]));
  const codes = data.codes.map((c) => {
    const terms = new Map();
    c.keywords.forEach((k, i) => {
      for (const w of words(k)) {
        if (stop.has(w)) continue;
        terms.set(w, Math.max(terms.get(w) || 0, i < c.strong ? 3 : 1));
      }
    });
    const phrases = c.messages
      .map((m) => ({ tokens: tokens(withoutNoise(m.text)), library: m.library }))
      .filter((p) => p.tokens.length >= 2);
    return { entry: c, terms, phrases };
  });
  const rules = [];
  for (const rule of data.rules) {
    try {
      rules.push({ rule, re: new RegExp(rule.re, rule.cs ? "" : "i") });
    } catch {
      // The build checks every pattern; one the browser cannot read is skipped.
    }
  }
  // A library constant written as a distinctive word: StatusGoingAway,
  // POLICY_VIOLATION, NormalClosure (not Away or Error).
  const constants = new Map();
  for (const lib of Object.values(data.libraries)) {
    for (const [name, code] of Object.entries(lib.names)) {
      if (name.length >= 8 && /[a-z][A-Z]|_/.test(name) && !constants.has(name)) {
        constants.set(name, { code, library: lib.label });
      }
    }
  }
  ix = { data, stop, byCode, codes, rules, constants, own: prepareProtocols(data) };
  prepared.set(data, ix);
  return ix;
}

/** Ranked results for `query`, best first; empty for an empty query. */
export function search(data, query) {
  const ix = prepare(data);
  const raw = String(query || "").slice(0, MAX_TEXT);
  if (!raw.trim()) return [];
  const text = withoutNoise(raw);
  let found = [];
  const add = (r) => {
    if (r) found.push(r);
  };

  const alone = raw.trim().match(/^(\d{1,4})$/);
  const pairs = alone ? [] : pair(ix, raw, text);
  if (alone) add(numberAlone(ix, +alone[1]));
  pairs.forEach(add);
  rules(ix, text).forEach(add);
  constantsIn(ix, raw).forEach(add);
  httpStatuses(ix, text).forEach(add);
  timeoutResults(ix, raw).forEach(add);
  if (!alone && !pairs.length) bareNumbers(ix, text).forEach(add);
  const lines = knownLines(ix, text);
  lines.sure.forEach(add);
  lines.likely.forEach(add);
  const own = protocolFindings(ix.own, raw, text).map((f) => ownResult(ix, f)).filter(Boolean);
  own.forEach(add);
  // A text that is a whole line a protocol's library prints, too short to be
  // sure of (obs-websocket-js's `Unknown OpCode: 4`), makes candidates of what
  // rules read in it: it may not be about a WebSocket frame at all.
  if (own.some((r) => r.evidence === "line" && r.score >= 3000 && r.strength !== SURE)) {
    for (const r of found) if (r.kind !== "own" && !(r.kind === "line" && r.score >= 3000)) r.strength = r.strength === SURE ? LIKELY : r.strength;
  }

  // How sure the rules that any networked program matches may be.
  const onWebSocket =
    WEBSOCKET.test(raw) || found.some((r) => r.strength === SURE && !r.generic && r.kind !== "topic");
  // A text about another protocol: what any networked program says is about
  // that protocol, and nothing else in it is sure.
  const otherProtocol = OTHER_PROTOCOL.test(raw) && !WEBSOCKET.test(raw);
  if (otherProtocol) found = found.filter((r) => !r.generic);
  for (const r of found) {
    if (r.generic && !onWebSocket) r.strength = LIKELY;
    if (otherProtocol && r.strength === SURE && r.kind !== "line") r.strength = LIKELY;
  }

  // Beside a sure answer stays only what adds to it: the pages it names, and
  // the hops whose limits match a duration in the text.
  const sure = found.some((r) => r.strength === SURE);
  const kept = sure ? found.filter((r) => r.strength === SURE || r.companion || r.kind === "hop" || r.kind === "timeouts") : found;
  let results = ranked(kept);
  if (!results.length) {
    results = ranked(wordResults(ix, text));
  }
  return results.slice(0, MAX_RESULTS);
}

/** The result Enter opens: the first, when it is sure and is a page. */
export function answer(results) {
  const first = results[0];
  return first && first.strength === SURE && first.href ? first : null;
}

/** Where a result leads: its page, at the section that answers it. */
export function landing(result) {
  return result.section ? result.href + "#" + result.section : result.href;
}

// Best first: the surer tier, then the higher score; each page once, with its
// best reason; an explanation once per kind. A known line that a rule of the
// same one library also reads takes the rule's reason, which says what
// happened ("A ping or a read timed out") rather than who printed it.
function ranked(list) {
  const sorted = list.slice().sort((x, y) => TIER[y.strength] - TIER[x.strength] || y.score - x.score);
  const kept = new Map();
  return sorted.filter((r) => {
    const key = r.href || "note:" + r.kind;
    const first = kept.get(key);
    if (first) {
      if (first.kind === "line" && r.library && r.library === first.library) first.why = r.why;
      return false;
    }
    kept.set(key, r);
    return true;
  });
}

// ---------------------------------------------------------------- reading numbers

// A number typed alone: a code's page, its range's page, or, for an HTTP
// status, the handshake that was refused.
function numberAlone(ix, n) {
  if (!ix.byCode.has(n) && isHttpStatus(n)) return httpResult(ix, n, SURE);
  return codeResult(ix, n, { kind: "number", strength: SURE, score: RANK.code, why: fill(ix.data.why.number, { code: n }) });
}

function isHttpStatus(n) {
  return n >= 100 && n <= 599 && n !== 101;
}

// "1002 vs 1008", "1008 1002": the comparison, then each code.
function pair(ix, raw, text) {
  const m =
    raw.match(/^\s*(\d{3,4})\s*(?:vs\.?|versus|[,/&]|and|와|과)?\s*(\d{3,4})\s*$/i) ||
    text.match(/\b(\d{4})\s*(?:vs\.?|versus)\s*(\d{4})\b/i);
  if (!m) return [];
  const a = +m[1];
  const b = +m[2];
  if (a === b || !ix.byCode.has(a) || !ix.byCode.has(b)) return [];
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const data = ix.data;
  const compare = {
    href: pagePath(data, lo + "-vs-" + hi),
    title: lo + " vs " + hi,
    summary: ix.byCode.get(lo).name + " / " + ix.byCode.get(hi).name,
    kind: "pair",
    strength: SURE,
    score: RANK.pair,
    why: "",
  };
  const each = [lo, hi].map((n, i) =>
    codeResult(ix, n, { kind: "number", strength: LIKELY, score: RANK.number - i, companion: true, why: fill(data.why.number, { code: n }) }),
  );
  return [compare, ...each];
}

// Registered codes standing in a text without a close word beside them
// ("1006 after exactly 55s"): candidates. Other four-digit numbers in a text
// (years, sizes, counts) are not read at all.
function bareNumbers(ix, text) {
  const out = [];
  const seen = new Set();
  const re = /(?<![\w.:/-])(\d{4})(?![\w.:/-]|\s*(?:bytes?|[kmg]i?b|b|ms|s|secs?|seconds?|mins?|minutes?|h|hours?|connections?|messages?|frames?|times|requests?|clients?|users?|items?|%)(?![a-z])|\s*(?:초|분|바이트|개|번|명))/gi;
  let m;
  while ((m = re.exec(text))) {
    const n = +m[1];
    if ((!ix.byCode.has(n) && !ix.own.numbers.has(n)) || seen.has(n)) continue;
    seen.add(n);
    out.push(codeResult(ix, n, { kind: "number", strength: LIKELY, score: RANK.number - out.length, why: fill(ix.data.why.number, { code: n }) }));
  }
  return out;
}

// HTTP statuses: what a server answered the upgrade with instead of 101.
function httpStatuses(ix, text) {
  const out = [];
  const re =
    /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?: code)?|response(?: code)?)[ :=]*([1-5]\d\d)\b(?!\d|\s*(?:bytes?|ms)\b)|\b([1-5]\d\d) (?:Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Upgrade Required|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/gi;
  let m;
  while ((m = re.exec(text))) {
    const n = +(m[1] || m[2]);
    if (isHttpStatus(n)) out.push(httpResult(ix, n, SURE, true));
  }
  return out;
}

function httpResult(ix, n, strength, generic) {
  const r = handshakePage(ix, RANK.handshake, fill(ix.data.why.http_status, { code: n }));
  if (!r) return null;
  r.kind = "handshake";
  r.strength = strength;
  r.generic = Boolean(generic);
  return r;
}

// The page that explains a refused handshake: 1006, at what a page sees
// before `open`.
function handshakePage(ix, score, why) {
  const r = codeResult(ix, 1006, { kind: "handshake", strength: SURE, score, why });
  if (r) r.section = sectionFor(ix.byCode.get(1006), "handshake");
  return r;
}

function sectionFor(entry, kind) {
  const sections = (entry && entry.sections) || [];
  if (kind === "handshake") return sections.indexOf("browser") >= 0 ? "browser" : "when";
  return "fix";
}

// ---------------------------------------------------------------- rules and constants

// What the rules of lookup.toml make of the text.
function rules(ix, text) {
  const data = ix.data;
  const out = [];
  for (const { rule, re } of ix.rules) {
    const m = text.match(re);
    if (!m) continue;
    const library = labels(data, rule.libraries || []);
    const why = fill(data.why[rule.kind.replace(/-/g, "_")] || "", { library, name: "", code: "" });
    const score = RANK[rule.kind] + Math.min(m[0].length, 99) / 100;
    const base = { kind: rule.kind, strength: rule.kind === "topic" ? LIKELY : SURE, score, why, generic: Boolean(rule.generic), library };
    if (rule.kind === "clean-close" || rule.kind === "closed-socket") {
      out.push({ ...base, note: true, title: "" });
      continue;
    }
    if (rule.range) {
      const g = data.ranges.find((r) => rule.range.indexOf("/" + r.start + "-" + r.end + "/") >= 0);
      if (g) out.push({ ...base, href: rule.range, title: g.start + "-" + g.end, summary: g.title });
      continue;
    }
    const groups = m.groups || {};
    let n = rule.code;
    let picked = false;
    if (groups.code) {
      n = +groups.code;
      picked = true;
    } else if (groups.char) {
      n = groups.char.codePointAt(0);
      picked = true;
    } else if (groups.name) {
      n = constantOf(data, groups.name, rule.libraries || []);
      picked = true;
    }
    if (n === null || n === undefined) continue;
    if (groups.name && rule.kind === "name") base.why = fill(data.why.name, { library, name: groups.name });
    if (rule.kind === "received") {
      out.push(...received(ix, n, picked, base, library));
      continue;
    }
    const r = codeResult(ix, n, base);
    if (!r) continue;
    out.push(r);
    if (rule.kind === "timeout" || rule.kind === "topic") add(out, heartbeats(ix, score - 0.5));
  }
  return out;
}

// A received code that no Close frame may carry is a protocol error: the
// receiver closes with 1002. The code that arrived is offered beside it; a
// rule with a fixed code leads to that code, with 1002 beside it.
function received(ix, n, picked, base, library) {
  const data = ix.data;
  const entry = ix.byCode.get(n);
  const sendable = entry && entry.sendable;
  const out = [];
  if (picked && !sendable) {
    add(out, codeResult(ix, 1002, base));
    add(out, codeResult(ix, n, { kind: "received", strength: LIKELY, score: base.score - 1, companion: true, why: fill(data.why.arrived, { code: n }) }));
  } else {
    add(out, codeResult(ix, n, base));
    if (!sendable && n !== 1002) {
      add(out, codeResult(ix, 1002, { kind: "received", strength: LIKELY, score: base.score - 1, companion: true, why: fill(data.why.answered, { library }) }));
    }
  }
  return out;
}

// How to keep a connection alive, beside a ping that went unanswered.
function heartbeats(ix, score) {
  const t = ix.data.timeouts;
  if (!t || !t.heartbeats) return null;
  return { href: t.url + "#heartbeats", title: t.heartbeats, summary: t.title, kind: "timeouts", strength: LIKELY, score, companion: true, why: ix.data.why.heartbeat };
}

// A known constant, or one behind a prefix that only says "close code":
// CLOSE_POLICY_VIOLATION and WebSocketClosePolicyViolation read as
// POLICY_VIOLATION and PolicyViolation.
const CONSTANT_PREFIX = [/^(?:LWS_)?(?:CLOSE|STATUS|WS|WEBSOCKET)_(?:(?:STATUS|CODE)_)?(.+)$/i, /^(?:WebSocket)?(?:Close|Status)(?:Code|Status)?([A-Z].+)$/];

function constantsIn(ix, raw) {
  const out = [];
  for (const token of raw.match(/[A-Za-z][A-Za-z0-9_]{7,}/g) || []) {
    let name = token;
    let hit = ix.constants.get(token);
    for (const re of CONSTANT_PREFIX) {
      const m = hit ? null : token.match(re);
      if (m && ix.constants.has(m[1])) {
        name = m[1];
        hit = ix.constants.get(name);
      }
    }
    if (!hit) continue;
    add(out, codeResult(ix, hit.code, { kind: "constant", strength: SURE, score: RANK.constant, why: fill(ix.data.why.name, { library: hit.library, name }) }));
  }
  return out;
}

// A library's own name for a code, among the libraries that print the text.
function constantOf(data, name, ids) {
  for (const id of ids) {
    const lib = data.libraries[id];
    if (lib && Object.prototype.hasOwnProperty.call(lib.names, name)) return lib.names[name];
  }
  return null;
}

function labels(data, ids) {
  const list = ids.map((id) => (data.libraries[id] ? data.libraries[id].label : id));
  return list.length > 3 ? list.slice(0, 3).join(", ") + ", …" : list.join(", ");
}

// ---------------------------------------------------------------- durations and hops

const UNIT = {
  ms: 0.001, millisecond: 0.001, s: 1, sec: 1, second: 1, "초": 1,
  m: 60, min: 60, minute: 60, "분": 60, h: 3600, hr: 3600, hour: 3600, "시간": 3600,
};

/** Durations in a text ("after 60 seconds", "every 30s", "1 minute", "60초"), in seconds. */
export function durations(text) {
  const out = [];
  const re = /(\d+(?:\.\d+)?|an?|one)\s*(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|초|분|시간)(?![a-z])/gi;
  let m;
  while ((m = re.exec(text))) {
    let unit = m[2].toLowerCase();
    if (!(unit in UNIT)) unit = unit.replace(/s$/, "");
    if (!(unit in UNIT)) continue;
    if (/^[a-z]+$/i.test(m[1]) && unit.length < 3) continue;
    const n = /^\d/.test(m[1]) ? +m[1] : 1;
    out.push({ seconds: Math.round(n * UNIT[unit]), text: m[0] });
  }
  return out;
}

// The hops in between whose default matches a duration in the text, the hops
// the text names, and the page about them.
function timeoutResults(ix, raw) {
  const t = ix.data.timeouts;
  if (!t) return [];
  const data = ix.data;
  const out = [];
  const named = new Map();
  for (const hop of t.hops) {
    const name = hopNamed(hop, raw, t.hops);
    if (name) named.set(hop.id, name);
  }
  // Connections that die after a fixed time were usually cut by something in
  // between; a second or two is a request's time, not an idle limit.
  const times = durations(withoutNoise(raw)).filter((d) => d.seconds >= 5);
  const matched = new Set();
  times.forEach((d) => {
    t.hops.forEach((hop, i) => {
      const idle = hop.idle === d.seconds;
      const life = hop.lifetime === d.seconds;
      if (!idle && !life) return;
      matched.add(hop.id);
      const sure = named.has(hop.id);
      out.push({
        ...hopResult(t, hop),
        strength: sure ? SURE : LIKELY,
        score: RANK.hop + (sure ? 5 : 0) - i / 100,
        why: fill(idle ? data.why.hop_idle : data.why.hop_lifetime, { duration: d.text }),
      });
    });
    out.push({ href: t.url, title: t.title, summary: "", kind: "timeouts", strength: LIKELY, score: RANK.timeouts, why: fill(data.why.duration, { duration: d.text }) });
  });
  t.hops.forEach((hop, i) => {
    if (!named.has(hop.id) || matched.has(hop.id)) return;
    out.push({ ...hopResult(t, hop), strength: LIKELY, score: RANK.hop - 10 - i / 100, why: fill(data.why.hop_named, { name: named.get(hop.id) }) });
  });
  return out;
}

function hopResult(t, hop) {
  return { href: t.url + "#" + hop.id, title: hop.name, summary: hop.facts || "", kind: "hop" };
}

// Parts of hop ids that name no one hop: `alb` names the AWS load balancer,
// `gateway` or `cloud` nothing in particular.
const SHARED_PARTS = new Set(["aws", "gcp", "azure", "api", "gateway", "load", "balancer", "application", "front", "door", "proxy", "nat", "cloud", "kube", "ingress"]);

// The name, id or setting of a hop, as the text writes it.
function hopNamed(hop, raw, hops) {
  const lower = raw.toLowerCase();
  const candidates = [hop.id, hop.id.replace(/-/g, " "), hop.name.replace(/\s*\(.*\)\s*$/, "")];
  if (hop.setting && !/[<>]/.test(hop.setting)) candidates.push(hop.setting);
  for (const part of hop.id.split("-")) {
    const own = hops.filter((h) => h.id.split("-").includes(part)).length === 1;
    if (own && part.length >= 3 && !SHARED_PARTS.has(part) && part !== hop.id) candidates.push(part);
  }
  for (const c of candidates) {
    const needle = c.toLowerCase();
    if (needle.length < 3) continue;
    const at = lower.indexOf(needle);
    if (at < 0) continue;
    const before = lower.charAt(at - 1);
    const after = lower.charAt(at + needle.length);
    if (/[a-z0-9_]/.test(before) || /[a-z0-9_]/.test(after)) continue;
    return raw.slice(at, at + needle.length);
  }
  return null;
}

// ---------------------------------------------------------------- known lines and words

// How much of each code's known log lines the text holds, in order. A whole
// line that is most of the text outranks every rule: a browser's message about
// close(1001) also names 1000, 3000 and 4999.
function knownLines(ix, text) {
  const data = ix.data;
  const queryTokens = tokens(text);
  const sure = [];
  const likely = [];
  const lines = ix.codes.map((c) => ({ c, best: bestLine(c, queryTokens) }));
  // A text that is part of several codes' lines is sure only when it is the
  // whole of one of them: Chromium's "WebSocket connection to ... failed"
  // begins lines of 1002 and 1015 too.
  const whole = lines.some((l) => l.best.score >= 3000);
  for (const { c, best } of lines) {
    if (!best.score) continue;
    const base = { why: fill(data.why.message, { library: best.library }), library: best.library };
    const isSure = best.score >= 3000 || (best.score >= 2990 && !whole);
    if (isSure) add(sure, codeResult(ix, c.entry.code, { ...base, kind: "line", strength: SURE, score: best.score }));
    else if (best.score >= 1950) add(likely, codeResult(ix, c.entry.code, { ...base, kind: "line", strength: LIKELY, score: best.score }));
  }
  return { sure, likely };
}

function bestLine(c, queryTokens) {
  let best = { score: 0, library: "" };
  for (const phrase of c.phrases) {
    let at = 0;
    let found = 0;
    let score = 0;
    for (const w of phrase.tokens) {
      const i = queryTokens.indexOf(w, at);
      if (i >= 0) {
        found++;
        at = i + 1;
      }
    }
    // A whole known line that is most of the text; a line that is only a
    // generic prefix of it (Chromium's "WebSocket connection to ... failed:")
    // ranks below what the rest of the text says.
    if (found === phrase.tokens.length && found >= 3) score = (found * 4 >= queryTokens.length * 3 ? 3000 : 1950) + found;
    // A short line ("transport close") counts when it is the whole text.
    else if (found === phrase.tokens.length && found === queryTokens.length) score = 3000 + found;
    // Or the text is a whole part of a known line ("WebSocket is closed
    // before the connection is established." inside Chromium's line).
    if (!score && queryTokens.length >= 4) {
      let from = 0;
      let inside = 0;
      for (const w of queryTokens) {
        const i = phrase.tokens.indexOf(w, from);
        if (i >= 0) {
          inside++;
          from = i + 1;
        }
      }
      if (inside === queryTokens.length) score = 2990 + Math.min(inside, 9);
    }
    if (score > best.score) best = { score, library: phrase.library };
  }
  return best;
}

// Words of a code's names and summaries: weak, capped, only above a floor,
// and only for a code that matches at least half the words of the text (a
// pasted stack trace shares a word or two with many summaries).
function wordResults(ix, text) {
  const queryWords = words(text).filter((w) => !ix.stop.has(w));
  const queryTokens = tokens(text);
  if (!queryWords.length && queryTokens.length < 2) return [];
  const scored = [];
  for (const c of ix.codes) {
    const terms = termScore(c, queryWords);
    let s = terms.matched * 2 >= queryWords.length ? terms.score : 0;
    // Most of a known line, in order, without all of it.
    for (const phrase of c.phrases) {
      let at = 0;
      let found = 0;
      for (const w of phrase.tokens) {
        const i = queryTokens.indexOf(w, at);
        if (i >= 0) {
          found++;
          at = i + 1;
        }
      }
      if (found >= 2 && found / phrase.tokens.length >= 0.75) s = Math.max(s, WEAK_FLOOR + found);
    }
    if (s > 0) scored.push({ c, s });
  }
  scored.sort((x, y) => y.s - x.s);
  const top = scored.length ? scored[0].s : 0;
  if (top < WEAK_FLOOR) return [];
  return scored
    .filter((x) => x.s >= top * WEAK_SHARE)
    .slice(0, MAX_WEAK)
    .map((x) => codeResult(ix, x.c.entry.code, { kind: "words", strength: WEAK, score: x.s, why: ix.data.why.words }));
}

function termScore(c, queryWords) {
  let total = 0;
  let matched = 0;
  for (const q of queryWords) {
    let best = c.terms.get(q) || 0;
    if (!best && HANGUL.test(q)) {
      // Korean words carry particles (정책이, 정책을): a term that starts the
      // word and leaves a particle's length is the word, worth less than an
      // exact match. 정상 is not read inside 비정상.
      for (const [t, weight] of c.terms) {
        if (t.length >= 2 && q.startsWith(t) && q.length - t.length <= 2) best = Math.max(best, weight / 2);
      }
    }
    total += best;
    if (best) matched++;
  }
  return { score: total, matched };
}

// ---------------------------------------------------------------- protocols' own codes

// A protocol's code that the text shows: the number's page at the protocol's
// section; a protocol named without a code: the protocol's page.
function ownResult(ix, f) {
  const why = ix.data.why;
  const p = f.protocol;
  const strength = f.strong ? SURE : LIKELY;
  if (!f.code) {
    const reason = f.evidence === "shared" ? fill(why.message, { library: f.library }) : fill(why.own_named, { protocol: p.name });
    return { href: p.url, title: p.name, summary: "", kind: "own", protocol: p.slug, strength, score: f.score, why: reason };
  }
  const n = f.code.code;
  const number = ix.own.numbers.get(n);
  if (!number) return null;
  const values = { protocol: p.name, code: n, name: f.code.name, library: f.library || "" };
  const reason = {
    line: fill(why.message, values),
    name: fill(why.name, { library: p.name, name: f.name }),
    own: fill(why.own_code, values),
    reason: fill(why.own_reason, values),
  }[f.evidence];
  return {
    href: number.url + "#" + p.slug,
    protocol: p.slug,
    title: n + " " + f.code.name,
    summary: p.name,
    kind: "own",
    evidence: f.evidence,
    strength,
    score: f.score,
    why: reason,
  };
}

// ---------------------------------------------------------------- pages and text

// The result for a code's page, or its range's page for a code without one.
function codeResult(ix, n, extra) {
  const data = ix.data;
  const c = ix.byCode.get(n);
  if (c) {
    return { href: c.url, section: sectionFor(c, extra.kind), title: c.code + " " + c.name, summary: c.summary, ...extra };
  }
  const own = ix.own.numbers.get(n);
  if (own) return { href: own.url, title: String(n), summary: own.summary, ...extra };
  const r = rangeOf(data, n);
  if (!r || n < 1000) {
    return r && extra.kind === "number" ? rangeResult(data, r, n, extra) : null;
  }
  return rangeResult(data, r, n, extra);
}

function rangeResult(data, r, n, extra) {
  return { href: pagePath(data, r.start + "-" + r.end), title: n + ": " + r.start + "-" + r.end, summary: r.title, ...extra };
}

export function rangeOf(data, n) {
  return data.ranges.find((r) => n >= r.start && n <= r.end) || null;
}

// A page of the site in the data's language, under the site's base path,
// taken from a code's address (`/repo/ko/1008/` gives `/repo/ko/`).
function pagePath(data, slug) {
  const any = data.codes[0];
  const root = any ? any.url.replace(/[^/]+\/$/, "") : "/" + data.prefix;
  return root + slug + "/";
}

function add(list, r) {
  if (r) list.push(r);
}
