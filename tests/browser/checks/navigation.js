// Findability in the page: long pages have "On this page"; the role filter of a section page shows
// one role's actions (and is plain anchors without JavaScript); the dark palette keeps AA contrast;
// the header box searches as you type, "/" focuses it, Esc closes its results; a glossary term opens
// a popover that Esc closes.
'use strict';
const fs = require('fs');

const { injectAxe } = require('../lib/axe');

module.exports = {
  name: 'in-page navigation, header search, dark palette',
  origins: ['file'],
  async once({ context, base, report, pages }) {
    const page = await context.newPage();
    const section = new URL('models/ar-at-one-table-2023/relationships/index.html', base).href;
    await page.goto(section);
    const toc = await page.locator('nav.toc a').count();
    if (toc < 4) report.fail('navigation', section, `"On this page" has ${toc} links`);
    const filter = page.locator('.role-filter a[data-role="supervisor"]');
    if (!(await filter.count())) report.fail('navigation', section, 'no role filter');
    else {
      await filter.click();
      const shown = await page.$$eval('.block[data-role]', (bs) => bs.filter((b) => !b.hidden).map((b) => b.dataset.role));
      if (shown.join() !== 'supervisor') report.fail('navigation', section, `role filter shows ${shown.join()}`);
      await page.locator('.role-filter a[data-role=""]').click();
    }
    // Glossary popover: opens on click, Esc closes it and gives focus back.
    const term = page.locator('main a.term').first();
    await term.click();
    if (!(await page.locator('.term-popover').count())) report.fail('navigation', section, 'a glossary term opens no popover');
    await page.keyboard.press('Escape');
    if (await page.locator('.term-popover').count()) report.fail('navigation', section, 'Esc does not close the popover');

    // Header search as you type, "/" to focus, Esc to close.
    await page.keyboard.press('/');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    if (focused !== 'site-search-input') report.fail('navigation', section, `"/" focuses ${focused}`);
    await page.keyboard.type('genogrm');
    await page.waitForSelector('.site-search-panel li', { timeout: 5000 }).catch(() => {});
    const results = await page.locator('.site-search-panel li').count();
    if (!results) report.fail('navigation', section, 'the header box shows no results for "genogrm"');
    await page.keyboard.press('Escape');
    if (await page.locator('.site-search-panel').isVisible()) report.fail('navigation', section, 'Esc leaves the results open');
    report.count('header search results for "genogrm"', results);
    // Tabbing past the results closes them: left open, the panel covers the links focus moves on to.
    await page.locator('#site-search-input').focus();
    await page.keyboard.type(' family');
    await page.waitForSelector('.site-search-panel li', { timeout: 5000 }).catch(() => {});
    let tabs = 0;
    while (tabs < 30 && (await page.evaluate(() => !!document.activeElement.closest('form.site-search')))) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    if (tabs < 2) report.fail('navigation', section, 'the header box showed no results to tab through');
    if (await page.locator('.site-search-panel').isVisible()) {
      report.fail('navigation', section, `the header results stay open once focus has left them (after ${tabs} Tabs)`);
    }
    await page.close();

    // The dark palette: axe's contrast rules on the representative pages.
    const dark = await context.browser().newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    const darkPage = await dark.newPage();
    for (const p of pages) {
      const url = new URL(p, base).href;
      await darkPage.goto(url);
      await injectAxe(darkPage);
      const violations = await darkPage.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      violations.forEach((v) => report.fail('dark palette', url, v));
    }
    report.count('pages checked in the dark palette', pages.length);
    await dark.close();
  },
};
