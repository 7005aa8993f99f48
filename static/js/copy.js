// Copying: the "#" beside each heading copies the section's address, and a
// button on each code block copies its code.

function copy(text) {
  if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
}

/** The "#" links beside headings; `after` runs once the address changed. */
export function setUpCopyLinks(copiedLabel, after) {
  document.querySelectorAll("a.copy-link").forEach((link) => {
    link.addEventListener("click", () => {
      copy(location.origin + location.pathname + link.getAttribute("href"));
      link.setAttribute("data-copied", "");
      link.title = copiedLabel;
      setTimeout(() => {
        link.removeAttribute("data-copied");
        link.removeAttribute("title");
      }, 1500);
      setTimeout(after, 0);
    });
  });
}

/** A copy button on each code block. */
export function setUpCodeCopy(label, copiedLabel) {
  document.querySelectorAll("pre").forEach((pre) => {
    const box = document.createElement("div");
    box.className = "code-block";
    pre.parentNode.insertBefore(box, pre);
    box.append(pre);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = label;
    button.addEventListener("click", () => {
      copy(pre.textContent);
      button.textContent = copiedLabel;
      setTimeout(() => {
        button.textContent = label;
      }, 1500);
    });
    box.append(button);
  });
}
