// Searching the site's text: the sections of every page a reader searches by
// topic, in the page's language, from the index the generator writes as
// `search.json` (src/render/search_index.rs) for MiniSearch. `terms` cuts a
// query exactly as the generator cut the pages. Loaded when the reader
// first types; pure but for `loadTextIndex`.
import MiniSearch from "./minisearch.js";

const FIELDS = ["page", "heading", "text", "refs"];
const MAX_RESULTS = 8;
const PER_PAGE = 2;
const SNIPPET_BEFORE = 50;
const SNIPPET_LENGTH = 150;

// Particles and endings a Korean word carries, longest first: the list of
// src/render/search_index.rs.
const KOREAN_ENDINGS = [
  "했습니다", "합니다", "하세요", "됩니다", "에서는", "에서도", "으로는", "으로도", "까지는",
  "부터는", "하려면", "하는", "하면", "해야", "되는", "되면", "에서", "으로", "에게", "까지",
  "부터", "처럼", "보다", "이나", "에는", "에도", "이며", "이고", "하고", "의", "을", "를", "이",
  "가", "은", "는", "에", "와", "과", "도", "로", "만",
];
const HANGUL = /[\uac00-\ud7a3]/;
// Words that say nothing about a topic: never searched for.
const STOP = new Set(
  "the a an of to and or in on for with is are was by at be it this that not no my i me how what why when does do can after from websocket websockets 웹소켓".split(" "),
);

/** The terms of a text, as src/render/search_index.rs `terms` cuts them. */
export function terms(text) {
  const out = [];
  for (const chunk of String(text).toLowerCase().split(/\s+/)) {
    for (const word of chunk.split(NOT_WORD)) {
      for (const part of word.match(/[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g) || []) {
        if (part !== word && HANGUL.test(part) && [...part].length < 2) continue;
        out.push(stem(part));
      }
    }
    const name = chunk.replace(EDGES, "");
    if (/[.-]/.test(name) && COMPOUND.test(name) && !HANGUL.test(name) && name.split(/[.-]/).every(Boolean)) out.push(name);
  }
  return out;
}

const NOT_WORD = /[^\p{Alphabetic}\p{N}_]+/u;
const EDGES = /^[^\p{Alphabetic}\p{N}_]+|[^\p{Alphabetic}\p{N}_]+$/gu;
const COMPOUND = /^[\p{Alphabetic}\p{N}_.-]+$/u;

function stem(word) {
  if (!HANGUL.test(word)) return word;
  for (const ending of KOREAN_ENDINGS) {
    if (word.endsWith(ending) && [...word.slice(0, -ending.length)].length >= 2) return word.slice(0, -ending.length);
  }
  return word;
}

const OPTIONS = { fields: FIELDS, storeFields: ["p", "h", "s"], tokenize: terms, processTerm: (t) => t };

/** A MiniSearch index from the generator's `search.json` text. */
export function textIndex(json) {
  return MiniSearch.loadJSON(json, OPTIONS);
}

/**
 * Fetches and reads the text index at `url`, a little at a time, so that the
 * reader can go on typing while it loads.
 */
export function loadTextIndex(url) {
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(r.statusText);
    return r.text().then((json) => MiniSearch.loadJSONAsync(json, OPTIONS));
  });
}

/**
 * The sections that answer `query`, best first: `{ href, page, heading,
 * snippet }`, where the snippet is a list of `{ text, mark }` pieces. A
 * section must hold at least half of the query's words; each page shows at
 * most two sections.
 */
export function searchText(index, query) {
  const words = [...new Set(terms(query))].filter((w) => !STOP.has(w));
  if (!words.length) return [];
  const needed = Math.ceil(words.length / 2);
  const hits = index.search(words.join(" "), {
    boost: { heading: 3, page: 1.5, refs: 2 },
    // A long section that answers a topic is not worth less for its length.
    bm25: { k: 1.2, b: 0.4, d: 0.5 },
    // Korean words are searched as the start of a word (재연결 finds
    // 재연결을 and 재연결하세요); long words as well, and with a typo.
    prefix: (t) => HANGUL.test(t) || t.length >= 4,
    fuzzy: (t) => (!HANGUL.test(t) && t.length >= 6 ? 0.15 : false),
    tokenize: terms,
    processTerm: (t) => t,
  });
  const perPage = new Map();
  const out = [];
  for (const hit of hits) {
    if (new Set(hit.queryTerms).size < needed) continue;
    const page = hit.id.split("#")[0];
    const seen = perPage.get(page) || 0;
    if (seen >= PER_PAGE) continue;
    perPage.set(page, seen + 1);
    out.push({ href: hit.id, page: hit.p, heading: hit.h, snippet: snippet(hit.s, hit.terms) });
    if (out.length >= MAX_RESULTS) break;
  }
  return out;
}

/** A piece of `text` around the first matched term, the terms marked. */
export function snippet(text, matched) {
  const lower = text.toLowerCase();
  const found = (matched || []).filter((t) => t.length > 1);
  const first = Math.min(...found.map((t) => wordAt(lower, t)).filter((i) => i >= 0));
  let start = Number.isFinite(first) ? Math.max(0, first - SNIPPET_BEFORE) : 0;
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const piece = text.slice(start, end);
  const pieces = [];
  // Marked where a word starts: `socket` is not marked inside `WebSocket`.
  const re = found.length ? new RegExp("(?<![\\p{Alphabetic}\\p{N}_])(?:" + found.map(escape).join("|") + ")", "giu") : null;
  let at = 0;
  let m;
  while (re && (m = re.exec(piece))) {
    if (m.index > at) pieces.push({ text: piece.slice(at, m.index), mark: false });
    pieces.push({ text: m[0], mark: true });
    at = m.index + m[0].length;
  }
  if (at < piece.length) pieces.push({ text: piece.slice(at), mark: false });
  if (start > 0) pieces.unshift({ text: "…", mark: false });
  if (end < text.length) pieces.push({ text: "…", mark: false });
  return pieces;
}

// Where `term` first starts a word of `text`, or -1.
function wordAt(text, term) {
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    if (i === 0 || NOT_WORD.test(text.charAt(i - 1))) return i;
  }
  return -1;
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The link that offers the index of the data's language with the query,
 * where the lookup and the whole list of codes are: `{ href, label }`.
 */
export function siteSearchLink(data, query) {
  const home = homeOf(data);
  return {
    href: home + "?q=" + encodeURIComponent(query.trim()),
    label: data.text.search_text.replace("{query}", query.trim()),
  };
}

/** The index page of the data's language: `/repo/ko/` from `/repo/ko/1008/`. */
export function homeOf(data) {
  const any = data.codes[0];
  return any ? any.url.replace(/[^/]+\/$/, "") : "/" + data.prefix;
}
