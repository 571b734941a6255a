// The line under a story's title (its outlets, "+2 more", its date) on a phone 375 px wide, in headless chromium:
// the bundled sample edition built by `digest build` in English, Ukrainian, German and Arabic, in the email
// (digest.html) and in the archive's web copy. When the line is too long for the screen it breaks between two of
// its parts, never inside one: not "Wed 18 Nov" on one line and "2026" on the next, nor "Policy" and "Notes".
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import { writeEditionFile } from '../deliver/support.js';
import { webAppPerTest } from '../helpers/web-app.js';
import type { Edition } from '../../src/types.js';

const LOCALES = ['en', 'uk', 'de', 'ar'];

/** `digest build` of the bundled sample in `locale`: the folder of its edition. */
async function sampleIn(locale: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-meta-line-'));
  cpSync(path.join(ROOT, 'feeds'), dir, { recursive: true });
  const config = path.join(dir, 'example.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^title: .*$/m, `$&\nlocale: ${locale}`).replace(/^state: .*$/m, 'state: .digest'));
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', config, '--now', '2026-11-23T07:00:00+02:00', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return path.join(out, '2026-11-23');
}

describe.skipIf(chromiumMissing)(`a story's line of outlets and date at 375 px${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());
  const startApp = webAppPerTest();

  /** Each story's line under its title at `url`, 375 px wide: its parts (split at " · ") and on how many lines each shows. */
  async function metaLines(url: string): Promise<Array<{ line: string; lines: number; parts: Array<{ part: string; lines: number }> }>> {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(url);
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('h3')].map((h3) => {
        const p = h3.nextElementSibling as HTMLElement;
        // the text nodes of the line, and where each begins in its whole text
        const nodes: Array<{ node: Text; at: number }> = [];
        let text = '';
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          nodes.push({ node: n, at: text.length });
          text += n.data;
        }
        const topsOf = (from: number, to: number) => {
          const tops = new Set<number>();
          for (let i = from; i < to; i++) {
            const { node, at } = [...nodes].reverse().find((x) => x.at <= i)!;
            const range = document.createRange();
            range.setStart(node, i - at);
            range.setEnd(node, i - at + 1);
            for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
          }
          return tops.size;
        };
        const parts: Array<{ part: string; lines: number }> = [];
        let from = 0;
        for (const part of text.split(/\s·\s/)) {
          const at = text.indexOf(part, from);
          parts.push({ part, lines: topsOf(at, at + part.length) });
          from = at + part.length;
        }
        return { line: text, lines: topsOf(0, text.length), parts };
      }),
    );
    await page.close();
    return lines;
  }

  function expectPartsWhole(lines: Awaited<ReturnType<typeof metaLines>>, where: string) {
    expect(lines.length, where).toBeGreaterThan(10);
    const broken = lines.flatMap(({ line, parts }) => parts.filter((p) => p.lines > 1).map((p) => `"${p.part}" in "${line}"`));
    expect(broken, `${where}: parts broken over two lines`).toEqual([]);
    // the sample's lines are longer than a phone's: they do break, between parts
    expect(lines.filter((l) => l.lines > 1).length, `${where}: lines that wrap`).toBeGreaterThan(0);
  }

  it.each(LOCALES)('in %s: the email and the web copy break the line only between its parts', async (locale) => {
    const folder = await sampleIn(locale);
    expectPartsWhole(await metaLines(pathToFileURL(path.join(folder, 'digest.html')).href), `${locale} digest.html`);
    const app = await startApp({ extraConfig: `locale: ${locale}\n`, deps: (ws) => ({ extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] }) });
    writeEditionFile(app.ws.outDir, JSON.parse(readFileSync(path.join(folder, 'digest.json'), 'utf8')) as Edition);
    expectPartsWhole(await metaLines(`${app.base}/archive/2026-11-23`), `${locale} web copy`);
  }, 120_000);
});
