// The sample digest.html in a real browser (Debian chromium, headless): 375 px and 600 px, light and dark.
// Screenshots go to screens/ under OUT_DIR (sample.ts: $ROUNDUP_TEST_ARTIFACTS or a temporary folder) for people to look at.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { OUT_DIR, writeSample, type Sample } from './sample.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const SCREENS = path.join(OUT_DIR, 'screens');

// Runs in the page: every visible element with its own text, its colour and the background behind it.
function textColours() {
  const parse = (c: string) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  const background = (el: Element | null) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return c;
    }
    const canvas = parse(getComputedStyle(document.documentElement).backgroundColor);
    return canvas && canvas.a > 0 ? canvas : matchMedia('(prefers-color-scheme: dark)').matches ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
  };
  const out: Array<{ text: string; ratio: number }> = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
    if (!own) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0 || box.width === 0 || box.height === 0) continue;
    let hidden = false;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || Number(s.opacity) === 0) hidden = true;
    }
    if (hidden) continue;
    const fg = parse(style.color)!;
    const [hi, lo] = [lum(fg), lum(background(el))].sort((a, b) => b - a);
    out.push({ text: own.slice(0, 40), ratio: (hi + 0.05) / (lo + 0.05) });
  }
  return out;
}

describe.skipIf(!haveChromium)('digest.html in chromium', () => {
  let browser: Browser;
  let sample: Sample;
  const titles = () => sample.edition.sections.flatMap((s) => s.stories.map((st) => st.title));

  beforeAll(async () => {
    sample = await writeSample();
    fs.mkdirSync(SCREENS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [375, 600]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`at ${width} px, ${colorScheme}: fits, shows every story title, keeps text readable`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        // nothing may leave the machine: the email has no remote resources, and the test makes sure
        await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
        await page.goto(pathToFileURL(sample.files.html).href);

        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);

        for (const title of titles()) {
          const heading = page.getByRole('heading', { level: 3, name: title, exact: true });
          await expect.poll(() => heading.isVisible()).toBe(true);
          const box = (await heading.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }

        const colours = await page.evaluate(textColours);
        expect(colours.length).toBeGreaterThan(titles().length);
        const poor = colours.filter((c) => c.ratio < 4.5);
        expect(poor, `text below 4.5:1 in ${colorScheme}`).toEqual([]);

        await page.screenshot({ path: path.join(SCREENS, `digest-${width}-${colorScheme}.png`), fullPage: true });
        await context.close();
      }, 30_000);
    }
  }
});

if (!haveChromium) {
  describe('digest.html in chromium', () => {
    it.skip(`skipped: ${CHROMIUM} not found (apt-get install -y chromium)`, () => {});
  });
}
