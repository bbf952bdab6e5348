// Search works from file:// (no server), with the keyboard alone: the header box leads to the search
// page, results appear and are announced, and a result opens the statement at its anchor.
'use strict';

module.exports = {
  name: 'search from file:// by keyboard',
  origins: ['file'],
  async once({ context, base, report }) {
    const page = await context.newPage();
    const home = new URL('index.html', base).href;
    await page.goto(home);
    await page.focus('#site-search-input');
    await page.keyboard.type('genogram');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/index\.html\?q=genogram/);
    await page.waitForSelector('#search-results li');
    const count = await page.locator('#search-results li').count();
    const status = await page.textContent('#search-status');
    // Current editions only, each statement once (the same words in two roles are one result).
    if (count < 3) report.fail('search', page.url(), `only ${count} results for "genogram"`);
    if (!/\d+ results? for/.test(status || '')) report.fail('search', page.url(), `results not announced: "${status}"`);
    report.count('search results for "genogram"', count);

    // Keyboard only: into the results with the arrow key, open one with Enter.
    await page.focus('#search-input');
    await page.keyboard.press('End');
    await page.keyboard.type(' worker');
    await page.waitForFunction(() => /for .genogram worker/.test(document.getElementById('search-status').textContent));
    const status2 = await page.textContent('#search-status');
    if (!/^\d+ results? for/.test(status2)) report.fail('search', page.url(), `"genogram worker": ${status2}`);
    await page.keyboard.press('ArrowDown');
    // The first result may be the glossary entry; the arrows go on to the first statement.
    for (let i = 0; i < 6; i++) {
      const href = await page.evaluate(() => document.activeElement.getAttribute('href') || '');
      if (href.includes('#')) break;
      await page.keyboard.press('ArrowDown');
    }
    const focused = await page.evaluate(() => document.activeElement.getAttribute('href'));
    if (!focused || !focused.includes('#')) report.fail('search', page.url(), `ArrowDown focuses ${focused}, not a statement result`);
    await Promise.all([page.waitForURL(/\/models\/.*#/), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');
    const hash = new URL(page.url()).hash.slice(1);
    const landed = await page.evaluate((id) => {
      const el = document.getElementById(id);
      return el ? { target: el.matches(':target'), text: el.textContent } : null;
    }, hash);
    if (!landed || !landed.target) report.fail('search', page.url(), 'the result does not open a statement anchor');
    else if (!/genogram/i.test(landed.text)) report.fail('search', page.url(), `the statement opened does not mention genograms: ${landed.text.slice(0, 80)}`);

    // Filters: a role filter keeps only that role's actions.
    await page.goto(new URL('search/index.html?q=genogram&role=supervisor', base).href);
    await page.waitForSelector('#search-results li');
    const metas = await page.$$eval('#search-results .search-meta', (els) => els.map((e) => e.textContent));
    if (!metas.length || metas.some((m) => !/\bSupervisor\b.*\bactions\b/.test(m))) report.fail('search', page.url(), `role filter leaks: ${metas.join(' | ')}`);
    await page.close();
  },
};
