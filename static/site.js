// closecodes: small progressive enhancements, loaded as a module. Every page
// reads fine without it.
import { setUpCodeCopy, setUpCopyLinks } from "./js/copy.js";
import { startNotFound } from "./js/not-found.js";
import { attachSearchBox } from "./js/searchbox.js";
import { setUpTabs } from "./js/tabs.js";

const body = document.body;
const base = body.getAttribute("data-base") || "/";

// The language switch keeps the section the reader is looking at.
function keepHash() {
  document.querySelectorAll("a[data-keep-hash]").forEach((a) => {
    a.setAttribute("href", a.getAttribute("href").split("#")[0] + location.hash);
  });
}
keepHash();
window.addEventListener("hashchange", keepHash);

setUpCopyLinks(body.getAttribute("data-copied-label"), keepHash);
setUpCodeCopy(body.getAttribute("data-copy-code"), body.getAttribute("data-code-copied"));
setUpTabs();

// The lookup's data is in the page (the index, the 404 page) or loaded when a
// search box is first used. On the 404 page it is the data of the address's
// language.
const forms = Array.from(document.querySelectorAll("form[role=search]"));
const inline = document.getElementById("lookup-data");
let loading = null;
function load() {
  if (!loading) {
    loading = inline
      ? Promise.resolve(JSON.parse(inline.textContent))
      : fetch(body.getAttribute("data-lookup")).then((r) => {
          if (!r.ok) throw new Error(r.statusText);
          return r.json();
        });
    if (document.getElementById("redirecting")) loading = loading.then((data) => startNotFound(data, base, forms));
    // A failed load is asked for again on the next use.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
if (document.getElementById("redirecting")) load().catch(() => {});

const listBelow = Boolean(document.getElementById("codes"));
for (const form of forms) {
  const box = attachSearchBox(form, load, { listBelow: listBelow && !form.classList.contains("header-search") });
  // `/?q=...` opens the index with the query's results.
  const initial = new URLSearchParams(location.search).get("q");
  if (box && box.input.id === "q" && initial) box.fill(initial).catch(() => {});
  else if (box && box.input.value) box.fill(box.input.value).catch(() => {});
}
