// Material's search worker, made to find whole words in a stemmed language (French).
// search-scope.js points Material at this file, with Material's own worker in ?material=.
//
// Why: Material appends "*" to every word typed, so that results follow the reader's typing. lunr
// runs no pipeline on a term with a wildcard, so the typed word is never stemmed, while the index
// holds only stems: "rétroaction*" looked for words starting with "rétroaction" among stems like
// "rétroact" and found nothing, whereas the prefix "rétro*" matched.
//
// Fix, in lunr only (Material's code is untouched):
// 1. The index keeps each word as well as its stem ("supervision" and "supervis"), so every
//    prefix of a word in the text matches ("supervisio*"); the stem still gives singular and
//    plural ("cheval" and "chevaux" both index "cheval").
// 2. A typed word with a trailing wildcard also looks for its stem: "rétroaction*" becomes
//    "rétroact*" (the stem starts the word, so this finds all the word did); "chevaux*" becomes
//    "chevaux* cheval*", and "règle*" becomes "règle* regl*" (a stem that changes the word's
//    ending is searched beside it, not cut to what they share: "r*" would match anything).
// 3. A word and its stem share a position in the text: each position is reported once, or
//    Material would highlight it twice.
// A language with no stemmer in its pipeline (English here) is left as Material does it.
(function () {
  var name = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) throw new Error("search-stemming.js: bad ?material= " + name);
  importScripts(name); // Material's worker: it sets self.lunr and handles the messages

  var lunr = self.lunr;
  var searchPipeline = null; // the query pipeline of the index being built (one index per worker)

  function isStemmer(fn) {
    return typeof fn.label === "string" && fn.label.indexOf("stemmer") === 0;
  }

  function keepingWord(stemmer) {
    return function (token, i, tokens) {
      var stem = stemmer(token.clone(), i, tokens);
      return stem && stem.toString() && stem.toString() !== token.toString() ? [token, stem] : token;
    };
  }

  // 1. Material adds the documents right after setting up the pipeline: adjust it on the first one.
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function () {
    if (searchPipeline !== this.searchPipeline) {
      searchPipeline = this.searchPipeline;
      this.pipeline._stack = this.pipeline._stack.map(function (fn) {
        return isStemmer(fn) ? keepingWord(fn) : fn;
      });
    }
    return add.apply(this, arguments);
  };

  // 2. Used both by lunr's query parser and by Material's own analysis of the query.
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    var match = searchPipeline && typeof spec.term === "string" && /^([^*]+)\*$/.exec(spec.term);
    var stems = match ? searchPipeline.runString(match[1]) : [];
    var stem = stems.length === 1 ? stems[0] : "";
    if (!stem || stem === match[1]) return clause.call(this, spec);
    if (match[1].indexOf(stem) === 0) return clause.call(this, Object.assign(spec, { term: stem + "*" }));
    if (spec.presence === lunr.Query.presence.REQUIRED) return clause.call(this, spec); // "+word*" typed as is
    clause.call(this, Object.assign({}, spec));
    return clause.call(this, Object.assign(spec, { term: stem + "*" }));
  };

  // 3.
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function () {
    var results = query.apply(this, arguments);
    results.forEach(function (result) {
      var metadata = result.matchData.metadata;
      var seen = {};
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var data = metadata[term][field];
          if (!Array.isArray(data.position)) return;
          var positions = seen[field] || (seen[field] = new Set());
          data.position = data.position.filter(function (position) {
            return !positions.has(position) && !!positions.add(position);
          });
        });
      });
    });
    return results;
  };
})();
