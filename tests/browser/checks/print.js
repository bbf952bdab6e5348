// Handouts print right the first time: every handout printed to a Letter PDF in Chromium (print
// media, the page's own @page size), its pages counted with poppler's pdfinfo, its layout read with
// pdftotext -bbox. Role checklists: at most 2 pages, every action present. One page per section:
// exactly 1 page; sparse ones (Virginia, the Arkansas practice model) in 11 pt or more over at least
// half the page. Self-assessments: the level key on page 1. No heading last on a page without its
// first item; no page with one line alone; "Page n of m" on one line; archived editions say so; no
// navigation chrome. And a handout built with --base-url carries a QR code that decodes (zbarimg) to
// its full address.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { pdfLayout, lines, typeAndUse } = require('../lib/pdf_layout');

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
const PAGE_LIMITS = { roles: 2, sections: 1, 'self-assessment': 6, compare: 4 };
const SPARSE_MODELS = ['va-practice-model', 'ar-practice-model'];

// The group headings of a handout page (h2 in the main content), as printed text.
function headingsOf(html) {
  return [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim())
    .filter((h) => h.length > 3);
}

// Layout checks of one printed handout (see the file's comment).
function checkLayout(file, rel, url, html, report) {
  const pages = pdfLayout(file);
  const [, model, kind] = rel.split(/[\\/]/);
  const headings = headingsOf(html).map(squeeze);
  pages.forEach((page, i) => {
    const footer = page.footer.map((w) => w.text);
    const at = footer.indexOf('Page');
    const pageWords = page.footer.slice(at, at + 4);
    if (at < 0 || pageWords.length < 4 || pageWords.some((w) => Math.abs(w.y0 - pageWords[0].y0) > 1))
      report.fail('print', url, `page ${i + 1}: "Page n of m" is missing or not on one line`);
    const body = lines(page);
    if (i < pages.length - 1 && body.length) {
      const last = squeeze(body[body.length - 1].text);
      if (last && headings.some((h) => h.startsWith(last) || last.startsWith(h)))
        report.fail('print', url, `page ${i + 1} ends with the heading "${body[body.length - 1].text}" without its first item`);
    }
    if (i > 0 && body.length <= 2) report.fail('print', url, `page ${i + 1} holds only ${body.length} line(s)`);
  });
  if (kind === 'sections' && SPARSE_MODELS.includes(model)) {
    const { size, used } = typeAndUse(pages[0]);
    report.count('sparse one-pagers measured', 1);
    if (size < 11) report.fail('print', url, `sparse one-pager prints in ${size.toFixed(1)} pt (at least 11)`);
    if (used < 0.5) report.fail('print', url, `sparse one-pager uses ${(used * 100).toFixed(0)}% of the page (at least half)`);
  }
  if (kind === 'self-assessment') {
    const first = squeeze(lines(pages[0]).map((l) => l.text).join(' '));
    if (!first.includes('thelevels')) report.fail('print', url, 'the level key is not on page 1');
    // The form starts on page 1: its first group's heading row under the key, not the table's header
    // alone with the rows pushed to page 2 (a group of six tall rows kept whole did that).
    const group = /<tr class="group-row"><th[^>]*>([\s\S]*?)<\/th>/.exec(html);
    if (group && !first.includes(squeeze(group[1].replace(/<[^>]+>|&[#a-z0-9]+;/gi, ' ')).slice(0, 40)))
      report.fail('print', url, `page 1 holds the key but not the first group ("${group[1].replace(/<[^>]+>/g, '').slice(0, 60)}")`);
  }
  if (model === 'ar-at-one-table-martin' && !squeeze(pages[0].body.map((w) => w.text).join(' ')).includes('archivededition'))
    report.fail('print', url, 'a handout of an archived edition does not say so in print');
}

// A handout built with --base-url: its printed QR code decodes to its full address.
async function checkQrCode(context, args, report) {
  if (!args || !args.binary) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-qr-'));
  const site = path.join(tmp, 'site'), base = 'https://example.org/practicebook/';
  execFileSync(args.binary, ['build', '--no-pdf', '--quiet', '--content', args.content, '--out', site, '--base-url', base], { stdio: 'ignore' });
  const rel = 'handouts/va-practice-model/sections/safety/';
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(new URL(rel + 'index.html', 'file://' + site + '/').href);
  const pdf = path.join(tmp, 'qr.pdf');
  await page.pdf({ path: pdf, format: 'Letter', preferCSSPageSize: true });
  await page.close();
  execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(tmp, 'qr')]);
  let decoded = '';
  try {
    decoded = execFileSync('zbarimg', ['--raw', '-q', path.join(tmp, 'qr.png')], { encoding: 'utf8' }).trim();
  } catch (err) {
    decoded = `(nothing: ${err.message.split('\n')[0]})`;
  }
  const footer = pdfLayout(pdf)[0].footer.map((w) => w.text).join(' ');
  if (decoded !== base + rel) report.fail('print', base + rel, `the printed QR code decodes to "${decoded}"`);
  if (!footer.replace(/\s/g, '').includes(base + rel)) report.fail('print', base + rel, 'the printed footer does not give the full address');
  console.log(`QR code on the printed handout decodes to: ${decoded}`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

function actionsOf(site, model, role) {
  const data = JSON.parse(fs.readFileSync(path.join(site, 'models', model, 'model.json'), 'utf8'));
  const out = [];
  for (const s of data.sections) for (const b of s.blocks) if (b.kind === 'actions' && b.role === role) for (const i of b.items) out.push(i.text.replace(/[*_\\]/g, ''));
  return out;
}

module.exports = {
  name: 'print (Letter PDFs)',
  origins: ['http'],
  async once({ context, base, site, report, args }) {
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
      const limit = PAGE_LIMITS[model === 'compare' ? 'compare' : kind];
      if (limit && pages > limit) report.fail('print', url, `prints on ${pages} Letter pages (at most ${limit})`);
      checkLayout(file, rel, url, fs.readFileSync(path.join(site, rel), 'utf8'), report);
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
    await checkQrCode(context, args, report);
    const summary = Object.entries(counts).filter(([rel]) => /ar-at-one-table/.test(rel) && /(roles|self-assessment)/.test(rel))
      .map(([rel, n]) => `${rel.split('/').slice(1, 4).join('/')}=${n}`);
    console.log(`print page counts: ${summary.join(', ')}`);
    const worst = Math.max(...Object.entries(counts).filter(([r]) => r.includes('/sections/')).map(([, n]) => n));
    console.log(`one-page values: ${Object.keys(counts).filter((r) => r.includes('/sections/')).length}, most pages: ${worst}`);
  },
};
