// Visits every page reachable from the home page, once per origin (http:// and file://), and hands
// each loaded page to the checks. Records what a reader would notice: failed loads, console errors,
// uncaught exceptions, requests that leave the site, broken links and missing anchors.
'use strict';

function siteUrl(base, href) {
  const u = new URL(href, base);
  u.hash = '';
  return u.href;
}

async function crawl({ context, start, checks, report, label, concurrency = 4 }) {
  const origin = new URL(start);
  const inSite = (url) => {
    const u = new URL(url);
    if (origin.protocol === 'file:') return u.protocol === 'file:' && u.pathname.startsWith(origin.pathname.replace(/[^/]*$/, ''));
    return u.origin === origin.origin;
  };
  const queue = [start];
  const seen = new Set([start]);
  const from = new Map([[start, 'the start page']]);
  const anchorsWanted = [];   // [from, url, fragment]
  const idsByPage = new Map();
  let links = 0;

  // Over http, each worker keeps one tab and navigates it from page to page: a new tab per page started
  // a renderer process and compiled axe-core afresh each time, a third of the suite's time. Over
  // file://, where Chromium mixes up successive navigations of one tab ("interrupted by another
  // navigation" to the page before) and no check runs on each page, every page gets a tab of its own.
  // What a page's visit notices goes to `tab.problems`, which is null between visits.
  const reuseTabs = origin.protocol !== 'file:';
  const openTab = async () => {
    const tab = { page: await context.newPage(), problems: null };
    const note = (problem) => { if (tab.problems) tab.problems.push(problem); };
    tab.page.on('console', (msg) => { if (msg.type() === 'error') note(`console error: ${msg.text()}`); });
    tab.page.on('pageerror', (err) => note(`uncaught exception: ${err.message}`));
    tab.page.on('requestfailed', (req) => {
      // Leaving a page cancels what it was still loading (net::ERR_ABORTED): not a fault of either page.
      const error = req.failure()?.errorText;
      if (inSite(req.url()) && error !== 'net::ERR_ABORTED') note(`failed to load ${req.url()}: ${error}`);
    });
    // Watched, not intercepted: intercepting every request turns Chromium's cache off, and each page
    // then fetched the site's styles and scripts and compiled axe-core afresh (a quarter of the time
    // of each page's checks). No request can reach another host anyway (lib/browser.js).
    tab.page.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith('data:') && !inSite(target)) note(`request leaves the site: ${target}`);
    });
    return tab;
  };

  // Workers share the queue; a worker that finds it empty waits while others may still add to it.
  let busy = 0;
  const worker = async () => {
    const kept = reuseTabs ? await openTab() : null;
    try {
      for (;;) {
        if (!queue.length) {
          if (busy === 0) return;
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        busy++;
        const url = queue.shift();  // taken before any wait, while it is still there
        let tab = kept;
        try {
          tab = kept || await openTab();
          await visit(tab, url);
        } finally {
          busy--;
          if (tab && tab !== kept) await tab.page.close();
        }
      }
    } finally {
      if (kept) await kept.page.close();
    }
  };
  const visit = async (tab, url) => {
    const { page } = tab;
    const problems = (tab.problems = []);
    let response = null;
    try {
      response = await page.goto(url, { waitUntil: 'load' });
    } catch (err) {
      tab.problems = null;
      report.fail(label, url, `page does not load (linked from ${from.get(url)}): ${err.message.split('\n')[0]}`);
      return;
    }
    if (response && !response.ok() && origin.protocol !== 'file:') {
      // An error page is reported once, against the page that linked to it, and not crawled further.
      tab.problems = null;
      report.fail(label, url, `HTTP ${response.status()} (linked from ${from.get(url)})`);
      return;
    }
    const { hrefs, ids } = await page.evaluate(() => ({
      hrefs: [...document.querySelectorAll('a[href], link[href]')].map((a) => a.href),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    }));
    idsByPage.set(url, new Set(ids));
    for (const href of hrefs) {
      if (!inSite(href)) { problems.push(`link leaves the site: ${href}`); continue; }
      links++;
      const target = siteUrl(url, href);
      const hash = new URL(href).hash;
      if (hash.length > 1) anchorsWanted.push([url, target, decodeURIComponent(hash.slice(1))]);
      if (target.endsWith('/')) problems.push(`link to a folder (opens a listing from disk): ${href}`);
      if (!seen.has(target) && /\.html$/.test(new URL(target).pathname)) {
        seen.add(target);
        from.set(target, url);
        queue.push(target);
      }
    }
    for (const check of checks) if (check.perPage) await check.perPage({ page, url, label, report });
    tab.problems = null;
    for (const p of problems) report.fail(label, url, p);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (const [from, target, fragment] of anchorsWanted) {
    const ids = idsByPage.get(target);
    if (ids && !ids.has(fragment)) report.fail(label, from, `missing anchor #${fragment} on ${target}`);
  }
  return { pages: seen.size, links };
}

module.exports = { crawl };
