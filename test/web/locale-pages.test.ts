// The web side in the digest's language (same server code as `digest serve`): subscriber pages and the
// confirmation mail in Ukrainian; and the archive copy of an edition, which drops the email's own lines.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import { makeEdition, writeEditionFile } from '../deliver/support.js';
import { webAppPerTest, type WebApp } from '../helpers/web-app.js';

const startApp = webAppPerTest();
let app: WebApp;

/** the app with the archive (unsent editions too) and `extra` config; its base URL and out folder */
async function start(extra: string): Promise<{ base: string; outDir: string }> {
  app = await startApp({ extraConfig: extra, deps: (ws) => ({ extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] }) });
  return { base: app.base, outDir: app.ws.outDir };
}

describe('pages and mails in the digest locale', () => {
  it('uk: the landing page, the answer to subscribing, the confirmation mail, the archive', async () => {
    const { base, outDir } = await start('locale: uk\n');
    const landing = await (await fetch(`${base}/`)).text();
    const { document } = parseHTML(landing);
    expect(document.documentElement.getAttribute('lang')).toBe('uk');
    expect(document.querySelector('button')!.textContent).toBe('Підписатися');
    expect(landing).toContain('Попередні випуски');
    const res = await fetch(`${base}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=reader%40example.net' });
    expect(await res.text()).toContain('Перевірте пошту');
    await app.sink.waitFor(() => app.sink.received.length === 1);
    const [mail] = await app.sink.parsed();
    expect(mail.subject).toBe('Підтвердьте підписку на «Diplomacy Watch»');
    expect(mail.text).toContain('Щоб підтвердити, відкрийте це посилання:');
    expect(mail.html).toContain('lang="uk"');
    expect((await (await fetch(`${base}/nope`)).text())).toContain('Не знайдено');
    writeEditionFile(outDir, makeEdition());
    const archive = await (await fetch(`${base}/archive`)).text();
    expect(archive).toContain('<h1>Архів</h1>');
    expect(archive).toContain('3 історії');
  }, 30_000);

  it('the archive copy carries no email-only text and invites to subscribe', async () => {
    const { base, outDir } = await start('');
    writeEditionFile(outDir, makeEdition());
    const html = await (await fetch(`${base}/archive/2026-11-23`)).text();
    const { document } = parseHTML(html);
    const text = document.body.textContent!;
    expect(text).not.toMatch(/You are receiving|in your browser|Unsubscribe|Choose which sections/);
    expect(html).not.toMatch(/\/u\/|\/preferences\//);
    const subscribe = [...document.querySelectorAll('a')].find((a) => a.textContent === 'Subscribe to Diplomacy Watch')!;
    expect(subscribe.getAttribute('href')).toBe('https://digest.example.org/subscribe');
    // "In this issue" jumps within the page itself
    const contents = [...document.querySelectorAll('li a')].map((a) => a.getAttribute('href')!);
    expect(contents.length).toBeGreaterThan(0);
    for (const href of contents) {
      expect(href).toMatch(/^#section-/);
      expect(document.getElementById(href.slice(1))).not.toBeNull();
    }
  }, 30_000);
});

