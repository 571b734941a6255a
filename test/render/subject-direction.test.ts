// The subject of an edition whose title is written in the other direction than its language (an Arabic or Hebrew
// title in an English digest, an English title in an Arabic one), as `digest build` writes it into digest.eml and
// as an inbox shows it, on a line of the reader's direction (headless chromium): the date stays whole after the
// title, where the bidirectional algorithm used to pull its day next to the title's far end ("23 · مرصد … Nov 2026").
// Sample text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { runCli } from '../helpers/cli.js';

/** `digest build` of one English story, titled `title`, in `locale`: the subject of digest.eml. */
async function subjectOf(title: string, locale: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-subject-dir-'));
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
  return (await simpleParser(readFileSync(path.join(out, '2026-11-23', 'digest.eml')))).subject ?? '';
}

describe.skipIf(chromiumMissing)(`a subject with a title in the other direction${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());

  /** Where each of `parts` (substrings of the subject) shows on a line of direction `dir`: its left and right. */
  async function placesOf(subject: string, dir: 'ltr' | 'rtl', parts: string[]): Promise<Array<{ left: number; right: number }>> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 200 } });
    await page.setContent(`<div id="s" dir="${dir}" style="font:16px sans-serif;white-space:nowrap"></div>`);
    const places = await page.evaluate(
      ([text, wanted]) => {
        const div = document.getElementById('s')!;
        div.textContent = text;
        const node = div.firstChild!;
        return wanted.map((part) => {
          const at = text.indexOf(part);
          if (at < 0) return null;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + part.length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
        });
      },
      [subject, parts] as const,
    );
    await page.close();
    for (const [i, p] of places.entries()) expect(p, `"${parts[i]}" in the subject "${subject}"`).not.toBeNull();
    return places as Array<{ left: number; right: number }>;
  }

  it('English digest, Arabic or Hebrew title: the day shows after the title, beside its month', async () => {
    for (const title of ['مرصد الدبلوماسية', 'מעקב דיפלומטי']) {
      const subject = await subjectOf(title, 'en');
      expect(subject.replace(/[\u200e\u200f]/g, '')).toBe(`${title} · 23 Nov 2026: Grain terminal reopens after repairs`);
      const [shownTitle, day, month] = await placesOf(subject, 'ltr', [title, '23', 'Nov']);
      expect(day.left, `the day after the title in "${subject}"`).toBeGreaterThan(shownTitle.right);
      expect(month.left - day.right, 'the day beside its month').toBeLessThan(10);
      expect(month.left).toBeGreaterThan(day.right);
    }
  }, 120_000);

  it('Arabic digest, English title: the day shows after the title (to its left), beside its month', async () => {
    const title = 'Diplomacy Watch';
    const subject = await subjectOf(title, 'ar');
    expect(subject.replace(/[\u200e\u200f]/g, '')).toBe(`${title} · 23 نوفمبر 2026: Grain terminal reopens after repairs`);
    const [shownTitle, day, month] = await placesOf(subject, 'rtl', [title, '23', 'نوفمبر']);
    expect(day.right, `the day after the title in "${subject}"`).toBeLessThan(shownTitle.left);
    expect(day.left - month.right, 'the day beside its month').toBeLessThan(10);
    expect(day.left).toBeGreaterThan(month.right);
  }, 120_000);
});
