// Arsip › Katalog: facet filters, search within the archive and sorting, all in the page.
// The catalogue works without this script (a plain list of cards); with it, the filters'
// state lives in the URL so a lecturer can share a filtered view.
(function () {
  "use strict";
  var root = document.querySelector(".casebook-arsip");
  if (!root) return;
  var form = root.querySelector(".casebook-saring");
  var list = root.querySelector(".casebook-katalog");
  var cards = Array.prototype.slice.call(list.querySelectorAll(".casebook-kartu"));
  var keys = Array.prototype.map.call(form.querySelectorAll(".casebook-segi"), function (g) { return g.dataset.segi; });
  var total = cards.length;
  var searchHits = null; // null: no query; otherwise a Set of report slugs
  var searchRun = 0;
  // Paging: only the first PAGE matching cards are laid out, "Tampilkan lagi" adds PAGE more; at 1,000
  // reports filtering then touches attributes, not the layout of a thousand cards.
  var PAGE = 30;
  var limit = PAGE;
  var more = root.querySelector(".casebook-lagi");
  var order = null, orderKey = null;  // cards in the current sort order, computed when the order changes

  // Each card's codes per facet, read once.
  var codes = cards.map(function (card) {
    var own = {};
    keys.forEach(function (key) {
      var value = card.getAttribute("data-f-" + key) || "";
      own[key] = value ? value.split(" ") : [];
    });
    return own;
  });

  function selected() {
    var chosen = {};
    keys.forEach(function (key) {
      var boxes = form.querySelectorAll('input[type=checkbox][name="' + key + '"]:checked');
      chosen[key] = Array.prototype.map.call(boxes, function (b) { return b.value; });
    });
    return chosen;
  }

  // Within a facet any chosen value matches (OR); across facets all must match (AND).
  function matches(index, chosen, skip) {
    for (var k = 0; k < keys.length; k++) {
      var key = keys[k];
      if (key === skip || chosen[key].length === 0) continue;
      var own = codes[index][key];
      if (!chosen[key].some(function (c) { return own.indexOf(c) !== -1; })) return false;
    }
    return searchHits === null || searchHits.has(cards[index].dataset.slug);
  }

  function sortCards(key) {
    if (key === orderKey) return;
    orderKey = key;
    var sorted = cards.slice().sort(function (a, b) {
      var order = key;
      if (order === "judul") return a.dataset.judul.localeCompare(b.dataset.judul, "id");
      if (order === "capaian") {
        var x = a.dataset.capaian === "" ? -1 : parseFloat(a.dataset.capaian);
        var y = b.dataset.capaian === "" ? -1 : parseFloat(b.dataset.capaian);
        if (x !== y) return y - x;
      }
      var years = parseInt(b.dataset.tahun, 10) - parseInt(a.dataset.tahun, 10);
      return years || a.dataset.judul.localeCompare(b.dataset.judul, "id");
    });
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (card) { fragment.appendChild(card); });
    list.appendChild(fragment);
    order = sorted;
  }

  var indexOf = new Map(cards.map(function (card, i) { return [card, i]; }));

  function apply(keepPage) {
    if (!keepPage) limit = PAGE;
    var chosen = selected();
    var shown = 0;
    sortCards(form.elements.urut.value);
    order.forEach(function (card) {
      var visible = matches(indexOf.get(card), chosen, null);
      if (visible) shown++;
      if (card.hidden !== !visible) card.hidden = !visible;
      var later = visible && shown > limit;
      if (card.classList.contains("casebook-kartu--berikut") !== later) card.classList.toggle("casebook-kartu--berikut", later);
    });
    if (more) {
      more.hidden = shown <= limit;
      more.textContent = "Tampilkan lagi (" + (shown - limit) + " laporan lainnya)";
    }
    // Counts: how many reports would show if this value were added to the other facets' filters.
    keys.forEach(function (key) {
      var tally = {};
      cards.forEach(function (card, i) {
        if (!matches(i, chosen, key)) return;
        codes[i][key].forEach(function (c) { tally[c] = (tally[c] || 0) + 1; });
      });
      form.querySelectorAll('input[name="' + key + '"]').forEach(function (box) {
        var n = tally[box.value] || 0;
        box.parentNode.querySelector(".casebook-jumlah").textContent = n;
        box.disabled = n === 0 && !box.checked;
        box.parentNode.classList.toggle("casebook-pilihan--nol", n === 0 && !box.checked);
      });
    });
    root.querySelector(".casebook-hasil-jumlah").textContent =
      shown === total ? total + " laporan" : shown + " dari " + total + " laporan";
    root.querySelector(".casebook-kosong").hidden = shown !== 0;
    writeUrl(chosen);
  }

  function writeUrl(chosen) {
    var params = new URLSearchParams();
    var query = form.elements.q.value.trim();
    if (query) params.set("q", query);
    keys.forEach(function (key) { chosen[key].forEach(function (c) { params.append(key, c); }); });
    if (form.elements.urut.value !== "tahun") params.set("urut", form.elements.urut.value);
    var text = params.toString();
    history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    keys.forEach(function (key) {
      var wanted = params.getAll(key);
      form.querySelectorAll('input[name="' + key + '"]').forEach(function (box) {
        box.checked = wanted.indexOf(box.value) !== -1;
        if (box.checked) box.closest("details").open = true;
      });
    });
    form.elements.q.value = params.get("q") || "";
    var order = params.get("urut");
    if (order && form.querySelector('option[value="' + order + '"]')) form.elements.urut.value = order;
  }

  // Search within the archive: the site's Indonesian search engine when present, else plain words.
  function search() {
    var query = form.elements.q.value.trim();
    var run = ++searchRun;
    if (!query) { searchHits = null; apply(); return; }
    var engine = window.casebookSearch && window.casebookSearch.reports;
    var found = engine ? engine(query) : Promise.resolve(plainWords(query));
    found.then(function (slugs) {
      if (run !== searchRun) return; // a newer query has been typed
      searchHits = new Set(slugs);
      apply();
    });
  }

  function plainWords(query) {
    var words = query.toLocaleLowerCase("id").split(/\s+/);
    return cards.filter(function (card) {
      var text = card.textContent.toLocaleLowerCase("id");
      return words.every(function (w) { return text.indexOf(w) !== -1; });
    }).map(function (card) { return card.dataset.slug; });
  }

  if (more) more.addEventListener("click", function () { limit += PAGE; apply(true); });

  var timer = null;
  form.addEventListener("change", function (event) {
    if (event.target.name !== "q") apply();
  });
  form.elements.q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { searchHits = null; apply(); }, 0); // after the form has cleared itself
  });

  form.hidden = false;
  var hint = root.querySelector(".casebook-tanpa-skrip");
  if (hint) hint.hidden = true;
  readUrl();
  if (form.elements.q.value.trim() && !window.casebookSearch) {
    // A shared link with a search word (?q=...): the site's search engine (search-core.js) is loaded after this
    // script; searching now would fall back to the cards' plain words and show another list than typing does.
    apply();
    window.addEventListener("load", search);
  } else if (form.elements.q.value.trim()) search(); else apply();
})();
