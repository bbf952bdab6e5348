// The layout of a printed PDF, read with poppler's `pdftotext -bbox`: per page its size and words
// with their boxes (points, from the top left), split into the body and the footer margin.
'use strict';
const { execFileSync } = require('child_process');

const FOOTER_MARGIN = 0.8 * 72;  // the @page bottom margin of every handout
const DEJAVU_HEIGHT = 1.164;     // a word box's height in em (ascent + descent of DejaVu Sans)

const unescape = (s) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function pdfLayout(file) {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const width = Number(m[1]), height = Number(m[2]);
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((w) => ({ x0: +w[1], y0: +w[2], x1: +w[3], y1: +w[4], text: unescape(w[5]) }));
    const footerTop = height - FOOTER_MARGIN + 4;
    pages.push({ width, height, body: words.filter((w) => w.y0 < footerTop), footer: words.filter((w) => w.y0 >= footerTop) });
  }
  return pages;
}

// Body lines of a page, top to bottom: words whose tops are within 2 pt, left to right.
function lines(page) {
  const sorted = [...page.body].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const out = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y0 - w.y0) < 2) last.words.push(w);
    else out.push({ y0: w.y0, words: [w] });
  }
  for (const l of out) l.text = l.words.sort((a, b) => a.x0 - b.x0).map((w) => w.text).join(' ');
  return out;
}

// The body's type size (the median word height, in points) and the share of the page's height the
// body spans, from the top of its first word to the bottom of its last.
function typeAndUse(page) {
  const heights = page.body.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  const median = heights.length ? heights[Math.floor(heights.length / 2)] : 0;
  const top = Math.min(...page.body.map((w) => w.y0)), bottom = Math.max(...page.body.map((w) => w.y1));
  return { size: median / DEJAVU_HEIGHT, used: page.body.length ? (bottom - top) / page.height : 0 };
}

module.exports = { pdfLayout, lines, typeAndUse };
