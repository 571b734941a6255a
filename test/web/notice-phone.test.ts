// The first mails a reader gets, read on a phone: the confirmation and the welcome, as `digest serve` sends them to
// a real SMTP server, their HTML parts opened in headless chromium as a phone 375 px wide opens a page. Their links
// (some 80 characters with no place to break) must not make the mail wider than the screen, and in an Arabic mail
// a link still reads as the address it is, left to right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { BIN } from '../helpers/cli.js';
import { startServe } from '../helpers/serve.js';
import { SECRET, makeWorkspace, startSink } from '../deliver/support.js';

const EMAIL = `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
  welcome: true
`;
const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** Sign `email` up through `digest serve` in `locale` and confirm it: the HTML parts of the confirmation and the welcome. */
async function firstMails(locale: string, email: string): Promise<{ confirm: string; welcome: string }> {
  const ws = makeWorkspace(`locale: ${locale}\n`, EMAIL);
  const sink = await startSink();
  const served = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, { bin: BIN });
  try {
    const res = await fetch(`${served.url}/subscribe`, { method: 'POST', headers: form, body: `email=${encodeURIComponent(email)}&sections=arms` });
    expect(res.status).toBe(200);
    await sink.waitFor(() => sink.received.length === 1);
    const [confirmMail] = await sink.parsed();
    const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(confirmMail.text ?? '')![1];
    expect((await fetch(`${served.url}${link}`, { method: 'POST', headers: form, body: '' })).status).toBe(200);
    await sink.waitFor(() => sink.received.length === 2);
    const [, welcomeMail] = await sink.parsed();
    return { confirm: confirmMail.html as string, welcome: welcomeMail.html as string };
  } finally {
    await served.stop();
    await sink.close();
  }
}

describe.skipIf(chromiumMissing)(`the confirmation and welcome mails on a phone${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());

  /** the mail as a phone 375 px wide shows it: how wide it is laid out, and each link's text with its direction */
  async function onPhone(html: string) {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      await page.setContent(html);
      return await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        screen: window.innerWidth,
        links: [...document.querySelectorAll('a')].map((a) => ({ text: a.textContent, direction: getComputedStyle(a).direction, right: a.getBoundingClientRect().right })),
      }));
    } finally {
      await page.close();
    }
  }

  for (const locale of ['en', 'ar']) {
    it(`fit a phone's screen, their links read left to right (${locale})`, async () => {
      const mails = await firstMails(locale, `reader-${locale}@example.net`);
      for (const [kind, html] of Object.entries(mails)) {
        const shown = await onPhone(html);
        expect(shown.links.length, kind).toBeGreaterThan(0);
        expect(shown.screen, `${kind}: laid out for a screen wider than the phone's`).toBe(375);
        expect(shown.width, `${kind}: wider than the screen`).toBeLessThanOrEqual(375);
        for (const link of shown.links) {
          expect(link.text, kind).toMatch(/^https:\/\/digest\.example\.org\//);
          expect(link.direction, `${kind}: ${link.text}`).toBe('ltr');
          expect(link.right, `${kind}: ${link.text}`).toBeLessThanOrEqual(375);
        }
      }
    }, 60_000);
  }
});
