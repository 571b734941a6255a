// A logo for dark mode (`email.logo.darkSrc`): a dark logo drawn for a white card disappears on the dark card of a
// mail app or browser in dark mode, so the config takes a second image that readers in dark mode see instead.
// Built by `digest build` and opened in headless chromium in light and in dark mode (the email and the archive's web
// copy); the images are served by the browser's request routing (no network). An http address is refused.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { runCli } from '../helpers/cli.js';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import { writeEditionFile } from '../deliver/support.js';
import { webAppPerTest } from '../helpers/web-app.js';
import type { Edition } from '../../src/types.js';

const LIGHT = 'https://img.test.example/logo.svg';
const DARK = 'https://img.test.example/logo-dark.svg';
const logoYaml = (dark: string | null) =>
  `  logo:\n    src: ${LIGHT}\n    width: 160\n    height: 40\n    alt: Diplomacy Watch\n${dark ? `    darkSrc: ${dark}\n` : ''}`;

/** `digest build` with the logo (and its dark-mode image `dark`): the exit, stderr and the edition's folder. */
async function build(dark: string | null, locale = 'en') {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-dark-logo-'));
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>Grain terminal reopens after repairs</title><link>https://wire.test.example/1</link><guid>1</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate>
<description>The northern terminal handled its first ship since the summer.</description></item></channel></rss>`,
  );
  writeFileSync(
    path.join(dir, 'digest.config.yaml'),
    `title: Diplomacy Watch\nlocale: ${locale}\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [terminal]\nemail:\n${logoYaml(dark)}`,
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  return { ...r, folder: path.join(out, '2026-11-23') };
}

describe('the config', () => {
  it('refuses a dark-mode logo that is not an https URL, naming the key', async () => {
    const r = await build('http://img.test.example/logo-dark.svg');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^digest: .*digest\.config\.yaml: email\.logo\.darkSrc: expected an https URL of the image for dark mode, got "http:\/\/img\.test\.example\/logo-dark\.svg"$/);
  }, 60_000);
});

describe.skipIf(chromiumMissing)(`a logo for dark mode${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());
  const startApp = webAppPerTest();

  /** Which logos show at `url` in `scheme` (their src), each loaded and at its size. */
  async function logosShown(url: string, scheme: 'light' | 'dark'): Promise<string[]> {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, colorScheme: scheme });
    await page.route('https://img.test.example/**', (route) => {
      const fill = route.request().url() === DARK ? '#ffffff' : '#111111';
      return route.fulfill({ contentType: 'image/svg+xml', body: `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40"><rect width="160" height="40" fill="${fill}"/></svg>` });
    });
    await page.goto(url);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    const shown = await page.evaluate(() =>
      [...document.images]
        .filter((i) => {
          const r = i.getBoundingClientRect();
          return i.naturalWidth > 0 && r.width === 160 && r.height === 40;
        })
        .map((i) => i.getAttribute('src')!),
    );
    await page.close();
    return shown;
  }

  it.each(['en', 'ar'])('in %s: the email and its web copy show the light logo in light mode and the dark one in dark mode', async (locale) => {
    const r = await build(DARK, locale);
    expect(r.code, r.stderr).toBe(0);
    const email = pathToFileURL(path.join(r.folder, 'digest.html')).href;
    expect(await logosShown(email, 'light')).toEqual([LIGHT]);
    expect(await logosShown(email, 'dark')).toEqual([DARK]);
    const app = await startApp({ extraConfig: `locale: ${locale}\n`, email: `email:\n  from: "Diplomacy Watch <digest@watch.example.org>"\n  baseUrl: https://digest.example.org\n  address: "1 Example Street, Kyiv"\n${logoYaml(DARK)}`, deps: (ws) => ({ extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] }) });
    writeEditionFile(app.ws.outDir, JSON.parse(readFileSync(path.join(r.folder, 'digest.json'), 'utf8')) as Edition);
    expect(await logosShown(`${app.base}/archive/2026-11-23`, 'light')).toEqual([LIGHT]);
    expect(await logosShown(`${app.base}/archive/2026-11-23`, 'dark')).toEqual([DARK]);
  }, 120_000);

  it('without one, the logo shows in dark mode as in light', async () => {
    const r = await build(null);
    expect(r.code, r.stderr).toBe(0);
    const email = pathToFileURL(path.join(r.folder, 'digest.html')).href;
    expect(await logosShown(email, 'light')).toEqual([LIGHT]);
    expect(await logosShown(email, 'dark')).toEqual([LIGHT]);
  }, 120_000);
});
