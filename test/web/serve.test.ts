// HTTP tests against a running `digest serve` (child process), with a real SMTP sink for the
// confirmation mail and the store read back from the same state folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { BIN } from '../helpers/cli.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { SECRET, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';

const bin = process.env.DIGEST_BIN ?? BIN;
let ws: Workspace;
let sink: Sink;
let served: Listening;
let base: string;
let store: SqliteStore;
let tokens: Tokens;

beforeAll(async () => {
  ws = makeWorkspace();
  sink = await startSink();
  store = openStore(ws.stateDir);
  tokens = new Tokens(SECRET, tokenScope(store));
  served = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, { bin });
  base = served.url;
}, 30_000);

afterAll(async () => {
  await served?.stop();
  store?.close();
  await sink?.close();
});

function status(email: string) {
  return store.findSubscriber(email)?.status;
}

describe('digest serve', () => {
  it('answers /healthz with 200 JSON', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('hosts the archive and its Atom feed', async () => {
    const archive = await fetch(`${base}/archive`);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toMatch(/^text\/html/);
    const feed = await fetch(`${base}/feed.xml`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });

  it('the landing page names the Atom feed for feed readers given the site address', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const link = /<link rel="alternate" type="application\/atom\+xml" title="Diplomacy Watch" href="([^"]+)">/.exec(html);
    expect(link, 'no feed link in the head').not.toBeNull();
    expect(new URL(link![1], `${base}/`).href).toBe(`${base}/feed.xml`);
    expect(html.indexOf(link![0])).toBeLessThan(html.indexOf('</head>'));
  });

  it('search engines may index the landing page, not the pages a reader\'s link opens', async () => {
    expect(await (await fetch(`${base}/`)).text()).not.toContain('noindex');
    const s = store.addSubscriber({ email: 'private@example.net' });
    for (const p of [`/u/${tokens.sign(s.id, 'unsubscribe')}`, `/preferences/${tokens.sign(s.id, 'preferences')}`, `/confirm/${tokens.sign(s.id, 'confirm')}`]) {
      expect(await (await fetch(`${base}${p}`)).text(), p).toContain('<meta name="robots" content="noindex">');
    }
  });

  it('the Atom feed keeps its <updated> from one request to the next, and a reader that has it gets 304', async () => {
    const first = await fetch(`${base}/feed.xml`);
    const text = await first.text();
    await new Promise((r) => setTimeout(r, 20));
    const again = await fetch(`${base}/feed.xml`);
    expect(await again.text()).toBe(text); // no edition yet: nothing changed, so neither does <updated>
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const cached = await fetch(`${base}/feed.xml`, { headers: { 'if-none-match': `W/${etag}` } });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');
    expect((await fetch(`${base}/feed.xml`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('GET /u/TOKEN shows a confirm button and does not unsubscribe', async () => {
    const s = store.addSubscriber({ email: 'looker@example.net' });
    const res = await fetch(`${base}/u/${tokens.sign(s.id, 'unsubscribe')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<form method="post"[^>]*>\s*<button type="submit">Unsubscribe<\/button>/);
    expect(status('looker@example.net')).toBe('active');
  });

  it('GET /u/TOKEN of a reader who already left says so, with the way back, instead of asking again', async () => {
    const s = store.addSubscriber({ email: 'gone-already@example.net' });
    const url = `${base}/u/${tokens.sign(s.id, 'unsubscribe')}`;
    expect((await fetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
    // an older edition's link, opened the next day
    const again = await fetch(url);
    expect(again.status).toBe(200);
    const html = await again.text();
    expect(html).toContain('You are unsubscribed');
    expect(html).not.toContain('<button');
    expect(new URL(/<a href="([^"]+)">Subscribe again<\/a>/.exec(html)![1], url).href).toBe(`${base}/subscribe`);
    // taken off the list altogether: no longer on it either
    store.removeSubscriber('gone-already@example.net');
    const removed = await (await fetch(url)).text();
    expect(removed).toContain('You are unsubscribed');
    expect(removed).not.toContain('<button');
    // a reader still on the list is asked, as before
    const stays = store.addSubscriber({ email: 'stays@example.net' });
    expect(await (await fetch(`${base}/u/${tokens.sign(stays.id, 'unsubscribe')}`)).text()).toContain('<button type="submit">Unsubscribe</button>');
  });

  it('one-click POST /u/TOKEN unsubscribes with 200, no redirect, idempotently', async () => {
    const s = store.addSubscriber({ email: 'leaver@example.net' });
    const url = `${base}/u/${tokens.sign(s.id, 'unsubscribe')}`;
    const post = () =>
      fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.headers.get('location')).toBeNull();
    expect(status('leaver@example.net')).toBe('unsubscribed');
    const second = await post();
    expect(second.status).toBe(200);
    expect(status('leaver@example.net')).toBe('unsubscribed');
  });

  it('rejects a tampered or wrong-purpose token with 400 and changes nothing', async () => {
    const s = store.addSubscriber({ email: 'stayer@example.net' });
    const good = tokens.sign(s.id, 'unsubscribe');
    const other = store.addSubscriber({ email: 'bystander@example.net' });
    const flipLast = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    const otherId = `${other.id.toString(36)}${good.slice(good.indexOf('.'))}`; // someone else's id, this MAC
    const wrongPurpose = tokens.sign(s.id, 'preferences');
    for (const bad of [flipLast, otherId, wrongPurpose, 'garbage', `${s.id}`]) {
      const res = await fetch(`${base}/u/${bad}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
      expect(res.status, bad).toBe(400);
      expect((await fetch(`${base}/u/${bad}`)).status, bad).toBe(400);
    }
    expect(status('stayer@example.net')).toBe('active');
    expect(status('bystander@example.net')).toBe('active');
  });

  it('double opt-in: subscribe creates pending and mails a link that activates', async () => {
    const res = await fetch(`${base}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=Newcomer%40Example.net&sections=arms&sections=diplomacy',
    });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(status('newcomer@example.net')).toBe('pending');
    expect(store.findSubscriber('newcomer@example.net')!.sections).toEqual(['arms', 'diplomacy']);

    await sink.waitFor(() => sink.received.some((m) => m.to.includes('Newcomer@example.net')));
    const mails = await sink.parsed();
    const mail = mails.find((m) => (m.text ?? '').includes('/confirm/'))!;
    const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(mail.text ?? '')![1];
    // a mail scanner opening the link (GET, as Safe Links does) confirms nothing: the page has a button
    const scanned = await fetch(`${base}${link}`);
    expect(scanned.status).toBe(200);
    expect(await scanned.text()).toMatch(/<form method="post" action="">\s*<button type="submit">Confirm subscription<\/button>/);
    expect(status('newcomer@example.net')).toBe('pending');
    // the button (no cookie, no script) confirms; pressed twice it still says confirmed
    for (let i = 0; i < 2; i++) {
      const confirm = await fetch(`${base}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toContain('Subscription confirmed');
      expect(status('newcomer@example.net')).toBe('active');
    }
    expect((await fetch(`${base}${link}`)).status).toBe(200); // opened again later: says it is confirmed

    // the same request for an address already on the list gets the very same answer
    const again = await fetch(`${base}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=newcomer%40example.net&sections=arms',
    });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(page);
    expect(store.findSubscriber('newcomer@example.net')!.sections).toEqual(['arms', 'diplomacy']);
  });

  it('a genuine link that can no longer confirm says why and leads back to the form; preferences show the way out, or back', async () => {
    const s = store.addSubscriber({ email: 'wavering@example.net', status: 'pending' });
    const confirm = `${base}/confirm/${tokens.sign(s.id, 'confirm')}`;
    const prefs = `${base}/preferences/${tokens.sign(s.id, 'preferences')}`;
    const follow = (from: string, html: string, text: string) => new URL(new RegExp(`<a href="([^"]+)">${text}</a>`).exec(html)![1].replace(/&amp;/g, '&'), from).href;

    // a reader still on the list finds the way out on the preferences page, and it is their own unsubscribe link
    const active = await (await fetch(prefs)).text();
    expect(follow(prefs, active, 'Unsubscribe')).toBe(`${base}/u/${tokens.sign(s.id, 'unsubscribe')}`);

    // unsubscribed: the page offers the way back (to the form: a new subscription is confirmed again)
    const left = await fetch(`${base}/u/${tokens.sign(s.id, 'unsubscribe')}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    const leftPage = await left.text();
    expect(follow(left.url, leftPage, 'Subscribe again')).toBe(`${base}/subscribe`);

    // the old confirmation link neither confirms nor claims it was changed
    for (const method of ['GET', 'POST']) {
      const r = await fetch(confirm, { method });
      const html = await r.text();
      expect(r.status, method).toBe(200);
      expect(html).toContain('This address does not receive Diplomacy Watch now: it unsubscribed, or mail to it bounced.');
      expect(html).not.toContain('incomplete or was changed');
      expect(follow(confirm, html, 'Subscribe again')).toBe(`${base}/subscribe`);
    }
    expect(status('wavering@example.net')).toBe('unsubscribed');

    // its preferences page says the sections alone will not bring the digest back
    const gone = await (await fetch(prefs)).text();
    expect(gone).toContain('This address does not receive Diplomacy Watch now');
    expect(gone).not.toContain('>Unsubscribe</a>');

    // a subscription that is gone (never confirmed, or removed): the link has expired, it was not changed
    store.removeSubscriber('wavering@example.net');
    const expired = await fetch(confirm);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
  });

  it('the preferences link of a reader taken off the list says so and leads back to the form, not that the link was changed', async () => {
    const s = store.addSubscriber({ email: 'erased@example.net', sections: ['arms'] });
    const prefs = `${base}/preferences/${tokens.sign(s.id, 'preferences')}`;
    expect(store.removeSubscriber('erased@example.net')).toBe(true);
    for (const [method, body] of [['GET', undefined], ['POST', 'sections=aid']] as const) {
      const r = await fetch(prefs, { method, body, headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {} });
      const html = await r.text();
      expect(r.status, method).toBe(410);
      expect(html).toContain('This link has expired');
      expect(html).not.toContain('incomplete or was changed');
      expect(new URL(/<a href="([^"]+)">Subscribe again<\/a>/.exec(html)![1], prefs).href).toBe(`${base}/subscribe`);
    }
    expect(store.findSubscriber('erased@example.net')).toBeNull();
  });

  it('preferences: GET shows the choice, POST changes the sections', async () => {
    const s = store.addSubscriber({ email: 'chooser@example.net' });
    const url = `${base}/preferences/${tokens.sign(s.id, 'preferences')}`;
    const page = await (await fetch(url)).text();
    expect(page).toContain('value="aid"');
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'sections=aid' });
    expect(res.status).toBe(200);
    expect(store.findSubscriber('chooser@example.net')!.sections).toEqual(['aid']);
    expect(await res.text()).toMatch(/value="aid" checked/);
    expect((await fetch(`${base}/preferences/${tokens.sign(s.id, 'unsubscribe')}`)).status).toBe(400);
  });

  it('preferences tick the sections the reader receives: all of them for one who chose none, or chose them all and saved', async () => {
    const s = store.addSubscriber({ email: 'everything@example.net' });
    const url = `${base}/preferences/${tokens.sign(s.id, 'preferences')}`;
    const ticked = (html: string) => [...html.matchAll(/name="sections" value="([^"]+)" checked/g)].map((m) => m[1]);
    expect(ticked(await (await fetch(url)).text())).toEqual(['arms', 'diplomacy', 'aid', 'other']);
    const all = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'sections=arms&sections=diplomacy&sections=aid&sections=other' });
    const saved = await all.text();
    expect(saved).toContain('Saved.');
    expect(ticked(saved)).toEqual(['arms', 'diplomacy', 'aid', 'other']);
    expect(store.findSubscriber('everything@example.net')!.sections).toBeNull();
    // one section unticked from there: the rest, as saved
    const three = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'sections=arms&sections=diplomacy&sections=aid' });
    expect(ticked(await three.text())).toEqual(['arms', 'diplomacy', 'aid']);
    expect(store.findSubscriber('everything@example.net')!.sections).toEqual(['arms', 'diplomacy', 'aid']);
  });
});
