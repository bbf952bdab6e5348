// Every page fits a 360 px phone screen without sideways scrolling.
'use strict';

module.exports = {
  name: 'fits a 360 px phone',
  origins: ['http'],
  async perPage({ page, url, label, report }) {
    await page.setViewportSize({ width: 360, height: 740 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) report.fail(label, url, `page is ${width}px wide on a 360px phone`);
    await page.setViewportSize({ width: 1280, height: 900 });
  },
};
