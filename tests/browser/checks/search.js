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

    // Every result can be reached: "Show more" as often as it is offered lists all a group counts
    // (a common word in one model has over a hundred), focus on the first of each new batch.
    await page.goto(new URL('search/index.html?q=family&model=ar-at-one-table-2023', base).href);
    await page.waitForSelector('#search-results li');
    const counted = await page.$eval('#search-results .search-count', (e) => +e.textContent);
    let presses = 0;
    while (presses < 50 && (await page.locator('#search-results .search-show-more').count())) {
      const before = await page.locator('#search-results li').count();
      await page.locator('#search-results .search-show-more').first().press('Enter');
      presses += 1;
      const focused = await page.evaluate(() => document.activeElement.closest('li') &&
        [...document.querySelectorAll('#search-results li')].indexOf(document.activeElement.closest('li')));
      if (focused !== before) report.fail('search', page.url(), `"Show more" press ${presses}: focus on result ${focused}, not the first new one (${before})`);
    }
    const listed = await page.locator('#search-results li').count();
    if (counted < 60 || listed !== counted) report.fail('search', page.url(), `"Show more" reaches ${listed} of the ${counted} results counted`);
    report.count('results reached by "Show more"', listed);

    // A name only an earlier edition holds (its letter's signatory): the header box says the current
    // editions have none and links the search with the earlier ones, which finds it.
    await page.goto(new URL('models/ar-at-one-table-martin/index.html', base).href);
    await page.locator('#site-search-input').fill('Mischa');
    await page.waitForSelector('.site-search-panel .search-all a', { timeout: 10000 }).catch(() => {});
    const earlier = await page.locator('.site-search-panel .search-all a').first().textContent().catch(() => '');
    if (!/earlier editions/.test(earlier)) report.fail('search', page.url(), `header box on "Mischa": "${earlier}"`);
    else {
      await page.locator('.site-search-panel .search-all a').first().click();
      await page.waitForSelector('#search-results li', { timeout: 10000 }).catch(() => {});
      if (!(await page.locator('#search-results li').count())) report.fail('search', page.url(), 'the earlier editions\' search finds nothing for "Mischa"');
    }
    await page.close();
  },
};
