// Runs before Material's bundle (after search-scope.js). Material requests the search index, the
// largest file a page loads, as soon as the page loads, and parses it on the main thread. Most
// readers never search: hold that one request back until the reader turns to search, then send it.
// - Turning to search: focus in the search box (a click, Tab, Material's "/", "s" and "f" keys),
//   the search button (which opens the box on small screens), or a pointer over either of them,
//   which starts the download a moment before the click.
// - A page opened from a search result (?h= in its address) marks the words searched, which
//   Material does with the index: that page sends the request at once.
// Material's code is untouched: it sends the request through XMLHttpRequest, which this holds.
(function () {
  var config = document.getElementById("__config");
  if (!config || !document.forms.namedItem("search")) return;
  var base = new URL(JSON.parse(config.textContent).base, location.href);
  var indexUrl = new URL("search/search_index.json", base).href;
  var wanted = new URLSearchParams(location.search).has("h");
  var held = []; // [request, arguments of send]
  var forIndex = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    if (new URL(String(url), location.href).href === indexUrl) forIndex.add(this);
    else forIndex.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (wanted || !forIndex.has(this)) return send.apply(this, arguments);
    held.push([this, arguments]);
  };

  function searchWanted() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (call) {
      send.apply(call[0], call[1]);
    });
  }

  function isSearch(target) {
    return target instanceof Element && !!target.closest(".md-search, label[for='__search']");
  }
  ["focusin", "pointerover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (isSearch(event.target)) searchWanted();
    }, { capture: true, passive: true });
  });
  var toggle = document.getElementById("__search");
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) searchWanted();
  });
})();
