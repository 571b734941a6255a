// A story written in the other direction than its digest (an Arabic or Hebrew report in an English edition, an
// English one in an Arabic edition) lines up on its own side in the email `digest build` renders, as a reader of
// that script expects: each line of an Arabic summary ends at the right edge, its short last line too, not
// stranded at the left as the page's left alignment put it. Measured in headless chromium at 375 px.
// Sample text is invented.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { runCli } from '../helpers/cli.js';

const STORIES = {
  ar: {
    title: 'وزراء الخارجية العرب يجتمعون في القاهرة لبحث خطة جديدة لوقف إطلاق النار وتبادل الأسرى',
    summary: 'اجتمع وزراء الخارجية العرب في القاهرة لبحث خطة جديدة لوقف إطلاق النار وتبادل الأسرى. وقال المتحدث باسم الجامعة إن اجتماعًا آخر سيعقد الأسبوع المقبل.',
  },
  he: {
    title: 'שרי החוץ נפגשו בקהיר כדי לדון בתוכנית חדשה להפסקת אש ולחילופי שבויים',
    summary: 'שרי החוץ נפגשו בקהיר כדי לדון בתוכנית חדשה להפסקת אש. הדובר אמר כי פגישה נוספת תתקיים בשבוע הבא בעיר אחרת.',
  },
  en: {
    title: 'Port of Odesa reopens its northern grain terminal after long repairs to the damaged quay',
    summary: 'The northern terminal handled its first ship since the summer, the port authority said. Operators expect it to run at full capacity by the middle of next month.',
  },
};

/** `digest build` of the three stories in a digest of this locale: the path of its digest.html. */
async function build(locale: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-direction-'));
  const items = Object.entries(STORIES).map(
    ([key, s], i) => `<item><title>${s.title}</title><link>https://dir.test.example/${key}</link><guid>${key}</guid>
<pubDate>${new Date(Date.UTC(2026, 10, 18 + i, 10)).toUTCString()}</pubDate><description>${s.summary}</description></item>`,
  );
  writeFileSync(path.join(dir, 'feed.xml'), `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Mixed</title><link>https://dir.test.example/</link>${items.join('')}</channel></rss>`);
  writeFileSync(
    path.join(dir, 'digest.config.yaml'),
    `title: Direction Watch\nlocale: ${locale}\ntimezone: UTC\nfeeds:\n  - name: Mixed\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [nothing-matches-this]\n`,
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return path.join(out, '2026-11-23', 'digest.html');
}

interface Lines {
  /** the element's content box */
  left: number;
  right: number;
  /** each line of its text: where it starts and ends */
  lines: Array<{ left: number; right: number }>;
}

describe.skipIf(chromiumMissing)(`stories in the other direction than the digest's${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());

  /** The lines of the title (h3) and summary of the story whose title begins `title`, in digest.html at 375 px. */
  async function measure(file: string, titles: string[]): Promise<Record<string, { title: Lines; summary: Lines }>> {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(file).href);
    const found = await page.evaluate((wanted) => {
      const linesOf = (el: Element) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const range = document.createRange();
        range.selectNodeContents(el);
        // one rect per line box (a link inside adds its own, on the same lines): merge by their vertical place
        const byLine = new Map<number, { left: number; right: number }>();
        for (const r of range.getClientRects()) {
          if (r.width === 0) continue;
          const key = Math.round(r.top + r.height / 2);
          const near = [...byLine.keys()].find((k) => Math.abs(k - key) < 4);
          const at = near ?? key;
          const line = byLine.get(at);
          byLine.set(at, line ? { left: Math.min(line.left, r.left), right: Math.max(line.right, r.right) } : { left: r.left, right: r.right });
        }
        const lines = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
        return { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight), lines };
      };
      const out: Record<string, { title: unknown; summary: unknown }> = {};
      for (const h3 of document.querySelectorAll('h3.rd-card-title')) {
        const key = wanted.find((w) => h3.textContent!.trim().startsWith(w.slice(0, 20)));
        if (!key) continue;
        const summary = [...h3.parentElement!.querySelectorAll('p')].find((p) => !p.classList.contains('rd-muted') && !p.querySelector('a'))!;
        out[key] = { title: linesOf(h3), summary: linesOf(summary) };
      }
      return out;
    }, titles);
    await context.close();
    return found as Record<string, { title: Lines; summary: Lines }>;
  }

  /** Every line of the text starts (ltr) or ends (rtl) at the element's edge; and the last one is short, so it shows. */
  function expectLinedUp(what: string, m: Lines, side: 'left' | 'right') {
    expect(m.lines.length, `${what} wraps at 375 px`).toBeGreaterThan(1);
    const last = m.lines[m.lines.length - 1];
    expect(last.right - last.left, `the last line of ${what} is short`).toBeLessThan(0.85 * (m.right - m.left));
    for (const [i, line] of m.lines.entries()) {
      const gap = side === 'right' ? m.right - line.right : line.left - m.left;
      expect(gap, `line ${i + 1} of ${what}: from the ${side} edge`).toBeLessThan(3);
    }
  }

  it.each([
    ['en', 'an English digest'],
    ['ar', 'an Arabic digest'],
  ])('in %s (%s): the English story lines up on the left, the Arabic and Hebrew ones on the right', async (locale) => {
    const file = await build(locale);
    const found = await measure(file, Object.values(STORIES).map((s) => s.title));
    for (const [key, s] of Object.entries(STORIES)) {
      const m = found[s.title];
      expect(m, `the ${key} story in the email`).toBeDefined();
      const side = key === 'en' ? 'left' : 'right';
      expectLinedUp(`the ${key} title`, m.title, side);
      expectLinedUp(`the ${key} summary`, m.summary, side);
    }
  }, 120_000);
});
