// The landing page and the subscribe form under abuse: bursts from many loopback addresses, forged
// X-Forwarded-For, cross-site posts, a honeypot, unconfirmed rows that expire. In-process server, real
// SMTP sink, requests from real distinct 127.0.0.x source addresses.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { expirePending } from '../../src/web/pending.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { runCli } from '../helpers/cli.js';
import { SECRET } from '../deliver/support.js';
import { webAppPerTest, type WebApp, type WebAppOptions } from '../helpers/web-app.js';

const startApp = webAppPerTest();
let app: WebApp;

/** the app with a mailer of two SMTP connections; its port */
async function start(deps: WebAppOptions['deps'] = {}, extraConfig?: string): Promise<number> {
  app = await startApp({ connections: 2, deps, extraConfig });
  return app.port;
}

interface Answer {
  status: number;
  body: string;
}

/** POST /subscribe from a chosen local source address, with chosen headers. */
function post(port: number, body: string, o: { from?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/subscribe',
        method: 'POST',
        localAddress: o.from,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...o.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const form = (email: string, extra = '') => `email=${encodeURIComponent(email)}${extra}`;

describe('landing page', () => {
  it('GET / shows the digest, its sections and a subscribe form that works', async () => {
    const port = await start();
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1 dir="auto">Diplomacy Watch</h1>');
    expect(html).toContain('Weapons &amp; strikes');
    expect(html).toMatch(/<a href="archive">/);
    const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
    expect(action).toBe('subscribe');
    const target = new URL(action!, `http://127.0.0.1:${port}/`);
    const res = await post(Number(target.port), form('reader@example.net'));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Check your inbox');
    expect(app.store.findSubscriber('reader@example.net')?.status).toBe('pending');
    await app.sink.waitFor(() => app.sink.received.length === 1);
  });
});

describe('subscribe abuse', () => {
  it('40 loopback addresses sending 200 requests get at most the global limit of mails', async () => {
    const port = await start();
    const answers: Answer[] = [];
    for (let i = 0; i < 40; i++) {
      for (let j = 0; j < 5; j++) answers.push(await post(port, form(`victim${i}-${j}@d${i % 20}.example`), { from: `127.0.0.${i + 2}` }));
    }
    const accepted = answers.filter((a) => a.status === 200).length;
    expect(accepted).toBe(30); // the global limit per 10 minutes
    expect(answers.filter((a) => a.status === 429).length).toBe(170);
    expect(app.store.listSubscribers({ status: 'pending' })).toHaveLength(30);
    await app.sink.waitFor(() => app.sink.received.length === 30);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.sink.received.length).toBe(30);
  });

  it('limits one domain before the global limit', async () => {
    const port = await start();
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(port, form(`user${i}@one.example`), { from: `127.0.1.${i + 2}` })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect((await post(port, form('user@other.example'), { from: '127.0.1.50' })).status).toBe(200);
  });

  it('signups: in the config sets both limits (a small list lower)', async () => {
    const port = await start({}, 'signups:\n  total: 4\n  perDomain: 2\n');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(port, form(`user${i}@one.example`), { from: `127.0.2.${i + 2}` })).status);
    for (let i = 0; i < 4; i++) statuses.push((await post(port, form(`user${i}@d${i}.example`), { from: `127.0.2.${i + 20}` })).status);
    // two of one domain; four tries in all (the one refused for its domain counted too)
    expect(statuses).toEqual([200, 200, 429, 200, 429, 429, 429]);
    expect(app.store.listSubscribers({ status: 'pending' })).toHaveLength(3);
    await app.sink.waitFor(() => app.sink.received.length === 3);
  });

  it('a higher signups.total lets more than 30 through', async () => {
    const port = await start({}, 'signups:\n  total: 40\n');
    const answers: Answer[] = [];
    for (let i = 0; i < 40; i++) answers.push(await post(port, form(`reader${i}@d${i % 8}.example`), { from: `127.0.3.${i + 2}` }));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(40);
    await app.sink.waitFor(() => app.sink.received.length === 40);
  });

  it('behind a trusted proxy, a forged left-most X-Forwarded-For does not escape the per-IP limit', async () => {
    const port = await start({ trustProxy: true });
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      // the client forges the left hop; the proxy appends the real one (198.51.100.7)
      statuses.push((await post(port, form(`p${i}@example.net`), { headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('refuses cross-site posts: a foreign Origin (403) and text/plain bodies (415)', async () => {
    const port = await start();
    const foreign = await post(port, form('x@example.net'), { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const plain = await post(port, form('y@example.net'), { headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const own = await post(port, form('z@example.net'), { headers: { origin: 'https://digest.example.org' } });
    expect(own.status).toBe(200);
    expect(app.store.listSubscribers().map((s) => s.email)).toEqual(['z@example.net']);
  });

  it('a filled honeypot field gets the usual answer and nothing else', async () => {
    const port = await start();
    const res = await post(port, form('bot@example.net', '&website=https%3A%2F%2Fspam.example'));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Check your inbox');
    await new Promise((r) => setTimeout(r, 300));
    expect(app.store.findSubscriber('bot@example.net')).toBeNull();
    expect(app.sink.received).toHaveLength(0);
  });

  it('unconfirmed subscriptions expire after 7 days and their link stops working', async () => {
    const port = await start();
    await post(port, form('late@example.net'));
    await app.sink.waitFor(() => app.sink.received.length === 1);
    // the text as a mail client shows it (the raw message wraps long lines, quoted-printable)
    const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec((await app.sink.parsed())[0].text!)![1];
    app.store.addSubscriber({ email: 'kept@example.net' });
    expect(expirePending(app.store, new Date(Date.now() + 6 * 24 * 3600_000))).toBe(0);
    expect(expirePending(app.store, new Date(Date.now() + 8 * 24 * 3600_000))).toBe(1);
    expect(app.store.findSubscriber('late@example.net')).toBeNull();
    expect(app.store.findSubscriber('kept@example.net')?.status).toBe('active');
    // the link is genuine, its subscription gone: it says it has expired
    const expired = await fetch(`http://127.0.0.1:${port}${link}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
  });

  it('an unsubscribed or bounced address typed into the form and never confirmed goes back to its status, not off the list', async () => {
    const port = await start();
    const base = `http://127.0.0.1:${port}`;
    const gone = app.store.addSubscriber({ email: 'gone@example.net' });
    expect((await fetch(`${base}/u/${new Tokens(SECRET, tokenScope(app.store)).sign(gone.id, 'unsubscribe')}`, { method: 'POST' })).status).toBe(200);
    const dead = app.store.addSubscriber({ email: 'dead@example.net' });
    app.store.updateSubscriber(dead.id, { status: 'bounced', why: { reason: 'hard-bounce', source: 'mailbox' } });
    // a stranger types both into the form; nobody confirms
    for (const email of ['gone@example.net', 'dead@example.net', 'new@example.net']) expect((await post(port, form(email))).status).toBe(200);
    await app.sink.waitFor(() => app.sink.received.length === 3);
    expect(app.store.findSubscriber('gone@example.net')?.status).toBe('pending');

    expect(expirePending(app.store, new Date(Date.now() + 8 * 24 * 3600_000))).toBe(3);
    expect(app.store.findSubscriber('new@example.net')).toBeNull();
    expect(app.store.findSubscriber('gone@example.net')?.status).toBe('unsubscribed');
    expect(app.store.findSubscriber('dead@example.net')?.status).toBe('bounced');
    // so the operator's `subscribers add` still asks before bringing the address back
    const add = await runCli(['subscribers', 'add', 'gone@example.net', '--config', app.ws.configFile]);
    expect(add.code).toBe(2);
    expect(add.stderr).toContain('gone@example.net is unsubscribed; add --reactivate');
  });

  it('the confirmation link of such a sign-up, opened too late, says it expired, not that the address unsubscribed', async () => {
    const port = await start();
    const base = `http://127.0.0.1:${port}`;
    const back = app.store.addSubscriber({ email: 'back@example.net' });
    expect((await fetch(`${base}/u/${new Tokens(SECRET, tokenScope(app.store)).sign(back.id, 'unsubscribe')}`, { method: 'POST' })).status).toBe(200);
    // months later the reader signs up again, and opens the confirmation after 8 days
    expect((await post(port, form('back@example.net'))).status).toBe(200);
    await app.sink.waitFor(() => app.sink.received.length === 1);
    const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec((await app.sink.parsed())[0].text!)![1];
    expect(expirePending(app.store, new Date(Date.now() + 8 * 24 * 3600_000))).toBe(1);
    for (const method of ['GET', 'POST']) {
      const late = await fetch(`${base}${link}`, { method });
      const html = await late.text();
      expect(late.status, method).toBe(410);
      expect(html).toContain('This link has expired');
      expect(html).not.toContain('it unsubscribed');
      expect(html).toMatch(/<a href="[^"]*subscribe">Subscribe again<\/a>/);
    }
    expect(app.store.findSubscriber('back@example.net')?.status).toBe('unsubscribed');
  });
});
