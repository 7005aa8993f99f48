// Before the first paint: show the page in the address's language (its first
// segment, when the site has that language): its text, and the words of the
// header, the search box and the footer, so nothing moves when site.js runs.
(function () {
  const base = document.body.getAttribute("data-base") || "/";
  let path = location.pathname;
  if (path.indexOf(base) === 0) path = path.slice(base.length);
  const blocks = document.querySelectorAll(".not-found[data-lang]");
  const langs = Array.prototype.map.call(blocks, function (d) { return d.getAttribute("data-lang"); });
  const first = path.replace(/^\/+/, "").split("/")[0];
  const lang = langs.indexOf(first) > 0 ? first : langs[0];
  Array.prototype.forEach.call(blocks, function (d) { d.hidden = d.getAttribute("data-lang") !== lang; });
  document.documentElement.lang = lang;
  const words = JSON.parse(document.getElementById("not-found-words").textContent)[lang];
  if (lang === langs[0] || !words) return;
  document.title = words.title;
  Array.prototype.forEach.call(document.querySelectorAll("[data-l10n]"), function (el) {
    const word = words[el.getAttribute("data-l10n")];
    if (typeof word !== "string") return;
    if (el.tagName === "INPUT") el.placeholder = word;
    else el.textContent = word;
  });
})();
