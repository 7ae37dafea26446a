// Runs before Material's bundle, which reads its settings from the #__config JSON.
// - On a language other than the default, point search at that language's own index (written by
//   hooks/search_per_language.py), so readers only get results in the language they read.
// - On every page, load Material's search worker through workers/search-stemming.js, which makes
//   a stemmed language (French, English) find whole words as well as prefixes, and every language
//   ignore accents (see that file).
(function () {
  var script = document.currentScript;
  var config = document.getElementById("__config");
  if (!script || !config) return;
  var settings = JSON.parse(config.textContent);
  var root = script.dataset.languageRoot;
  if (root) settings.base = settings.base.replace(/\/?$/, "/") + root;
  settings.search = settings.search.replace(/[^/]+$/, function (name) {
    return "search-stemming.js?material=" + encodeURIComponent(name);
  });
  config.textContent = JSON.stringify(settings);
})();
