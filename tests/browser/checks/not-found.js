// The 404 page keeps its style and its links at any depth on a server.
'use strict';

module.exports = {
  name: '404 at any depth',
  origins: ['http'],
  async once({ context, base, report }) {
    const page = await context.newPage();
    const url = new URL('models/no-such-model/no-such-section/index.html', base).href;
    const response = await page.goto(url);
    if (!response || response.status() !== 404) report.fail('404', url, `status ${response && response.status()}`);
    await page.waitForLoadState('load');
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor);
    if (styled === 'rgba(0, 0, 0, 0)') report.fail('404', url, 'the page lost its stylesheet');
    const home = await page.evaluate(() => document.querySelector('main a').href);
    if (home !== new URL('index.html', base).href) report.fail('404', url, `"home page" points to ${home}`);
    await page.close();
  },
};
