// "What is expected of me" is one click from the home page, and each action opens in context.
'use strict';

module.exports = {
  name: 'role entry points',
  origins: ['file'],
  async once({ context, base, report }) {
    const page = await context.newPage();
    await page.goto(new URL('index.html', base).href);
    await Promise.all([page.waitForURL(/roles\/supervisor\//), page.getByRole('link', { name: /I am a supervisor/ }).click()]);  // click 1
    if (!page.url().endsWith('roles/supervisor/index.html')) report.fail('roles', page.url(), 'not the supervisor page');
    const actions = await page.locator('.statement-ref').count();
    if (actions < 40) report.fail('roles', page.url(), `only ${actions} supervisor actions`);
    await Promise.all([page.waitForURL(/#supervisor-/), page.locator('.statement-ref a.in-context').first().click()]);  // click 2: in context
    const hash = new URL(page.url()).hash.slice(1);
    const ok = await page.evaluate((id) => !!document.getElementById(id) && document.getElementById(id).matches(':target'), hash);
    if (!/supervisor-\d+/.test(hash) || !ok) report.fail('roles', page.url(), 'the action does not open at its anchor');
    report.count('supervisor actions reached in one click', actions);
    await page.close();
  },
};
