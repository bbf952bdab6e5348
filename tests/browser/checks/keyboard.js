// Keyboard: the skip link comes first and moves focus to the content; every interactive element is
// reached by Tab, visibly focused, and focus never gets stuck.
'use strict';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

async function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return { key: el.dataset.kbStop || el.outerHTML.slice(0, 120), visible };
  });
}

module.exports = {
  name: 'keyboard',
  origins: ['http'],
  // Run once, on a few representative pages, after the crawl.
  async once({ context, base, report, pages }) {
    for (const path of pages) {
      const url = new URL(path, base).href;
      const page = await context.newPage();
      await page.goto(url);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement.className);
      if (first !== 'skip-link') report.fail('keyboard', url, `first Tab focuses "${first}", not the skip link`);
      await page.keyboard.press('Enter');
      const target = await page.evaluate(() => document.activeElement.id);
      if (target !== 'main-content') report.fail('keyboard', url, `skip link moves focus to "${target}", not the main content`);

      await page.goto(url);
      // Number every interactive element, so identical links (two chips for one topic) count apart.
      const total = await page.evaluate((sel) => {
        const stops = [...document.querySelectorAll(sel)].filter((e) => e.offsetParent !== null || e.classList.contains('skip-link'));
        stops.forEach((e, i) => { e.dataset.kbStop = String(i); });
        return stops.length;
      }, FOCUSABLE);
      const reached = new Set();
      let previous = null, stuck = 0;
      for (let i = 0; i < total + 3; i++) {
        await page.keyboard.press('Tab');
        const state = await focusState(page);
        if (!state) continue;
        if (!state.visible) report.fail('keyboard', url, `no visible focus on ${state.key}`);
        if (state.key === previous) stuck++;
        previous = state.key;
        reached.add(state.key);
      }
      if (stuck > 1) report.fail('keyboard', url, 'focus is trapped: Tab does not move it');
      if (reached.size < total) report.fail('keyboard', url, `Tab reached ${reached.size} of ${total} interactive elements`);
      report.count('keyboard stops checked', reached.size);
      await page.close();
    }
  },
};
