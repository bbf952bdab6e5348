// axe-core for the checks, injected into each page they test. Over http the test server serves it at
// AXE_PATH, cacheable, so Chromium compiles it once and keeps the code: pasted into each page as text
// it was parsed and compiled again on every page (300-800 ms of each page's 1-1.5 s of axe).
'use strict';
const fs = require('fs');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_PATH = '/__tests__/axe.min.js';

async function injectAxe(page) {
  if (new URL(page.url()).protocol.startsWith('http')) await page.addScriptTag({ url: AXE_PATH });
  else await page.addScriptTag({ content: AXE_SOURCE });
}

module.exports = { AXE_SOURCE, AXE_PATH, injectAxe };
