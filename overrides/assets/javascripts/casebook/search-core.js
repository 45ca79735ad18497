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

  /* ---- Words (macros/search/text.py): runs of letters, digits, combining marks (Unicode L, N, M), an
     apostrophe between letters joining; folded: Latin accents dropped, a few letters spelled out, lower case ---- */
  var APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4";
  var WORD = new RegExp("[\\p{L}\\p{N}\\p{M}]+(?:[" + APOSTROPHES + "][\\p{L}\\p{N}\\p{M}]+)*", "gu");
  var APOSTROPHE = new RegExp("[" + APOSTROPHES + "]", "g");
  var MARKS = /[\u0300-\u036f]/g;
  var SPELLED = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  var SPELLED_RE = new RegExp("[" + Object.keys(SPELLED).join("") + "]", "g");
  function fold(word) {
    return word.normalize("NFD").replace(MARKS, "").toLowerCase()
      .replace(SPELLED_RE, function (c) { return SPELLED[c]; }).normalize("NFC");
  }
  function tokens(text) {
    return (text.normalize("NFC").match(WORD) || []).map(function (w) { return fold(w).replace(APOSTROPHE, "'"); });
  }
  function words(text) { return tokens(text).map(function (t) { return t.replace(/'/g, ""); }); }

  var SURFACE = "=";
  var PREFIX_MIN = 4;        // a query word expands to the words it begins from this length on
  var EXPANSIONS = 8;        // at most this many words per query word (the shortest: closest to what was typed)
  // Weights of what matched a query word, per section: the word's stem, the word itself (on top of its stem:
  // `mengenang` outranks `menenangkan`, which shares the stem `enang`), a root with the nasal prefix's lost
  // consonant restored (`mengenang` -> `kenang`, `menenangkan` -> `tenang`), a word the query word begins.
  var W_STEM = 1, W_SURFACE = 1, W_ROOT = 0.8, W_PREFIX = 0.5;

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

  // Roots a meN-/peN- word may have lost its first consonant to (Snowball keeps the vowel-initial one).
  function restoredRoots(word) {
    var m = /^(?:meng|peng)([aiueo].*)$/.exec(word);
    if (m) return ["k" + m[1]];
    m = /^(?:men|pen)([aiueo].*)$/.exec(word);
    if (m) return ["t" + m[1]];
    return [];
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
    this.vocabulary = new Map();      // vocabulary shard number -> Promise of {prefix: [terms]}
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

  E.postings = function (term) {
    var shard = shardOf(term, this.manifest.shards);
    return this.fetchJSON(this.shards, shard, "s/" + shard + ".json").then(function (s) {
      return Object.prototype.hasOwnProperty.call(s, term) ? s[term] : [];
    });
  };

  // Terms of the index beginning with `start` (stems, and words marked SURFACE), without the marker check.
  E.beginning = function (start) {
    var m = this.manifest;
    if (!m.vocabulary || start.length < PREFIX_MIN) return Promise.resolve([]);
    var prefix = start.slice(0, 3), shard = shardOf(prefix, m.vocabulary);
    return this.fetchJSON(this.vocabulary, shard, "v/" + shard + ".json").then(function (v) {
      var listed = Object.prototype.hasOwnProperty.call(v, prefix) ? v[prefix] : [];
      return listed.filter(function (term) {
        var word = term.charAt(0) === SURFACE ? term.slice(1) : term;
        return word.length > start.length && word.slice(0, start.length) === start;
      });
    });
  };

  E.pageOf = function (section) {
    var lo = 0, hi = this.manifest.pages.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (this.pageStart[mid] <= section) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  // The query's words: [{word, term}] without stop words and duplicates (an apostrophe word is one word).
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

  // What one query word looks up: [[term, weight, kind]]; kind "surface" adds to a section's score, the
  // others compete (a section's best match counts). Expansions come from the vocabulary shards.
  E.lookups = function (q) {
    var exact = [[q.term, W_STEM, "stem"]], self = this;
    if (q.word !== q.term) {
      exact.push([SURFACE + q.word, W_SURFACE, "surface"]);
      // The word typed may itself be another word's stem: `semai` (its own stem `sema`) is the stem of `penyemaian`.
      exact.push([q.word, W_STEM, "stem"]);
    }
    var roots = restoredRoots(q.word);
    roots.forEach(function (root) { if (stem(root) !== q.term) exact.push([stem(root), W_ROOT, "root"]); });
    // Words beginning with the typed word, with a restored root, and with the stem unless the stem is only a
    // shorter beginning of the typed word (`sema` of `semai` would find `semangat`).
    var stemStarts = q.term !== q.word && q.word.slice(0, q.term.length) !== q.term ? [q.term] : [];
    var starts = [q.word].concat(stemStarts, roots);
    return Promise.all(starts.map(function (s) { return self.beginning(s); })).then(function (lists) {
      var known = new Set(exact.map(function (e) { return e[0]; })), more = [];
      lists.forEach(function (list) { list.forEach(function (t) { if (!known.has(t)) { known.add(t); more.push(t); } }); });
      more.sort(function (a, b) { return a.replace(SURFACE, "").length - b.replace(SURFACE, "").length || (a < b ? -1 : a > b ? 1 : 0); });
      return exact.concat(more.slice(0, EXPANSIONS).map(function (t) { return [t, W_PREFIX, "prefix"]; }));
    });
  };

  // Matching sections: Map section -> {score, hits (bitmask of query words)}; all query words must match
  // when some section has them all, else any. `found.matched` holds every term that matched (for marking).
  E.match = function (query) {
    var self = this;
    return this.load().then(function (m) {
      var qs = self.queryTerms(query);
      if (!qs.length) return { terms: qs, sections: new Map(), matched: new Set() };
      return Promise.all(qs.map(function (q) { return self.lookups(q); })).then(function (perWord) {
        return Promise.all(perWord.map(function (lookups) {
          return Promise.all(lookups.map(function (l) { return self.postings(l[0]); }));
        })).then(function (lists) {
          var sections = new Map(), all = (1 << qs.length) - 1, complete = 0, matched = new Set();
          lists.forEach(function (wordLists, t) {
            var best = new Map(), bonus = new Map();
            wordLists.forEach(function (list, k) {
              var lookup = perWord[t][k];
              if (list.length) matched.add(lookup[0]);
              var idf = Math.log(1 + (m.sections - list.length + 0.5) / (list.length + 0.5)), section = 0;
              for (var i = 0; i < list.length; i++) {
                var packed = list[i];
                section += Math.floor(packed / 512);
                var score = lookup[1] * idf * ((packed & 255) / 255 + ((packed & 256) ? 1.5 : 0));
                if (lookup[2] === "surface") bonus.set(section, (bonus.get(section) || 0) + score);
                else if (!(best.get(section) >= score)) best.set(section, score);
              }
            });
            best.forEach(function (score, section) {
              var entry = sections.get(section);
              if (!entry) { entry = { score: 0, hits: 0 }; sections.set(section, entry); }
              entry.score += score + (bonus.get(section) || 0);
              entry.hits |= 1 << t;
              if (entry.hits === all) complete += 1;
            });
          });
          if (complete && qs.length > 1)
            sections.forEach(function (entry, section) { if (entry.hits !== all) sections.delete(section); });
          return { terms: qs, sections: sections, matched: matched };
        });
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

  // Does a word of the text match what the query found? By its stem, by itself, by an apostrophe piece.
  function marker(matched) {
    return function (raw) {
      var token = fold(raw).replace(APOSTROPHE, "'"), word = token.replace(/'/g, "");
      if (matched.has(stem(word)) || matched.has(SURFACE + word)) return true;
      return token !== word && token.split("'").some(function (piece) { return piece.length > 1 && matched.has(stem(piece)); });
    };
  }

  function highlight(text, isHit) {
    var out = "", last = 0, match;
    WORD.lastIndex = 0;
    var lower = text.normalize("NFC");
    while ((match = WORD.exec(lower)) !== null) {
      if (isHit(match[0])) {
        out += escapeHTML(lower.slice(last, match.index)) + "<mark>" + escapeHTML(match[0]) + "</mark>";
        last = match.index + match[0].length;
      }
    }
    return out + escapeHTML(lower.slice(last));
  }

  function snippet(text, isHit, size) {
    text = text.normalize("NFC");
    var match, start = 0;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      if (isHit(match[0])) { start = match.index; break; }
    }
    var from = Math.max(0, start - size / 3);
    if (from > 0) { var space = text.indexOf(" ", from); from = space >= 0 && space < start ? space + 1 : from; }
    var to = Math.min(text.length, from + size);
    if (to < text.length) { var back = text.lastIndexOf(" ", to); to = back > start ? back : to; }
    return (from > 0 ? "… " : "") + text.slice(from, to) + (to < text.length ? " …" : "");
  }

  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

  // Material's search result: {items: [[{location, title, text, score, terms}, ...] per page], total}.
  // `limit` pages from the `offset`-th (ranked by their best section); `total` counts every matching page.
  E.search = function (query, limit, offset) {
    var self = this;
    limit = limit || 20;
    offset = offset || 0;
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
      ranked = ranked.slice(offset, offset + limit);
      var isHit = marker(found.matched);
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
              title: highlight(doc[1], isHit) + (doc[0] ? "" : report),
              text: "<p>" + highlight(snippet(doc[2], isHit, 240), isHit) + "</p>",
              score: hit.score, terms: terms
            });
          });
          if (!hasPage)
            group.push({ location: pageLink(file.l), title: escapeHTML(file.d[0][1]) + report, text: "", score: 0, terms: {} });
          return group;
        });
      })).then(function (items) { return { items: items, total: total, offset: offset }; });
    });
  };

  // The header's list: the first `limit` pages, the true count riding on the first title (Material counts
  // the groups it is given), and a last entry "Tampilkan lagi" the page script turns into a button.
  E.headerResult = function (query, limit) {
    limit = limit || 20;
    return this.search(query, limit).then(function (result) {
      var items = result.items;
      if (items.length) {
        items[0][0].title += '<span hidden data-casebook-jumlah="' + result.total + '"></span>';
        if (result.total > items.length)
          items.push([{
            location: "#casebook-lagi", score: 0, terms: {}, text: "",
            title: '<span class="casebook-cari-lagi" data-casebook-q="' + escapeHTML(query) + '" data-casebook-dari="' +
              items.length + '" data-casebook-jumlah="' + result.total + '">Tampilkan lagi (' +
              thousands(result.total - items.length) + " dokumen lainnya)</span>"
          }]);
      }
      return { items: items, total: result.total };
    });
  };

  global.CasebookSearch = { Engine: Engine, stem: stem, words: words, tokens: tokens, fold: fold, shardOf: shardOf,
                            thousands: thousands, escapeHTML: escapeHTML, deliver: deliver };
})(typeof self !== "undefined" ? self : this);

/* On a page (not in the worker): the API other scripts use, e.g. the catalogue's facet filters.
 *   casebookSearch.reports("layanan") -> Promise<Set<slug>>   reports with a page matching every word
 *   casebookSearch.search("layanan")  -> Promise<{items, total}> results as the header shows them
 * and the header list's true count and its "Tampilkan lagi" button.                                  */
(function () {
  if (typeof document === "undefined" || !document.currentScript) return;
  var CS = self.CasebookSearch;
  var base = new URL("../../../search/casebook/", document.currentScript.src);
  var engine = new CS.Engine(base);
  self.casebookSearch = {
    ready: function () { return engine.load(); },
    header: function (query) { return engine.headerResult(query); },
    reports: function (query) { return engine.reports(query); },
    search: function (query, limit, offset) { return engine.search(query, limit, offset); },
    stem: CS.stem,
    words: CS.words
  };

  function count(total) { return total === 1 ? "1 dokumen ditemukan" : CS.thousands(total) + " dokumen ditemukan"; }

  // Material writes "20 dokumen ditemukan" from the groups it received; the first title carries the truth.
  function fixCount() {
    var meta = document.querySelector(".md-search-result__meta");
    var carrier = document.querySelector(".md-search-result__list [data-casebook-jumlah]");
    if (!meta || !carrier) return;
    var text = count(+carrier.getAttribute("data-casebook-jumlah"));
    if (meta.textContent !== text) meta.textContent = text;
  }

  function siteBase() {
    try { return new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href); }
    catch (e) { return new URL(".", location.href); }
  }

  // One result group in Material's markup (templates/search/index.tsx), for pages fetched by "Tampilkan lagi".
  function renderGroup(group, query) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var html = "";
    group.forEach(function (doc) {
      var url = new URL(doc.location, siteBase());
      url.searchParams.set("h", query);
      var parent = doc.location.indexOf("#") < 0;
      html += '<a href="' + CS.escapeHTML(url.href) + '" class="md-search-result__link" tabindex="-1">' +
        '<article class="md-search-result__article md-typeset" data-md-score="' + doc.score.toFixed(2) + '">' +
        (parent ? '<div class="md-search-result__icon md-icon"></div><h1>' + doc.title + "</h1>" : "<h2>" + doc.title + "</h2>") +
        doc.text + "</article></a>";
    });
    li.innerHTML = html;
    return li;
  }

  function more(link) {
    var label = link.querySelector(".casebook-cari-lagi");
    if (!label || label.getAttribute("aria-busy") === "true") return;
    var query = label.getAttribute("data-casebook-q"), from = +label.getAttribute("data-casebook-dari");
    var total = +label.getAttribute("data-casebook-jumlah"), item = link.closest("li");
    label.setAttribute("aria-busy", "true");
    engine.search(query, 20, from).then(function (result) {
      result.items.forEach(function (group) { item.parentNode.insertBefore(renderGroup(group, query), item); });
      from += result.items.length;
      label.setAttribute("data-casebook-dari", from);
      label.removeAttribute("aria-busy");
      if (from >= total || !result.items.length) item.remove();
      else label.textContent = "Tampilkan lagi (" + CS.thousands(total - from) + " dokumen lainnya)";
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-search-result__item a");
    if (!link || !link.querySelector(".casebook-cari-lagi")) return;
    event.preventDefault();
    event.stopPropagation();
    more(link);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var link = document.querySelector(".md-search-result__item a:focus");
    if (link && link.querySelector(".casebook-cari-lagi")) { event.preventDefault(); event.stopPropagation(); more(link); }
  }, true);

  function watch() {
    var result = document.querySelector(".md-search-result");
    if (!result) return;
    new MutationObserver(fixCount).observe(result, { childList: true, subtree: true, characterData: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch); else watch();
})();
