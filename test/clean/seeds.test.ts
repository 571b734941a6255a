// Runs the cleaner over real scraped articles (read at test time; never copied into the repo).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanFeedItems } from '../../src/clean/index.js';

const SEEDS = '/work/shared/seeds';
const files = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];
const missing = existsSync(SEEDS) ? (files.length ? null : `no .txt files in ${SEEDS}`) : `${SEEDS} not found (the shared seed articles)`;

// Furniture seen in those pages: share/follow lines, widget residue, end-of-page navigation, teaser blocks.
const MARKERS = [/More from/, /Exit mobile version/i, /Back to top/i, /^Share\.?$/im, /Follow us/i, /google cta/i, /keep reading/i, /Show less/i, /Preferred Source/i, /^Read more$/im, /^(Reuters|REUTERS\/.*)$/m, /^Reporting \| /m, /^\|\|$/m, /^LATEST$/m, /^Newsletter$/m, /Subscribe now/i];

describe.skipIf(missing !== null)(`real scraped seeds${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const items = files.map((f) => {
    const raw = readFileSync(`${SEEDS}/${f}`, 'utf8');
    return { title: raw.split('\n').find((l) => l.trim()) ?? '', html: raw };
  });
  const out = cleanFeedItems(items);

  it('removes every known furniture marker', () => {
    for (const [i, o] of out.entries()) {
      for (const marker of MARKERS) expect(o.text, `${files[i]} ${marker}`).not.toMatch(marker);
    }
  });

  it('keeps most of each article and a lead from its text', () => {
    for (const [i, o] of out.entries()) {
      const paras = o.text.split('\n\n');
      expect(paras.length, files[i]).toBeGreaterThanOrEqual(4);
      // Every kept paragraph comes from the input.
      for (const p of paras) expect(items[i].html.replace(/["']/g, '').replace(/[“”‘’]/g, ''), files[i]).toContain(p.replace(/["'“”‘’]/g, '').slice(0, 60));
      expect(o.lead.length).toBeGreaterThan(0);
      expect(o.lead.length).toBeLessThanOrEqual(300);
      expect(o.lead).not.toBe(o.title);
    }
  });

  it('does not repeat the title as the first paragraph', () => {
    for (const o of out) expect(o.text.split('\n\n')[0]).not.toBe(o.title);
  });
});
