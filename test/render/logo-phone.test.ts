// The masthead logo on a phone 375 px wide, in headless chromium: a logo wider than the phone's card (552 × 80, the
// widest the config takes) is shown narrower at its own proportions, not squeezed to 327 × 80; at 600 px it shows at
// its size. Light and dark mode (with `darkSrc`), the email built by `digest build` and the archive's web copy. A logo
// that does not load (images blocked, a 404) keeps a box no larger than the logo's, with its alt text inside it.
// The images are served by the browser's request routing (no network).
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
const [W, H] = [552, 80];
const ALT = 'The Weekly Diplomatic Ceasefire Observatory and Eastern European Security Digest of Record';
const logoYaml = `  logo:\n    src: ${LIGHT}\n    width: ${W}\n    height: ${H}\n    alt: ${ALT}\n    darkSrc: ${DARK}\n`;

/** `digest build` of a one-story digest with the wide logo: the edition's folder. */
async function build(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-logo-phone-'));
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>Grain terminal reopens after repairs</title><link>https://wire.test.example/1</link><guid>1</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate>
<description>The northern terminal handled its first ship since the summer.</description></item></channel></rss>`,
  );
  writeFileSync(
    path.join(dir, 'digest.config.yaml'),
    `title: Diplomacy Watch\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [terminal]\nemail:\n${logoYaml}`,
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return path.join(out, '2026-11-23');
}

describe.skipIf(chromiumMissing)(`the logo on a phone${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    folder = await build();
  }, 60_000);
  afterAll(async () => browser?.close());
  const startApp = webAppPerTest();

  /** The logo shown at `url` (the visible image of the configured ones): its size on the page. */
  async function logoBox(url: string, width: number, scheme: 'light' | 'dark', load = true): Promise<{ src: string; width: number; height: number }[]> {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    await page.route('https://img.test.example/**', (route) =>
      load
        ? route.fulfill({ contentType: 'image/svg+xml', body: `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="#777"/></svg>` })
        : route.fulfill({ status: 404, body: 'not found' }),
    );
    await page.goto(url);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    const boxes = await page.evaluate(() =>
      [...document.images]
        .map((i) => ({ src: i.getAttribute('src')!, box: i.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0)
        .map(({ src, box }) => ({ src, width: box.width, height: box.height })),
    );
    await page.close();
    return boxes;
  }

  async function expectProportional(url: string, where: string) {
    for (const scheme of ['light', 'dark'] as const) {
      const src = scheme === 'dark' ? DARK : LIGHT;
      const [phone] = await logoBox(url, 375, scheme);
      expect(phone?.src, `${where}, ${scheme}`).toBe(src);
      // the card's 24 px margins leave 327 px of a 375 px screen
      expect(phone.width, `${where}, ${scheme}: width at 375 px`).toBe(327);
      expect(phone.width / phone.height, `${where}, ${scheme}: proportions at 375 px (${phone.width} × ${phone.height})`).toBeCloseTo(W / H, 1);
      expect(await logoBox(url, 600, scheme), `${where}, ${scheme} at 600 px`).toEqual([{ src, width: W, height: H }]);
      // not loaded: a box at most the logo's size, so its alt text stays in the masthead
      const [blocked] = await logoBox(url, 375, scheme, false);
      expect(blocked.width, `${where}, ${scheme}: a logo that does not load`).toBeLessThanOrEqual(327);
      expect(blocked.height, `${where}, ${scheme}: a logo that does not load`).toBeLessThanOrEqual(H);
    }
  }

  it('keeps its proportions at 375 px in the email and the web copy, light and dark', async () => {
    await expectProportional(pathToFileURL(path.join(folder, 'digest.html')).href, 'digest.html');
    const app = await startApp({
      email: `email:\n  from: "Diplomacy Watch <digest@watch.example.org>"\n  baseUrl: https://digest.example.org\n  address: "1 Example Street, Kyiv"\n${logoYaml}`,
      deps: (ws) => ({ extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] }),
    });
    writeEditionFile(app.ws.outDir, JSON.parse(readFileSync(path.join(folder, 'digest.json'), 'utf8')) as Edition);
    await expectProportional(`${app.base}/archive/2026-11-23`, 'web copy');
  }, 120_000);
});
