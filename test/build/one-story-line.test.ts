// What `digest build` prints of an edition of one story from one item in one section: in the singular ("1 story from
// 1 item in 1 section"), not "1 stories from 1 items in 1 sections"; and what its report.html says of it ("1 item from
// 1 feed", "1 of 1 item"), as the line does. Sample text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { runCli } from '../helpers/cli.js';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';

describe('the line digest build prints of a one-story edition', () => {
  it('counts in the singular', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-one-story-'));
    writeFileSync(
      path.join(dir, 'feed.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>Grain terminal reopens after repairs</title><link>https://wire.test.example/1</link><guid>1</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate>
<description>The northern terminal handled its first ship since the summer.</description></item></channel></rss>`,
    );
    writeFileSync(path.join(dir, 'digest.config.yaml'), 'title: Diplomacy Watch\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [terminal]\n');
    const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', path.join(dir, 'out'), '--offline'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Diplomacy Watch · edition 2026-11-23: 1 story from 1 item in 1 section (0 items left out; 1/1 feeds ok)');
    const { document } = parseHTML(readFileSync(path.join(dir, 'out', '2026-11-23', 'report.html'), 'utf8'));
    expect(document.querySelector('header p')!.textContent!.replace(/\s+/g, ' ')).toMatch(/ 1 item from 1 feed: 1 in stories, 0 left out\.$/);
    expect(document.querySelector('#f-count')!.textContent).toBe('1 of 1 item');
    if (chromiumMissing) return;
    // the filters' script writes the line again as the page opens: in the singular too
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(dir, 'out', '2026-11-23', 'report.html')).href);
      expect(await page.textContent('#f-count')).toBe('1 of 1 item');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
