/*
 * Material's search worker, replaced: same message protocol (SETUP -> READY, QUERY -> RESULT;
 * see mkdocs-material src/templates/assets/javascripts/integrations/search/worker/message),
 * answers from the sharded Indonesian index instead of one lunr index of the whole site.
 * The header's search box, its result list and keyboard handling stay Material's own.
 */
importScripts("search-core.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var engine = new self.CasebookSearch.Engine(new URL("../../../search/casebook/", self.location));
var latest = 0;

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    // Material's own search_index.json holds no documents any more; only the manifest is needed.
    engine.load().then(function () { postMessage({ type: READY }); }, function (error) {
      console.warn("Pencarian tidak tersedia:", error);
      postMessage({ type: READY });
    });
  } else if (message.type === QUERY) {
    var id = ++latest;  // typing sends a query per key: answer only the newest
    engine.headerResult(String(message.data || "")).then(function (result) {
      if (id === latest) postMessage({ type: RESULT, data: { items: result.items, total: result.total } });
    }, function (error) {
      console.warn("Pencarian gagal:", error);
      if (id === latest) postMessage({ type: RESULT, data: { items: [] } });
    });
  }
});
