// Material's search worker, made to find whole words in a stemmed language (both of ours) and to ignore
// accents. search-scope.js points Material at this file, with Material's own worker in ?material=.
//
// Why: Material appends "*" to every word typed, so that results follow the reader's typing. lunr
// runs no pipeline on a term with a wildcard, so the typed word is never stemmed, while the index
// holds only stems: "rétroaction*" looked for words starting with "rétroaction" among stems like
// "rétroact" and found nothing, whereas the prefix "rétro*" matched. Readers also type French
// without accents or with the wrong ones ("retroaction", "equite", "èvaluation").
//
// Fix, in lunr only (Material's code is untouched):
// 1. The index keeps each word as well as its stem ("supervision" and "supervis"), so every
//    prefix of a word in the text matches ("supervisio*"); the stem still gives singular and
//    plural ("cheval" and "chevaux" both index "cheval"). Both are stored without accents, in
//    every language (English pages have French names too); the stemmer still sees the accents.
//    Accented copies are not kept: every query is folded too, so nothing would ever match them.
// 2. Each typed word is folded the same way, and one with a trailing wildcard also looks for its
//    stem: "rétroaction*" becomes "retroact*" (the stem starts the word, so this finds all the
//    word did); "chevaux*" becomes "chevaux* cheval*", and "règle*" becomes "regle* regl*" (a stem
//    that changes the word's ending is searched beside it, not cut to what they share: "r*" would
//    match anything).
// 3. A word and its stem share a position in the text: each position is reported once, or
//    Material would highlight it twice. Highlighting in the results works from these positions,
//    so it marks the text as written ("rétroaction") whatever the accents typed.
// 4. Material's result links carry the matched query terms (?h=) to highlight them on the page
//    opened, with a literal, accent-sensitive match: "retroact" would mark nothing there. The
//    words marked in the result, as the text writes them, are added to those terms.
// 5. In a query of several words, the stop words are dropped (the index holds none of them). With
//    Material's wildcard they had become prefixes: in "check in", "in*" matched "integrated" and
//    "inclusive"; in "mesures d'adaptation" (split at the apostrophe), "d*" matched every word in d.
//    A query of stop words only ("in", or "de" on the way to "développer") is searched as typed.
(function () {
  var name = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) throw new Error("search-stemming.js: bad ?material= " + name);
  importScripts(name); // Material's worker: it sets self.lunr and handles the messages

  var lunr = self.lunr;
  var searchPipeline = null; // the query pipeline of the index being built (one index per worker)
  var indexPipeline = null; // its document pipeline: the only one with the stop word filter
  var foldFirst = false; // lunr's English stemmer knows ASCII only: it stems the folded word

  // "Équité", "equité", "èquite" -> "equite"; "cœur" -> "coeur" (NFD leaves ligatures whole).
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
  }

  function folded(token) {
    return token.update(fold);
  }

  // lunr's own trimmer (English) strips anything but ASCII letters and digits: "équité" became
  // "quit". This one keeps every letter; French has its own trimmer ("trimmer-fr"), left as is.
  function trimmer(token) {
    return token.update(function (text) {
      return text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    });
  }

  function isStemmer(fn) {
    return typeof fn.label === "string" && fn.label.indexOf("stemmer") === 0;
  }

  function keepingWord(stemmer) {
    return function (token, i, tokens) {
      var stem = stemmer(foldFirst ? folded(token.clone()) : token.clone(), i, tokens); // French needs the accents
      var word = folded(token);
      // "succès" stems to "succes": once folded, word and stem can be the same term.
      return stem && stem.toString() && fold(stem.toString()) !== word.toString() ? [word, folded(stem)] : word;
    };
  }

  // 1. Material adds the documents right after setting up the pipelines: adjust them on the first one.
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function () {
    if (searchPipeline !== this.searchPipeline) {
      searchPipeline = this.searchPipeline;
      indexPipeline = this.pipeline;
      foldFirst = this.pipeline._stack.indexOf(lunr.stemmer) !== -1;
      var unicodeTrimmer = function (fn) {
        return fn === lunr.trimmer ? trimmer : fn;
      };
      this.pipeline._stack = this.pipeline._stack.map(unicodeTrimmer).map(function (fn) {
        return isStemmer(fn) ? keepingWord(fn) : fn;
      }).concat(folded); // last: the trimmer and stop word list know accented words only
      searchPipeline._stack = searchPipeline._stack.map(unicodeTrimmer).concat(folded);
    }
    return add.apply(this, arguments);
  };

  // 2. Used both by lunr's query parser and by Material's own analysis of the query.
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    if (!searchPipeline || typeof spec.term !== "string") return clause.call(this, spec);
    var typed = spec.term;
    spec.term = fold(typed); // a term with a wildcard skips the search pipeline, which folds
    var match = /^([^*]+)\*$/.exec(typed);
    var stems = match ? searchPipeline.runString(foldFirst ? fold(match[1]) : match[1]) : []; // folded
    var stem = stems.length === 1 ? stems[0] : "";
    var word = spec.term.slice(0, -1); // folded, without its "*"
    if (!stem || stem === word) return clause.call(this, spec);
    if (word.indexOf(stem) === 0) return clause.call(this, Object.assign(spec, { term: stem + "*" }));
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

  // 5. Material's rewriting of the query, its search and its list of each result's terms all read
  //    the query through this lexer. A clause is a term with its "+", "-" or "field:" before it and
  //    its "~1" or "^2" after it: a dropped term takes them along.
  var run = lunr.QueryLexer.prototype.run;
  lunr.QueryLexer.prototype.run = function () {
    var result = run.apply(this, arguments);
    if (!indexPipeline) return result;
    var clauses = [], clause = [];
    this.lexemes.forEach(function (lexeme) {
      if (lexeme.type === "EDIT_DISTANCE" || lexeme.type === "BOOST" || !clause.some(isTerm)) clause.push(lexeme);
      else clauses.push(clause), (clause = [lexeme]);
    });
    clauses.push(clause);
    var kept = clauses.filter(function (lexemes) {
      return !lexemes.some(isStopWord);
    });
    if (kept.length && kept.length < clauses.length) this.lexemes = [].concat.apply([], kept);
    return result;
  };
  function isTerm(lexeme) {
    return lexeme.type === "TERM";
  }
  function isStopWord(lexeme) {
    var word = lexeme.str.replace(/^\*|\*$/g, "").toLowerCase();
    return isTerm(lexeme) && word !== "" && indexPipeline.runString(word).length === 0;
  }

  // 4. Material's worker answers with the global postMessage: a RESULT (type 3) passes here.
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data && Array.isArray(message.data.items)) {
      message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          var marked = (item.title + " " + item.text).match(/<mark>[^<&]+<\/mark>/g) || [];
          marked.forEach(function (mark) {
            item.terms[mark.slice(6, -7).toLowerCase()] = true;
          });
        });
      });
    }
    return post.apply(self, arguments);
  };
})();
