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

  // Code blocks: a copy button on each, and the examples as language tabs
  // that remember the reader's choice across pages.
  var copyCode = body.getAttribute("data-copy-code");
  var codeCopied = body.getAttribute("data-code-copied");
  Array.prototype.forEach.call(document.querySelectorAll("pre"), function (pre) {
    var box = document.createElement("div");
    box.className = "code-block";
    pre.parentNode.insertBefore(box, pre);
    box.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = copyCode;
    button.addEventListener("click", function () {
      if (navigator.clipboard) navigator.clipboard.writeText(pre.textContent).catch(function () {});
      button.textContent = codeCopied;
      setTimeout(function () { button.textContent = copyCode; }, 1500);
    });
    box.appendChild(button);
  });

  var LANG_KEY = "closecodes.example-language";
  function storedLanguage() { try { return localStorage.getItem(LANG_KEY); } catch (e) { return null; } }
  function storeLanguage(l) { try { localStorage.setItem(LANG_KEY, l); } catch (e) { /* private mode */ } }
  var tabGroups = [];
  Array.prototype.forEach.call(document.querySelectorAll(".examples-close, .examples-read"), function (group, g) {
    var figures = group.querySelectorAll("figure.example");
    if (figures.length < 2) return;
    var list = document.createElement("div");
    list.className = "example-tabs";
    list.setAttribute("role", "tablist");
    var tabs = [];
    Array.prototype.forEach.call(figures, function (figure, i) {
      var language = figure.querySelector("figcaption").textContent.split(" · ")[0];
      var tab = document.createElement("button");
      tab.type = "button";
      tab.setAttribute("role", "tab");
      tab.id = "tab-" + g + "-" + i;
      var panel = document.createElement("div");
      panel.id = "example-" + g + "-" + i;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      figure.parentNode.insertBefore(panel, figure);
      panel.appendChild(figure);
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = language;
      tab.addEventListener("click", function () { choose(language); storeLanguage(language); });
      tab.addEventListener("keydown", function (event) {
        var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (!step) return;
        var next = tabs[(i + step + tabs.length) % tabs.length];
        next.tab.focus();
        next.tab.click();
      });
      list.appendChild(tab);
      tabs.push({ tab: tab, panel: panel, language: language });
    });
    group.insertBefore(list, group.firstChild);
    tabGroups.push(tabs);
  });
  function choose(language) {
    tabGroups.forEach(function (tabs) {
      var found = tabs.some(function (t) { return t.language === language; });
      tabs.forEach(function (t, i) {
        var on = found ? t.language === language : i === 0;
        t.tab.setAttribute("aria-selected", on ? "true" : "false");
        t.tab.tabIndex = on ? 0 : -1;
        t.panel.hidden = !on;
      });
    });
  }
  if (tabGroups.length) choose(storedLanguage() || "");

  // --- The lookup: codes, pairs, names, constants and pasted log lines. ---
  // Its data is in the page (the index, the 404 page) or loaded when the
  // header's search box is first used.
  var dataNode = document.getElementById("lookup-data");
  var forms = document.querySelectorAll("form[role=search]");
  if (dataNode) {
    start(JSON.parse(dataNode.textContent));
  } else if (forms.length) {
    var loading = null;
    var load = function () {
      if (!loading) {
        loading = fetch(body.getAttribute("data-lookup")).then(function (r) { return r.json(); }).then(start, function () {});
      }
    };
    Array.prototype.forEach.call(forms, function (f) {
      var field = f.querySelector("input[name=q]");
      field.addEventListener("focus", load);
      field.addEventListener("input", load);
    });
  }

  function start(data) {
    var byCode = {};
    data.codes.forEach(function (c) { byCode[c.code] = c; });

    // --- The 404 page: send old and mistyped addresses to the right page. ---
    var notice = document.getElementById("redirecting");
    if (notice) {
      // The page's inline script has shown the text of the address's
      // language; its home link and search follow.
      var current = document.querySelector(".not-found[data-lang]:not([hidden])");
      var lang = current ? current.getAttribute("data-lang") : data.languages[0];
      if (current) {
        var homeLink = document.querySelector(".home-link");
        if (homeLink) homeLink.href = current.getAttribute("data-home");
        Array.prototype.forEach.call(forms, function (f) { f.action = current.getAttribute("data-home"); });
      }
      if (lang !== data.languages[0] && data.prefix !== lang + "/") {
        // The address is in another language: use that language's data.
        fetch(base + lang + "/lookup.json").then(function (r) { return r.json(); }).then(start, function () {});
        return;
      }
      var found = resolveMissing(location.pathname, location.hash);
      if (found && found.page) {
        var link = notice.querySelector("a");
        link.href = found.page;
        link.textContent = found.page;
        notice.hidden = false;
        location.replace(found.page);
        return;
      }
      if (found && found.generate) {
        generateComparison(found.generate[0], found.generate[1], found.hash);
        return;
      }
      if (found && found.range) {
        // A code without a page: say what its range is for, and link it.
        Array.prototype.forEach.call(document.querySelectorAll(".not-found:not([hidden]) .in-range"), function (p) {
          var r = found.range;
          p.textContent = p.getAttribute("data-pattern")
            .replace("{code}", found.code).replace("{range}", r.start + "-" + r.end).replace("{title}", r.title) + " ";
          var a = document.createElement("a");
          a.href = base + data.prefix + r.start + "-" + r.end + "/";
          a.textContent = r.start + "-" + r.end;
          p.appendChild(a);
          p.hidden = false;
        });
      }
    }

    // A comparison of two codes that has no page (pairs of private codes
    // that are not related): both codes' data from /api/, with the anchors a
    // written page has.
    function generateComparison(a, b, hash) {
      var lang = data.prefix ? data.prefix.slice(0, -1) : data.languages[0];
      var get = function (n) { return fetch(base + "api/" + n + ".json").then(function (r) { return r.json(); }); };
      Promise.all([get(a), get(b)]).then(function (codes) {
        var t = data.compare;
        var text = function (c) { return c.text[lang] || c.text[data.languages[0]] || {}; };
        var main = document.getElementById("main");
        var article = el("article", "generated-compare");
        var title = t.title.replace("{a}", a).replace("{b}", b);
        article.appendChild(el("h1", "", title + ": " + codes.map(function (c) { return text(c).name || c.name; }).join(" · ")));
        article.appendChild(el("p", "generated", t.generated));
        var differences = section("differences", t.differences);
        var list = el("ul");
        codes.forEach(function (c) {
          var li = el("li");
          li.appendChild(el("strong", "", c.code + " " + (text(c).name || c.name)));
          li.appendChild(document.createTextNode(": " + plain(text(c).summary || "")));
          list.appendChild(li);
        });
        differences.appendChild(list);
        article.appendChild(differences);
        var which = section("which", t.which);
        codes.forEach(function (c) {
          which.appendChild(el("h3", "", c.code + " " + (text(c).name || c.name)));
          which.appendChild(markdown(text(c).choose || text(c).fix || ""));
        });
        article.appendChild(which);
        codes.forEach(function (c) {
          var side = section("c" + c.code, "");
          var link = el("a", "", c.code + " " + (text(c).name || c.name));
          link.href = byCode[c.code].url;
          side.querySelector("h2").appendChild(link);
          [["description", t.description], ["when", t.when], ["fix", t.fix]].forEach(function (f) {
            side.appendChild(el("h3", "", f[1]));
            side.appendChild(markdown(text(c)[f[0]] || ""));
          });
          article.appendChild(side);
        });
        main.textContent = "";
        main.appendChild(article);
        document.title = title + " · " + document.title.split(" · ").pop();
        if (hash) {
          var target = document.getElementById(hash.slice(1));
          if (target) target.scrollIntoView();
        }
      }, function () {});
    }
    function el(tag, cls, textContent) {
      var node = document.createElement(tag);
      if (cls) node.className = cls;
      if (textContent) node.textContent = textContent;
      return node;
    }
    function section(id, heading) {
      var s = el("section");
      s.id = id;
      s.appendChild(el("h2", "", heading));
      return s;
    }
    function plain(md) {
      return md.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1").replace(/[*`]/g, "");
    }
    // Enough Markdown for the site's prose: paragraphs, lists, code spans,
    // bold and links (site paths get the base and the language).
    function markdown(md) {
      var box = el("div", "prose");
      md.trim().split(/\n\s*\n/).forEach(function (block) {
        var lines = block.split("\n");
        var isList = lines.every(function (l) { return /^\s*([-*]|\d+\.)\s|^\s{2,}\S/.test(l); });
        if (isList) {
          var list = el(/^\s*\d+\./.test(lines[0]) ? "ol" : "ul");
          lines.join("\n").split(/\n(?=\s*(?:[-*]|\d+\.)\s)/).forEach(function (item) {
            var li = el("li");
            inline(li, item.replace(/^\s*([-*]|\d+\.)\s+/, "").replace(/\s*\n\s*/g, " "));
            list.appendChild(li);
          });
          box.appendChild(list);
        } else {
          var p = el("p");
          inline(p, block.replace(/\s*\n\s*/g, " "));
          box.appendChild(p);
        }
      });
      return box;
    }
    function inline(parent, textValue) {
      var re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)]+)\)/g, at = 0, m;
      while ((m = re.exec(textValue))) {
        parent.appendChild(document.createTextNode(textValue.slice(at, m.index)));
        if (m[1]) parent.appendChild(el("code", "", m[1]));
        else if (m[2]) parent.appendChild(el("strong", "", m[2]));
        else {
          var a = el("a", "", m[3]);
          a.href = m[4].charAt(0) === "/" ? base + data.prefix + m[4].slice(1) : m[4];
          parent.appendChild(a);
        }
        at = re.lastIndex;
      }
      parent.appendChild(document.createTextNode(textValue.slice(at)));
    }

    function rangeOf(n) {
      for (var i = 0; i < data.ranges.length; i++) {
        var r = data.ranges[i];
        if (n >= r.start && n <= r.end) return r;
      }
      return null;
    }

    // Reads a path such as /repo/ko/1008/fix or /1008-vs-1002: {page} for the
    // page it meant, {range, code} for a code without a page, or null.

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
          var canonical = Math.min(a, b) + "-vs-" + Math.max(a, b);
          // At its own address and still missing: no page was written for
          // the pair, so it is put together here.
          if (head === canonical && /\/$/.test(pathname)) return { generate: [a, b], hash: hashPart };
          return { page: base + prefix + canonical + "/" + hashPart };
        }
        return null;
      }
      var single = head.match(/^(\d{1,4})$/);
      if (single) {
        var n = +single[1];
        if (byCode[n]) return { page: base + prefix + n + "/" + (data.anchors.indexOf(hashPart.slice(1)) >= 0 ? hashPart : "") };
        var range = rangeOf(n);
        if (range) return { range: range, code: n };
      }
      return null;
    }

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
    // URLs, addresses, ports and source locations (_ssl.c:1006) carry numbers
    // that are not close codes.
    function withoutAddresses(text) {
      return text
        .replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, " ")
        .replace(/'[^']*'/g, " ")
        .replace(/\[?(?:\d{1,3}\.){3}\d{1,3}\]?(?::\d+)?/g, " ")
        .replace(/\[[0-9a-f:]*:[0-9a-f:]*\](?::\d+)?/gi, " ")
        .replace(/[\w-]+\.[a-z]{1,4}:\d+/gi, " ")
        .replace(/\bport:? ?\d+/gi, " ");
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
      c.phrases = c.messages.map(function (m) { return { tokens: tokens(withoutAddresses(m.text)), library: m.library }; })
        .filter(function (p) { return p.tokens.length >= 2; });
    });

    // How strongly each kind of match says what the text is: above any bare
    // number found in it, below a whole known log line.
    var RANK = { refused: 2750, name: 2740, received: 2720, word: 2600, code: 2500, tls: 2300, protocol: 2200,
      limit: 2150, handshake: 2100, timeout: 2050, network: 2000 };
    var rules = data.rules.map(function (r) {
      try { return { rule: r, re: new RegExp(r.re, r.cs ? "" : "i") }; } catch (e) { return null; }
    }).filter(Boolean);
    // A library constant written as a distinctive word: StatusGoingAway,
    // POLICY_VIOLATION, NormalClosure (not Away or Error).
    var names = {};
    Object.keys(data.libraries).forEach(function (id) {
      var lib = data.libraries[id];
      Object.keys(lib.names).forEach(function (name) {
        if (name.length >= 8 && /[a-z][A-Z]|_/.test(name) && !names[name]) names[name] = { code: lib.names[name], library: lib.label };
      });
    });

    function fill(pattern, values) {
      return pattern.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
    }
    function labels(ids) {
      var list = ids.map(function (id) { return data.libraries[id] ? data.libraries[id].label : id; });
      return list.length > 3 ? list.slice(0, 3).join(", ") + ", …" : list.join(", ");
    }
    function nameToCode(name, ids) {
      var all = ids.concat(Object.keys(data.libraries));
      for (var i = 0; i < all.length; i++) {
        var lib = data.libraries[all[i]];
        if (lib && name in lib.names) return lib.names[name];
      }
      return null;
    }

    // The page for a code: its own, or its range's for a code without one.
    function codeResult(n, score, why) {
      var c = byCode[n];
      if (c) return { href: c.url, section: "fix", title: c.code + " " + c.name, summary: c.summary, score: score, why: why };
      var r = rangeOf(n);
      if (r && n >= 1000) return rangeResult(r, n + ": " + r.start + "-" + r.end, score, why);
      return null;
    }
    function rangeResult(r, title, score, why) {
      return { href: base + data.prefix + r.start + "-" + r.end + "/", title: title, summary: r.title, score: score, why: why };
    }

    // What the rules of lookup.toml make of the text.
    function ruleResults(text) {
      var out = [];
      rules.forEach(function (entry) {
        var r = entry.rule, m = text.match(entry.re);
        if (!m) return;
        var why = fill(data.why[r.kind], { library: labels(r.libraries), name: "", code: "" });
        var score = RANK[r.kind] + Math.min(m[0].length, 99) / 100;
        if (r.range) {
          var found = data.ranges.filter(function (g) { return r.range.indexOf("/" + g.start + "-" + g.end + "/") >= 0; })[0];
          if (found) out.push({ href: r.range, title: found.start + "-" + found.end, summary: found.title, score: score, why: why });
          return;
        }
        var n = r.code, groups = m.groups || {};
        if (groups.code) n = +groups.code;
        if (groups.char) n = groups.char.codePointAt(0);
        if (groups.name && !groups.code) n = nameToCode(groups.name, r.libraries);
        if (groups.name && r.kind === "name") why = fill(data.why.name, { library: labels(r.libraries), name: groups.name });
        // A received code that no Close frame may carry is a protocol error.
        if (r.kind === "received" && !(byCode[n] && byCode[n].sendable)) n = 1002;
        var result = n === null || n === undefined ? null : codeResult(n, score, why);
        if (result) out.push(result);
      });
      (text.match(/[A-Za-z][A-Za-z0-9_]{7,}/g) || []).forEach(function (token) {
        var hit = names[token];
        if (hit) {
          var result = codeResult(hit.code, RANK.word, fill(data.why.name, { library: hit.library, name: token }));
          if (result) out.push(result);
        }
      });
      return out;
    }

    // Durations in the text ("after 60 seconds", "every 30s", "1 minute",
    // "60초"), in seconds: connections that die after a fixed time were
    // usually cut by something in between.
    var UNIT = { ms: 0.001, millisecond: 0.001, s: 1, sec: 1, second: 1, "초": 1, m: 60, min: 60, minute: 60, "분": 60, h: 3600, hr: 3600, hour: 3600, "시간": 3600 };
    function durations(text) {
      var out = [], m;
      var re = /(\d+(?:\.\d+)?|an?|one)\s*(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|초|분|시간)(?![a-z])/gi;
      while ((m = re.exec(text))) {
        var unit = m[2].toLowerCase();
        if (!(unit in UNIT)) unit = unit.replace(/s$/, "");
        if (!(unit in UNIT)) continue;
        if (/^[a-z]+$/i.test(m[1]) && unit.length < 3) continue;
        var n = /^\d/.test(m[1]) ? +m[1] : 1;
        out.push({ seconds: Math.round(n * UNIT[unit]), text: m[0] });
      }
      return out;
    }
    function timeoutResults(text) {
      var t = data.timeouts;
      if (!t) return [];
      var out = [];
      durations(text).forEach(function (d) {
        if (d.seconds < 1) return;
        var why = fill(data.why.duration, { duration: d.text });
        t.hops.forEach(function (hop, i) {
          if (hop.idle === d.seconds || hop.lifetime === d.seconds) {
            out.push({ href: t.url + "#" + hop.id, title: hop.name, summary: t.title, score: 2590 - i / 100, why: why });
          }
        });
        out.push({ href: t.url, title: t.title, summary: "", score: 2560, why: why });
      });
      return out;
    }

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
    // order. The whole line, numbers included, outranks every rule: a browser's
    // message about close(1001) also names 1000, 3000 and 4999.
    function phraseScore(c, queryTokens) {
      var best = { score: 0, library: "" };
      c.phrases.forEach(function (phrase) {
        var at = 0, found = 0, score = 0;
        phrase.tokens.forEach(function (w) {
          var i = queryTokens.indexOf(w, at);
          if (i >= 0) { found++; at = i + 1; }
        });
        // A whole known line that is most of the text; a line that is only a
        // generic prefix of it (Chromium's "WebSocket connection to ... failed:")
        // ranks below what the rest of the text says.
        if (found === phrase.tokens.length && found >= 3) score = (found * 4 >= queryTokens.length * 3 ? 3000 : 1950) + found;
        else if (found >= 2 && found / phrase.tokens.length >= 0.75) score = 20 + found * 5;
        // Or the text is a whole part of a known line ("WebSocket is closed
        // before the connection is established." inside Chromium's line).
        if (!score && queryTokens.length >= 4) {
          var from = 0, inside = 0;
          queryTokens.forEach(function (w) {
            var i = phrase.tokens.indexOf(w, from);
            if (i >= 0) { inside++; from = i + 1; }
          });
          if (inside === queryTokens.length) score = 2990 + Math.min(inside, 9);
        }
        if (score > best.score) best = { score: score, library: phrase.library };
      });
      return best;
    }

    function search(query) {
      var results = [];
      var text = withoutAddresses(query);
      // Four digits are a code wherever they stand; three only on their own.
      var numbers = (text.match(/\b\d{4}\b/g) || []).map(Number);
      if (/^\s*\d{1,3}\s*$/.test(text)) numbers.push(+text.trim());
      var codes = numbers.filter(function (n, i) { return byCode[n] && numbers.indexOf(n) === i; });
      if (codes.length >= 2 && /\bvs\.?\b|^\s*\d{3,4}[\s,/&]+\d{3,4}\s*$/i.test(query)) {
        var lo = Math.min(codes[0], codes[1]), hi = Math.max(codes[0], codes[1]);
        results.push({ href: base + data.prefix + lo + "-vs-" + hi + "/", title: lo + " vs " + hi, summary: byCode[lo].name + " / " + byCode[hi].name, score: 2800 });
      }
      codes.forEach(function (n, i) {
        results.push(codeResult(n, 900 - i, fill(data.why.number, { code: n })));
      });
      numbers.forEach(function (n) {
        if (byCode[n]) return;
        var r = rangeOf(n);
        if (r) results.push(rangeResult(r, n + ": " + r.start + "-" + r.end, codes.length ? 1 : 8, fill(data.why.number, { code: n })));
      });
      results = results.concat(ruleResults(text), timeoutResults(text));
      var queryWords = meaningful(words(text));
      var queryTokens = tokens(text);
      data.codes.forEach(function (c) {
        var phrase = phraseScore(c, queryTokens);
        if (phrase.score >= 3000) {
          results.push({ href: c.url, section: "fix", title: c.code + " " + c.name, summary: c.summary, score: phrase.score, why: fill(data.why.message, { library: phrase.library }) });
          return;
        }
        var s = termScore(c, queryWords) + phrase.score;
        if (s > 0) results.push({ href: c.url, section: "fix", title: c.code + " " + c.name, summary: c.summary, score: s, why: data.why.words });
      });
      // Each page once, with its best reason.
      var seen = {};
      results.sort(function (x, y) { return y.score - x.score; });
      results = results.filter(function (r) { if (seen[r.href]) return false; seen[r.href] = true; return true; });
      return results.slice(0, 6);
    }

    Array.prototype.forEach.call(forms, function (form) {
      var input = form.querySelector("input[name=q]");
      var output = document.createElement("div");
      output.id = input.id === "q" ? "lookup-results" : "lookup-results-" + input.id;
      output.className = "lookup-results";
      output.setAttribute("aria-live", "polite");
      form.appendChild(output);
      var shown = [], active = -1;

      function show(query) {
        output.textContent = "";
        active = -1;
        shown = query.trim() ? search(query) : [];
        if (!query.trim()) return shown;
        if (!shown.length) {
          var p = document.createElement("p");
          p.textContent = data.noResults;
          output.appendChild(p);
          return shown;
        }
        var list = document.createElement("ol");
        list.className = "results";
        list.setAttribute("aria-label", data.resultsLabel);
        shown.forEach(function (r, i) {
          var li = document.createElement("li");
          li.id = output.id + "-" + i;
          var a = document.createElement("a");
          a.href = r.href;
          a.textContent = r.title;
          li.appendChild(a);
          if (r.summary) {
            var s = document.createElement("span");
            s.className = "summary";
            s.textContent = r.summary;
            li.appendChild(s);
          }
          if (r.why) {
            var why = document.createElement("span");
            why.className = "why";
            why.textContent = r.why;
            li.appendChild(why);
          }
          list.appendChild(li);
        });
        output.appendChild(list);
        return shown;
      }
      function highlight(i) {
        var items = output.querySelectorAll(".results li");
        if (!items.length) return;
        active = (i + items.length) % items.length;
        Array.prototype.forEach.call(items, function (li, k) { li.setAttribute("aria-selected", k === active ? "true" : "false"); });
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      }
      // The best section of a code's page for someone arriving from an
      // error: how to fix it.
      function landing(r) {
        return r.section ? r.href + "#" + r.section : r.href;
      }

      input.addEventListener("input", function () { show(input.value); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
        else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
        else if (event.key === "Escape") { input.value = ""; show(""); input.removeAttribute("aria-activedescendant"); }
      });
      form.addEventListener("submit", function (event) {
        var results = shown.length && input.value.trim() ? shown : show(input.value);
        event.preventDefault();
        if (results.length) location.href = landing(results[active >= 0 ? active : 0]);
      });
      var initial = new URLSearchParams(location.search).get("q");
      if (initial && input.id === "q") {
        input.value = initial;
        show(initial);
      } else if (input.value) {
        show(input.value);
      }
    });
  }

})();
