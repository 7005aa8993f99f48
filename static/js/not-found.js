// The 404 page: sends old and mistyped addresses to the page they meant,
// explains a code that has no page, and puts together a comparison of two
// codes that has no written page from both codes' /api/ data.
import { fill, rangeOf } from "./lookup.js";

/**
 * Reads a missing address such as /repo/ko/1008/fix or /1008-vs-1002 for
 * pages of `data`'s site under `base` (`/` or `/repo/`): `{ page }` for the
 * page it meant, `{ generate: [a, b], hash }` for a comparison to put
 * together, `{ range, code }` for a code without a page, or null. A first
 * segment is a language only when the site has that language.
 */
export function resolveMissing(data, base, pathname, hash) {
  let path = pathname;
  if (path.indexOf(base) === 0) path = path.slice(base.length);
  path = path.replace(/^\/+/, "").replace(/index\.html$/, "");
  let prefix = "";
  const first = path.split("/")[0];
  if (data.languages.indexOf(first) > 0) {
    prefix = first + "/";
    path = path.slice(first.length);
  }
  const parts = path.split("/").filter((p) => p !== "");
  let anchorFromPath = "";
  if (parts.length === 2 && /^[a-z]+$/.test(parts[1])) anchorFromPath = "#" + parts[1];
  else if (parts.length > 1) return null;
  const head = (parts[0] || "").replace(/\.(html?|txt|json)$/, "");
  const hashPart = hash || anchorFromPath;
  const known = new Set(data.codes.map((c) => c.code));
  const pair = head.match(/^(\d{1,4})-?vs-?(\d{1,4})$/i);
  if (pair) {
    const a = +pair[1];
    const b = +pair[2];
    if (!known.has(a) || !known.has(b) || a === b) return null;
    const canonical = Math.min(a, b) + "-vs-" + Math.max(a, b);
    // At its own address and still missing: no page was written for the
    // pair, so it is put together here.
    if (head === canonical && /\/$/.test(pathname)) return { generate: [a, b], hash: hashPart };
    return { page: base + prefix + canonical + "/" + hashPart };
  }
  const single = head.match(/^(\d{1,4})$/);
  if (!single) return null;
  const n = +single[1];
  if (known.has(n)) {
    const anchor = data.anchors.indexOf(hashPart.slice(1)) >= 0 ? hashPart : "";
    return { page: base + prefix + n + "/" + anchor };
  }
  const range = rangeOf(data, n);
  return range ? { range, code: n } : null;
}

/**
 * Acts on the 404 page for the address being shown. The page's inline script
 * has already shown the text of the address's language; this follows it, and
 * gives the lookup data of that language (fetched when it is not `data`'s).
 */
export async function startNotFound(data, base, forms) {
  const notice = document.getElementById("redirecting");
  const current = document.querySelector(".not-found[data-lang]:not([hidden])");
  const lang = current ? current.getAttribute("data-lang") : data.languages[0];
  if (current) {
    const home = document.querySelector(".home-link");
    if (home) home.href = current.getAttribute("data-home");
    forms.forEach((f) => {
      f.action = current.getAttribute("data-home");
    });
  }
  let local = data;
  if (data.languages.indexOf(lang) > 0 && data.prefix !== lang + "/") {
    local = await fetch(base + lang + "/lookup.json").then((r) => r.json());
    // The page was written in the default language: its search boxes speak
    // the address's.
    forms.forEach((f) => {
      const label = f.querySelector("label");
      const input = f.querySelector("input[name=q]");
      const button = f.querySelector("button[type=submit]");
      if (label) label.textContent = local.text.label;
      if (input) input.placeholder = local.text.placeholder;
      if (button) button.textContent = local.text.button;
    });
  }
  const found = resolveMissing(local, base, location.pathname, location.hash);
  if (found && found.page) {
    const link = notice.querySelector("a");
    link.href = found.page;
    link.textContent = found.page;
    notice.hidden = false;
    location.replace(found.page);
  } else if (found && found.generate) {
    generateComparison(local, base, found.generate, found.hash).catch(() => {});
  } else if (found && found.range) {
    // A code without a page: say what its range is for, and link it.
    const r = found.range;
    document.querySelectorAll(".not-found:not([hidden]) .in-range").forEach((p) => {
      p.textContent = fill(p.getAttribute("data-pattern"), { code: found.code, range: r.start + "-" + r.end, title: r.title }) + " ";
      const a = document.createElement("a");
      a.href = base + local.prefix + r.start + "-" + r.end + "/";
      a.textContent = r.start + "-" + r.end;
      p.append(a);
      p.hidden = false;
    });
  }
  return local;
}

// A comparison of two codes that has no page (pairs of private codes that are
// not related), from both codes' /api/ data: the prose the generator rendered
// for the page's language, with the anchors a written page has.
async function generateComparison(data, base, pair, hash) {
  const lang = data.prefix ? data.prefix.slice(0, -1) : data.languages[0];
  const codes = await Promise.all(pair.map((n) => fetch(base + "api/" + n + ".json").then((r) => r.json())));
  const t = data.compare;
  const urls = new Map(data.codes.map((c) => [c.code, c.url]));
  const prose = codes.map((c) => c.html[lang] || c.html[data.languages[0]]);
  const names = { a: pair[0], b: pair[1], a_name: prose[0].name, b_name: prose[1].name };
  const article = el("article", "generated-compare");
  article.append(el("h1", "", fill(t.heading || t.title, names)), el("p", "generated", t.generated));

  const differences = section("differences", t.differences);
  const list = el("ul");
  codes.forEach((c, i) => {
    const li = el("li");
    li.append(el("strong", "", c.code + " " + prose[i].name), document.createTextNode(": "));
    li.append(html("span", prose[i].summary));
    list.append(li);
  });
  differences.append(list);
  article.append(differences);

  const which = section("which", t.which);
  codes.forEach((c, i) => {
    which.append(el("h3", "", c.code + " " + prose[i].name), block(prose[i].choose || prose[i].fix, t.fallback));
  });
  article.append(which);

  codes.forEach((c, i) => {
    const side = section("c" + c.code, "");
    const link = el("a", "", c.code + " " + prose[i].name);
    link.href = urls.get(c.code);
    side.querySelector("h2").append(link);
    for (const [field, heading] of [["description", t.description], ["when", t.when], ["fix", t.fix]]) {
      side.append(el("h3", "", heading), block(prose[i][field], t.fallback));
    }
    article.append(side);
  });

  const main = document.getElementById("main");
  main.textContent = "";
  main.append(article);
  document.title = fill(t.title, names) + " · " + document.title.split(" · ").pop();
  if (hash) {
    const target = document.getElementById(hash.slice(1));
    if (target) target.scrollIntoView();
  }
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text) node.textContent = text;
  return node;
}

function section(id, heading) {
  const s = el("section");
  s.id = id;
  s.append(el("h2", "", heading));
  return s;
}

// The generator's HTML for a field, marked with its language when it is shown
// untranslated.
function html(tag, field) {
  const node = el(tag, tag === "div" ? "prose" : "");
  if (!field) return node;
  node.innerHTML = field.html;
  if (field.fallback) node.lang = field.fallback;
  return node;
}

// A prose field as a page shows it: a notice above an untranslated one.
function block(field, notice) {
  const box = document.createDocumentFragment();
  if (field && field.fallback) box.append(el("p", "fallback-notice", notice));
  box.append(html("div", field));
  return box;
}
