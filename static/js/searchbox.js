// The search box: a combobox over the lookup's answers and then the sections
// of the site's text that match, on every page (the header's box), on the
// index and on the 404 page. Enter opens a page only when the lookup is sure
// of it; otherwise the box lists the candidates with their reasons and says
// that it is not sure. The text index is loaded when the reader first types.
// The results close on Escape, on blur and on a tap elsewhere, and never
// erase what was typed or pasted.
import { answer, fill, landing, search } from "./lookup.js";
import { homeOf, loadTextIndex, searchText, siteSearchLink } from "./site-search.js";

let boxes = 0;

/**
 * Makes the search form `form` a lookup box. `load()` gives a promise of the
 * lookup's data, asked for on first use. `listBelow`: the page lists every
 * code below the box (the index), which the empty state may point to.
 */
export function attachSearchBox(form, load, { listBelow = false } = {}) {
  const input = form.querySelector("input[name=q]");
  if (!input) return null;
  const n = boxes++;
  const id = input.id === "q" ? "lookup-results" : "lookup-results-" + (input.id || n);

  const panel = document.createElement("div");
  panel.id = id;
  panel.className = "lookup-results";
  panel.hidden = true;
  const state = document.createElement("p");
  state.className = "lookup-state";
  const list = document.createElement("div");
  list.id = id + "-list";
  list.className = "results";
  list.setAttribute("role", "listbox");
  // The site's text, below the lookup's answers in the same list.
  const textGroup = document.createElement("div");
  textGroup.setAttribute("role", "group");
  textGroup.className = "text-results";
  const textLabel = document.createElement("p");
  textLabel.id = id + "-text";
  textLabel.className = "text-results-label";
  textGroup.setAttribute("aria-labelledby", textLabel.id);
  textGroup.append(textLabel);
  const more = document.createElement("p");
  more.className = "lookup-more";
  panel.append(state, list, more);
  const status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  form.append(panel, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let data = null;
  let results = [];
  let texts = [];
  let active = -1;
  let announce = 0;
  let text = null;
  let shownQuery = "";

  function withData(then) {
    return load().then((d) => {
      data = d;
      list.setAttribute("aria-label", d.text.results);
      return then(d);
    });
  }

  function open(yes) {
    panel.hidden = !yes;
    input.setAttribute("aria-expanded", yes && (results.some((r) => r.href) || texts.length > 0) ? "true" : "false");
    if (!yes) setActive(-1);
  }

  // The text index of the data's language (`search.json` beside its index
  // page), asked for once, when the reader first types.
  function textLoaded() {
    if (!text) {
      text = loadTextIndex(homeOf(data) + "search.json");
      text.catch(() => {
        text = null;
      });
    }
    return text;
  }

  // Shows the results for `query`; returns them.
  function show(query) {
    shownQuery = query;
    results = query.trim() ? search(data, query) : [];
    texts = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.textContent = "";
    if (!query.trim()) {
      render(query, false);
      return results;
    }
    const pages = results.filter((r) => r.href);
    pages.forEach((r, i) => list.append(option(r, i)));
    // A sure answer or an explanation is what the reader needs; the site's
    // text is searched for the rest.
    if (answer(results) || results.some((r) => r.note)) {
      render(query, false);
      return results;
    }
    render(query, true);
    textLoaded()
      .then((index) => {
        if (shownQuery !== query) return;
        texts = searchText(index, query).filter((t) => !pages.some((r) => landing(r) === t.href));
        render(query, false);
      })
      .catch(() => render(query, false));
    return results;
  }

  // The state line, the site's text and the count, for what is shown now;
  // `waiting` while the text index loads.
  function render(query, waiting) {
    // Says when the site's text has answered too (tests wait for it).
    panel.setAttribute("data-text", waiting ? "loading" : "done");
    state.textContent = "";
    more.textContent = "";
    textGroup.remove();
    if (!query.trim()) {
      open(false);
      say("");
      return;
    }
    const notes = results.filter((r) => r.note);
    const pages = results.filter((r) => r.href);
    const sure = Boolean(answer(results));
    if (notes.length) {
      state.textContent = notes.map((r) => r.why).join(" ");
      state.className = "lookup-state lookup-note";
    } else if (!pages.length && !texts.length && !waiting) {
      state.textContent = listBelow ? data.text.no_results_index : fill(data.text.nothing, { query: query.trim() });
      state.className = "lookup-state";
    } else if (pages.length && !sure) {
      state.textContent = data.text.not_sure;
      state.className = "lookup-state lookup-not-sure";
    }
    state.hidden = !state.textContent;
    if (texts.length) {
      textLabel.textContent = data.text.text_results;
      textGroup.replaceChildren(textLabel, ...texts.map((t, i) => textOption(t, i)));
      list.append(textGroup);
    }
    list.hidden = !pages.length && !texts.length;
    // Found nowhere: the list of every code. Not sure: the index with the
    // query, where the whole list is below the answers.
    const nothing = !pages.length && !texts.length && !notes.length;
    if (!sure && !waiting && !(nothing && listBelow)) {
      const link = nothing ? { href: homeOf(data), label: data.text.browse_all } : siteSearchLink(data, query);
      const a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.label;
      more.append(a);
    }
    more.hidden = !more.textContent;
    open(true);
    const total = pages.length + texts.length;
    say(sure ? count(total) : [state.textContent, count(total)].filter(Boolean).join(" "));
  }

  // A section of the site's text: its page and heading, and a snippet with
  // the matched words marked.
  function textOption(t, i) {
    const a = document.createElement("a");
    a.id = list.id + "-t" + i;
    a.href = t.href;
    a.setAttribute("data-page", t.href);
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.tabIndex = -1;
    a.className = "result result-text";
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = t.heading === t.page ? t.page : t.page + " › " + t.heading;
    const snippet = document.createElement("span");
    snippet.className = "summary";
    for (const piece of t.snippet) {
      if (piece.mark) {
        const mark = document.createElement("mark");
        mark.textContent = piece.text;
        snippet.append(mark);
      } else {
        snippet.append(piece.text);
      }
    }
    a.append(title, snippet);
    return a;
  }

  function option(r, i) {
    const a = document.createElement("a");
    a.id = list.id + "-" + i;
    a.href = landing(r);
    a.setAttribute("data-page", r.href);
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.tabIndex = -1;
    a.className = "result result-" + r.strength;
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = r.title;
    a.append(title);
    for (const [cls, text] of [["summary", r.summary], ["why", r.why]]) {
      if (!text) continue;
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = text;
      a.append(span);
    }
    return a;
  }

  function count(k) {
    return k === 1 ? data.text.count_one : fill(data.text.count, { n: k });
  }

  // The live region speaks once typing pauses.
  function say(text) {
    clearTimeout(announce);
    announce = setTimeout(() => {
      status.textContent = text;
    }, 400);
  }

  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function setActive(i) {
    const items = options();
    active = items.length && i >= 0 ? (i + items.length) % items.length : -1;
    items.forEach((el, k) => el.setAttribute("aria-selected", k === active ? "true" : "false"));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function go(href) {
    location.href = href;
  }

  // Once the data is here, results follow each keystroke at once.
  input.addEventListener("input", () => {
    if (data) show(input.value);
    else withData(() => show(input.value)).catch(() => {});
  });
  input.addEventListener("focus", () => load().catch(() => {}), { once: true });
  input.addEventListener("click", () => {
    if (panel.hidden && input.value.trim() && data) show(input.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!data) return;
      if (panel.hidden) show(input.value);
      setActive(event.key === "ArrowDown" ? active + 1 : active < 0 ? -1 : active - 1);
    } else if (event.key === "Escape") {
      // Closes the results; what was pasted stays (a search field would
      // otherwise clear itself).
      event.preventDefault();
      open(false);
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = options()[active];
    if (!panel.hidden && chosen) {
      go(chosen.href);
      return;
    }
    withData(() => {
      const best = answer(show(input.value));
      if (best) go(landing(best));
    }).catch(() => {});
  });
  // A click on a result must not blur the box first, or the results would
  // close before the click lands.
  panel.addEventListener("mousedown", (event) => event.preventDefault());
  input.addEventListener("blur", (event) => {
    if (!panel.contains(event.relatedTarget)) open(false);
  });
  document.addEventListener("pointerdown", (event) => {
    if (!form.contains(event.target)) open(false);
  });

  return {
    input,
    /** Fills the box with `query` and shows its results. */
    fill(query) {
      input.value = query;
      return withData(() => show(query));
    },
  };
}
