// report.html of a story editors corrected forty times (forty outlets' reports of one event merged into it one by
// one), in headless chromium at 1280 px: its "edited #1 #2 … #40" badge wraps inside the Why column, so the page stays
// as wide as the window, instead of the badge kept on one line making the table wider than the screen. The
// corrections are stored as `digest edit merge` stores them; the report is what `digest build` then writes.
// Sample text is invented.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser } from './browser.js';
import { runCli } from '../helpers/cli.js';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';

const OUTLETS = 41;
const TOPICS = ['grain', 'power', 'rail', 'port', 'bridge', 'school', 'water', 'clinic'];

describe.skipIf(chromiumMissing)(`report.html of a story corrected forty times${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  it('is as wide as the window at 1280 px', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-report-corrections-'));
    // one item a feed, each on its own subject, so that each is a story of its own until the editors merge them
    const feeds = Array.from({ length: OUTLETS }, (_, i) => {
      const topic = `${TOPICS[i % TOPICS.length]} ${i}`;
      writeFileSync(
        path.join(dir, `o${i}.xml`),
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet ${i}</title><link>https://o${i}.test.example/</link>
<item><title>Repairs of ${topic} finished in Kharkiv region</title><link>https://o${i}.test.example/a</link><guid>a</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate><description>Crews finished repairing the ${topic} site on Wednesday.</description></item></channel></rss>`,
      );
      return `  - name: Outlet Number ${i} Daily Herald\n    id: o${i}\n    path: o${i}.xml\n`;
    });
    const config = path.join(dir, 'digest.config.yaml');
    writeFileSync(config, `title: Diplomacy Watch\ntimezone: UTC\nstate: state\nfeeds:\n${feeds.join('')}themes:\n  - id: repairs\n    title: Repairs\n    keywords: [repairs]\n`);
    const build = () => runCli(['build', '--config', config, '--now', '2026-11-23T07:00:00Z', '--out', path.join(dir, 'out'), '--offline'], { cwd: dir, timeoutMs: 120_000 });
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    const store = openStore(path.join(dir, 'state'));
    try {
      const book = new EditionLifecycle(store);
      for (let i = 1; i < OUTLETS; i++) {
        book.addCorrection({ kind: 'merge', items: Array.from({ length: i }, (_, k) => `o${k}:a`), other: [`o${i}:a`], by: 'ed@desk.test' });
      }
    } finally {
      store.close();
    }
    const second = await build();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/: 1 story from 41 items in 1 section /);

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(pathToFileURL(path.join(dir, 'out', '2026-11-23', 'report.html')).href);
      expect(await page.locator('#rows .badge.edited').first().textContent()).toMatch(/^edited #1 #2 .* #40$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
