#!/usr/bin/env node
// Search at scale: a synthetic corpus of many models (bench/site_bench.py) builds into a sharded
// search index with no script over 1.5 MB, and search answers from file:// in Chromium after at most
// 1.5 MB of script; the search page then goes through every shard the query needs. Prints the time to
// first results (typing in the header box of a model page, and opening the search page with ?q=).
// Then one model larger than a shard (the fixtures with a section of 1,500 long statements): its
// documents are split over several shards, none over the bound, and a word of its last statement is
// found from the search page. Last, a glossary of 3,000 terms: its page and every script within the
// bound, and its last term found from the header box.
//   node tests/browser/search-shards.js --binary build/practicebook [--models 60] [--site DIR]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { execFileSync } = require('child_process');
const { pathToFileURL, fileURLToPath } = require('url');
const { launch } = require('./lib/browser');

const LIMIT = 1.5 * 1000 * 1000;
const ROOT = path.resolve(__dirname, '..', '..');

function parseArgs(argv) {
  const args = { models: '60' };
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  return args;
}

function buildBigSite(args) {
  if (args.site) return path.resolve(args.site);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-shards-'));
  execFileSync('python3', [path.join(ROOT, 'bench', 'site_bench.py'), '--models', args.models, '--corpus-only', dir]);
  const out = path.join(dir, 'site');
  // The synthetic models leave glossary terms unused: warnings, not errors; keep the log short.
  execFileSync(args.binary, ['build', '--no-pdf', '--content', path.join(dir, 'content'), '--out', out, '--quiet'], { stdio: 'pipe' });
  return out;
}

function scripts(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...scripts(full));
    else if (entry.name.endsWith('.js')) found.push(full);
  }
  return found;
}

// Before any page script: note when each script element arrives and when the first result appears.
function watchScripts() {
  window.__pb = { scripts: [], first: 0 };
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.tagName === 'SCRIPT' && node.src) window.__pb.scripts.push({ src: node.src, t: performance.now() });
        if (!window.__pb.first && (node.matches('.search-result') || node.querySelector('.search-result')))
          window.__pb.first = performance.now();
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

// The fixtures, with a section of `count` statements of about 400 characters each added to one model;
// only the first says "bellwort" and only the last "quillwort".
// The fixtures copied to a temporary folder, changed by edit(content folder), built; the site's folder.
function buildFixturesWith(args, prefix, edit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const content = path.join(dir, 'content');
  fs.cpSync(path.join(ROOT, 'tests', 'fixtures', 'content'), content, { recursive: true });
  edit(content);
  const out = path.join(dir, 'site');
  execFileSync(args.binary, ['build', '--no-pdf', '--content', content, '--out', out, '--quiet'], { stdio: 'pipe' });
  return out;
}

// The head of a site's search index (search-index.js).
function searchHead(site) {
  const js = fs.readFileSync(path.join(site, 'search-index.js'), 'utf8');
  return JSON.parse(js.slice(js.indexOf('=') + 1).trim().replace(/;$/, ''));
}

// The script bytes a page loaded before its first result appeared (watchScripts' record).
async function scriptBytesBeforeFirst(page) {
  const seen = await page.evaluate(() => window.__pb);
  const srcs = seen.scripts.filter((s) => s.t <= seen.first).map((s) => fileURLToPath(s.src.split('?')[0]));
  return srcs.reduce((n, f) => n + fs.statSync(f).size, 0);
}

function buildLargeModelSite(args, count) {
  const words = ['family', 'safety', 'worker', 'plan', 'school', 'visit', 'court', 'kin', 'team', 'home',
                 'youth', 'meeting', 'review', 'support', 'service', 'parent', 'record', 'child'];
  const lines = ['id: manual', 'title: Practice manual', 'blocks:', '  - kind: principles', '    heading: Every step', '    items:'];
  for (let i = 0; i < count; i++) {
    const text = [];
    for (let w = 0; text.join(' ').length < 400; w++) text.push(words[(i * 7 + w * 5 + w * w) % words.length]);
    if (i === 0) text.push('bellwort');
    if (i === count - 1) text.push('quillwort');
    lines.push(`      - text: "Step ${i + 1}: ${text.join(' ')}."`);
  }
  return buildFixturesWith(args, 'pb-large-model-', (content) =>
    fs.writeFileSync(path.join(content, 'models', 'alder-county-framework', 'sections', '9-manual.yaml'), lines.join('\n') + '\n'));
}

function readShard(file) {
  const js = fs.readFileSync(file, 'utf8');
  return JSON.parse(js.slice(js.indexOf(']=') + 2).trim().replace(/;$/, ''));
}

async function checkLargeModel(args, browser, fail) {
  const site = buildLargeModelSite(args, 1500);
  const all = scripts(site);
  for (const f of all) if (fs.statSync(f).size > LIMIT) fail(`large model: ${path.relative(site, f)} is ${fs.statSync(f).size} bytes`);
  const head = searchHead(site);
  const model = head.models.find((m) => m[0] === 'alder-county-framework');
  const spans = model[8] - model[5] + 1;
  // Each statement of the section is a document in exactly one shard, and only in the model's shards.
  const seen = new Map();
  head.shards.forEach(([src], n) => {
    const shard = readShard(path.join(site, src));
    for (const doc of shard.docs) {
      const m = /^Step (\d+):/.exec(doc[1]) || /^Step (\d+):/.exec(doc[2]);
      if (!m) continue;
      seen.set(m[1], (seen.get(m[1]) || 0) + 1);
      if (n < model[5] || n > model[8]) fail(`large model: step ${m[1]} is in shard ${n}, outside the model's shards ${model[5]}–${model[8]}`);
    }
  });
  const once = [...seen.values()].filter((k) => k === 1).length;
  console.log(`large model: ${head.shards.length} shards, the model in ${spans} (${model[5]}–${model[8]}); ` +
              `${once} of 1500 steps indexed once; largest script ${Math.max(...all.map((f) => fs.statSync(f).size))} bytes`);
  if (spans < 3) fail(`large model: its ~600 KB of statements are in ${spans} shard(s)`);
  if (once !== 1500 || seen.size !== 1500) fail(`large model: ${seen.size} steps indexed, ${once} once, of 1500`);

  // "Searched N of M models" counts a split model only once all its shards are loaded: with shards
  // 0…k loaded, the models whose last shard is at most k.
  const context = {};
  context.window = context;
  vm.createContext(context);
  for (const file of ['assets/lunr.min.js', 'search-index.js', 'assets/search-core.js'])
    vm.runInContext(fs.readFileSync(path.join(site, file), 'utf8'), context, { filename: file });
  const engine = context.PracticebookSearch.create(context.PRACTICEBOOK_SEARCH, context.lunr);
  for (const k of [model[5], model[8]]) {
    const counted = engine.modelsIn(head.shards.slice(0, k + 1).map((_, n) => ({ n })));
    const whole = head.models.filter((m) => m[8] <= k).length;
    if (counted !== whole) fail(`large model: with shards 0–${k} loaded, "searched" counts ${counted} models, not ${whole}`);
  }

  const page = await browser.newPage();
  try {
    for (const [word, step] of [['bellwort', 1], ['quillwort', 1500]]) {
      await page.goto(pathToFileURL(path.join(site, 'search', 'index.html')).href + '?q=' + word);
      await page.waitForSelector('#search-results .search-result', { timeout: 20000 });
      const first = await page.$eval('#search-results .search-result', (e) => ({ text: e.textContent, href: e.querySelector('a').href }));
      if (!first.text.includes(`Step ${step}:`) || !/alder-county-framework\/manual\/index\.html#/.test(first.href))
        fail(`large model: "${word}" first finds ${first.href} "${first.text.slice(0, 80)}"`);
    }
  } finally {
    await page.close();
    fs.rmSync(path.dirname(site), { recursive: true, force: true });
  }
}

// The fixtures with a national glossary: `count` terms of about 600 characters each (several shards
// of documents across models). Only the first term's definition says "bellflower", only the last's
// "xylarium".
function buildLargeGlossarySite(args, count) {
  const words = ['kin', 'placement', 'court', 'review', 'safety', 'network', 'plan', 'visit', 'youth', 'school'];
  const lines = [];
  for (let i = 0; i < count; i++) {
    const text = [];
    for (let w = 0; text.join(' ').length < 600; w++) text.push(words[(i * 3 + w * 7 + w * w) % words.length]);
    if (i === 0) text.push('bellflower');
    if (i === count - 1) text.push('xylarium');
    lines.push(`  - id: national-term-${i}`, `    term: national term ${i}`, `    definition: "Meaning ${i}: ${text.join(' ')}."`);
  }
  return buildFixturesWith(args, 'pb-large-glossary-', (content) =>
    fs.appendFileSync(path.join(content, 'glossary.yaml'), lines.join('\n') + '\n'));
}

// A glossary of thousands of terms: its page lists them without their definitions, no script is over
// the bound, the documents across models fill several shards; the header box finds the first term by
// a word of its definition after at most 1.5 MB of script, and the search page finds the last.
async function checkLargeGlossary(args, browser, fail) {
  const count = 3000;
  const site = buildLargeGlossarySite(args, count);
  try {
    for (const f of [...scripts(site), path.join(site, 'glossary', 'index.html')])
      if (fs.statSync(f).size > LIMIT) fail(`large glossary: ${path.relative(site, f)} is ${fs.statSync(f).size} bytes`);
    const listed = (fs.readFileSync(path.join(site, 'glossary', 'index.html'), 'utf8').match(/href="\.\.\/glossary\/national-term-\d+\//g) || []).length;
    if (listed !== count) fail(`large glossary: its page links ${listed} of ${count} terms`);
    const head = searchHead(site);
    console.log(`large glossary: ${count} terms in ${head.across} shards of ${head.shards.length}; glossary page ` +
                `${fs.statSync(path.join(site, 'glossary', 'index.html')).size} bytes`);
    if (!(head.across >= 3)) fail(`large glossary: the documents across models are in ${head.across} shard(s)`);
    const context = await browser.newContext();
    await context.addInitScript(watchScripts);
    const page = await context.newPage();
    try {
      await page.goto(pathToFileURL(path.join(site, 'glossary', 'national-term-0', 'index.html')).href);
      await page.focus('#site-search-input');
      const typed = await page.evaluate(() => performance.now());
      await page.keyboard.type('bellflower', { delay: 30 });
      await page.waitForSelector('.site-search-panel .search-result', { timeout: 20000 });
      const href = await page.$eval('.site-search-panel .search-result a', (a) => a.href);
      if (!href.endsWith('/glossary/national-term-0/index.html')) fail(`large glossary: "bellflower" first finds ${href}`);
      const first = await page.evaluate(() => window.__pb.first);
      const bytes = await scriptBytesBeforeFirst(page);
      console.log(`large glossary: header box's first results ${Math.round(first - typed)} ms after the first key, ` +
                  `${(bytes / 1e3).toFixed(0)} KB of script before them`);
      if (bytes > LIMIT) fail(`large glossary: the header box loaded ${bytes} bytes of script before its first results`);
      // The search page goes through every shard: the last term, in the last shard across models.
      await page.goto(pathToFileURL(path.join(site, 'search', 'index.html')).href + '?q=xylarium');
      await page.waitForFunction(() => /results? for/.test(document.getElementById('search-status').textContent) &&
        !/so far/.test(document.getElementById('search-status').textContent), null, { timeout: 60000 });
      const last = await page.$eval('#search-results .search-result a', (a) => a.href);
      if (!last.endsWith(`/glossary/national-term-${count - 1}/index.html`)) fail(`large glossary: "xylarium" first finds ${last}`);
    } finally {
      await context.close();
    }
  } finally {
    fs.rmSync(path.dirname(site), { recursive: true, force: true });
  }
}

// A glossary that just fills its shards across models, so that the models get a small shard of their
// own, which the header box loads: the box has then searched every model but not every term, and must
// not call what it found "all" the results. The terms' count is worked out from a first build (the
// terms' bytes: about the count that fills the last of them), then counts a little above it are tried.
async function checkGlossaryNotAll(args, browser, fail) {
  const alone = (head) => head.models.every((m) => m[5] >= head.across) && head.shards.length === head.across + 1;
  const probe = buildLargeGlossarySite(args, 3000), head = searchHead(probe);
  fs.rmSync(path.dirname(probe), { recursive: true, force: true });
  const bytes = head.shards.map((s) => s[1]), full = Math.max(...bytes), last = bytes[head.across - 1];
  const perTerm = bytes.slice(0, head.across - 1).reduce((a, b) => a + b, 0) / (3000 * (head.across - 1) / head.across);
  const base = 3000 + Math.ceil((full - last) / perTerm);
  let site = null;
  for (let count = base; count <= base + 36; count += 3) {
    const tried = buildLargeGlossarySite(args, count);
    if (alone(searchHead(tried))) { site = tried; break; }
    fs.rmSync(path.dirname(tried), { recursive: true, force: true });
  }
  if (!site) return fail(`large glossary: no count of terms from ${base} to ${base + 36} left the models a shard of their own`);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(site, 'glossary', 'national-term-0', 'index.html')).href);
    await page.focus('#site-search-input');
    await page.keyboard.type('xylarium', { delay: 30 });
    await page.waitForFunction(() => /xylarium/.test(document.querySelector('.site-search-status').textContent), null, { timeout: 20000 });
    const link = await page.textContent('.site-search-panel .search-all');
    const status = await page.textContent('.site-search-status');
    console.log(`large glossary, the models in a shard of their own: the header box on "xylarium": "${link}" / "${status}"`);
    if (/^All /.test(link) || !/part of the glossary/.test(status))
      fail(`large glossary: the header box, which has not searched the later terms, says "${link}" / "${status}"`);
  } finally {
    await context.close();
    fs.rmSync(path.dirname(site), { recursive: true, force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const site = buildBigSite(args);
  const failures = [];
  const fail = (message) => failures.push(message);

  const all = scripts(site);
  const shards = all.filter((f) => /search\/shard-\d+\.js$/.test(f));
  const biggest = all.reduce((a, f) => (fs.statSync(f).size > fs.statSync(a).size ? f : a));
  const total = shards.reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`${shards.length} shards, ${(total / 1e6).toFixed(1)} MB in all; largest script ${path.relative(site, biggest)} ` +
              `${(fs.statSync(biggest).size / 1e3).toFixed(0)} KB`);
  if (shards.length < 4) fail(`only ${shards.length} shards: the corpus should need several`);
  for (const f of all) if (fs.statSync(f).size > LIMIT) fail(`${path.relative(site, f)} is ${fs.statSync(f).size} bytes`);

  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(watchScripts);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

    // The header box of a model page: type, results under the box.
    await page.goto(pathToFileURL(path.join(site, 'models', 'model-0007', 'index.html')).href);
    await page.focus('#site-search-input');
    const typed = await page.evaluate(() => performance.now());
    await page.keyboard.type('genogram', { delay: 30 });
    await page.waitForSelector('.site-search-panel .search-result', { timeout: 20000 });
    const first = await page.evaluate(() => window.__pb.first);
    const boxBytes = await scriptBytesBeforeFirst(page);
    console.log(`header box: first results ${Math.round(first - typed)} ms after the first key, ` +
                `${(boxBytes / 1e3).toFixed(0)} KB of script before them`);
    if (boxBytes > LIMIT) fail(`header box loaded ${boxBytes} bytes of script before its first results`);
    const more = await page.textContent('.site-search-panel .search-all');
    if (!/of \d+ models/.test(more)) fail(`the header box does not say it searched only some models: "${more}"`);

    // The search page: first results, then every shard; a state named in the query is searched first.
    const query = 'State 07 genogram';
    await page.goto(pathToFileURL(path.join(site, 'search', 'index.html')).href + '?q=' + encodeURIComponent(query));
    const loadedAt = Math.round(await page.evaluate(() => performance.timing.loadEventEnd - performance.timing.navigationStart));
    await page.waitForSelector('#search-results .search-result', { timeout: 20000 });
    // Times from the start of the page's navigation, as the page measured them.
    const firstMs = Math.round(await page.evaluate(() => window.__pb.first));
    const pageBytes = await scriptBytesBeforeFirst(page);
    await page.waitForFunction(() => /results? for/.test(document.getElementById('search-status').textContent) &&
      !/so far/.test(document.getElementById('search-status').textContent), null, { timeout: 300000 });
    const allMs = Math.round(await page.evaluate(() => performance.now()));
    const status = await page.textContent('#search-status');
    const groups = await page.$$eval('#search-results .search-group-title', (els) => els.map((e) => e.textContent));
    const loaded = await page.evaluate(() => window.__pb.scripts.filter((s) => /shard-/.test(s.src)).length);
    console.log(`search page "${query}": loaded ${loadedAt} ms, first results ${firstMs} ms (${(pageBytes / 1e3).toFixed(0)} KB of script), ` +
                `all ${loaded} shards in ${allMs} ms; ${status}`);
    if (loadedAt > firstMs) fail(`the search page's load event waited for the shards (${loadedAt} ms)`);
    if (pageBytes > LIMIT) fail(`search page loaded ${pageBytes} bytes of script before its first results`);
    if (loaded < shards.length - 1) fail(`the search page loaded ${loaded} of ${shards.length} shards`);
    if (!/^State 07/.test(groups[0] || '')) fail(`the state named comes first: groups ${groups.slice(0, 3).join(' | ')}`);
    if (groups.length < 3) fail(`results from ${groups.length} groups only`);
    if (errors.length) fail(`console errors: ${errors.join(' | ')}`);
    await checkLargeModel(args, browser, fail);
    await checkLargeGlossary(args, browser, fail);
    await checkGlossaryNotAll(args, browser, fail);
  } finally {
    await browser.close();
    if (!args.site) fs.rmSync(path.dirname(site), { recursive: true, force: true });
  }
  console.log(`time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length) {
    failures.forEach((f) => console.log(`FAILED: ${f}`));
    process.exit(1);
  }
  console.log('search shards: all checks passed');
}

main().catch((err) => { console.error(err); process.exit(1); });
