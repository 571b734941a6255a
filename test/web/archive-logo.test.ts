// The archive's web copy of an edition (`digest serve`'s /archive/:id, the email's "view in browser" link) shows the
// masthead logo the config names (`email.logo`, an https URL), as the email does: the pages' Content-Security-Policy
// allowed images from the app itself only, so the browser blocked it and showed its alt text. Headless chromium; the
// image is served by the browser's request routing (no network).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import { makeEdition, writeEditionFile } from '../deliver/support.js';
import { webAppPerTest } from '../helpers/web-app.js';

const LOGO = 'https://img.test.example/logo.svg';

describe.skipIf(chromiumMissing)(`the web copy's logo${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());
  const startApp = webAppPerTest();

  it('shows, and only images from where the config says are let through', async () => {
    const app = await startApp({
      email: `email:\n  from: "Diplomacy Watch <digest@watch.example.org>"\n  baseUrl: https://digest.example.org\n  address: "1 Example Street, Kyiv"\n  logo:\n    src: ${LOGO}\n    width: 160\n    height: 40\n    alt: Diplomacy Watch\n`,
      deps: (ws) => ({ extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] }),
    });
    writeEditionFile(app.ws.outDir, makeEdition());
    const res = await fetch(`${app.base}/archive/2026-11-23`);
    expect(res.status).toBe(200);
    // still no images from anywhere else
    expect(res.headers.get('content-security-policy')).toMatch(/img-src 'self' data: https:\/\/img\.test\.example;/);

    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40"><rect width="160" height="40" fill="#0b57a4"/></svg>';
    await page.route('https://img.test.example/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: svg }));
    await page.goto(`${app.base}/archive/2026-11-23`);
    const logo = page.locator(`img[src="${LOGO}"]`);
    await logo.waitFor();
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    expect(await logo.evaluate((img: HTMLImageElement) => ({ loaded: img.naturalWidth, width: img.getBoundingClientRect().width }))).toEqual({ loaded: 160, width: 160 });
    await page.close();
  }, 60_000);
});
