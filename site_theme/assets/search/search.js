/* Prongsai Thai search: the browser half of generator/search/.
 *
 * Thai has no spaces between words, so the index holds character trigrams, not words: any
 * substring a citizen types (a word, a compound, part of a word, with or without spaces) is
 * found without a word-cutter. The index is split into small files fetched on demand:
 * docs.json when the box gets focus, one shard per key prefix of the query, and the text of
 * the results shown (to check the match and cut a highlighted snippet). Everything comes from
 * this site; nothing is fetched from another host.
 *
 * normalize(), grams() and shardOf() must match generator/search/normalize.py.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-prongsai-search]");
  if (!root) return;
  var input = root.querySelector("[data-prongsai-search-input]");
  var form = root.querySelector("[data-prongsai-search-form]");
  var meta = root.querySelector("[data-prongsai-search-meta]");
  var list = root.querySelector("[data-prongsai-search-results]");
  var toggle = document.getElementById("__search");
  var indexUrl = new URL("search-index/", new URL(root.dataset.base || ".", location.href));

  var SHOWN = 10; // results rendered (and whose text is fetched)
  var K1 = 1.2, B = 0.5; // BM25 saturation and length normalisation
  var TITLE_WEIGHT = 8, HEADING_WEIGHT = 3; // as in generator/search/index.py
  var FUZZY_MIN = 0.6; // share of a term's trigrams a page must hold when the term is not found whole
  var NEAR_TITLE = 0.75; // share of a term's trigrams that makes a title a near match

  /* ---- normalisation (same rules as normalize.py) ---- */
  var JOINERS = ".-,'\u2019\u2010\u2011";
  var ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad";

  function isThai(c) {
    var cp = c.charCodeAt(0);
    return cp >= 0x0e01 && cp <= 0x0e4e && c !== "\u0e2f" && c !== "\u0e46" && c !== "\u0e3f";
  }
  function isWord(c) {
    return /^[A-Za-z0-9]$/.test(c) || isThai(c);
  }
  function mapChar(c) {
    var cp = c.charCodeAt(0);
    if (ZERO_WIDTH.indexOf(c) >= 0) return "";
    if (cp >= 0x0e50 && cp <= 0x0e59) return String.fromCharCode(cp - 0x0e50 + 0x30);
    if (/^[A-Z]$/.test(c)) return c.toLowerCase();
    return isWord(c) ? c : " ";
  }
  function markRank(c) {
    var cp = c.charCodeAt(0);
    if (cp === 0x0e31 || cp === 0x0e47 || (cp >= 0x0e34 && cp <= 0x0e3a)) return 0;
    if (cp >= 0x0e48 && cp <= 0x0e4b) return 1;
    if (cp >= 0x0e4c && cp <= 0x0e4e) return 2;
    return -1;
  }
  /* Returns {s: normalised text, m: index in `text` of each character of s}. */
  function normalize(text) {
    var out = [], src = [], pending = false, i = 0, n = text.length;
    while (i < n) {
      var ch = text[i], c, width = 1;
      if (ch === "\u0e4d" && text[i + 1] === "\u0e32") {
        c = "\u0e33"; width = 2;
      } else {
        c = mapChar(ch);
        if (JOINERS.indexOf(ch) >= 0 && out.length && out[out.length - 1] !== " " && i + 1 < n &&
            isWord(mapChar(text[i + 1]) || " ")) c = "";
      }
      if (c === " ") {
        pending = out.length > 0;
      } else if (c) {
        if (pending && !(isThai(out[out.length - 1]) && isThai(c))) { out.push(" "); src.push(i - 1); }
        pending = false;
        out.push(c); src.push(i);
      }
      i += width;
    }
    // stable sort of each run of Thai marks: vowels, then tones, then others
    for (var a = 0; a < out.length; ) {
      var b = a;
      while (b < out.length && markRank(out[b]) >= 0) b++;
      if (b - a > 1) {
        var run = [];
        for (var k = a; k < b; k++) run.push([out[k], src[k], k]);
        run.sort(function (x, y) { return markRank(x[0]) - markRank(y[0]) || x[2] - y[2]; });
        for (k = a; k < b; k++) { out[k] = run[k - a][0]; src[k] = run[k - a][1]; }
      }
      a = Math.max(b, a + 1);
    }
    return { s: out.join(""), m: src };
  }
  function shardOf(key, shards) {
    return (key.charCodeAt(0) * 31 + key.charCodeAt(1)) % shards;
  }
  /* Query terms: the user's spaces separate terms that must all be found, anywhere. */
  function queryTerms(query) {
    var terms = [];
    query.trim().split(/\s+/).forEach(function (part) {
      normalize(part).s.split(" ").forEach(function (t) {
        var ok = t.length >= 2 || /^[a-z0-9]$/.test(t); // a lone digit: "มิติที่ 3"
        if (ok && terms.indexOf(t) < 0) terms.push(t);
      });
    });
    return terms;
  }

  /* ---- loading ---- */
  var docsPromise = null, shardCache = {}, textCache = {};
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
  }
  function loadDocs() {
    if (!docsPromise) {
      docsPromise = fetch(new URL("docs.json", indexUrl), { cache: "no-cache" })
        .then(function (r) { if (!r.ok) throw new Error("docs.json " + r.status); return r.json(); })
        .then(function (d) {
          var total = 0;
          d.docs.forEach(function (x) { total += x[2]; });
          d.avgLen = total / Math.max(1, d.docs.length);
          return d;
        });
      docsPromise.catch(function () { docsPromise = null; });
    }
    return docsPromise;
  }
  function loadShard(idx, n) {
    if (!shardCache[n]) {
      shardCache[n] = getJSON(new URL("g/" + n + ".json?v=" + idx.version, indexUrl));
      shardCache[n].catch(function () { delete shardCache[n]; });
    }
    return shardCache[n];
  }
  function loadText(idx, doc) {
    if (!textCache[doc]) {
      textCache[doc] = getJSON(new URL("f/" + doc + ".json?v=" + idx.version, indexUrl)).then(function (f) {
        f.nt = normalize(f.t).s;
        f.nh = f.h.map(function (h) { return normalize(h).s; }).join(" | ");
        f.nb = normalize(f.b);
        return f;
      });
      textCache[doc].catch(function () { delete textCache[doc]; });
    }
    return textCache[doc];
  }
  function decode(flat) { // [delta doc, weight, ...] -> Map doc -> weight
    var m = new Map(), doc = 0;
    for (var i = 0; i < flat.length; i += 2) { doc += flat[i]; m.set(doc, flat[i + 1]); }
    return m;
  }

  function trigrams(term) {
    var keys = [];
    for (var i = 0; i + 3 <= term.length; i++) if (keys.indexOf(term.slice(i, i + 3)) < 0) keys.push(term.slice(i, i + 3));
    return keys;
  }

  /* Per term {post: Map doc -> weighted count, fuzzy, loose}. Three letters or more: the least count of
   * its trigrams (an upper bound of its occurrences). Two letters: the sum over the keys that
   * start with them (each occurrence starts exactly one key). One letter or digit: its own key.
   * A term found nowhere (a typo, or words typed without the ones between them, as in
   * "แผนป้องกันการทุจริต") falls back to `loose`: pages holding most of its trigrams. */
  function termPostings(idx, term) {
    var keys = term.length >= 3 ? trigrams(term) : [term.length === 2 ? term : term + " "];
    var shards = [];
    keys.forEach(function (k) { var n = shardOf(k, idx.shards); if (shards.indexOf(n) < 0) shards.push(n); });
    return Promise.all(shards.map(function (n) { return loadShard(idx, n); })).then(function (loaded) {
      var byShard = {};
      shards.forEach(function (n, i) { byShard[n] = loaded[i]; });
      if (term.length === 2) {
        var sum = new Map(), shard = byShard[shards[0]];
        Object.keys(shard).forEach(function (k) {
          if (k.slice(0, 2) !== term) return;
          decode(shard[k]).forEach(function (w, d) { sum.set(d, (sum.get(d) || 0) + w); });
        });
        return { post: sum, fuzzy: false };
      }
      var maps = keys.map(function (k) {
        var flat = byShard[shardOf(k, idx.shards)][k];
        return flat ? decode(flat) : new Map();
      });
      var strict = maps[0];
      for (var j = 1; j < maps.length && strict.size; j++) {
        var next = new Map(), m = maps[j];
        strict.forEach(function (w, d) { var w2 = m.get(d); if (w2 !== undefined) next.set(d, Math.min(w, w2)); });
        strict = next;
      }
      if (keys.length < 2) return { post: strict, fuzzy: false };
      var hits = new Map(), least = new Map();
      maps.forEach(function (m) {
        m.forEach(function (w, d) {
          hits.set(d, (hits.get(d) || 0) + 1);
          least.set(d, Math.min(least.has(d) ? least.get(d) : Infinity, w));
        });
      });
      var fuzzy = new Map();
      hits.forEach(function (h, d) {
        var frac = h / keys.length;
        if (frac >= FUZZY_MIN) fuzzy.set(d, least.get(d) * frac * frac);
      });
      return { post: strict, fuzzy: false, loose: { post: fuzzy, fuzzy: true } };
    });
  }

  /* How well a page's text holds a term: exact weighted count, or for a term that matched only
   * fuzzily, the share of its trigrams present in each field (squared, so near-misses rank
   * below real hits), weighted like the index (a title holding most of it counts most). */
  function share(text, term) {
    var keys = trigrams(term), present = 0;
    keys.forEach(function (k) { if (text.indexOf(k) >= 0) present++; });
    return keys.length ? present / keys.length : 0;
  }
  /* A title that holds most of a longer term ("แผนป้องกันการทุจริต" in "แผนปฏิบัติการป้องกัน
   * การทุจริต"): page names are what people half-remember. */
  function nearTitle(nt, term) {
    if (term.length < 5 || nt.indexOf(term) >= 0) return 0;
    var s = share(nt, term);
    return s >= NEAR_TITLE ? TITLE_WEIGHT * s * s : 0;
  }
  function textMatch(f, term, fuzzy) {
    var c = TITLE_WEIGHT * count(f.nt, term) + HEADING_WEIGHT * count(f.nh, term) + count(f.nb.s, term);
    c += nearTitle(f.nt, term);
    if (c || !fuzzy) return c;
    function part(text, weight) {
      var frac = share(text, term);
      return frac >= FUZZY_MIN ? weight * frac * frac : 0;
    }
    return part(f.nt, TITLE_WEIGHT) + part(f.nh, HEADING_WEIGHT) + part(f.nb.s, 1);
  }

  function bm25(tf, len, avg) {
    return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg));
  }
  function idf(n, df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
  /* Occurrences of a term; a lone letter or digit counts only standing alone ("2", not "2569"). */
  function count(hay, needle) {
    var c = 0, i = hay.indexOf(needle), alone = needle.length === 1;
    while (i >= 0) {
      if (!alone || (!/[a-z0-9]/.test(hay.charAt(i - 1)) && !/[a-z0-9]/.test(hay.charAt(i + 1)))) c++;
      i = hay.indexOf(needle, i + needle.length);
    }
    return c;
  }

  /* Rank candidates from the index, then check the top ones against their text: a page whose
   * trigrams match but whose text lacks a term drops down; a title holding the whole query rises. */
  var STALE = new Error("stale"); // a newer query came in: stop before fetching page texts

  function search(query, stale) {
    var terms = queryTerms(query);
    if (!terms.length) return Promise.resolve({ query: query, terms: terms, results: [], total: 0 });
    return loadDocs().then(function (idx) {
      return Promise.all(terms.map(function (t) { return termPostings(idx, t); })).then(function (posts) {
        return rank(idx, query, terms, posts, stale).then(function (res) {
          // a term whose trigrams all occur, but never together (or nowhere), is matched loosely
          var exact = res.results.some(function (r) { return r.exact === terms.length; });
          if (exact || !posts.some(function (p) { return p.loose; })) return res;
          var loose = posts.map(function (p) {
            var verified = res.results.some(function (r) { return r.hits[posts.indexOf(p)]; });
            return p.loose && (!p.post.size || !verified) ? p.loose : p;
          });
          return rank(idx, query, terms, loose, stale);
        });
      });
    });
  }

  /* Pages whose title holds every term, at least nearly, one of them not whole (at most five). */
  function nearTitles(idx, terms) {
    if (!idx.titles) idx.titles = idx.docs.map(function (d) { return normalize(d[1]).s; });
    var out = [];
    for (var d = 0; d < idx.titles.length && out.length < 5; d++) {
      var nt = idx.titles[d], near = 0, ok = terms.every(function (t) {
        if (nt.indexOf(t) >= 0) return true;
        if (nearTitle(nt, t) > 0) { near++; return true; }
        return false;
      });
      if (ok && near) out.push(d);
    }
    return out;
  }

  function rank(idx, query, terms, posts, stale) {
    var N = idx.docs.length, scores = new Map(), matched = new Map();
    posts.forEach(function (info) {
      var w = idf(N, info.post.size);
      info.post.forEach(function (tf, d) {
        scores.set(d, (scores.get(d) || 0) + w * bm25(tf, idx.docs[d][2], idx.avgLen));
        matched.set(d, (matched.get(d) || 0) + 1);
      });
    });
    var all = [], full = [];
    scores.forEach(function (s, d) {
      var r = { doc: d, score: s, terms: matched.get(d) };
      all.push(r);
      if (r.terms === terms.length) full.push(r);
    });
    // every term must be found; if no page has them all, show pages with the most of them
    var pool = full.length ? full : all;
    pool.sort(function (a, b) { return b.terms - a.terms || b.score - a.score || a.doc - b.doc; });
    var top = pool.slice(0, SHOWN);
    nearTitles(idx, terms).forEach(function (d) {
      if (!top.some(function (r) { return r.doc === d; })) top.push({ doc: d, score: 0, terms: 0 });
    });
    if (stale && stale()) return Promise.reject(STALE);
    return Promise.all(top.map(function (r) { return loadText(idx, r.doc); })).then(function (texts) {
      var phrases = [terms.join(""), terms.join(" ")];
      top.forEach(function (r, i) {
        var f = texts[i], s = 0;
        r.text = f;
        r.found = 0;
        r.exact = 0;
        r.hits = terms.map(function (t, k) {
          var c = textMatch(f, t, posts[k].fuzzy);
          // a very long page's text is cut in the index files: trust the index past the cut
          if (!c && f.cut) c = posts[k].post.get(r.doc) || 0;
          if (c) r.found++;
          if (c >= 1 && (!posts[k].fuzzy || count(f.nt + " " + f.nh + " " + f.nb.s, t))) r.exact++;
          s += idf(N, posts[k].post.size) * bm25(c, idx.docs[r.doc][2], idx.avgLen);
          return c > 0;
        });
        // the query as typed, whole, in the title: "มิติที่ 2" is the page so named
        if (terms.length > 1 && phrases.some(function (ph) { return f.nt.indexOf(ph) >= 0; })) s *= 2;
        else if (terms.length === 1 && f.nt === terms[0]) s *= 1.5;
        r.score = s;
      });
      // pages whose trigrams matched but whose text holds none of the terms are dropped
      top = top.filter(function (r) { return r.found > 0; });
      top.sort(function (a, b) { return b.found - a.found || b.score - a.score || a.doc - b.doc; });
      return { query: query, terms: terms, results: top.slice(0, SHOWN), total: Math.max(top.length, pool.length) };
    });
  }

  /* ---- rendering ---- */
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  /* The longest pieces (four letters or more) of a term that a text holds, left to right, when
   * together they cover most of the term: what to highlight for a near match. */
  function pieces(text, term) {
    var out = [], covered = 0, i = 0;
    while (i < term.length) {
      var j = term.length;
      while (j - i >= 4 && text.indexOf(term.slice(i, j)) < 0) j--;
      if (j - i >= 4) { out.push(term.slice(i, j)); covered += j - i; i = j; } else i++;
    }
    return covered >= FUZZY_MIN * term.length ? out : [];
  }
  /* Original-text ranges [start, end) of every occurrence of the terms (or of their pieces). */
  function ranges(norm, terms) {
    var out = [];
    function mark(t) {
      var i = norm.s.indexOf(t), any = false;
      while (i >= 0) {
        out.push([norm.m[i], norm.m[i + t.length - 1] + 1]);
        any = true;
        i = norm.s.indexOf(t, i + t.length);
      }
      return any;
    }
    terms.forEach(function (t) {
      if (t.length === 1) return; // a lone digit would light up every number
      if (!mark(t) && t.length >= 5) pieces(norm.s, t).forEach(mark);
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }
  function highlight(text, rs, from, to) {
    var html = "", pos = from;
    rs.forEach(function (r) {
      if (r[1] <= from || r[0] >= to) return;
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      html += escapeHtml(text.slice(pos, a)) + "<mark>" + escapeHtml(text.slice(a, b)) + "</mark>";
      pos = b;
    });
    return html + escapeHtml(text.slice(pos, to));
  }
  /* A window of the body around the first match, cut at spaces, marks on every match. */
  function snippet(f, terms) {
    var body = f.b, rs = ranges(f.nb, terms), SPAN = 160;
    var at = rs.length ? rs[0][0] : 0;
    var from = Math.max(0, at - 40), to = Math.min(body.length, from + SPAN);
    if (from > 0) { var sp = body.lastIndexOf(" ", at); if (sp > from - 30 && sp < at) from = sp + 1; }
    if (to < body.length) { var sp2 = body.indexOf(" ", to); if (sp2 >= 0 && sp2 < to + 30) to = sp2; }
    return (from > 0 ? "… " : "") + highlight(body, rs, from, to).replace(/\n/g, " · ") + (to < body.length ? " …" : "");
  }
  function message(key, n) {
    var m = root.dataset["msg" + key] || "";
    return n === undefined ? m : m.replace("#", n.toLocaleString("th-TH"));
  }
  /* Tell listeners (tests, bench/) which query the list now shows, and when. */
  function rendered(query) {
    root.dataset.renderedQuery = query;
    root.dispatchEvent(new CustomEvent("prongsai-search:results", { bubbles: true, detail: { query: query, at: performance.now() } }));
  }
  function render(res) {
    list.textContent = "";
    if (!res.terms.length) {
      meta.textContent = res.query.trim() ? message("Short") : message("Placeholder");
      rendered(res.query);
      return;
    }
    var n = res.total || 0;
    meta.textContent = n === 0 ? message("None") : n === 1 ? message("One") : message("Other", n);
    res.results.forEach(function (r) {
      var f = r.text, tr = ranges(normalize(f.t), res.terms);
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      li.innerHTML =
        '<a class="md-search-result__link" href="' + escapeHtml(new URL(f.u, new URL(root.dataset.base || ".", location.href)).href) + '">' +
        '<article class="md-search-result__article md-typeset">' +
        '<h1 class="prongsai-search__title">' + highlight(f.t, tr, 0, f.t.length) + "</h1>" +
        '<p class="prongsai-search__snippet">' + snippet(f, res.terms) + "</p>" +
        "</article></a>";
      list.appendChild(li);
    });
    rendered(res.query);
  }

  /* ---- wiring ---- */
  var seq = 0, timer = 0;
  function run() {
    var mine = ++seq, q = input.value;
    search(q, function () { return mine !== seq; }).then(function (res) {
      if (mine === seq) render(res);
    }, function (err) {
      if (err === STALE) return;
      if (mine === seq) { list.textContent = ""; meta.textContent = message("Error"); rendered(q); }
    });
  }
  function open() {
    if (toggle && !toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
    loadDocs().catch(function () {});
  }
  function close() {
    if (toggle && toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
    input.blur();
  }
  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    // a short pause lets a fast typist finish a syllable before shards are fetched
    timer = setTimeout(run, 40);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked && document.activeElement !== input) setTimeout(function () { input.focus(); }, 50);
  });
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  root.addEventListener("keydown", function (e) {
    var ls = links(), i = ls.indexOf(document.activeElement);
    if (e.key === "Escape") { e.preventDefault(); close(); }
    else if (e.key === "ArrowDown" && ls.length) { e.preventDefault(); ls[Math.min(i + 1, ls.length - 1)].focus(); }
    else if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); if (i === 0) input.focus(); else ls[i - 1].focus(); }
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s")) {
      e.preventDefault(); input.focus();
    }
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; input.focus(); run(); }

  // for tests and bench/: the same rules the index was built with
  window.prongsaiSearch = { normalize: normalize, queryTerms: queryTerms, search: search };
})();
