// closecodes: small progressive enhancements. Every page reads fine without it.
(function () {
  "use strict";
  var body = document.body;
  var base = body.getAttribute("data-base") || "/";

  // The language switch keeps the section the reader is looking at.
  function keepHash() {
    var links = document.querySelectorAll("a[data-keep-hash]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var bare = a.getAttribute("href").split("#")[0];
      a.setAttribute("href", bare + location.hash);
    }
  }
  keepHash();
  window.addEventListener("hashchange", keepHash);

  // The "#" link beside each heading copies the section's address.
  var copiedLabel = body.getAttribute("data-copied-label");
  var copyLinks = document.querySelectorAll("a.copy-link");
  for (var h = 0; h < copyLinks.length; h++) {
    copyLinks[h].addEventListener("click", function (event) {
      var link = event.currentTarget;
      var url = location.origin + location.pathname + link.getAttribute("href");
      if (navigator.clipboard) navigator.clipboard.writeText(url).catch(function () {});
      link.setAttribute("data-copied", "");
      link.title = copiedLabel;
      setTimeout(function () { link.removeAttribute("data-copied"); link.removeAttribute("title"); }, 1500);
      setTimeout(keepHash, 0);
    });
  }

  var dataNode = document.getElementById("lookup-data");
  if (!dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var byCode = {};
  data.codes.forEach(function (c) { byCode[c.code] = c; });

  // --- The 404 page: send old and mistyped addresses to the right page. ---
  var notice = document.getElementById("redirecting");
  if (notice) {
    var target = resolveMissing(location.pathname, location.hash);
    if (target) {
      var link = notice.querySelector("a");
      link.href = target;
      link.textContent = target;
      notice.hidden = false;
      location.replace(target);
      return;
    }
  }

  function rangeOf(n) {
    for (var i = 0; i < data.ranges.length; i++) {
      var r = data.ranges[i];
      if (n >= r.start && n <= r.end) return r;
    }
    return null;
  }

  // Reads a path such as /repo/ko/1008/fix or /1008-vs-1002 and returns the
  // page it meant, or null.
  function resolveMissing(pathname, hash) {
    var path = pathname;
    if (path.indexOf(base) === 0) path = path.slice(base.length);
    path = path.replace(/^\/+/, "").replace(/index\.html$/, "");
    var prefix = "";
    var langMatch = path.match(/^([a-z]{2,3}(?:-[a-z]+)?)(?:\/|$)/);
    if (langMatch && data.languages.indexOf(langMatch[1]) > 0) {
      prefix = langMatch[1] + "/";
      path = path.slice(langMatch[0].length);
    }
    var anchorFromPath = "";
    var parts = path.split("/").filter(function (p) { return p !== ""; });
    if (parts.length === 2 && /^[a-z]+$/.test(parts[1])) anchorFromPath = "#" + parts[1];
    else if (parts.length > 1) return null;
    var head = (parts[0] || "").replace(/\.(html?|txt|json)$/, "");
    var hashPart = hash || anchorFromPath;
    var pair = head.match(/^(\d{1,4})-?vs-?(\d{1,4})$/i);
    if (pair) {
      var a = +pair[1], b = +pair[2];
      if (byCode[a] && byCode[b] && a !== b) {
        return base + prefix + Math.min(a, b) + "-vs-" + Math.max(a, b) + "/" + hashPart;
      }
      return null;
    }
    var single = head.match(/^(\d{1,4})$/);
    if (single) {
      var n = +single[1];
      if (byCode[n]) return base + prefix + n + "/" + (data.anchors.indexOf(hashPart.slice(1)) >= 0 ? hashPart : "");
      var range = rangeOf(n);
      if (range) return base + prefix + range.start + "-" + range.end + "/";
    }
    return null;
  }

  // --- The lookup: codes, pairs, names, constants and pasted log lines. ---
  var form = document.querySelector("form[role=search]");
  var input = form && form.querySelector("input[name=q]");
  if (!input) return;
  var output = document.createElement("div");
  output.id = "lookup-results";
  output.setAttribute("aria-live", "polite");
  form.parentNode.insertBefore(output, form.nextSibling);

  // Lower-case words of a text; CamelCase and snake_case are split, so
  // PolicyViolation, POLICY_VIOLATION and "policy violation" read alike.
  function words(text) {
    return text
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^0-9a-z\u3131-\u318e\uac00-\ud7a3]+/)
      .filter(function (w) { return w.length > 1 && !/^\d+$/.test(w); });
  }
  // Words and numbers, for matching whole known log lines.
  function tokens(text) {
    return text.toLowerCase().split(/[^0-9a-z\u3131-\u318e\uac00-\ud7a3]+/)
      .filter(function (w) { return w.length > 1; });
  }
  // URLs and quoted addresses carry ports and paths, not close codes.
  function withoutAddresses(text) {
    return text.replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, " ").replace(/'[^']*'/g, " ");
  }
  var STOP = words("the a an of to and or in on for with is was by at be it this that websocket ws close closed closing closure code status connection error reason received sent frame then");
  function meaningful(list) { return list.filter(function (w) { return STOP.indexOf(w) < 0; }); }

  data.codes.forEach(function (c) {
    c.terms = {};
    c.keywords.forEach(function (k, i) {
      meaningful(words(k)).forEach(function (w) {
        var weight = i < c.strong ? 3 : 1;
        c.terms[w] = Math.max(c.terms[w] || 0, weight);
      });
    });
    c.phrases = c.messages.map(function (m) { return tokens(withoutAddresses(m)); })
      .filter(function (p) { return p.length >= 2; });
  });

  function termScore(c, queryWords) {
    var total = 0;
    queryWords.forEach(function (q) {
      var best = c.terms[q] || 0;
      if (!best && /[\uac00-\ud7a3]/.test(q)) {
        // Korean words carry particles: match on the stem either way round,
        // worth less than an exact word (정상 is inside 비정상).
        for (var t in c.terms) {
          if (t.length > 1 && (t.indexOf(q) >= 0 || q.indexOf(t) >= 0)) best = Math.max(best, c.terms[t] / 2);
        }
      }
      total += best;
    });
    return total;
  }

  // How much of one of the code's known log lines the query contains, in
  // order. The whole line, numbers included, outranks a code number alone:
  // a browser's message about close(1001) also names 1000, 3000 and 4999.
  function phraseScore(c, queryTokens) {
    var best = 0;
    c.phrases.forEach(function (phrase) {
      var at = 0, found = 0;
      phrase.forEach(function (w) {
        var i = queryTokens.indexOf(w, at);
        if (i >= 0) { found++; at = i + 1; }
      });
      if (found === phrase.length && found >= 3) best = Math.max(best, 1100 + found);
      else if (found >= 2 && found / phrase.length >= 0.75) best = Math.max(best, 20 + found * 5);
    });
    return best;
  }

  function search(query) {
    var results = [];
    var text = withoutAddresses(query);
    var numbers = (text.match(/\b\d{3,4}\b/g) || []).map(Number);
    var codes = numbers.filter(function (n, i) { return byCode[n] && numbers.indexOf(n) === i; });
    if (codes.length >= 2 && /\bvs\.?\b|^\s*\d{3,4}[\s,/&]+\d{3,4}\s*$/i.test(query)) {
      var lo = Math.min(codes[0], codes[1]), hi = Math.max(codes[0], codes[1]);
      results.push({ href: base + data.prefix + lo + "-vs-" + hi + "/", title: lo + " vs " + hi, summary: byCode[lo].name + " / " + byCode[hi].name, score: 1000 });
    }
    codes.forEach(function (n, i) {
      var c = byCode[n];
      results.push({ href: c.url, title: c.code + " " + c.name, summary: c.summary, score: 900 - i });
    });
    numbers.forEach(function (n) {
      if (byCode[n]) return;
      var r = rangeOf(n);
      if (r) results.push({ href: base + data.prefix + r.start + "-" + r.end + "/", title: n + ": " + r.start + "-" + r.end, summary: r.title, score: codes.length ? 1 : 8 });
    });
    var queryWords = meaningful(words(text));
    var queryTokens = tokens(text);
    data.codes.forEach(function (c) {
      var phrase = phraseScore(c, queryTokens);
      var mentioned = codes.indexOf(c.code) >= 0;
      if (mentioned && phrase < 1100) return;
      var s = termScore(c, queryWords) + phrase;
      if (s > 0) results.push({ href: c.url, title: c.code + " " + c.name, summary: c.summary, score: s });
    });
    // A code found both by its number and by a whole log line is listed once.
    var seen = {};
    results.sort(function (x, y) { return y.score - x.score; });
    results = results.filter(function (r) { if (seen[r.href]) return false; seen[r.href] = true; return true; });
    results.sort(function (x, y) { return y.score - x.score; });
    return results.slice(0, 6);
  }

  function show(query) {
    output.textContent = "";
    if (!query.trim()) return [];
    var results = search(query);
    if (!results.length) {
      var p = document.createElement("p");
      p.textContent = data.noResults;
      output.appendChild(p);
      return results;
    }
    var list = document.createElement("ol");
    list.className = "results";
    list.setAttribute("aria-label", data.resultsLabel);
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.href;
      a.textContent = r.title;
      var s = document.createElement("span");
      s.className = "summary";
      s.textContent = r.summary;
      li.appendChild(a);
      li.appendChild(s);
      list.appendChild(li);
    });
    output.appendChild(list);
    return results;
  }

  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    var results = show(input.value);
    event.preventDefault();
    if (results.length) location.href = results[0].href;
  });
  var params = new URLSearchParams(location.search);
  var initial = params.get("q");
  if (initial === null && notice) initial = decodeURIComponent(location.pathname.slice(base.length)).replace(/[\/_-]+/g, " ");
  if (initial) {
    input.value = initial;
    show(initial);
  }
})();
