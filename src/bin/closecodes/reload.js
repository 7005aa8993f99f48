(function () {
  var seen = null, box = null;
  function poll() {
    fetch("STATUS_PATH", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen && !s.error) { location.reload(); return; }
      seen = s.version;
      if (s.error) {
        if (!box) { box = document.createElement("pre"); box.id = "closecodes-error";
          box.style.cssText = "position:fixed;inset:1rem;z-index:99;overflow:auto;margin:0;padding:1rem;background:#2b0b0b;color:#ffd7d7;font:14px/1.5 monospace;white-space:pre-wrap;border:2px solid #ff6b6b";
          document.body.appendChild(box); }
        box.textContent = s.error;
      } else if (box) { box.remove(); box = null; }
    }).catch(function () {}).then(function () { setTimeout(poll, 300); });
  }
  poll();
})();
