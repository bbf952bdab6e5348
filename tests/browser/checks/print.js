// Handouts print right the first time: every handout printed to a Letter PDF in Chromium (print
// media, the page's own @page size), its pages counted with poppler's pdfinfo, its text read with
// pdftotext. Role checklists of models with actions: at most 2 pages, every action present. One page
// per value: exactly 1 page. No navigation chrome in any printout.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const NAV_TEXT = ['Skip to main content', 'Search the practice models', 'Previous', 'Permalink to statement'];

function handoutPages(site) {
  const out = [];
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html' && full !== path.join(site, 'handouts', 'index.html')) out.push(path.relative(site, full));
    }
  };
  walk(path.join(site, 'handouts'));
  return out;
}

const squeeze = (s) => s.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '');

function actionsOf(site, model, role) {
  const data = JSON.parse(fs.readFileSync(path.join(site, 'models', model, 'model.json'), 'utf8'));
  const out = [];
  for (const s of data.sections) for (const b of s.blocks) if (b.kind === 'actions' && b.role === role) for (const i of b.items) out.push(i.text.replace(/[*_\\]/g, ''));
  return out;
}

module.exports = {
  name: 'print (Letter PDFs)',
  origins: ['http'],
  async once({ context, base, site, report }) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-print-'));
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    const counts = {};
    for (const rel of handoutPages(site)) {
      const url = new URL(rel, base).href;
      await page.goto(url);
      const file = path.join(tmp, rel.replace(/[\\/]/g, '_') + '.pdf');
      await page.pdf({ path: file, format: 'Letter', preferCSSPageSize: true, printBackground: false });
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const [, model, kind, id] = rel.split(/[\\/]/);
      counts[rel] = pages;
      for (const nav of NAV_TEXT) if (text.includes(nav)) report.fail('print', url, `printed page shows navigation text "${nav}"`);
      if (kind === 'sections' && pages !== 1) report.fail('print', url, `one-page value prints on ${pages} pages`);
      if (kind === 'roles') {
        if (pages > 2) report.fail('print', url, `checklist prints on ${pages} Letter pages (at most 2)`);
        const printed = squeeze(text);
        const missing = actionsOf(site, model, id).filter((a) => !printed.includes(squeeze(a)));
        if (missing.length) report.fail('print', url, `checklist misses ${missing.length} actions, e.g. "${missing[0]}"`);
      }
      report.count(`handouts printed`, 1);
    }
    await page.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    const summary = Object.entries(counts).filter(([rel]) => /ar-at-one-table/.test(rel) && /(roles|self-assessment)/.test(rel))
      .map(([rel, n]) => `${rel.split('/').slice(1, 4).join('/')}=${n}`);
    console.log(`print page counts: ${summary.join(', ')}`);
    const worst = Math.max(...Object.entries(counts).filter(([r]) => r.includes('/sections/')).map(([, n]) => n));
    console.log(`one-page values: ${Object.keys(counts).filter((r) => r.includes('/sections/')).length}, most pages: ${worst}`);
  },
};
