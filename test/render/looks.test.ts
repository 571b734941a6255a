// How the email looks where people read it, in headless chromium: English, Ukrainian and Arabic editions at
// 375 and 600 px, light, dark and with <style> stripped (Gmail with a non-Google account keeps only inline styles),
// and a wide dark window (the frame around the card must be dark too). Screenshots go to screens/ under
// OUT_DIR (sample.ts) for people to look at. Invented sample text.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { editionWebUrl, personalize, renderEdition } from '../../src/render/index.js';
import type { Edition } from '../../src/types.js';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { makeConfig, sampleRecipient, twelveStoryEdition } from './fixtures.js';
import { OUT_DIR } from './sample.js';

const SCREENS = path.join(OUT_DIR, 'screens');

const UK_TITLES = ['Союзники погодили новий пакет протиповітряної оборони на зиму', 'Парламент обговорює обмеження для далекобійних ракет', 'Делегації знову зустрілися, щоб обговорити обмін полоненими'];
const AR_TITLES = ['الحلفاء يتفقون على حزمة جديدة للدفاع الجوي قبل الشتاء', 'البرلمان يناقش قيود استخدام الصواريخ بعيدة المدى', 'الوفود تجتمع مجددا لمناقشة تبادل الأسرى'];

function translated(titles: string[]): Edition {
  const edition = twelveStoryEdition();
  let i = 0;
  for (const s of edition.sections) for (const story of s.stories) story.title = titles[i++ % titles.length] + ` ${i}`;
  return edition;
}

const EDITIONS: Array<{ locale: string; edition: () => Edition }> = [
  { locale: 'en', edition: twelveStoryEdition },
  { locale: 'uk', edition: () => translated(UK_TITLES) },
  { locale: 'ar', edition: () => translated(AR_TITLES) },
];

/** The personalised HTML of an edition in a locale, written to a file; and the same without its <style>. */
async function files(locale: string, edition: Edition): Promise<{ styled: string; bare: string }> {
  const config = makeConfig({ locale });
  const html = personalize(await renderEdition(edition, config), edition, sampleRecipient, editionWebUrl(config, edition.edition.id))!.html;
  fs.mkdirSync(SCREENS, { recursive: true });
  const styled = path.join(SCREENS, `looks-${locale}.html`);
  const bare = path.join(SCREENS, `looks-${locale}-nostyle.html`);
  fs.writeFileSync(styled, html);
  fs.writeFileSync(bare, html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, ''));
  return { styled, bare };
}

async function open(browser: Browser, file: string, width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(file).href);
  return page;
}

/** Relative luminance of the first painted background behind the point. */
function backgroundAt([x, y]: [number, number]): number {
  const lum = (c: string) => {
    const [r, g, b, a = 1] = c.match(/[\d.]+/g)!.map(Number);
    if (a === 0) return null;
    const ch = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  for (let e: Element | null = document.elementFromPoint(x, y); e; e = e.parentElement) {
    const l = lum(getComputedStyle(e).backgroundColor);
    if (l !== null) return l;
  }
  return lum(getComputedStyle(document.documentElement).backgroundColor) ?? 1;
}

describe.skipIf(chromiumMissing)(`the email in chromium${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());

  for (const { locale, edition } of EDITIONS) for (const width of [375, 600]) {
    it(`${locale}: ${width} px light and dark, and still compact and readable without <style>`, async () => {
      const e = edition();
      const { styled, bare } = await files(locale, e);
      const heights: Record<string, number> = {};
      for (const [name, file, scheme] of [['light', styled, 'light'], ['dark', styled, 'dark'], ['nostyle', bare, 'light']] as const) {
        const page = await open(browser, file, width, scheme);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        const first = e.sections[0].stories[0].title;
        await expect.poll(() => page.getByRole('heading', { level: 3, name: first, exact: true }).isVisible()).toBe(true);
        // the template's own words follow the locale's direction (titles and summaries take their own, dir="auto")
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('h2')!).direction)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        heights[name] = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: path.join(SCREENS, `looks-${locale}-${width}-${name}.png`), fullPage: true });
        await page.context().close();
      }
      // the inline reset keeps the spacing when a client drops <style>
      expect(heights.nostyle / heights.light).toBeLessThan(1.1);
    }, 60_000);
  }

  it('dark mode darkens the frame around the card in a wide window too', async () => {
    const { styled } = await files('en', twelveStoryEdition());
    const page = await open(browser, styled, 1200, 'dark');
    expect(await page.evaluate(backgroundAt, [20, 400] as [number, number])).toBeLessThan(0.05);
    expect(await page.evaluate(backgroundAt, [600, 400] as [number, number])).toBeLessThan(0.05);
    await page.screenshot({ path: path.join(SCREENS, 'looks-en-1200-dark.png') });
    await page.context().close();
    const light = await open(browser, styled, 1200, 'light');
    expect(await light.evaluate(backgroundAt, [20, 400] as [number, number])).toBeGreaterThan(0.8);
    await light.context().close();
  }, 60_000);
});
