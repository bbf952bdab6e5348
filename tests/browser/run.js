#!/usr/bin/env node
// The browser quality gate: builds the site, crawls every page over http:// and file:// in headless
// Chromium, and runs every check in checks/. A check is a module exporting
//   { name, origins: ['http', 'file'], perPage({page, url, label, report}), once({context, base, report}) }
// so a new check is one small file. With --fixtures, the models of other shapes (tests/fixtures/content)
// are built and crawled too, over http:// only, with the per-page checks (links, anchors, axe, phone
// width). Prints a summary; exits 1 on any failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');
const { serve } = require('./lib/server');
const { launch } = require('./lib/browser');
const { crawl } = require('./lib/crawl');

function parseArgs(argv) {
  const args = { binary: null, content: null, site: null, only: null, fixtures: null };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    args[key] = argv[++i];
  }
  return args;
}

class Report {
  constructor() { this.failures = []; this.counts = new Map(); }
  fail(label, url, message) { this.failures.push({ label, url, message }); }
  count(name, n, mode = 'sum') {
    const old = this.counts.get(name) || 0;
    this.counts.set(name, mode === 'max' ? Math.max(old, n) : old + n);
  }
}

function loadChecks(only) {
  const dir = path.join(__dirname, 'checks');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()
    .map((f) => require(path.join(dir, f)))
    .filter((c) => !only || c.name.includes(only));
}

// Each check's time, summed over its calls (the origins run at once, so the sum can pass the wall
// time): where the suite's minutes go.
function timed(checks, report) {
  const time = (name, fn) => fn && (async (...a) => {
    const start = Date.now();
    try { return await fn(...a); } finally { report.count(`ms in ${name}`, Date.now() - start); }
  });
  return checks.map((c) => ({ ...c, perPage: time(c.name, c.perPage), once: time(c.name, c.once) }));
}

function buildSite(args, content = args.content) {
  if (args.site && content === args.content) return args.site;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-browser-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));  // the run reads the site until it ends
  const out = path.join(tmp, 'site');
  execFileSync(args.binary, ['build', '--no-pdf', '--content', content, '--out', out, '--quiet'], { stdio: 'inherit' });
  return out;
}

// The fixture models: every page once, over http://, with the checks that look at each page.
async function crawlFixtures(args, browser, checks, report) {
  const started = Date.now();
  const site = path.resolve(buildSite(args, args.fixtures));
  const server = await serve(site);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const mine = checks.filter((c) => c.perPage && (c.origins || ['http', 'file']).includes('http'));
    const start = `http://127.0.0.1:${server.address().port}/index.html`;
    const { pages, links } = await crawl({ context, start, checks: mine, report, label: 'fixtures' });
    report.count('pages crawled (fixtures)', pages);
    report.count('links checked (fixtures)', links);
    report.count('seconds for the fixtures', Math.round((Date.now() - started) / 1000));
    await context.close();
  } finally {
    server.close();
  }
}

// Pages the once-checks use: the home page and one page of each kind that exists.
function representativePages(site) {
  const candidates = ['index.html', 'models/ar-at-one-table-2023/index.html',
    'models/ar-at-one-table-2023/relationships/index.html', 'search/index.html', 'glossary/index.html',
    'compare/index.html'];
  return candidates.filter((p) => fs.existsSync(path.join(site, p)));
}

async function main() {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const site = path.resolve(buildSite(args));
  const report = new Report();
  const checks = timed(loadChecks(args.only), report);
  const server = await serve(site);
  const browser = await launch();
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    const origins = [
      { label: 'http', start: base + 'index.html', base },
      { label: 'file', start: pathToFileURL(path.join(site, 'index.html')).href, base: pathToFileURL(site + '/').href },
    ];
    // The two origins are crawled at once, each in its own browser context: Chromium renders in its
    // own processes, so on two cores the suite takes about half the time.
    await Promise.all(origins.map(async (o) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const mine = checks.filter((c) => (c.origins || ['http', 'file']).includes(o.label));
      const { pages, links } = await crawl({ context, start: o.start, checks: mine, report, label: o.label });
      report.count(`pages crawled (${o.label})`, pages);
      report.count(`links checked (${o.label})`, links);
      for (const c of mine) {
        if (!c.once) continue;
        try {
          await c.once({ context, base: o.base, site, report, pages: representativePages(site), args });
        } catch (err) {
          report.fail(c.name, o.base, `check stopped: ${err.message.split('\n')[0]}`);
        }
      }
    }));
    if (args.fixtures) await crawlFixtures(args, browser, checks, report);
  } finally {
    await browser.close();
    server.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const [name, n] of report.counts) console.log(`${name}: ${n}`);
  console.log(`checks: ${checks.map((c) => c.name).join(', ')}`);
  console.log(`time: ${seconds} s`);
  if (report.failures.length) {
    console.log(`\n${report.failures.length} failure(s):`);
    for (const f of report.failures) console.log(`  [${f.label}] ${f.url}\n      ${f.message}`);
    process.exit(1);
  }
  console.log('browser suite: all checks passed');
}

main().catch((err) => { console.error(err); process.exit(1); });
