// The web app in-process (same server code as `digest serve`): routing, rate limits, and that the
// subscribe answer never tells whether an address is on the list.
import { describe, expect, it } from 'vitest';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import type { WebDeps } from '../../src/web/server.js';
import { SECRET } from '../deliver/support.js';
import { webAppPerTest, type WebApp } from '../helpers/web-app.js';

const startApp = webAppPerTest();
let app: WebApp;

/** the app (with a mailer unless `withMail` is false); its base URL */
async function start(deps: Partial<WebDeps> = {}, withMail = true): Promise<string> {
  app = await startApp({ deps, mail: withMail });
  return app.base;
}

const subscribe = (base: string, email: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: `email=${encodeURIComponent(email)}` });

describe('web app', () => {
  it('answers unknown paths 404 and wrong methods 405 with Allow', async () => {
    const base = await start();
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const res = await fetch(`${base}/healthz`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });

  it('gives the same answer for new, pending, active and unsubscribed addresses', async () => {
    const base = await start();
    app.store.addSubscriber({ email: 'active@example.net' });
    app.store.addSubscriber({ email: 'pending@example.net', status: 'pending' });
    app.store.addSubscriber({ email: 'left@example.net', status: 'unsubscribed' });
    const answers = [];
    for (const email of ['new@example.net', 'active@example.net', 'pending@example.net', 'left@example.net']) {
      const res = await subscribe(base, email);
      answers.push({ status: res.status, body: await res.text(), type: res.headers.get('content-type') });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0].status).toBe(200);
    // the active subscriber stays active; the one who left must confirm again
    expect(app.store.findSubscriber('active@example.net')!.status).toBe('active');
    expect(app.store.findSubscriber('left@example.net')!.status).toBe('pending');
    await app.sink.waitFor(() => app.sink.received.length === 4);
    const kinds = (await app.sink.parsed()).map((m) => `${m.to && 'text' in m.to ? m.to.text : ''} ${m.subject}`).sort();
    expect(kinds).toEqual([
      'active@example.net You are already subscribed to Diplomacy Watch',
      'left@example.net Confirm your subscription to Diplomacy Watch',
      'new@example.net Confirm your subscription to Diplomacy Watch',
      'pending@example.net Confirm your subscription to Diplomacy Watch',
    ]);
  });

  it('rate-limits subscribe per client address', async () => {
    const base = await start({ subscribeLimit: { count: 2, windowMs: 60_000 }, trustProxy: true });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    expect((await subscribe(base, 'a@example.net', from('192.0.2.1'))).status).toBe(200);
    expect((await subscribe(base, 'b@example.net', from('192.0.2.1'))).status).toBe(200);
    const third = await subscribe(base, 'c@example.net', from('192.0.2.1'));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('60');
    expect(app.store.findSubscriber('c@example.net')).toBeNull();
    expect((await subscribe(base, 'd@example.net', from('192.0.2.2'))).status).toBe(200);
  });

  it('sends at most one notice per address per cool-down, whatever the IP', async () => {
    const base = await start({ noticeCooldownMs: 60_000, trustProxy: true });
    await subscribe(base, 'target@example.net', { 'x-forwarded-for': '192.0.2.1' });
    await subscribe(base, 'target@example.net', { 'x-forwarded-for': '192.0.2.2' });
    await subscribe(base, 'TARGET@example.net', { 'x-forwarded-for': '192.0.2.3' });
    await app.sink.waitFor(() => app.sink.received.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.sink.received).toHaveLength(1);
  });

  it('rejects a malformed address with 400', async () => {
    const base = await start();
    const bad = await subscribe(base, 'a@example.net\r\nBcc: b@example.net');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('contains a line break');
    expect(app.store.listSubscribers()).toEqual([]);
  });

  it('answers 503 to subscribe when no mail can be sent', async () => {
    const noMail = await start({}, false);
    expect((await subscribe(noMail, 'a@example.net')).status).toBe(503);
    expect(app.store.findSubscriber('a@example.net')).toBeNull();
  });

  it('sets headers that keep tokens out of referrers and caches', async () => {
    const base = await start();
    const s = app.store.addSubscriber({ email: 'a@example.net' });
    const res = await fetch(`${base}/u/${new Tokens(SECRET, tokenScope(app.store)).sign(s.id, 'unsubscribe')}`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('one-click unsubscribe from a delivered message', () => {
  it('the List-Unsubscribe URL of a sent mail unsubscribes its recipient with one POST', async () => {
    const { sendEdition } = await import('../../src/deliver/send.js');
    const { renderEdition, editionWebUrl } = await import('../../src/render/index.js');
    const { makeEdition } = await import('../deliver/support.js');
    const base = await start();
    const config = app.config;
    const edition = makeEdition();
    const reader = app.store.addSubscriber({ email: 'reader@example.net' });
    const other = app.store.addSubscriber({ email: 'other@example.net' });
    await sendEdition({
      store: app.store,
      config,
      edition,
      rendered: await renderEdition(edition, config),
      webUrl: editionWebUrl(config, edition.edition.id),
      secret: SECRET,
      sender: app.mailer!,
    });
    const mail = (await app.sink.parsed()).find((m) => m.headerLines.some((h) => h.key === 'to' && h.line.includes('reader@example.net')))!;
    const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n[ \t]+/g, ' ');
    const https = /<(https:[^>]+)>/.exec(header)![1];
    const local = base + new URL(https).pathname;
    const res = await fetch(local, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect(app.store.getSubscriber(reader.id)!.status).toBe('unsubscribed');
    expect(app.store.getSubscriber(other.id)!.status).toBe('active');
  });
});
