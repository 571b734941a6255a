// The subscriber pages in a real browser (Debian chromium, headless): the forms must work under the
// pages' own Content-Security-Policy, and a plain visit must change nothing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import type { SqliteStore } from '../../src/store/index.js';
import { loadConfig } from '../../src/config/index.js';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import { SECRET, makeEdition, writeEditionFile } from '../deliver/support.js';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

let browser: Browser;
let app: WebApp;
let store: SqliteStore;
let tokens: Tokens;
let base: string;

describe.skipIf(chromiumMissing)('subscriber pages in chromium', () => {
  beforeAll(async () => {
    app = await startWebApp(); // with a mailer: the subscribe form mails its confirmation to the sink
    ({ store, base } = app);
    tokens = new Tokens(SECRET, tokenScope(store));
    browser = await launchBrowser();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('unsubscribes only when the button is pressed', async () => {
    const s = store.addSubscriber({ email: 'clicker@example.net' });
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
    await page.goto(`${base}/u/${tokens.sign(s.id, 'unsubscribe')}`);
    expect(await page.locator('h1').textContent()).toBe('Unsubscribe?');
    expect(store.getSubscriber(s.id)!.status).toBe('active');
    await Promise.all([page.waitForURL(`${base}/u/**`), page.getByRole('button', { name: 'Unsubscribe' }).click()]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('You are unsubscribed');
    expect(store.getSubscriber(s.id)!.status).toBe('unsubscribed');
    expect(blocked).toEqual([]); // no CSP violation on the way
    await page.close();
  }, 30_000);

  it('subscribes from the landing page and from /subscribe, as a reader does', async () => {
    for (const [path, email] of [['/', 'lander@example.net'], ['/subscribe', 'former@example.net']]) {
      const page = await browser.newPage();
      await page.goto(`${base}${path}`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Peace diplomacy').check();
      const [answer] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Subscribe' }).click()]);
      expect(answer?.status(), path).toBe(200);
      expect(await page.locator('h1').textContent(), path).toBe('Check your inbox');
      expect(store.findSubscriber(email)).toMatchObject({ status: 'pending', sections: ['diplomacy'] });
      await page.close();
    }
  }, 30_000);

  it('confirms a subscription only when the button is pressed', async () => {
    const s = store.addSubscriber({ email: 'joiner@example.net', status: 'pending' });
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
    await page.goto(`${base}/confirm/${tokens.sign(s.id, 'confirm')}`);
    expect(await page.locator('h1').textContent()).toBe('Confirm your subscription');
    expect(store.getSubscriber(s.id)!.status).toBe('pending');
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Subscription confirmed');
    expect(store.getSubscriber(s.id)!.status).toBe('active');
    expect(blocked).toEqual([]);
    await page.close();
  }, 30_000);

  it("the mailed confirmation link's button confirms the sections that link names, which its page lists", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/subscribe`);
    await page.getByLabel('Email address').fill('picker@example.net');
    await page.getByLabel('Aid & reconstruction').check();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Subscribe' }).click()]);
    await app.sink.waitFor(() => app.sink.received.some((m) => m.to.includes('picker@example.net')));
    const mail = (await app.sink.parsed()).find((m) => m.to && 'text' in m.to && m.to.text === 'picker@example.net')!;
    const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(mail.text ?? '')![1];
    await page.goto(`${base}${link}`);
    expect(await page.locator('li').allTextContents()).toEqual(['Aid & reconstruction']);
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Subscription confirmed');
    expect(store.findSubscriber('picker@example.net')).toMatchObject({ status: 'active', sections: ['aid'] });
    await page.close();
  }, 30_000);

  it('at 375 px, light or dark, every page fits the screen, and a title in Arabic reads right to left', async () => {
    // one long word (a domain-like name) in the title, written in Arabic first; an English locale
    const title = 'نشرة الدبلوماسية — Weekly-Diplomacy-Watch-Supercalifragilisticexpialidocious-Newsletter';
    const wide = await startWebApp({
      mail: false,
      deps: (ws) => {
        const edition = makeEdition('2026-11-23');
        edition.sections[0].stories[0].title = `Coalition pledges radar units: ${'Überwachungsradarsystemerweiterungsprogramm'.repeat(2)}`;
        writeEditionFile(ws.outDir, edition);
        return { config: { ...loadConfig(ws.configFile), title }, extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] };
      },
    });
    try {
      const s = wide.store.addSubscriber({ email: 'narrow@example.net', status: 'pending' });
      const paths = ['/', '/subscribe', `/confirm/${tokens.sign(s.id, 'confirm')}`, `/preferences/${tokens.sign(s.id, 'preferences')}`, `/u/${tokens.sign(s.id, 'unsubscribe')}`, '/archive', '/archive/nothing-here', '/no-such-page'];
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width: 375, height: 700 }, colorScheme });
        for (const p of paths) {
          await page.goto(`${wide.base}${p}`);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${p} (${colorScheme})`).toBeLessThanOrEqual(375);
          // the title is set in its own direction: Arabic from the right, in an English page
          expect(await page.locator('p.muted').first().evaluate((e) => getComputedStyle(e).direction), p).toBe('rtl');
        }
        expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
        await page.goto(`${wide.base}/archive/2026-11-23`); // the edition's own page, with a very long word in a headline
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `edition (${colorScheme})`).toBeLessThanOrEqual(375);
        await page.close();
      }
    } finally {
      await wide.stop();
    }
  }, 60_000);

  it('in dark mode every reader page is light text on a dark ground, each text (muted, links, fields, buttons) at least 4.5:1; light mode stays light', async () => {
    const withArchive = await startWebApp({
      mail: false,
      deps: (ws) => {
        writeEditionFile(ws.outDir, makeEdition('2026-11-23'));
        return { extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] };
      },
    });
    try {
      const s = withArchive.store.addSubscriber({ email: 'night@example.net', status: 'pending' });
      const paths = ['/', '/subscribe', `/confirm/${tokens.sign(s.id, 'confirm')}`, `/preferences/${tokens.sign(s.id, 'preferences')}`, `/u/${tokens.sign(s.id, 'unsubscribe')}`, '/u/not-a-token', '/archive', '/no-such-page'];
      for (const colorScheme of ['dark', 'light'] as const) {
        const page = await browser.newPage({ viewport: { width: 375, height: 700 }, colorScheme });
        for (const p of paths) {
          await page.goto(`${withArchive.base}${p}`);
          const seen = await page.evaluate(readColours);
          const where = `${p} (${colorScheme})`;
          // the page's ground: what the canvas shows (the body's background, or the browser's white)
          expect(seen.ground < 0.05, `${where}: ground luminance ${seen.ground}`).toBe(colorScheme === 'dark');
          expect(seen.texts.length, where).toBeGreaterThan(2);
          for (const t of seen.texts) expect(t.ratio, `${where}: <${t.tag}> "${t.text}" ${t.color} on ${t.background}`).toBeGreaterThanOrEqual(4.5);
        }
        await page.close();
      }
    } finally {
      await withArchive.stop();
    }
  }, 60_000);

  it('saves section choices from the preferences page', async () => {
    const s = store.addSubscriber({ email: 'chooser@example.net' });
    const page = await browser.newPage();
    await page.goto(`${base}/preferences/${tokens.sign(s.id, 'preferences')}`);
    // a reader who gets every section sees them all ticked, and unticks what they do not want
    expect(await page.getByLabel('Weapons & strikes').isChecked()).toBe(true);
    await page.getByLabel('Weapons & strikes').uncheck();
    await page.getByLabel('Other news').uncheck();
    expect(await page.getByLabel('Peace diplomacy').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('strong').textContent()).toBe('Saved.');
    expect(store.getSubscriber(s.id)!.sections).toEqual(['diplomacy', 'aid']);
    expect(await page.getByLabel('Peace diplomacy').isChecked()).toBe(true);
    expect(await page.getByLabel('Weapons & strikes').isChecked()).toBe(false);
    await page.close();
  }, 30_000);
});

/**
 * In the page: the luminance of its ground, and for each visible element with text of its own (and each field and
 * button) the contrast of its colour against the background it is drawn on (WCAG 2 relative luminance).
 */
function readColours(): { ground: number; texts: { tag: string; text: string; color: string; background: string; ratio: number }[] } {
  const rgba = (c: string) => {
    const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/.exec(c);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
  };
  const luminance = (c: string) => {
    const [r, g, b] = rgba(c).slice(0, 3).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  // the nearest opaque background up the tree; none: the canvas, which shows the body's or the browser's white
  const backgroundOf = (e: Element | null): string => {
    for (let n = e; n; n = n.parentElement) {
      const bg = getComputedStyle(n).backgroundColor;
      if (rgba(bg)[3] > 0.5) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const texts = [];
  for (const e of Array.from(document.body.querySelectorAll('*'))) {
    const own = Array.from(e.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(' ').trim();
    const field = e.matches('input[type=email], button');
    const box = e.getBoundingClientRect();
    if ((!own && !field) || e.closest('[aria-hidden=true]') || box.width === 0 || box.right < 0) continue;
    const color = getComputedStyle(e).color;
    const background = backgroundOf(e);
    const [a, b] = [luminance(color), luminance(background)].sort((x, y) => y - x);
    texts.push({ tag: e.tagName.toLowerCase(), text: own.slice(0, 40), color, background, ratio: Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100 });
  }
  return { ground: luminance(backgroundOf(document.body)), texts };
}
