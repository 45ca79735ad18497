/*
 * The site opened from disk (`casebook build --offline`, macros/offline.py). Browsers refuse Web
 * Workers and fetch() on file://, so Material's search box talks to this stand-in instead of
 * search-worker.js: same messages (SETUP -> READY, QUERY -> RESULT), answered in the page by
 * window.casebookSearch (search-core.js), which reads the index from script files.
 * Loaded before Material's bundle, which creates its worker as it starts.
 */
(function () {
  "use strict";
  window.CASEBOOK_OFFLINE = true;
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var NativeWorker = window.Worker;

  function whenLoaded(run) {  // search-core.js comes after Material's bundle
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
    else setTimeout(run, 0);
  }

  function PageWorker(url) {
    if (!/casebook\/search-worker\.js/.test(String(url)) && NativeWorker) return new NativeWorker(url);
    this.listeners = [];
    this.onmessage = null;
    this.onerror = null;
    this.latest = 0;
  }
  var W = PageWorker.prototype;
  W.addEventListener = function (type, listener) { if (type === "message") this.listeners.push(listener); };
  W.removeEventListener = function (type, listener) {
    this.listeners = this.listeners.filter(function (l) { return l !== listener; });
  };
  W.terminate = function () { this.listeners = []; };
  W.reply = function (data) {
    var event = new MessageEvent("message", { data: data });
    if (this.onmessage) this.onmessage(event);
    this.listeners.slice().forEach(function (listener) { listener(event); });
  };
  W.postMessage = function (message) {
    var self = this;
    whenLoaded(function () {
      var search = window.casebookSearch;
      if (message.type === SETUP) {
        search.ready().then(function () { self.reply({ type: READY }); }, function (error) {
          console.warn("Pencarian tidak tersedia:", error);
          self.reply({ type: READY });
        });
      } else if (message.type === QUERY) {
        var id = ++self.latest;  // typing sends a query per key: answer only the newest
        // The header's list as the worker gives it: the true count and "Tampilkan lagi" (search-core.js).
        search.header(String(message.data || "")).then(function (result) {
          if (id === self.latest) self.reply({ type: RESULT, data: { items: result.items, total: result.total } });
        }, function (error) {
          console.warn("Pencarian gagal:", error);
          if (id === self.latest) self.reply({ type: RESULT, data: { items: [] } });
        });
      }
    });
  };
  window.Worker = PageWorker;
})();
