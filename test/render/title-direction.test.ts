// The <title> of an edition's page and what screen readers announce it as (the aria-label MJML gives the email's
// body), when the digest's title is written in the other direction than its language (an Arabic or Hebrew title in
// an English digest, an English title in an Arabic one): in the email `digest build` writes and in the archive's web
// copy, shown on a line of the page's direction by headless chromium, the date stays whole after the title, where
// the bidirectional algorithm pulled its first day to the title's far side ("16–23 · مرصد الدبلوماسية November
// 2026"). The subject already closes the title with a direction mark (subject-direction.test.ts). Text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { runCli } from '../helpers/cli.js';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import { makeEdition, writeEditionFile } from '../deliver/support.js';
import { webAppPerTest } from '../helpers/web-app.js';

const CASES = [
  { title: 'مرصد الدبلوماسية', locale: 'en', first: '16', month: 'November' },
  { title: 'מעקב דיפלומטי', locale: 'en', first: '16', month: 'November' },
  { title: 'Diplomacy Watch', locale: 'ar', first: '16', month: 'نوفمبر' },
];

/** `digest build` of one story in a digest titled `title`, in `locale`: the path of digest.html. */
async function emailOf(title: string, locale: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-title-dir-'));
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>Grain terminal reopens after repairs</title><link>https://wire.test.example/1</link><guid>1</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate>
<description>The northern terminal handled its first ship since the summer.</description></item></channel></rss>`,
  );
  writeFileSync(path.join(dir, 'digest.config.yaml'), `title: "${title}"\nlocale: ${locale}\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [terminal]\n`);
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return path.join(out, '2026-11-23', 'digest.html');
}

describe.skipIf(chromiumMissing)(`the page title with a digest title in the other direction${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());
  const startApp = webAppPerTest();

  /**
   * The page at `url`: its <title> and its body's aria-label, each set on a line of the page's direction, with where
   * the title, the first day and the month show on it.
   */
  async function titlesShown(url: string, c: (typeof CASES)[number]) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 400 } });
    await page.goto(url);
    const found = await page.evaluate(
      ([parts]) => {
        const dir = document.documentElement.getAttribute('dir') || 'ltr';
        const label = document.querySelector('[role=article]')?.getAttribute('aria-label') ?? '';
        return [document.title, label].map((text) => {
          const line = document.createElement('div');
          line.dir = dir;
          line.style.cssText = 'font:16px sans-serif;white-space:nowrap;position:absolute;top:0';
          line.textContent = text;
          document.body.append(line);
          const places = parts.map((part) => {
            const at = text.indexOf(part);
            if (at < 0) return null;
            const range = document.createRange();
            range.setStart(line.firstChild!, at);
            range.setEnd(line.firstChild!, at + part.length);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
          });
          line.remove();
          return { text, places };
        });
      },
      [[c.title, c.first, c.month]] as const,
    );
    await page.close();
    return found;
  }

  function expectDateWholeAfterTitle(shown: Awaited<ReturnType<typeof titlesShown>>, c: (typeof CASES)[number], where: string) {
    for (const [i, { text, places }] of shown.entries()) {
      const what = `${where}: the ${i === 0 ? '<title>' : 'aria-label'} "${text}"`;
      expect(text.replace(/[\u200e\u200f]/g, ''), what).toMatch(new RegExp(`^${c.title} · 16–23 `));
      const [title, day, month] = places;
      expect(title && day && month, what).toBeTruthy();
      if (c.locale === 'ar') {
        // right to left: the date after the title is to its left, its first day nearest the title
        expect(day!.right, `${what}: the first day after the title`).toBeLessThan(title!.left);
        expect(month!.right, `${what}: the month after the days`).toBeLessThan(day!.left);
      } else {
        expect(day!.left, `${what}: the first day after the title`).toBeGreaterThan(title!.right);
        expect(month!.left, `${what}: the month after the days`).toBeGreaterThan(day!.right);
      }
    }
  }

  it.each(CASES)('in the email: "$title" in a digest in $locale', async (c) => {
    const file = await emailOf(c.title, c.locale);
    expect(readFileSync(file, 'utf8')).toContain('role="article"');
    expectDateWholeAfterTitle(await titlesShown(pathToFileURL(file).href, c), c, 'digest.html');
  }, 120_000);

  it.each(CASES)('in the archive’s web copy: "$title" in a digest in $locale', async (c) => {
    const app = await startApp({ extraConfig: `locale: ${c.locale}\n`, deps: (ws) => ({ extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] }) });
    const edition = makeEdition();
    edition.edition.title = c.title;
    edition.edition.timezone = 'UTC';
    edition.edition.start = '2026-11-16T07:00:00.000Z';
    edition.edition.end = '2026-11-23T07:00:00.000Z';
    writeEditionFile(app.ws.outDir, edition);
    expectDateWholeAfterTitle(await titlesShown(`${app.base}/archive/2026-11-23`, c), c, 'the web copy');
  }, 120_000);
});
