/* Practicebook page enhancements. Every page works without them; with them:
 * - "On this page" starts folded on a phone (it is open without JavaScript);
 * - the role filter of a section page ("Show: everyone | workers | …") shows one role's actions
 *   instead of jumping to them (without JavaScript its links are plain anchors);
 * - "Copy link" beside each statement's permalink, confirmed in a polite live region;
 * - a tap or Enter on a glossary term opens its definition in a popover (Esc or a tap outside closes
 *   it, WCAG 1.4.13) with a link to the glossary entry, instead of leaving the page;
 * - topic chips wait behind a "Show topics" toggle, so statements read cleanly.
 */
(function () {
  'use strict';

  var toc = document.querySelector('.toc-details');
  if (toc && window.matchMedia && window.matchMedia('(max-width: 52rem)').matches) toc.open = false;
  if (toc) {
    // On a phone, following a contents link folds the contents again.
    toc.addEventListener('click', function (e) {
      if (e.target.closest('a') && window.matchMedia('(max-width: 52rem)').matches) toc.open = false;
    });
  }

  var filter = document.querySelector('.role-filter');
  if (filter) {
    var links = filter.querySelectorAll('a[data-role]');
    var blocks = document.querySelectorAll('.block[data-role]');
    var status = filter.querySelector('.role-filter-status');
    var show = function (role, link) {
      blocks.forEach(function (b) { b.hidden = !!role && b.getAttribute('data-role') !== role; });
      links.forEach(function (l) {
        if (l === link) l.setAttribute('aria-current', 'true'); else l.removeAttribute('aria-current');
      });
      if (status) status.textContent = role ? 'Showing the actions of ' + link.textContent + ' only.' : 'Showing every role\u2019s actions.';
    };
    filter.addEventListener('click', function (e) {
      var link = e.target.closest('a[data-role]');
      if (!link) return;
      var role = link.getAttribute('data-role');
      show(role, link);
      if (!role) return;  // "Everyone": back to the top of the page, as the anchor says
      e.preventDefault();
      var target = document.querySelector(link.getAttribute('href'));
      try { history.replaceState(null, '', link.getAttribute('href')); } catch (err) { /* file:// may refuse */ }
      if (target) target.scrollIntoView();
    });
  }

  // One polite live region for short confirmations.
  var live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  document.body.appendChild(live);
  function announce(text) { live.textContent = ''; setTimeout(function () { live.textContent = text; }, 50); }

  // Copy link: the statement's full address, from the permalink beside it.
  var permalinks = document.querySelectorAll('main a.permalink');
  if (permalinks.length && navigator.clipboard && window.isSecureContext !== false) {
    permalinks.forEach(function (a) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-link';
      button.textContent = 'Copy link';
      var label = a.querySelector('.visually-hidden');
      if (label) button.setAttribute('aria-label', label.textContent.replace(/^Permalink to/, 'Copy the link to'));
      a.insertAdjacentElement('afterend', button);
    });
    document.addEventListener('click', function (e) {
      var button = e.target.closest('button.copy-link');
      if (!button) return;
      var href = button.previousElementSibling.href;
      navigator.clipboard.writeText(href).then(function () { announce('Link copied.'); },
                                               function () { announce('Could not copy; the # link beside it is the address.'); });
    });
  }

  // Glossary popovers.
  var pop = null, opener = null;
  function closePop(returnFocus) {
    if (!pop) return;
    pop.remove();
    pop = null;
    if (opener) { opener.setAttribute('aria-expanded', 'false'); if (returnFocus) opener.focus(); }
    opener = null;
  }
  document.addEventListener('click', function (e) {
    var term = e.target.closest('a.term[aria-describedby]');
    if (pop && !e.target.closest('.term-popover') && term !== opener) closePop(false);
    if (!term || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var def = document.getElementById(term.getAttribute('aria-describedby'));
    if (!def) return;
    e.preventDefault();
    if (term === opener) { closePop(true); return; }
    opener = term;
    term.setAttribute('aria-expanded', 'true');
    pop = document.createElement('div');
    pop.className = 'term-popover';
    pop.setAttribute('role', 'dialog');
    pop.setAttribute('aria-label', term.textContent);
    var text = document.createElement('p');
    text.textContent = def.textContent;
    var more = document.createElement('a');
    more.href = term.href;
    more.textContent = 'Open the glossary entry';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'term-popover-close';
    close.textContent = 'Close';
    close.addEventListener('click', function () { closePop(true); });
    pop.appendChild(text);
    pop.appendChild(more);
    pop.appendChild(document.createTextNode(' '));
    pop.appendChild(close);
    // Below the sentence, so the text is not split; the term keeps focus order before it.
    var holder = term.closest('li, p, dd, blockquote, td') || term.parentElement;
    holder.appendChild(pop);
    more.focus();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && pop) closePop(true);
  });

  // "Show topics": chips are hidden until asked for, on pages with many of them.
  var chips = document.querySelectorAll('main .chips');
  if (chips.length > 3) {
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'topics-toggle';
    toggle.setAttribute('aria-pressed', 'false');
    toggle.textContent = 'Show topics';
    var at = document.querySelector('main .role-filter') || document.querySelector('main .page-header');
    if (at) {
      at.insertAdjacentElement('afterend', toggle);
      document.body.classList.add('topics-hidden');
      toggle.addEventListener('click', function () {
        var hidden = document.body.classList.toggle('topics-hidden');
        toggle.setAttribute('aria-pressed', hidden ? 'false' : 'true');
        toggle.textContent = hidden ? 'Show topics' : 'Hide topics';
      });
    }
  }

  // Compare pages: which models to show is remembered across topics (the page works without this;
  // storage may be unavailable from file:// in some browsers, so failures are ignored).
  var chooser = document.querySelectorAll('.show-column');
  var remembered = function (box) {
    try { return window.localStorage.getItem('pb-show-' + box.id.slice(5)); } catch (e) { return null; }
  };
  chooser.forEach(function (box) {
    var saved = remembered(box);
    if (saved !== null) box.checked = saved === '1';
    box.addEventListener('change', function () {
      try { window.localStorage.setItem('pb-show-' + box.id.slice(5), box.checked ? '1' : '0'); } catch (e) { /* not kept */ }
    });
  });
})();
