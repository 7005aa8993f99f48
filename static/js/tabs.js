// The code examples of a code page as language tabs, remembering the
// reader's choice across pages.

const KEY = "closecodes.example-language";

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function store(language) {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Turns each group of two or more examples into tabs. */
export function setUpTabs(root = document) {
  const groups = [];
  root.querySelectorAll(".examples-close, .examples-read").forEach((group, g) => {
    const figures = group.querySelectorAll("figure.example");
    if (figures.length < 2) return;
    const list = document.createElement("div");
    list.className = "example-tabs";
    list.setAttribute("role", "tablist");
    const tabs = [];
    figures.forEach((figure, i) => {
      const language = figure.querySelector("figcaption").textContent.split(" · ")[0];
      const tab = document.createElement("button");
      tab.type = "button";
      tab.setAttribute("role", "tab");
      tab.id = "tab-" + g + "-" + i;
      const panel = document.createElement("div");
      panel.id = "example-" + g + "-" + i;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      figure.parentNode.insertBefore(panel, figure);
      panel.append(figure);
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = language;
      tab.addEventListener("click", () => {
        choose(groups, language);
        store(language);
      });
      tab.addEventListener("keydown", (event) => {
        const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (!step) return;
        const next = tabs[(i + step + tabs.length) % tabs.length];
        next.tab.focus();
        next.tab.click();
      });
      list.append(tab);
      tabs.push({ tab, panel, language });
    });
    group.insertBefore(list, group.firstChild);
    groups.push(tabs);
  });
  if (groups.length) choose(groups, stored() || "");
}

// Shows `language` in every group that has it, and the first tab elsewhere.
function choose(groups, language) {
  for (const tabs of groups) {
    const found = tabs.some((t) => t.language === language);
    tabs.forEach((t, i) => {
      const on = found ? t.language === language : i === 0;
      t.tab.setAttribute("aria-selected", on ? "true" : "false");
      t.tab.tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
    });
  }
}
