/* Practicebook search: runs entirely in the page, from file:// too (no fetch, no modules).
 * The index, search-index.js, sets window.PRACTICEBOOK_SEARCH = {
 *   models: [[id, name, archived]], roles: [[id, title]], pages: [[url, title, modelIndex]],
 *   places: [[pageIndex, label]], docs: [[kind, text, placeIndex, anchor, roleIndex]] }
 * where kind is "p" (a value or overview page), "s" (a statement), "a" (a role action), "t" (a term).
 */
(function () {
  'use strict';
  var data = window.PRACTICEBOOK_SEARCH;
  var form = document.getElementById('search-form');
  if (!data || !form) return;
  var input = document.getElementById('search-input');
  var modelSelect = document.getElementById('search-model');
  var roleSelect = document.getElementById('search-role');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var ROOT = '../';          // the search page sits at search/index.html
  var LIMIT = 50;
  var KIND_BONUS = { t: 30, p: 10, a: 0, s: 0 };
  var KIND_LABEL = { t: 'Glossary', p: 'Page', a: 'Role action', s: 'Statement' };

  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019]/g, "'");
  }
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  var docs = data.docs.map(function (d, i) {
    var place = data.places[d[2]];
    var page = data.pages[place[0]];
    var modelName = page[2] >= 0 ? data.models[page[2]][1] : '';
    return { order: i, kind: d[0], text: d[1], folded: fold(d[1]), label: place[1], anchor: d[3],
             role: d[4], url: page[0], pageTitle: page[1], model: page[2],
             // Where it sits ("Value 1 · Worker action", the model): a word may match here too, for less.
             context: fold(place[1] + ' ' + page[1] + ' ' + modelName) };
  });

  // A query is words (each must occur, as a word or the start of one) and "quoted phrases".
  function parse(query) {
    var phrases = [], words = [];
    var rest = fold(query).replace(/"([^"]+)"/g, function (_, p) { phrases.push(p.trim()); return ' '; });
    rest.split(/[^a-z0-9'\u00ae\u2122]+/).forEach(function (w) { if (w) words.push(w); });
    return {
      whole: fold(query).replace(/"/g, '').trim(),
      phrases: phrases,
      words: words.map(function (w) {
        var e = escapeRegExp(w);
        return { text: w, exact: new RegExp('(^|[^a-z0-9])' + e + '($|[^a-z0-9])'), prefix: new RegExp('(^|[^a-z0-9])' + e) };
      })
    };
  }

  function score(doc, q) {
    var s = 0, i;
    for (i = 0; i < q.phrases.length; i++) {
      if (doc.folded.indexOf(q.phrases[i]) < 0) return 0;
      s += 60;
    }
    for (i = 0; i < q.words.length; i++) {
      var w = q.words[i];
      if (w.exact.test(doc.folded)) s += 10;
      else if (w.prefix.test(doc.folded)) s += 4;
      else if (w.prefix.test(doc.context)) s += 2;
      else return 0;
    }
    if (q.whole.length > 2 && doc.folded.indexOf(q.whole) >= 0) s += 40;   // the exact phrase typed
    if (doc.kind === 't' && doc.folded.indexOf(q.whole) === 0) s += 50;    // the term itself
    return s + KIND_BONUS[doc.kind];
  }

  function highlight(text, q) {
    var needles = q.phrases.concat(q.words.map(function (w) { return w.text; })).filter(Boolean);
    if (!needles.length) return escapeHtml(text);
    needles.sort(function (a, b) { return b.length - a.length; });
    var folded = fold(text), marks = [];
    needles.forEach(function (n) {
      var from = 0, at;
      while ((at = folded.indexOf(n, from)) >= 0) {
        var startsWord = at === 0 || /[^a-z0-9]/.test(folded.charAt(at - 1));
        if (startsWord && !marks.some(function (m) { return at < m[1] && at + n.length > m[0]; })) marks.push([at, at + n.length]);
        from = at + n.length;
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var out = '', pos = 0;
    marks.forEach(function (m) {
      out += escapeHtml(text.slice(pos, m[0])) + '<mark>' + escapeHtml(text.slice(m[0], m[1])) + '</mark>';
      pos = m[1];
    });
    return out + escapeHtml(text.slice(pos));
  }

  function modelIndex(id) {
    for (var i = 0; i < data.models.length; i++) if (data.models[i][0] === id) return i;
    return -1;
  }
  function roleIndex(id) {
    for (var i = 0; i < data.roles.length; i++) if (data.roles[i][0] === id) return i;
    return -1;
  }

  function run() {
    var query = input.value.trim();
    var model = modelIndex(modelSelect.value), role = roleIndex(roleSelect.value);
    list.innerHTML = '';
    if (!query) { status.textContent = ''; return; }
    var q = parse(query);
    var hits = [];
    docs.forEach(function (doc) {
      if (model >= 0 && doc.model !== model) return;
      if (role >= 0 && doc.role !== role) return;
      var s = score(doc, q);
      if (s > 0) hits.push([s, doc]);
    });
    hits.sort(function (a, b) { return b[0] - a[0] || a[1].order - b[1].order; });
    var shown = hits.slice(0, LIMIT);
    var html = '';
    shown.forEach(function (hit) {
      var doc = hit[1];
      var href = ROOT + doc.url + (doc.anchor ? '#' + doc.anchor : '');
      var meta = [];
      if (doc.model >= 0) meta.push(data.models[doc.model][1]);
      if (doc.kind === 'p') meta.push('Page');
      else if (doc.label) meta.push(doc.label);
      else meta.push(KIND_LABEL[doc.kind]);
      html += '<li class="search-result search-result-' + doc.kind + '"><a href="' + escapeHtml(href) + '">' +
        highlight(doc.kind === 'p' ? doc.pageTitle : doc.text, q) + '</a><span class="search-meta">' +
        escapeHtml(meta.join(' \u00b7 ')) + '</span></li>';
    });
    list.innerHTML = html;
    var n = hits.length;
    status.textContent = n === 0 ? 'No results for \u201c' + query + '\u201d.'
      : n + (n === 1 ? ' result' : ' results') + ' for \u201c' + query + '\u201d' +
        (n > LIMIT ? ', showing the best ' + LIMIT : '') + '.';
  }

  function remember() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (modelSelect.value) params.set('model', modelSelect.value);
    if (roleSelect.value) params.set('role', roleSelect.value);
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
  input.addEventListener('input', schedule);
  modelSelect.addEventListener('change', schedule);
  roleSelect.addEventListener('change', schedule);
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); remember(); });
  // Arrow keys move between the box and the results.
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' && list.firstElementChild) { e.preventDefault(); list.querySelector('a').focus(); }
  });
  list.addEventListener('keydown', function (e) {
    var item = e.target.closest('li');
    if (!item) return;
    if (e.key === 'ArrowDown' && item.nextElementSibling) { e.preventDefault(); item.nextElementSibling.querySelector('a').focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (item.previousElementSibling ? item.previousElementSibling.querySelector('a') : input).focus(); }
  });
  run();

})();
