// The web side in the digest's language (same server code as `digest serve`): subscriber pages and the
// confirmation mail in Ukrainian; and the archive copy of an edition, which drops the email's own lines.
import type { Server } from 'node:http';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { Tokens } from '../../src/deliver/tokens.js';
import { createPoolSender, type MailSender } from '../../src/deliver/transport.js';
import { createWebServer, listen } from '../../src/web/server.js';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from '../deliver/support.js';

let server: Server | undefined;
let store: SqliteStore | undefined;
let sink: Sink | undefined;
let mailer: MailSender | undefined;

afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server?.closeAllConnections();
  mailer?.close();
  store?.close();
  await sink?.close();
  server = store = sink = mailer = undefined;
});

async function start(extra: string): Promise<{ base: string; outDir: string }> {
  const ws = makeWorkspace(extra);
  const config = loadConfig(ws.configFile);
  store = openStore(config.state);
  sink = await startSink();
  mailer = createPoolSender({ smtpUrl: sink.url, rate: 0, connections: 1 });
  server = createWebServer({ config, store, tokens: new Tokens(SECRET), mailer, extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent: true })] });
  const addr = await listen(server, 0, '127.0.0.1');
  return { base: `http://127.0.0.1:${addr.port}`, outDir: ws.outDir };
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
    await sink!.waitFor(() => sink!.received.length === 1);
    const [mail] = await sink!.parsed();
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

