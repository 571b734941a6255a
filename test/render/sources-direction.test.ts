// The line under a story's title names its outlets, then "+2 more" and the date. An outlet named in the other
// direction than the digest's language (an Arabic name in an English digest, an English one in an Arabic digest)
// must not carry the count after it to its far side ("Global Brief · 2+ · الخط الأمامي more"). Built with
// `digest build` from the bundled sample feeds, looked at in headless chromium as a mail client draws it.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { ROOT, runCli } from '../helpers/cli.js';

const STORY = 'Overnight barrage of missiles and drones knocks out power across Ukraine';

/** `digest build` of the sample feeds, the config changed by `edit`, its state in the build's own folder: the path of digest.html. */
async function buildSample(edit: (config: string) => string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-sources-dir-'));
  const feeds = path.join(ROOT, 'feeds');
  for (const f of readdirSync(feeds)) if (/\.(xml|atom|json|rdf)$/.test(f) && f !== 'labels.json') copyFileSync(path.join(feeds, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'digest.config.yaml'), edit(readFileSync(path.join(feeds, 'example.config.yaml'), 'utf8')).replace(/^state: .*$/m, 'state: .digest'));
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00+02:00', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return path.join(out, '2026-11-23', 'digest.html');
}

type Box = { left: number; right: number };

describe.skipIf(chromiumMissing)(`outlets named in the other direction${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());

  /** The story's outlets line, and where each of `parts` of it shows (600 px: on one line). */
  async function sourcesLine(file: string, parts: string[]): Promise<{ text: string; boxes: Box[] }> {
    const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(file).href);
    const found = await page.evaluate(
      ([story, wanted]) => {
        const h3 = [...document.querySelectorAll('h3.rd-card-title')].find((h) => h.textContent!.trim() === story);
        const line = h3?.nextElementSibling;
        if (!line || !line.firstChild) return null;
        const text = line.textContent!;
        // the line's text nodes (its parts may each be in an element of their own)
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const boxes = wanted.map((part) => {
          const node = nodes.find((n) => n.data.includes(part));
          if (!node) return null;
          const at = node.data.indexOf(part);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + part.length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
        });
        return { text, boxes };
      },
      [STORY, parts] as const,
    );
    await page.close();
    expect(found, `the outlets line of "${STORY}"`).not.toBeNull();
    for (const [i, b] of found!.boxes.entries()) expect(b, `"${parts[i]}" in "${found!.text}"`).not.toBeNull();
    return found as { text: string; boxes: Box[] };
  }

  it('English digest, an outlet named in Arabic: "+2 more" follows it, on its right, whole', async () => {
    const name = 'الخط الأمامي اليومي';
    const file = await buildSample((c) => c.replace('name: Frontline Daily', `name: ${name}`));
    const { text, boxes } = await sourcesLine(file, [name, '+2', 'more']);
    const [shownName, count, more] = boxes;
    expect(count.left, `the count after the name in "${text}"`).toBeGreaterThan(shownName.right);
    expect(more.left, `"+2 more" in its order in "${text}"`).toBeGreaterThan(count.right);
    expect(more.left - count.right).toBeLessThan(10);
  }, 120_000);

  it('Arabic digest, outlets named in English: "+2 غيرها" follows them, on their left, whole', async () => {
    const file = await buildSample((c) => c.replace(/^timezone:/m, 'locale: ar\ntimezone:'));
    const { text, boxes } = await sourcesLine(file, ['Frontline Daily', '+2', 'غيرها']);
    const [shownName, count, more] = boxes;
    expect(count.right, `the count after the name in "${text}"`).toBeLessThan(shownName.left);
    expect(more.right, `"+2 غيرها" in its order in "${text}"`).toBeLessThan(count.left);
    expect(count.left - more.right).toBeLessThan(10);
  }, 120_000);
});
