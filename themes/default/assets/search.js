/* Practicebook search in the page: the header box on every page (results as you type, right under the
 * box) and the search page (results grouped by model, filters, "Did you mean"). The engine is
 * search-core.js over lunr; on pages other than the search page it is loaded with script tags the
 * first time the box is used, so pages stay light and everything works from file://.
 * The index comes in shards (search/shard-N.js). A search first loads the shards that fit in
 * FIRST_RESULTS_BYTES and shows their results; the search page then loads the other shards the query
 * needs one at a time, updating the results. Each shard's lunr index is built when it is first
 * searched, or earlier when the browser is idle after the box got focus, so no page pays for it on load.
 * "/" or Ctrl+K (Cmd+K) focuses the search box; Esc closes the results.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var ROOT = (me && me.getAttribute('data-root')) || '';
  var engine = null, loading = null;
  // Index shards (estimated bytes) loaded before the first results appear: the first shards across
  // models (roles, topics, the glossary: one on most sites, up to ACROSS_FIRST_BYTES of a national
  // glossary), then models' shards while all of them come to FIRST_RESULTS_BYTES (at least one), so
  // the scripts before the first answer stay under 1.5 MB and few indexes are built. The header box
  // stops there; the search page goes on.
  var FIRST_RESULTS_BYTES = 512 * 1024, ACROSS_FIRST_BYTES = 768 * 1024;
  var shardLoads = Object.create(null);

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }
  // The engine, loading lunr, the index's head and search-core.js first when the page does not have them.
  function getEngine() {
    if (engine) return Promise.resolve(engine);
    if (!loading) {
      var need = [];
      if (!window.lunr) need.push(ROOT + 'assets/lunr.min.js');
      if (!window.PRACTICEBOOK_SEARCH) need.push(ROOT + 'search-index.js');
      if (!window.PracticebookSearch) need.push(ROOT + 'assets/search-core.js');
      loading = need.reduce(function (p, src) { return p.then(function () { return loadScript(src); }); }, Promise.resolve())
        .then(function () {
          engine = window.PracticebookSearch.create(window.PRACTICEBOOK_SEARCH, window.lunr);
          return engine;
        });
    }
    return loading;
  }
  function loadShard(e, shard) {
    if (!shardLoads[shard.src]) {
      shardLoads[shard.src] = loadScript(ROOT + shard.src).then(function () { e.adopt(); });
    }
    return shardLoads[shard.src];
  }
  // Loads the shards a query needs and calls show(engine, progress) when the first ones are in, then
  // (unless firstOnly) after each further shard; stops as soon as current() says the query has changed.
  // progress: {done: no more calls, complete: every shard searched (those across models too),
  // searched, total: in models}.
  function searchShards(query, options, firstOnly, show, current) {
    return getEngine().then(function (e) {
      // The shards across models come first in the list; then at least one of the models' shards.
      var list = e.shardsFor(query, options), first = [], bytes = 0, acrossBytes = 0, modelShards = 0, rest = [];
      list.forEach(function (s) {
        var fits = s.across ? acrossBytes + s.bytes <= ACROSS_FIRST_BYTES || !acrossBytes
                            : bytes + s.bytes <= FIRST_RESULTS_BYTES || !modelShards;
        if (s.loaded || fits) {
          bytes += s.bytes;
          if (s.across) acrossBytes += s.bytes;
          else modelShards++;
        }
        if (!s.loaded) (fits ? first : rest).push(s);
      });
      function progress(left) {
        var searched = e.modelsIn(list.filter(function (s) { return e.isLoaded(s.n); })), total = e.modelsIn(list);
        return { done: !left, complete: list.every(function (s) { return e.isLoaded(s.n); }), searched: searched, total: total };
      }
      return Promise.all(first.map(function (s) { return loadShard(e, s); })).then(function () {
        if (!current()) return;
        show(e, progress(firstOnly ? 0 : rest.length));
        if (firstOnly) return;
        return rest.reduce(function (p, s, i) {
          return p.then(function () {
            if (!current()) return;
            // One shard at a time, with a pause between, so the page stays responsive.
            return loadShard(e, s).then(pause).then(function () { if (current()) show(e, progress(rest.length - i - 1)); });
          });
        }, Promise.resolve());
      });
    });
  }
  // What a search not yet complete has gone through: some models, or every model and the first shards
  // across models (a national glossary's later terms wait for the search page).
  function searchedPart(progress) {
    return progress.searched < progress.total ? progress.searched + ' of ' + progress.total + ' models'
      : 'every model and part of the glossary, roles and topics';
  }
  function pause() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }
  // After the box gets focus: the first shard's scripts, and its index when the browser is idle.
  function prepare() {
    getEngine().then(function (e) {
      var first = e.shardsFor('', {})[0];
      return loadShard(e, first).then(function () {
        var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 200); };
        idle(function () { e.warm(first.n); }, { timeout: 3000 });
      });
    }).catch(function () {});
  }

  // Marks the query's words (and words starting with them) in a text.
  function highlight(text, query) {
    var words = String(query).toLowerCase().split(/[^a-z0-9]+/).filter(function (w) { return w.length > 2; });
    var html = escapeHtml(text);
    if (!words.length) return html;
    var pattern = new RegExp('\\b(' + words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, Math.max(3, w.length - 2));
    }).join('|') + ')[a-z]*', 'gi');
    return html.replace(/(^|>)([^<]+)/g, function (_, tag, segment) {
      return tag + segment.replace(pattern, '<mark>$&</mark>');
    });
  }

  function resultItem(hit, query, root) {
    var meta = [];
    if (hit.label && hit.label !== 'Page') meta.push(hit.label);
    else meta.push(hit.kindLabel);
    if (hit.archived) meta.push('archived edition');
    var also = hit.also.length ? '<span class="search-also">Also: ' + hit.also.map(function (a) {
      return '<a href="' + escapeHtml(root + a.href) + '">' + escapeHtml(a.modelName ? a.modelName + ', ' + a.label : a.label) + '</a>';
    }).join(', ') + '</span>' : '';
    var snippet = hit.snippet || hit.summary;
    if (snippet && snippet.length > 180) snippet = snippet.slice(0, 177).replace(/\s+\S*$/, '') + '\u2026';
    return '<li class="search-result search-result-' + hit.kind + '"><a href="' + escapeHtml(root + hit.href) + '">' +
      highlight(hit.title, query) + '</a>' + (snippet ? '<span class="search-snippet">' + highlight(snippet, query) + '</span>' : '') +
      '<span class="search-meta">' + escapeHtml(meta.join(' \u00b7 ')) + '</span>' + also + '</li>';
  }

  // Groups by model, each with its heading; `perGroup` results shown, the next BATCH behind a button,
  // and each press of it shows those and readies the next: a national site's common words match
  // thousands of statements, which are made into HTML only when asked for, and every one can be reached.
  var BATCH = 30;
  var rendered = Object.create(null);  // idPrefix → the result and root last shown, for the button
  function moreButton(id, g, shown) {
    var next = Math.min(g.hits.length - shown, BATCH);
    return next > 0 ? '<button type="button" class="search-show-more" data-group="' + id + '" data-shown="' + shown + '">Show ' +
      next + ' more from ' + escapeHtml(g.title) + (g.hits.length - shown > next ? ' (' + (g.hits.length - shown) + ' left)' : '') +
      '</button>' : '';
  }
  function renderGroups(result, root, perGroup, idPrefix, headingLevel) {
    var h = 'h' + headingLevel;
    rendered[idPrefix] = { result: result, root: root };
    return result.groups.map(function (g, gi) {
      var id = idPrefix + '-group-' + gi;
      var items = g.hits.slice(0, perGroup).map(function (hit) { return resultItem(hit, result.query, root); }).join('');
      return '<section class="search-group" aria-labelledby="' + id + '"><' + h + ' id="' + id + '" class="search-group-title">' +
        escapeHtml(g.title) + ' <span class="search-count">' + g.hits.length + '</span></' + h + '><ol class="search-list" id="' + id + '-list">' +
        items + '</ol>' + moreButton(id, g, Math.min(perGroup, g.hits.length)) + '</section>';
    }).join('');
  }

  function statusText(result, query) {
    var n = result.total;
    var models = result.groups.filter(function (g) { return g.model; }).length;
    var text = n === 0 ? 'No results for \u201c' + query + '\u201d.'
      : n + (n === 1 ? ' result' : ' results') + ' for \u201c' + (result.usedSuggestion ? result.suggestion : query) + '\u201d' +
        (models > 1 ? ' in ' + models + ' models' : '') + '.';
    if (result.usedSuggestion) {
      text = (result.insteadOf ? '\u201c' + query + '\u201d is not a word of these models. '
        : 'No results for \u201c' + query + '\u201d. ') + text.replace(/^/, 'Showing ');
    }
    return text;
  }

  function showMore(container) {
    container.addEventListener('click', function (e) {
      var button = e.target.closest('.search-show-more');
      if (!button) return;
      var id = button.getAttribute('data-group'), cut = id.lastIndexOf('-group-');
      var shown = rendered[id.slice(0, cut)];
      if (!shown) return;
      var g = shown.result.groups[+id.slice(cut + 7)], from = +button.getAttribute('data-shown');
      var list = document.getElementById(id + '-list');
      var to = Math.min(g.hits.length, from + BATCH);
      list.insertAdjacentHTML('beforeend', g.hits.slice(from, to).map(function (hit) {
        return resultItem(hit, shown.result.query, shown.root);
      }).join(''));
      var first = list.children[from];
      button.insertAdjacentHTML('afterend', moreButton(id, g, to));
      button.remove();
      if (first) first.querySelector('a').focus();
    });
  }

  // Arrow keys move from the box through the result links and back.
  function arrowKeys(input, container) {
    function links() {
      return Array.prototype.filter.call(container.querySelectorAll('.search-result > a'), function (a) { return !a.closest('[hidden]'); });
    }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && links().length) { e.preventDefault(); links()[0].focus(); }
    });
    container.addEventListener('keydown', function (e) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (e.key === 'ArrowDown' && at + 1 < all.length) { e.preventDefault(); all[at + 1].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
    });
  }

  // --- The search page ---------------------------------------------------------------------------
  function searchPage(form) {
    var input = document.getElementById('search-input');
    var modelSelect = document.getElementById('search-model');
    var roleSelect = document.getElementById('search-role');
    var archived = document.getElementById('search-archived');
    var status = document.getElementById('search-status');
    var suggestion = document.getElementById('search-suggestion');
    var results = document.getElementById('search-results');
    var root = '../', generation = 0, shownAt = 0;
    function run() {
      var query = input.value.trim(), mine = ++generation;
      if (!query) { status.textContent = ''; results.innerHTML = ''; suggestion.hidden = true; return; }
      var options = { model: modelSelect.value, role: roleSelect.value, includeArchived: archived.checked,
                      typing: document.activeElement === input };
      shownAt = 0;
      searchShards(query, options, false, function (e, progress) {
        // Results found in later shards wait while someone is moving through the ones shown, and come at
        // most once a second (each search goes over every shard loaded).
        if (!progress.done && (results.contains(document.activeElement) || Date.now() - shownAt < 1000)) return;
        shownAt = Date.now();
        var result = e.search(query, options);
        results.innerHTML = renderGroups(result, root, window.PracticebookSearch.VISIBLE_PER_GROUP, 'search', 2);
        status.textContent = statusText(result, query) +
          (result.archivedHidden && !archived.checked ? ' Earlier editions are left out.' : '') +
          (progress.done ? '' : ' Searched ' + searchedPart(progress) + ' so far\u2026');
        if (result.suggestion && (result.usedSuggestion || result.total < 3)) {
          suggestion.innerHTML = 'Did you mean <a href="?q=' + encodeURIComponent(result.suggestion) + '">' +
            escapeHtml(result.suggestion) + '</a>?';
          suggestion.hidden = false;
        } else {
          suggestion.hidden = true;
        }
      }, function () { return mine === generation; });
    }
    function remember() {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set('q', input.value.trim());
      if (modelSelect.value) params.set('model', modelSelect.value);
      if (roleSelect.value) params.set('role', roleSelect.value);
      if (archived.checked) params.set('all', '1');
      try { history.replaceState(null, '', '?' + params.toString()); } catch (e) { /* file:// may refuse */ }
    }
    var timer = null;
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(function () { run(); remember(); }, 120);
    }
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    modelSelect.value = params.get('model') || '';
    roleSelect.value = params.get('role') || '';
    archived.checked = params.get('all') === '1';
    input.addEventListener('input', schedule);
    [modelSelect, roleSelect, archived].forEach(function (el) { el.addEventListener('change', schedule); });
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); remember(); });
    showMore(results);
    arrowKeys(input, results);
    input.addEventListener('focus', prepare);
    // After the page's load event: shards added before it would hold the page "loading" until the
    // last one is in.
    if (document.readyState === 'complete') run(); else window.addEventListener('load', run);
  }

  // --- The header box on every other page -----------------------------------------------------------
  function headerBox(form) {
    var input = form.querySelector('input[type="search"]');
    var panel = form.querySelector('.site-search-panel');
    var status = form.querySelector('.site-search-status');
    if (!input || !panel) return;
    var timer = null, generation = 0;
    function close() { panel.hidden = true; }
    function run() {
      var query = input.value.trim(), mine = ++generation;
      if (query.length < 2) { close(); status.textContent = ''; return; }
      // The box answers from the first shards; the search page it links to searches them all.
      searchShards(query, { typing: true }, true, function (e, progress) {
        var result = e.search(query, { typing: true });
        var top = { query: result.query, groups: [], suggestion: result.suggestion };
        // The best eight, still grouped by model.
        var left = 8;
        result.groups.forEach(function (g) {
          if (left <= 0) return;
          top.groups.push({ model: g.model, title: g.title, hits: g.hits.slice(0, Math.min(left, 4)) });
          left -= Math.min(left, 4);
        });
        var all = form.getAttribute('action') + '?q=' + encodeURIComponent(query);
        // Nothing in the current editions, but the query is in an earlier one (the letter of an
        // archived edition, its signatory): say so, and link the search that includes them.
        var earlier = !result.total && result.archivedHidden && progress.complete;
        if (earlier) all += '&all=1';
        panel.innerHTML = (result.total ? renderGroups(top, ROOT, 8, 'site-search', 2) : '') +
          (result.suggestion && (result.usedSuggestion || !result.total)
            ? '<p class="search-suggestion">Did you mean <a href="' + escapeHtml(form.getAttribute('action') + '?q=' + encodeURIComponent(result.suggestion)) + '">' + escapeHtml(result.suggestion) + '</a>?</p>' : '') +
          '<p class="search-all"><a href="' + escapeHtml(all) + '">' +
          (earlier ? 'No results in the current editions: search the earlier editions too'
            : progress.complete ? 'All ' + result.total + ' results, with filters'
            : result.total + ' results from ' + searchedPart(progress) + ': search them all') + '</a></p>';
        panel.hidden = false;
        status.textContent = statusText(result, query) + (progress.complete ? '' : ' Searched ' + searchedPart(progress) + '.');
      }, function () { return mine === generation; }).catch(function () { close(); });
    }
    input.addEventListener('focus', prepare);
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener('keydown', function (e) { if (e.key === 'Escape') { close(); } });
    panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { close(); input.focus(); } });
    document.addEventListener('click', function (e) { if (!form.contains(e.target)) close(); });
    // Tabbing out of the box and its results closes them: left open, the panel would cover the links
    // that keyboard focus moves on to (WCAG 2.4.11, focus not obscured).
    form.addEventListener('focusout', function (e) { if (e.relatedTarget && !form.contains(e.relatedTarget)) close(); });
    arrowKeys(input, panel);
  }

  // "/" and Ctrl+K (Cmd+K) go to the search box.
  document.addEventListener('keydown', function (e) {
    var box = document.getElementById('search-input') || document.getElementById('site-search-input');
    if (!box) return;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) || e.target.isContentEditable;
    if ((e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) ||
        ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K'))) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  });

  var page = document.getElementById('search-form');
  if (page) searchPage(page);
  var header = document.querySelector('form.site-search');
  if (header) headerBox(header);
})();
