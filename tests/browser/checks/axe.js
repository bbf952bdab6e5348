// Accessibility: every WCAG 2.0, 2.1 and 2.2 A/AA rule of axe-core, any impact, on every page.
'use strict';
const { injectAxe } = require('../lib/axe');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

module.exports = {
  name: 'axe-core WCAG 2.2 AA',
  origins: ['http'],
  async perPage({ page, url, label, report }) {
    await injectAxe(page);
    const result = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return {
        rules: r.violations.length + r.passes.length + r.incomplete.length + r.inapplicable.length,
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
      };
    }, TAGS);
    report.count('axe rules run', result.rules, 'max');
    for (const v of result.violations) report.fail(label, url, `axe ${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`);
  },
};
