// report.html of an edition whose feed sends text without spaces to break at (a 300-character headline, a long link
// as a title, a German compound as a feed's name), in headless chromium at 1280 and 375 px: the page stays as wide as the
// window, the long strings breaking inside their cells and other words kept whole, instead of one headline making the
// table thousands of pixels wide. Sample text is invented.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from './browser.js';
import { runCli } from '../helpers/cli.js';

const HEADLINE = `Negotiators${'A'.repeat(289)}`;
const LINK_TITLE = 'https://www.example-newspaper.test/2026/11/18/world/europe/ukraine-russia-ceasefire-talks-geneva-negotiators-agree-on-prisoner-exchange-framework';
const COMPOUND = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';

/** `digest build` of the feed: the report's file URL. */
async function build(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-report-long-'));
  const item = (i: number, title: string) =>
    `<item><title>${title}</title><link>https://wire.test.example/${i}</link><guid>${i}</guid><pubDate>Wed, 18 Nov 2026 1${i}:00:00 GMT</pubDate><description>The ceasefire talks in Geneva went on for hours.</description></item>`;
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
${item(1, HEADLINE)}${item(2, LINK_TITLE)}${item(3, 'Grain terminal reopens after repairs')}</channel></rss>`,
  );
  writeFileSync(
    path.join(dir, 'digest.config.yaml'),
    `title: Diplomacy Watch\ntimezone: UTC\nfeeds:\n  - name: ${COMPOUND}\n    path: feed.xml\nthemes:\n  - id: talks\n    title: Talks\n    keywords: [ceasefire]\n`,
  );
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', path.join(dir, 'out'), '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return pathToFileURL(path.join(dir, 'out', '2026-11-23', 'report.html')).href;
}

describe.skipIf(chromiumMissing)(`report.html with long unbroken text${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  let report: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    report = await build();
  }, 60_000);
  afterAll(async () => browser?.close());

  /** How wide the page is at `width`, and how much wider than the same page with the long strings taken out. */
  async function widths(width: number): Promise<{ page: number; without: number; broken: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(report);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    // the short words (up to 12 letters or digits: "#1", "44", "command") shown over two lines: none, as the
    // long strings' breaks are theirs alone
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (!n.parentElement?.closest('body') || n.parentElement.closest('script,style,option,[hidden]')) continue;
        for (const m of n.data.matchAll(/(?<![\p{L}\p{N}#])[\p{L}\p{N}#]{2,12}(?![\p{L}\p{N}])/gu)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
      return out;
    });
    // the same page with each long string cut short: what the report's own layout needs at this width
    const without = await page.evaluate((long) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) for (const s of long) n.textContent = n.textContent!.split(s).join(s.slice(0, 12));
      return document.documentElement.scrollWidth;
    }, [HEADLINE, LINK_TITLE, COMPOUND]);
    await page.close();
    return { page: wide, without, broken };
  }

  it('is as wide as the window at 1280 px', async () => {
    const { page, broken } = await widths(1280);
    expect(page).toBe(1280);
    expect(broken, 'short words broken over two lines').toEqual([]);
  }, 60_000);

  it('at 375 px, is no wider than its layout is without the long strings', async () => {
    const { page, without, broken } = await widths(375);
    expect(page).toBeLessThanOrEqual(without);
    expect(broken, 'short words broken over two lines').toEqual([]);
  }, 60_000);
});
