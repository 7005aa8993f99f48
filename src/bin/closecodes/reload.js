(function () {
  // Waits for the next build (the server answers when one ends), reloads on a
  // good one, and shows a failed build's errors over the page.
  let seen = null, build = null, box = null;
  function poll() {
    const url = "STATUS_PATH" + (build === null ? "" : "?after=" + build);
    fetch(url, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen && !s.error) { location.reload(); return; }
      seen = s.version;
      build = s.build;
      if (s.error) {
        if (!box) { box = document.createElement("pre"); box.id = "closecodes-error";
          box.style.cssText = "position:fixed;inset:1rem;z-index:99;overflow:auto;margin:0;padding:1rem;background:#2b0b0b;color:#ffd7d7;font:14px/1.5 monospace;white-space:pre-wrap;border:2px solid #ff6b6b";
          document.body.appendChild(box); }
        box.textContent = s.error;
      } else if (box) { box.remove(); box = null; }
      poll();
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
