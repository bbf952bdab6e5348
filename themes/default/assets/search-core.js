/* Practicebook search engine: lunr 2.3.9 (Debian's libjs-lunr, assets/lunr.min.js) over the site's
 * index, with synonyms, typo tolerance, "Did you mean", current editions only by default, and results
 * grouped by model. No DOM here: search.js draws the results, and tests/search-quality runs this file
 * in node over a built site.
 *
 * The head of the index, search-index.js, sets window.PRACTICEBOOK_SEARCH = {
 *   version: 5,
 *   models: [[id, name, archived, jurisdiction, family, shard, agency, state, last shard]],
 *   roles: [[id, title, plural]],
 *   synonyms: [[word or phrase, …]], shards: [[path, estimated bytes]], across: n }
 * and each shard, search/shard-N.js, files itself as window.PRACTICEBOOK_SEARCH_SHARDS[N] = {
 *   pages: [[url, title, modelIndex]], places: [[pageIndex, label]],
 *   docs: [[kind, title, text, placeIndex, anchor, roleIndex, keywords]] }
 * A model's documents are in shards shard … last shard: one, unless the model is larger than a shard.
 * The first `across` shards hold the pages across models (roles, topics, glossary: one shard unless the
 * glossary is a national one), the last of them the first models too when they fit; search.js loads
 * the others with script tags when a search needs them (see shardsFor), and the engine searches the
 * shards it has.
 * kinds: p (overview or section page), s (statement), a (role action), r (role page), c (topic page),
 * t (glossary term), l (rubric level), x (letter, rubric, text block), f (footnote).
 */
(function (root) {
  'use strict';

  var KIND_LABEL = { p: 'Page', s: 'Statement', a: 'Role action', r: 'Role page', c: 'Topic', t: 'Glossary',
                     l: 'Rubric level', x: 'Text', f: 'Note' };

  function fold(text) {
    return String(text).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u00ae\u2122\u00a9]/g, '');
  }

  // Edit distance with transpositions (Damerau, restricted), for "Did you mean" and for telling which
  // query word a fuzzy match came from.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1))
          v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > limit) return limit + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  function create(head, lunr) {
    lunr = lunr || root.lunr;
    if (!head || !lunr) return null;
    lunr.tokenizer.separator = /[\s\-\/]+/;
    // "children's" and "children" are one word.
    var possessive = function (token) {
      return token.update(function (s) { return s.replace(/'s$/, '').replace(/'$/, ''); });
    };
    lunr.Pipeline.registerFunction(possessive, 'pbPossessive');

    // The shards loaded so far, by number; each builds its lunr index the first time it is searched
    // (or when warm() asks), so loading a page or a shard costs no indexing.
    var shards = [], loadedCount = 0, vocabulary = null;
    function Shard(n, data) {
      this.n = n;
      this.index = null;
      this.docs = data.docs.map(function (d, i) {
        var place = data.places[d[3]], page = data.pages[place[0]];
        var model = page[2] >= 0 ? head.models[page[2]] : null, role = d[5] >= 0 ? head.roles[d[5]] : null;
        return {
          i: i, order: n * 1e7 + i, shard: n, kind: d[0], title: d[1], text: d[2], label: place[1], anchor: d[4],
          keywords: d[6] || '', url: page[0], pageTitle: page[1], model: page[2], role: d[5],
          archived: model ? model[2] === 1 : false,
          place: [place[1], page[1], role ? role[1] + ' ' + role[2] : ''].join(' ')
        };
      });
    }
    Shard.prototype.ensure = function () {
      if (this.index) return this.index;
      var docs = this.docs;
      this.index = lunr(function () {
        this.pipeline.reset();
        this.pipeline.add(lunr.trimmer, possessive, lunr.stopWordFilter, lunr.stemmer);
        this.searchPipeline.reset();
        this.ref('i');
        this.field('title', { boost: 3 });
        this.field('keywords', { boost: 3 });
        this.field('text');
        this.field('place', { boost: 0.6 });
        var builder = this;
        docs.forEach(function (d) {
          builder.add({ i: d.i, title: d.title, keywords: d.keywords, text: d.text, place: d.place });
        });
      });
      return this.index;
    };
    function addShard(n, data) {
      if (shards[n] || !data) return;
      shards[n] = new Shard(n, data);
      loadedCount++;
      vocabulary = null;
    }
    // Shards that scripts have filed under window.PRACTICEBOOK_SEARCH_SHARDS, taken over by the engine.
    function adopt() {
      var filed = root.PRACTICEBOOK_SEARCH_SHARDS || [];
      for (var n = 0; n < filed.length; n++) if (filed[n]) { addShard(n, filed[n]); filed[n] = null; }
    }
    function loadedShards() { return shards.filter(Boolean); }
    // The shards a search needs, in the order to load them: those across models (marked `across`:
    // search.js loads the first of them before its first results), then the shards of models the
    // query names by state, agency or title, then the rest; archived editions' shards only when asked,
    // one model's only when filtered to it.
    var acrossCount = head.across;
    function modelShards(m) {
      var list = [];
      for (var n = m[5]; n <= m[8]; n++) list.push(n);
      return list;
    }
    function shardsFor(query, options) {
      options = options || {};
      var wanted = [], named = [], byName = namedModels(words(query)).models;
      head.models.forEach(function (m, i) {
        if (options.model && m[0] !== options.model) return;
        if (m[2] === 1 && !options.includeArchived && !options.model) return;
        modelShards(m).forEach(function (n) {
          if (wanted.indexOf(n) < 0) wanted.push(n);
          if (byName[i] && named.indexOf(n) < 0) named.push(n);
        });
      });
      var order = [];
      for (var n = 0; n < acrossCount; n++) order.push(n);
      named.forEach(function (n) { if (order.indexOf(n) < 0) order.push(n); });
      wanted.sort(function (a, b) { return a - b; }).forEach(function (n) { if (order.indexOf(n) < 0) order.push(n); });
      return order.map(function (n) {
        var s = head.shards[n];
        return { n: n, src: s[0], bytes: s[1], loaded: !!shards[n], across: n < acrossCount };
      });
    }
    // The names a query can give a model by: its jurisdiction ("Maine", "Alder County") and its state,
    // each as folded words, longest first. (An agency's name or acronym is searched as words: texts and
    // the glossary use them too.)
    var modelNames = [];
    head.models.forEach(function (m, i) {
      [m[3], m[7]].forEach(function (name) {
        var w = words(name || '');
        if (w.length && w.join(' ').length > 2) modelNames.push({ words: w, model: i });
      });
    });
    modelNames.sort(function (a, b) { return b.words.length - a.words.length; });
    // The models a list of words names, and which of the words name them.
    function namedModels(list) {
      var models = Object.create(null), used = [], count = 0;
      modelNames.forEach(function (name) {
        for (var at = 0; at + name.words.length <= list.length; at++) {
          var k = 0;
          while (k < name.words.length && list[at + k] === name.words[k] && (!used[at + k] || used[at + k] === name.words.join(' '))) k++;
          if (k < name.words.length) continue;
          if (!used[at]) count++;
          for (k = 0; k < name.words.length; k++) used[at + k] = name.words.join(' ');
          models[name.model] = true;
        }
      });
      return { models: models, used: used, count: count };
    }
    function warm(n) { if (shards[n]) shards[n].ensure(); }

    // A state's postal code typed in capitals ("VA kinship") names it, when a model is of that state;
    // in lower case "me", "in" and "or" are words.
    var POSTAL = { AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
      CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii',
      ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
      ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi',
      MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
      NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
      OR: 'Oregon', PA: 'Pennsylvania', PR: 'Puerto Rico', RI: 'Rhode Island', SC: 'South Carolina',
      SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
      WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming' };
    function withStateNames(query) {
      return query.replace(/\b[A-Z]{2}\b/g, function (code) {
        var name = POSTAL[code];
        return name && namedModels(words(name)).count ? name : code;
      });
    }

    // A word's search form: trimmed, possessive dropped, stemmed; null for a stop word.
    function stem(word) {
      var token = new lunr.Token(word, {});
      var out = lunr.trimmer(token);
      out = possessive(out);
      if (!lunr.stopWordFilter(out)) return null;
      return lunr.stemmer(out).toString();
    }
    function words(text) {
      return fold(text).split(/[^a-z0-9']+/).map(function (w) { return w.replace(/^'+|'+$/g, ''); })
        .filter(Boolean);
    }

    // Synonym groups, each phrase as its stemmed words.
    var synonyms = (head.synonyms || []).map(function (group) {
      return group.map(function (phrase) {
        return words(phrase).map(stem).filter(Boolean);
      }).filter(function (p) { return p.length > 0; });
    });

    // Longest phrases first, so "foster parent" wins over "parent".
    var phrasesByLength = [];
    synonyms.forEach(function (group) { group.forEach(function (phrase) { phrasesByLength.push([group, phrase]); }); });
    phrasesByLength.sort(function (a, b) { return b[1].length - a[1].length; });

    // The site's vocabulary, for "Did you mean": each word as written, with how often it occurs.
    function vocab() {
      if (vocabulary) return vocabulary;
      vocabulary = Object.create(null);
      loadedShards().forEach(function (shard) {
        shard.docs.forEach(function (d) {
          words(d.title + ' ' + d.text + ' ' + d.keywords + ' ' + d.where).forEach(function (w) {
            if (w.length >= 3 && !/^\d+$/.test(w)) vocabulary[w] = (vocabulary[w] || 0) + 1;
          });
        });
      });
      // The synonyms' words too ("grandparents"): searched, they find what their group finds.
      (head.synonyms || []).forEach(function (group) {
        group.forEach(function (phrase) {
          words(phrase).forEach(function (w) { if (w.length >= 3 && !vocabulary[w]) vocabulary[w] = 1; });
        });
      });
      return vocabulary;
    }
    var indexed = function (term) {
      return loadedShards().some(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard.ensure().invertedIndex, term);
      });
    };

    // A query as concepts: each is a list of alternatives (the words typed, or a synonym's words), and a
    // document covers a concept when it holds every word of one alternative.
    function analyse(query, typing) {
      var raw = words(withStateNames(query).replace(/"/g, ' '));
      var phrases = [];
      fold(query).replace(/"([^"]+)"/g, function (_, p) { phrases.push(p.trim()); return ' '; });
      // Words that name a model ("Maine safety") choose its results rather than match its texts.
      var named = namedModels(raw);
      var seq = [];
      raw.forEach(function (w, n) {
        var s = stem(w);
        if (s && !named.used[n]) seq.push({ word: w, stem: s, last: n === raw.length - 1 });
      });
      var concepts = [], used = [];
      phrasesByLength.forEach(function (entry) {
        var group = entry[0], phrase = entry[1];
        {
          for (var at = 0; at + phrase.length <= seq.length; at++) {
            var match = true;
            for (var k = 0; k < phrase.length; k++) if (seq[at + k].stem !== phrase[k] || used[at + k]) { match = false; break; }
            if (!match) continue;
            for (k = 0; k < phrase.length; k++) used[at + k] = true;
            concepts.push({ typed: seq.slice(at, at + phrase.length), alternatives: group, original: phrase });
          }
        }
      });
      seq.forEach(function (t, n) {
        if (used[n]) return;
        var alone = [t.stem];
        concepts.push({ typed: [t], alternatives: [alone], original: alone });
      });
      return { raw: raw, seq: seq, concepts: concepts, phrases: phrases, typing: !!typing,
               whole: raw.join(' '), named: named.models, namedCount: named.count };
    }

    function fuzziness(term) { return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0; }

    // Each loaded shard's matches, as [lunr result, document].
    function runQuery(q) {
      var matches = [];
      if (!q.concepts.length) {
        // Only a model's name: its overview first, then its section pages.
        loadedShards().forEach(function (shard) {
          shard.docs.forEach(function (d) {
            if (d.kind !== 'p' || !q.named[d.model]) return;
            matches.push([{ score: d.title === head.models[d.model][1] ? 2 : 1, matchData: { metadata: {} } }, d]);
          });
        });
        return matches;
      }
      loadedShards().forEach(function (shard) {
        queryShard(shard.ensure(), q).forEach(function (r) { matches.push([r, shard.docs[+r.ref]]); });
      });
      return matches;
    }
    function queryShard(index, q) {
      return index.query(function (lq) {
        q.concepts.forEach(function (c) {
          c.alternatives.forEach(function (alt) {
            var isOriginal = alt === c.original;
            alt.forEach(function (term) {
              lq.term(term, { usePipeline: false, boost: isOriginal ? 10 : 7 });
              if (!isOriginal) return;
              var typed = c.typed.length === 1 ? c.typed[0] : null;
              if (typed && fuzziness(term) && !/\d/.test(term))
                lq.term(term, { usePipeline: false, editDistance: fuzziness(term), boost: 1 });
              if (typed && typed.last && q.typing && term.length >= 2)
                lq.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
            });
          });
        });
      });
    }

    // The share of the query a result covers: the concepts it matched (from the index terms), and the
    // model names when it belongs to a model named.
    function coverage(result, doc, q) {
      var total = q.concepts.length + q.namedCount;
      var named = doc.model >= 0 && q.named[doc.model] ? q.namedCount : 0;
      return total ? (conceptsCovered(result, q) + named) / total : 0;
    }
    function conceptsCovered(result, q) {
      var matched = Object.keys(result.matchData.metadata);
      var covered = 0;
      q.concepts.forEach(function (c) {
        var ok = c.alternatives.some(function (alt) {
          var isOriginal = alt === c.original;
          return alt.every(function (term) {
            return matched.some(function (m) {
              if (m === term) return true;
              if (!isOriginal) return false;
              if (q.typing && c.typed[0].last && m.indexOf(term) === 0) return true;
              var f = fuzziness(term);
              return f > 0 && distance(m, term, f) <= f;
            });
          });
        });
        if (ok) covered++;
      });
      return covered;
    }

    // The share of concepts matched in a result's title or keywords.
    function titleCoverage(result, q) {
      var meta = result.matchData.metadata, inTitle = [];
      Object.keys(meta).forEach(function (term) { if (meta[term].title || meta[term].keywords) inTitle.push(term); });
      var covered = q.concepts.filter(function (c) {
        return c.alternatives.some(function (alt) { return alt.every(function (term) { return inTitle.indexOf(term) >= 0; }); });
      }).length;
      return q.concepts.length ? covered / q.concepts.length : 0;
    }

    function suggest(q) {
      var v = vocab(), changed = false;
      var out = q.raw.map(function (w) {
        if (w.length < 4 || v[w] || !stem(w) || indexed(stem(w))) return w;
        var best = null, bestD = 3, bestN = 0;
        Object.keys(v).forEach(function (cand) {
          if (Math.abs(cand.length - w.length) > 2) return;
          var d = distance(w, cand, 2);
          // At the same distance, a word the typed one lacks letters of ("caseworkr": "caseworker", not
          // "casework"): fingers drop letters more often than they add them.
          var longer = cand.length >= w.length, bestLonger = best !== null && best.length >= w.length;
          if (d < bestD || (d === bestD && (longer && !bestLonger || longer === bestLonger && v[cand] > bestN))) {
            best = cand; bestD = d; bestN = v[cand];
          }
        });
        if (best && bestD <= (w.length >= 7 ? 2 : 1)) { changed = true; return best; }
        return w;
      });
      return changed ? out.join(' ') : null;
    }

    function hitOf(doc, score) {
      var model = doc.model >= 0 ? head.models[doc.model] : null;
      return {
        kind: doc.kind, kindLabel: KIND_LABEL[doc.kind], score: score,
        title: doc.kind === 's' || doc.kind === 'a' || doc.kind === 'f' ? doc.text
          : doc.kind === 'p' ? doc.pageTitle : (doc.title || doc.pageTitle),
        snippet: doc.kind === 's' || doc.kind === 'a' || doc.kind === 'p' ? '' : doc.text,
        summary: doc.kind === 'p' ? doc.text : '',
        href: doc.url + (doc.anchor ? '#' + doc.anchor : ''),
        url: doc.url, anchor: doc.anchor,
        label: doc.label || (doc.kind === 'p' ? 'Page' : ''),
        pageTitle: doc.pageTitle,
        model: model ? model[0] : '', modelName: model ? model[1] : '', jurisdiction: model ? model[3] : '',
        archived: doc.archived, role: doc.role >= 0 ? head.roles[doc.role][0] : '',
        roleTitle: doc.role >= 0 ? head.roles[doc.role][1] : '', also: []
      };
    }

    // options: {model: id, role: id, includeArchived: bool, typing: bool}
    function search(query, options) {
      options = options || {};
      var q = analyse(query, options.typing);
      var modelIdx = -1, roleIdx = -1, i;
      for (i = 0; i < head.models.length; i++) if (head.models[i][0] === options.model) modelIdx = i;
      for (i = 0; i < head.roles.length; i++) if (head.roles[i][0] === options.role) roleIdx = i;
      var archivedHidden = 0;
      var scored = [];
      runQuery(q).forEach(function (match) {
        var r = match[0], doc = match[1];
        if (modelIdx >= 0 && doc.model !== modelIdx) return;
        if (roleIdx >= 0 && (doc.role !== roleIdx || doc.kind !== 'a')) return;  // that role's actions
        if (doc.archived && !options.includeArchived && modelIdx < 0) { archivedHidden++; return; }
        var cov = coverage(r, doc, q);
        // Covering the whole query counts for more than matching one word of it often.
        var s = r.score * (0.1 + cov * cov) * (cov === 1 ? 2 : 1);
        // Glossary, topic, role pages and rubrics answer a query that names them; otherwise they step back
        // for the statements that say what to do.
        if (doc.kind === 't' || doc.kind === 'c' || doc.kind === 'r' || doc.kind === 'l') s *= titleCoverage(r, q) === 1 ? 1.3 : 0.3;
        var body = fold(doc.title + ' ' + doc.text);
        if (q.raw.length > 1 && body.indexOf(q.whole) >= 0) s *= 1.6;   // the words as typed, together
        q.phrases.forEach(function (p) { s *= body.indexOf(p) >= 0 ? 2 : 0.2; });
        // Each word as typed, not only its stem: "accomplished" (a rubric level) before "accomplishments".
        if (!doc.padded) doc.padded = ' ' + words(doc.title + ' ' + doc.text + ' ' + doc.keywords).join(' ') + ' ';
        q.seq.forEach(function (t) { if (doc.padded.indexOf(' ' + t.word + ' ') >= 0) s *= 1.25; });
        // A query that names a state ("Virginia supervisor") wants that state's results first.
        var named = doc.model >= 0 && q.named[doc.model] ? 1 : 0;
        scored.push({ doc: doc, score: s, coverage: cov, named: named });
      });
      scored.sort(function (a, b) { return b.named - a.named || b.score - a.score || a.doc.order - b.doc.order; });
      // No statement twice: the same words in another model are shown once, with "also in".
      var seen = Object.create(null), hits = [];
      scored.forEach(function (h) {
        var href = h.doc.url + (h.doc.anchor ? '#' + h.doc.anchor : '');
        var key = (h.doc.kind === 's' || h.doc.kind === 'a') ? 'text:' + fold(h.doc.text).replace(/\s+/g, ' ') : 'url:' + href;
        if (seen['url:' + href] && key !== 'url:' + href) return;  // a statement whose page part is shown
        if (seen[key]) {
          if (key === 'url:' + href) return;                          // one result per page part
          var first = seen[key];
          var sameModel = h.doc.model >= 0 && first.model === head.models[h.doc.model][0];
          first.also.push({ modelName: h.doc.model >= 0 && !sameModel ? head.models[h.doc.model][1] : '',
                            label: h.doc.label, href: h.doc.url + (h.doc.anchor ? '#' + h.doc.anchor : '') });
          return;
        }
        var hit = hitOf(h.doc, h.score);
        hit.coverage = h.coverage;
        seen[key] = hit;
        seen['url:' + href] = hit;
        hits.push(hit);
      });
      // Groups by model (terms, roles and topics across models in their own group), in the order of
      // their best result.
      var groups = [], byKey = Object.create(null);
      hits.forEach(function (hit) {
        var key = hit.model || '';
        if (!byKey[key]) {
          byKey[key] = { model: hit.model, title: hit.model ? hit.jurisdiction + ' \u00b7 ' + hit.modelName : 'Across the models',
                         archived: hit.archived, hits: [] };
          groups.push(byKey[key]);
        }
        byKey[key].hits.push(hit);
      });
      var result = { query: query, hits: hits, groups: groups, total: hits.length, archivedHidden: archivedHidden,
                     suggestion: null, usedSuggestion: false };
      if (!hits.length || q.concepts.some(function (c) {
        return c.typed.length === 1 && !indexed(c.typed[0].stem) && c.alternatives.length === 1;
      })) {
        result.suggestion = suggest(q);
      }
      // A typed word that is no word of the site ("relatves") finds only look-alikes ("related") by
      // fuzzy matching: the suggestion's results are the better answer, and say so.
      var misspelt = q.concepts.some(function (c) {
        return c.typed.length === 1 && !indexed(c.typed[0].stem) && !vocab()[c.typed[0].word] && c.alternatives.length === 1;
      });
      if ((!hits.length || misspelt) && result.suggestion && !options.noRetry) {
        var again = search(result.suggestion, Object.assign({}, options, { noRetry: true }));
        if (!again.total && hits.length) return result;
        again.query = query;
        again.suggestion = result.suggestion;
        again.usedSuggestion = again.total > 0;
        again.insteadOf = hits.length;  // results of the words as typed, not shown
        return again;
      }
      return result;
    }

    adopt();
    return {
      search: search, fold: fold, adopt: adopt, addShard: addShard, shardsFor: shardsFor, warm: warm,
      shardCount: head.shards.length, loadedCount: function () { return loadedCount; },
      isLoaded: function (n) { return !!shards[n]; },
      documents: function () { return loadedShards().reduce(function (n, s) { return n + s.docs.length; }, 0); },
      // How many models the shards of a shardsFor() list hold whole (a model split over several shards
      // is searched only once all of them are loaded).
      modelsIn: function (list) {
        return head.models.filter(function (m) {
          return modelShards(m).every(function (n) { return list.some(function (s) { return s.n === n; }); });
        }).length;
      }
    };
  }

  // The results of each group shown at first on the search page; the rest wait behind "Show more".
  var VISIBLE_PER_GROUP = 3;
  // The results in the order a person sees them: each group's first ones, group after group.
  function visible(result) {
    var shown = [];
    result.groups.forEach(function (g) { shown = shown.concat(g.hits.slice(0, VISIBLE_PER_GROUP)); });
    return shown;
  }

  root.PracticebookSearch = { create: create, fold: fold, visible: visible, VISIBLE_PER_GROUP: VISIBLE_PER_GROUP };
})(typeof window !== 'undefined' ? window : globalThis);
