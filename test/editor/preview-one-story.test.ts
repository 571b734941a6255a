// The line above `digest preview`'s page of an edition with one story from one feed, in one section, one item left
// out: each count in the singular, "1 story in 1 section · 1 item left out", as `digest build` says it, instead of
// "1 stories in 1 sections · 1 items left out". Sample text is invented.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Listening } from '../helpers/serve.js';

let preview: Listening;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-preview-one-'));
  const item = (i: number, title: string, date: string) =>
    `<item><title>${title}</title><link>https://wire.test.example/${i}</link><guid>${i}</guid><pubDate>${date}</pubDate><description>The northern terminal handled its first ship since the summer.</description></item>`;
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
${item(1, 'Grain terminal reopens after repairs', 'Wed, 18 Nov 2026 10:00:00 GMT')}${item(2, 'Grain terminal closes for repairs', 'Wed, 21 Oct 2026 10:00:00 GMT')}</channel></rss>`,
  );
  writeFileSync(path.join(dir, 'digest.config.yaml'), 'title: Diplomacy Watch\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [terminal]\n');
  preview = await startPreview(['--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--offline']);
}, 60_000);
afterAll(async () => preview?.stop());

describe('the preview of a one-story edition', () => {
  it('counts in the singular', async () => {
    const summary = async () => parseHTML(await (await fetch(preview.url)).text()).document.querySelector('#summary')?.textContent ?? '';
    await expect.poll(summary, { timeout: 30_000 }).not.toBe('');
    expect(await summary()).toMatch(/^1 story in 1 section · 1 item left out · 1\/1 feeds ok · built in \d+ ms$/);
  }, 60_000);
});
