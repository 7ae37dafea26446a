// Point Material's search at this language's own index (written by hooks/search_per_language.py).
// Runs before Material's bundle, which reads the base URL from the #__config JSON.
(function () {
  var script = document.currentScript;
  var config = document.getElementById("__config");
  if (!script || !config) return;
  var settings = JSON.parse(config.textContent);
  settings.base = settings.base.replace(/\/?$/, "/") + script.dataset.languageRoot;
  config.textContent = JSON.stringify(settings);
})();
