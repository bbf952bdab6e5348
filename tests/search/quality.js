#!/usr/bin/env node
// Search quality: builds the site (or takes --site), runs the real search (assets/lunr.min.js, the
// built search-index.js with its shards, and assets/search-core.js) in node over the staff queries of queries.json,
// and checks hit@5, zero results and duplicates. Prints hit@1 and hit@5 and every miss.
//   node tests/search/quality.js --binary build/practicebook --content content [--site DIR] [--verbose 1]
//                                [--queries FILE]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { execFileSync } = require('child_process');

// The bars this set must clear (the issue's bars for 40 hidden queries, as shares).
const MIN_HIT5 = 0.9, MIN_HIT1 = 0.7, MAX_ZERO = 1;

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  return args;
}

function buildSite(args) {
  if (args.site) return path.resolve(args.site);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-search-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));  // the run reads the site until it ends
  const out = path.join(tmp, 'site');
  execFileSync(args.binary, ['build', '--no-pdf', '--content', args.content, '--out', out, '--quiet'], { stdio: 'inherit' });
  return out;
}

// The engine as the browser runs it: the same files, evaluated as scripts in one global scope, with
// every shard the query needs (as the search page loads them; shards are cached once loaded).
function loadEngine(site) {
  const context = { console };
  context.window = context;
  context.globalThis = context;
  vm.createContext(context);
  const run = (file) => vm.runInContext(fs.readFileSync(path.join(site, file), 'utf8'), context, { filename: file });
  for (const file of ['assets/lunr.min.js', 'search-index.js', 'assets/search-core.js']) run(file);
  const engine = context.PracticebookSearch.create(context.PRACTICEBOOK_SEARCH, context.lunr);
  return (q) => {
    for (const shard of engine.shardsFor(q, {})) if (!shard.loaded) run(shard.src);
    engine.adopt();
    const result = engine.search(q, {});
    result.visible = context.PracticebookSearch.visible(result);
    return result;
  };
}

function acceptable(query, hit) {
  if ((query.href || []).some((h) => hit.href.includes(h))) return true;
  return !!query.text && new RegExp(query.text, 'i').test(hit.title);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const site = buildSite(args);
  // --engine FILE: another engine to compare with (a module exporting load(site) → query → result).
  const search = args.engine ? require(path.resolve(args.engine)).load(site) : loadEngine(site);
  // --queries FILE: another set of queries (to try new ones before they join queries.json).
  const { queries } = JSON.parse(fs.readFileSync(args.queries || path.join(__dirname, 'queries.json'), 'utf8'));
  let hit1 = 0, hit5 = 0, zero = 0, duplicates = 0;
  const problems = [];
  for (const query of queries) {
    const started = process.hrtime.bigint();
    const result = search(query.q);
    if (!result.visible) result.visible = [].concat(...result.groups.map((g) => g.hits));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const hits = result.hits;
    if (!hits.length) zero++;
    // What a person sees: the results the page shows before any "Show more", in its order.
    const shown = result.visible;
    const rank = shown.findIndex((h) => acceptable(query, h));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 5) hit5++;
    const seen = new Set();
    for (const h of shown) {
      const key = h.kind === 's' || h.kind === 'a' ? h.title.toLowerCase().replace(/\s+/g, ' ') : h.href;
      if (seen.has(key) || seen.has(h.href)) { duplicates++; problems.push(`duplicate for "${query.q}": ${h.href}`); }
      seen.add(key);
      seen.add(h.href);
    }
    if (rank < 0 || rank >= 5 || args.verbose) {
      const top = shown.slice(0, 5).map((h, i) => `    ${i + 1}. ${h.href} · ${h.title.slice(0, 70)}`).join('\n');
      (rank < 0 || rank >= 5 ? problems : []).push(`not in the top 5 (rank ${rank < 0 ? 'none' : rank + 1}): "${query.q}" [${query.kind}]${result.usedSuggestion ? ` (as "${result.suggestion}")` : ''}\n${top}`);
      if (args.verbose) console.log(`"${query.q}" rank ${rank + 1}, ${hits.length} hits, ${ms.toFixed(1)} ms${result.suggestion ? `, did you mean "${result.suggestion}"` : ''}\n${top}`);
    }
  }
  const n = queries.length;
  const pct = (k) => `${k}/${n} (${Math.round((100 * k) / n)}%)`;
  problems.forEach((p) => console.log(p));
  console.log(`search quality over ${n} queries: hit@1 ${pct(hit1)}, hit@5 ${pct(hit5)}, zero results ${zero}, duplicates ${duplicates}`);
  const failed = n < 30 || hit5 < MIN_HIT5 * n || hit1 < MIN_HIT1 * n || zero > MAX_ZERO || duplicates > 0;
  if (failed) console.log(`FAILED: needs at least 30 queries, hit@5 >= ${MIN_HIT5 * 100}%, hit@1 >= ${MIN_HIT1 * 100}%, at most ${MAX_ZERO} with no results, no duplicates`);
  process.exit(failed ? 1 : 0);
}

main();
