// The web side in the digest's language (same server code as `digest serve`): subscriber pages, the
// confirmation mail and the welcome message in Ukrainian, German and Arabic; and the archive copy of an edition,
// which drops the email's own lines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import { makeEdition, writeEditionFile } from '../deliver/support.js';
import { webAppPerTest, type WebApp } from '../helpers/web-app.js';

const startApp = webAppPerTest();
let app: WebApp;

/** the app with the archive (unsent editions too) and `extra` config; its base URL and out folder */
async function start(extra: string, email?: string): Promise<{ base: string; outDir: string }> {
  app = await startApp({ extraConfig: extra, email, deps: (ws) => ({ extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] }) });
  return { base: app.base, outDir: app.ws.outDir };
}

const WELCOME = `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
  welcome: true
`;

/** Subscribes reader@example.net, opens the confirmation link; the confirmation page and the two mails. */
async function subscribeAndConfirm(base: string) {
  const res = await fetch(`${base}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=reader%40example.net' });
  const answer = await res.text();
  await app.sink.waitFor(() => app.sink.received.length === 1);
  const [confirm] = await app.sink.parsed();
  const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(confirm.text!)![1];
  const confirmed = await (await fetch(`${base}${link}`, { method: 'POST' })).text();
  await app.sink.waitFor(() => app.sink.received.length === 2);
  const welcome = (await app.sink.parsed())[1];
  return { answer, confirm, confirmed, welcome };
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
    expect(archive).toContain('<h1 dir="auto">Архів</h1>');
    expect(archive).toContain('3 історії');
  }, 30_000);

  it('de: the pages, the confirmation mail and the welcome message in German', async () => {
    const { base } = await start('locale: de\n', WELCOME);
    const landing = parseHTML(await (await fetch(`${base}/`)).text()).document;
    expect(landing.documentElement.getAttribute('lang')).toBe('de');
    expect(landing.querySelector('button')!.textContent).toBe('Abonnieren');
    const { answer, confirm, confirmed, welcome } = await subscribeAndConfirm(base);
    expect(answer).toContain('Bitte sehen Sie in Ihr Postfach');
    expect(confirm.subject).toBe('Bitte bestätigen Sie Ihr Abonnement von „Diplomacy Watch“');
    expect(confirmed).toContain('Abonnement bestätigt');
    expect(welcome.subject).toBe('Willkommen bei „Diplomacy Watch“');
    expect(welcome.text).toContain('reader@example.net erhält ab jetzt „Diplomacy Watch“');
    expect(welcome.text).toMatch(/https:\/\/digest\.example\.org\/u\/\S+/);
    expect(welcome.html).toContain('lang="de"');
    expect(`${answer}${confirmed}${confirm.text}${welcome.text}`).not.toMatch(/Check your inbox|Confirm your|Welcome to|Thank you/);
  }, 30_000);

  it('ar: the welcome message in Arabic, right to left', async () => {
    const { base } = await start('locale: ar\n', WELCOME);
    const { confirmed, welcome } = await subscribeAndConfirm(base);
    expect(parseHTML(confirmed).document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(confirmed).toContain('تأكّد الاشتراك');
    expect(welcome.subject).toBe('أهلًا بك في «Diplomacy Watch»');
    expect(welcome.html).toContain('dir="rtl"');
    expect(welcome.html).toContain('lang="ar"');
  }, 30_000);

  it('a welcome.txt of your own wins over the built-in welcome in your language', async () => {
    const own = mkdtempSync(path.join(tmpdir(), 'roundup-own-templates-'));
    writeFileSync(path.join(own, 'welcome.txt'), 'Subject: Вітаємо від редакції\n\nНаш власний текст.\n{{unsubscribe}}\n');
    const { base } = await start(`locale: uk\ntemplates: ${JSON.stringify(own)}\n`, WELCOME);
    const { welcome } = await subscribeAndConfirm(base);
    expect(welcome.subject).toBe('Вітаємо від редакції');
    expect(welcome.text).toContain('Наш власний текст.');
    rmSync(own, { recursive: true, force: true });
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

