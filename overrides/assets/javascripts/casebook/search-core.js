/*
 * Casebook search, browser side: the same words, stop words and stemmer as macros/search/text.py,
 * and queries against the sharded index written by macros/search/build.py. Loaded by the search
 * worker (search-worker.js, which speaks Material's worker protocol) and by every page (where it
 * offers window.casebookSearch to other scripts, e.g. the catalogue's facet filters).
 */
(function (global) {
  "use strict";

  /* ---- Snowball Indonesian stemmer, ported from snowballstemmer 3.1.1 (indonesian_stemmer.py) ---- */
  var VOWELS = "aeiou";
  var A0 = [["kah", -1, 1], ["lah", -1, 1], ["pun", -1, 1]];
  var A1 = [["nya", -1, 1], ["ku", -1, 1], ["mu", -1, 1]];
  var A2 = [["i", -1, 2], ["an", -1, 1]];
  var A3 = [["di", -1, 1], ["ke", -1, 3], ["me", -1, 1], ["mem", 2, 5], ["men", 2, 2], ["meng", 4, 1],
            ["pem", -1, 6], ["pen", -1, 4], ["peng", 7, 3], ["ter", -1, 1]];
  var A4 = [["be", -1, 2], ["pe", -1, 1]];

  function Snowball(word) {
    this.current = word; this.cursor = 0; this.limit = word.length; this.limit_backward = 0;
    this.bra = 0; this.ket = word.length; this.I_prefix = 0; this.I_measure = 0;
  }
  var S = Snowball.prototype;
  S.in_grouping = function (g) {
    if (this.cursor >= this.limit || g.indexOf(this.current[this.cursor]) < 0) return false;
    this.cursor += 1; return true;
  };
  S.out_grouping = function (g) {
    if (this.cursor >= this.limit) return false;
    if (g.indexOf(this.current[this.cursor]) < 0) { this.cursor += 1; return true; }
    return false;
  };
  S.go_out_grouping = function (g) {
    while (this.cursor < this.limit) {
      if (g.indexOf(this.current[this.cursor]) >= 0) return true;
      this.cursor += 1;
    }
    return false;
  };
  S.eq_s = function (s) {
    if (this.limit - this.cursor < s.length || this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
    this.cursor += s.length; return true;
  };
  S.find_among = function (v) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit, common_i = 0, common_j = 0, first = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k][0];
      for (var i2 = common; i2 < w.length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w.charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    while (true) {
      var a = v[i];
      if (common_i >= a[0].length) { this.cursor = c + a[0].length; return a[2]; }
      i = a[1];
      if (i < 0) return 0;
    }
  };
  S.find_among_b = function (v) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward, common_i = 0, common_j = 0, first = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k][0];
      for (var i2 = w.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w.charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    while (true) {
      var a = v[i];
      if (common_i >= a[0].length) { this.cursor = c - a[0].length; return a[2]; }
      i = a[1];
      if (i < 0) return 0;
    }
  };
  S.slice_from = function (s) {
    var adjustment = s.length - (this.ket - this.bra);
    this.current = this.current.slice(0, this.bra) + s + this.current.slice(this.ket);
    this.limit += adjustment;
    if (this.cursor >= this.ket) this.cursor += adjustment;
    else if (this.cursor > this.bra) this.cursor = this.bra;
    this.ket = this.bra + s.length;
  };
  S.slice_del = function () { this.slice_from(""); };
  S.at = function (ch) { return this.cursor < this.limit && this.current[this.cursor] === ch; };
  S.before = function (ch) { return this.cursor > this.limit_backward && this.current[this.cursor - 1] === ch; };

  S.remove_particle = function () {
    this.ket = this.cursor;
    if (this.find_among_b(A0) === 0) return false;
    this.bra = this.cursor; this.slice_del(); this.I_measure -= 1; return true;
  };
  S.remove_possessive_pronoun = function () {
    this.ket = this.cursor;
    if (this.find_among_b(A1) === 0) return false;
    this.bra = this.cursor; this.slice_del(); this.I_measure -= 1; return true;
  };
  S.remove_suffix = function () {
    this.ket = this.cursor;
    var among = this.find_among_b(A2);
    if (among === 0) return false;
    this.bra = this.cursor;
    if (among === 1) {
      var v_1 = this.limit - this.cursor;
      if (this.I_prefix !== 3 && this.I_prefix !== 2 && this.before("k")) {
        this.cursor -= 1; this.bra = this.cursor;
      } else {
        this.cursor = this.limit - v_1;
        if (this.I_prefix === 1) return false;
      }
    } else {
      if (this.I_prefix > 2) return false;
      if (this.before("s")) { this.cursor -= 1; return false; }
    }
    this.slice_del(); this.I_measure -= 1; return true;
  };
  // "meny" + vowel -> "s" (menyapu -> sapu), else the prefix goes
  S.y_to_s = function (prefix) {
    var v_1 = this.cursor;
    if (this.at("y")) {
      this.cursor += 1;
      var v_2 = this.cursor;
      if (this.in_grouping(VOWELS)) {
        this.cursor = v_2; this.ket = this.cursor; this.slice_from("s");
        this.I_prefix = prefix; this.I_measure -= 1; return;
      }
    }
    this.cursor = v_1; this.slice_del(); this.I_prefix = prefix; this.I_measure -= 1;
  };
  // "mem"/"pem" + vowel -> "p" (memukul -> pukul), else the prefix goes
  S.m_to_p = function () {
    var v_5 = this.cursor;
    var v_6 = this.cursor;
    if (this.in_grouping(VOWELS)) { this.cursor = v_6; this.slice_from("p"); return; }
    this.cursor = v_5; this.slice_del();
  };
  S.remove_first_order_prefix = function () {
    this.bra = this.cursor;
    var among = this.find_among(A3);
    if (among === 0) return false;
    this.ket = this.cursor;
    switch (among) {
      case 1: this.slice_del(); this.I_prefix = 1; this.I_measure -= 1; break;
      case 2: this.y_to_s(1); break;
      case 3: this.slice_del(); this.I_prefix = 3; this.I_measure -= 1; break;
      case 4: this.y_to_s(3); break;
      case 5: this.I_prefix = 1; this.I_measure -= 1; this.m_to_p(); break;
      default: this.I_prefix = 3; this.I_measure -= 1; this.m_to_p(); break;
    }
    return true;
  };
  S.remove_second_order_prefix = function () {
    this.bra = this.cursor;
    var among = this.find_among(A4);
    if (among === 0) return false;
    var v = this.cursor;
    if (among === 1) {
      found: {
        if (this.at("r")) { this.cursor += 1; this.ket = this.cursor; this.I_prefix = 2; break found; }
        this.cursor = v;
        if (this.at("l")) { this.cursor += 1; this.ket = this.cursor; if (this.eq_s("ajar")) break found; }
        this.cursor = v; this.ket = this.cursor; this.I_prefix = 2;
      }
    } else {
      found2: {
        if (this.at("r")) { this.cursor += 1; this.ket = this.cursor; break found2; }
        this.cursor = v;
        if (this.at("l")) { this.cursor += 1; this.ket = this.cursor; if (this.eq_s("ajar")) break found2; }
        this.cursor = v; this.ket = this.cursor;
        if (!this.out_grouping(VOWELS)) return false;
        if (!this.eq_s("er")) return false;
      }
      this.I_prefix = 4;
    }
    this.I_measure -= 1; this.slice_del(); return true;
  };
  S.stem = function () {
    this.I_measure = 0;
    var v_1 = this.cursor;
    while (true) {
      var v_2 = this.cursor;
      if (this.go_out_grouping(VOWELS)) { this.cursor += 1; this.I_measure += 1; continue; }
      this.cursor = v_2; break;
    }
    this.cursor = v_1;
    if (this.I_measure <= 2) return;
    this.I_prefix = 0;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    var v_3 = this.limit - this.cursor;
    this.remove_particle();
    this.cursor = this.limit - v_3;
    if (this.I_measure <= 2) return;
    var v_4 = this.limit - this.cursor;
    this.remove_possessive_pronoun();
    this.cursor = this.limit - v_4;
    this.cursor = this.limit_backward;
    if (this.I_measure <= 2) return;
    var v_5 = this.cursor;
    var v_6 = this.cursor;
    if (this.remove_first_order_prefix()) {
      var v_7 = this.cursor;
      lab1: {
        var v_8 = this.cursor;
        if (this.I_measure <= 2) break lab1;
        this.limit_backward = this.cursor;
        this.cursor = this.limit;
        if (!this.remove_suffix()) break lab1;
        this.cursor = this.limit_backward;
        this.cursor = v_8;
        if (this.I_measure <= 2) break lab1;
        this.remove_second_order_prefix();
      }
      this.cursor = v_7; this.cursor = v_6;
      return;
    }
    this.cursor = v_5;
    var v_9 = this.cursor;
    this.remove_second_order_prefix();
    this.cursor = v_9;
    var v_10 = this.cursor;
    if (this.I_measure > 2) {
      this.limit_backward = this.cursor;
      this.cursor = this.limit;
      if (this.remove_suffix()) this.cursor = this.limit_backward;
    }
    this.cursor = v_10;
  };

  var ASCII = /^[\x00-\x7f]*$/;
  var stemCache = new Map();
  function stem(word) {
    var hit = stemCache.get(word);
    if (hit !== undefined) return hit;
    var result = word;
    if (ASCII.test(word)) { var s = new Snowball(word); s.stem(); result = s.current; }
    if (stemCache.size > 100000) stemCache.clear();
    stemCache.set(word, result);
    return result;
  }

  /* ---- Words: runs of letters, digits, combining marks (Unicode L, N, M), lower-cased, NFC ---- */
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  function words(text) { return text.normalize("NFC").toLowerCase().match(WORD) || []; }

  function shardOf(term, shards) {
    var bytes = new TextEncoder().encode(term), value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) value = Math.imul(value ^ bytes[i], 0x01000193) >>> 0;
    return value % shards;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* ---- The index ---- */

  // Opened from disk (casebook build --offline, macros/offline.py): browsers refuse fetch() on file://,
  // so each file of the index is a script that hands its data to CasebookSearch.deliver.
  var offline = typeof document !== "undefined" && global.CASEBOOK_OFFLINE === true;
  var delivering = {};  // file -> callbacks waiting for its data
  function deliver(path, data) {
    var waiting = delivering[path] || [];
    delete delivering[path];
    waiting.forEach(function (resolve) { resolve(data); });
  }
  function viaScript(base, path) {
    return new Promise(function (resolve, reject) {
      (delivering[path] = delivering[path] || []).push(resolve);
      var script = document.createElement("script");
      script.src = new URL(path.replace(/\.json$/, ".js"), base).href;
      script.onload = function () { script.remove(); };
      script.onerror = function () {
        script.remove();
        delete delivering[path];
        reject(new Error(path + ": tidak dapat dimuat"));
      };
      document.head.appendChild(script);
    });
  }
  // A page's address as a link: on disk a folder does not open its index.html by itself.
  function pageLink(location) {
    return offline && (location === "" || /\/$/.test(location)) ? location + "index.html" : location;
  }

  function Engine(base) {
    this.base = base;                 // URL of search/casebook/
    this.manifest = null;
    this.shards = new Map();          // shard number -> Promise of {term: postings}
    this.pageFiles = new Map();       // page number -> Promise of {l, d}
  }
  var E = Engine.prototype;

  E.load = function () {
    var self = this;
    if (!this.ready) {
      this.ready = (offline ? viaScript(this.base, "manifest.json") :
                    fetch(new URL("manifest.json", this.base), { cache: "no-cache" }).then(function (r) {
                      if (!r.ok) throw new Error("indeks pencarian tidak ditemukan");
                      return r.json();
                    }))
        .then(function (m) {
          self.manifest = m;
          self.stopwords = new Set(m.stopwords);
          // section id -> page number; page number -> first section id
          self.pageStart = new Int32Array(m.pages.length + 1);
          for (var p = 0; p < m.pages.length; p++) self.pageStart[p + 1] = self.pageStart[p] + m.pages[p];
          self.pageReport = new Array(m.pages.length).fill(null);
          m.reports.forEach(function (r) { for (var i = 0; i < r[2]; i++) self.pageReport[r[1] + i] = r[0]; });
          return m;
        });
    }
    return this.ready;
  };

  E.fetchJSON = function (cache, key, path) {
    var promise = cache.get(key);
    if (!promise) {
      promise = offline ? viaScript(this.base, path) :
        fetch(new URL(path + "?v=" + this.manifest.id, this.base)).then(function (r) {
          if (!r.ok) throw new Error(path + ": " + r.status);
          return r.json();
        });
      promise.catch(function () { cache.delete(key); });
      cache.set(key, promise);
    }
    return promise;
  };

  E.pageOf = function (section) {
    var lo = 0, hi = this.manifest.pages.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (this.pageStart[mid] <= section) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  // The query's words: [{word, term}] without stop words and duplicates.
  E.queryTerms = function (query) {
    var seen = new Set(), out = [], self = this;
    words(query).forEach(function (word) {
      if (self.stopwords.has(word)) return;
      var term = stem(word);
      if (seen.has(term)) return;
      seen.add(term); out.push({ word: word, term: term });
    });
    return out;
  };

  // Matching sections: Map section -> {score, hits (bitmask of query terms)}; all query words must match
  // when some section has them all, else any.
  E.match = function (query) {
    var self = this;
    return this.load().then(function (m) {
      var qs = self.queryTerms(query);
      if (!qs.length) return { terms: qs, sections: new Map() };
      return Promise.all(qs.map(function (q) {
        var shard = shardOf(q.term, m.shards);
        return self.fetchJSON(self.shards, shard, "s/" + shard + ".json").then(function (s) {
          return Object.prototype.hasOwnProperty.call(s, q.term) ? s[q.term] : [];
        });
      })).then(function (lists) {
        var sections = new Map(), all = (1 << qs.length) - 1, complete = 0;
        lists.forEach(function (list, t) {
          var idf = Math.log(1 + (m.sections - list.length + 0.5) / (list.length + 0.5)), section = 0;
          for (var i = 0; i < list.length; i++) {
            var packed = list[i];
            section += Math.floor(packed / 512);
            var title = (packed & 256) ? 1.5 : 0, weight = (packed & 255) / 255;
            var entry = sections.get(section);
            if (!entry) { entry = { score: 0, hits: 0 }; sections.set(section, entry); }
            entry.score += idf * (weight + title);
            entry.hits |= 1 << t;
            if (entry.hits === all) complete += 1;
          }
        });
        if (complete && qs.length > 1)
          sections.forEach(function (entry, section) { if (entry.hits !== all) sections.delete(section); });
        return { terms: qs, sections: sections };
      });
    });
  };

  // Slugs of the reports (kasus/<slug>/) with a matching section.
  E.reports = function (query) {
    var self = this;
    return this.match(query).then(function (found) {
      var slugs = new Set();
      found.sections.forEach(function (_, section) {
        var slug = self.pageReport[self.pageOf(section)];
        if (slug) slugs.add(slug);
      });
      return slugs;
    });
  };

  function highlight(text, termSet) {
    var out = "", last = 0, match;
    WORD.lastIndex = 0;
    var lower = text.normalize("NFC");
    while ((match = WORD.exec(lower)) !== null) {
      if (termSet.has(stem(match[0].toLowerCase()))) {
        out += escapeHTML(lower.slice(last, match.index)) + "<mark>" + escapeHTML(match[0]) + "</mark>";
        last = match.index + match[0].length;
      }
    }
    return out + escapeHTML(lower.slice(last));
  }

  function snippet(text, termSet, size) {
    text = text.normalize("NFC");
    var match, start = 0;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      if (termSet.has(stem(match[0].toLowerCase()))) { start = match.index; break; }
    }
    var from = Math.max(0, start - size / 3);
    if (from > 0) { var space = text.indexOf(" ", from); from = space >= 0 && space < start ? space + 1 : from; }
    var to = Math.min(text.length, from + size);
    if (to < text.length) { var back = text.lastIndexOf(" ", to); to = back > start ? back : to; }
    return (from > 0 ? "… " : "") + text.slice(from, to) + (to < text.length ? " …" : "");
  }

  // Material's search result: {items: [[{location, title, text, score, terms}, ...] per page]}
  E.search = function (query, limit) {
    var self = this;
    limit = limit || 20;
    return this.match(query).then(function (found) {
      var byPage = new Map();
      found.sections.forEach(function (entry, section) {
        var page = self.pageOf(section), list = byPage.get(page);
        if (!list) byPage.set(page, list = []);
        list.push({ section: section, score: entry.score, hits: entry.hits });
      });
      var ranked = [];
      byPage.forEach(function (list, page) {
        list.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
        ranked.push({ page: page, list: list, score: list[0].score });
      });
      ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
      var total = ranked.length;
      ranked = ranked.slice(0, limit);
      var termSet = new Set(found.terms.map(function (q) { return q.term; }));
      return Promise.all(ranked.map(function (r) {
        return self.fetchJSON(self.pageFiles, r.page, "p/" + r.page + ".json").then(function (file) {
          var start = self.pageStart[r.page], group = [], hasPage = false;
          // The page's own title names its report: every report has a "BAB III Konteks Praktikum Institusi".
          var report = file.r ? ' <span class="casebook-cari-laporan">· ' + escapeHTML(file.r) + "</span>" : "";
          r.list.slice(0, 6).forEach(function (hit) {
            var doc = file.d[hit.section - start], terms = {};
            found.terms.forEach(function (q, t) { terms[q.word] = !!(hit.hits & (1 << t)); });
            if (!doc[0]) hasPage = true;
            group.push({
              location: pageLink(file.l) + (doc[0] ? "#" + doc[0] : ""),
              title: highlight(doc[1], termSet) + (doc[0] ? "" : report),
              text: "<p>" + highlight(snippet(doc[2], termSet, 240), termSet) + "</p>",
              score: hit.score, terms: terms
            });
          });
          if (!hasPage)
            group.push({ location: pageLink(file.l), title: escapeHTML(file.d[0][1]) + report, text: "", score: 0, terms: {} });
          return group;
        });
      })).then(function (items) { return { items: items, total: total }; });
    });
  };

  global.CasebookSearch = { Engine: Engine, stem: stem, words: words, shardOf: shardOf, deliver: deliver };
})(typeof self !== "undefined" ? self : this);

/* On a page (not in the worker): the API other scripts use, e.g. the catalogue's facet filters.
 *   casebookSearch.reports("layanan") -> Promise<Set<slug>>   reports with a page matching every word
 *   casebookSearch.search("layanan")  -> Promise<{items, total}> results as the header shows them     */
(function () {
  if (typeof document === "undefined" || !document.currentScript) return;
  var base = new URL("../../../search/casebook/", document.currentScript.src);
  var engine = new self.CasebookSearch.Engine(base);
  self.casebookSearch = {
    ready: function () { return engine.load(); },
    reports: function (query) { return engine.reports(query); },
    search: function (query, limit) { return engine.search(query, limit); },
    stem: self.CasebookSearch.stem,
    words: self.CasebookSearch.words
  };
})();
