// "unsubscribe" mailed to the plain bounce address, through `digest mail`, a real IMAP server (dovecot) and a real
// SMTP sink: its From names the reader, and anyone can write a From. It is acted on at once only when the receiving
// server's own Authentication-Results (mailbox.authservIds) show DMARC or aligned DKIM passing for it; otherwise the
// reader (never a stranger) is mailed a signed link, and following that link on `digest serve` unsubscribes them.
// The signed per-reader address of List-Unsubscribe acts at once, as before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { SubscriberEvents } from '../../src/store/events.js';
import { runCli } from '../helpers/cli.js';
import { startServe } from '../helpers/serve.js';
import { SECRET, makeWorkspace, type Sink, type Workspace } from '../deliver/support.js';
import { dovecotMissing, startDovecot, type Dovecot } from './dovecot.js';
import { sendToReaders, statuses, type SentCopy } from './sent-copies.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const missing = dovecotMissing();
if (missing) console.warn(`skipping the IMAP tests: ${missing}`);

const READERS = ['reader', 'other', 'trusted', 'signed', 'tagged', 'waiting'].map((n) => `${n}@example.net`).concat('news@lists.example.net');
const MAILBOX = `mailbox:
  address: bounces@watch.example.org
  authservIds: [mx.watch.example.org]
`;
/** what the receiving server (the trusted one) adds on top */
const ours = (results: string) => `Authentication-Results: mx.watch.example.org;\n\t${results}\n`;

describe.skipIf(missing !== null)('digest mail and "unsubscribe" mailed to the plain address (real IMAP and SMTP servers)', () => {
  let ws: Workspace;
  let sink: Sink;
  let imap: Dovecot;
  let sent: Map<string, SentCopy>;

  beforeAll(async () => {
    ws = makeWorkspace(MAILBOX);
    ({ sink, sent } = await sendToReaders(ws, READERS));
    imap = await startDovecot();
  }, 120_000);

  afterAll(async () => {
    await sink?.close();
    await imap?.stop();
  });

  /** an "unsubscribe" from `from`; `top` are the headers the receiving server added, `inside` those the sender wrote */
  const request = (from: string, id: string, o: { top?: string; inside?: string } = {}) =>
    (o.top ?? '') +
    readFileSync(path.join(FIXTURES, 'unsubscribe-plain.eml'), 'utf8')
      .replace(/\{\{FROM\}\}/g, from)
      .replace('{{UNIQUE}}', id)
      .replace('{{SENDER_HEADERS}}', o.inside ?? '');
  const mail = (smtp = true) =>
    runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_IMAP_URL: imap.url, DIGEST_SMTP_URL: smtp ? sink.url : '' }, timeoutMs: 120_000 });
  /** what `digest mail` sent through the sink since `from` messages */
  const mailedSince = async (from: number) => Promise.all(sink.received.slice(from).map(async (r) => ({ to: r.to, m: await simpleParser(r.raw) })));

  it('a forged From leaves the reader subscribed and mails them a link, which unsubscribes them', async () => {
    const before = sink.received.length;
    // the receiving server says DMARC failed; the forger's own "pass" sits below it and counts for nothing
    const forged = { top: ours('spf=fail smtp.mailfrom=attacker.example; dkim=none; dmarc=fail (p=none) header.from=example.net'), inside: ours('dkim=pass header.d=example.net; dmarc=pass header.from=example.net') };
    await imap.append(request('reader@example.net', 'forged-1', forged));
    // the same again: the reader gets one link a day, not one per request
    await imap.append(request('reader@example.net', 'forged-2', forged));
    // a pass from a server that is not ours
    await imap.append(request('other@example.net', 'forged-3', { top: 'Authentication-Results: mx.attacker.example; dkim=pass header.d=example.net; dmarc=pass header.from=example.net\n' }));
    // someone who is not on the list is never mailed
    await imap.append(request('stranger@example.org', 'forged-4', forged));
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(ws)).toMatchObject({ 'reader@example.net': 'active', 'other@example.net': 'active' });
    expect(r.stdout).toMatch(/Authentication-Results of mx\.watch\.example\.org: dkim=none, dmarc=fail, nothing passing for example\.net\): not applied; sent reader@example\.net a link to confirm/);
    expect(r.stdout).toMatch(/a link to confirm went to reader@example\.net at \S+; not sent again within a day/);
    expect(r.stdout).toMatch(/no Authentication-Results from mx\.watch\.example\.org\): not applied; sent other@example\.net a link to confirm/);
    expect(r.stdout).toMatch(/left "unsubscribe": a unsubscribe .*, but "unsubscribe" from stranger@example\.org, who is not a subscriber/);
    expect(r.stdout).toMatch(/INBOX: 4 messages; 3 handled \(moved to Processed\); 1 left in INBOX/);

    const mailed = await mailedSince(before);
    expect(mailed.map((x) => x.to).sort()).toEqual([['other@example.net'], ['reader@example.net']]);
    const toReader = mailed.find((x) => x.to[0] === 'reader@example.net')!.m;
    expect(toReader.subject).toBe('Unsubscribe from Diplomacy Watch?');
    expect(toReader.headers.get('auto-submitted')).toBe('auto-generated');
    const link = /https:\/\/digest\.example\.org\/u\/[0-9a-z]+\.[A-Za-z0-9_-]{43}/.exec(toReader.text ?? '')![0];

    const served = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET });
    try {
      const page = link.replace('https://digest.example.org', served.url.replace(/\/$/, ''));
      const shown = await fetch(page);
      expect(shown.status).toBe(200);
      expect(statuses(ws)['reader@example.net']).toBe('active'); // opening the link only shows the button
      const done = await fetch(page, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(done.status).toBe(200);
    } finally {
      await served.stop();
    }
    expect(statuses(ws)).toMatchObject({ 'reader@example.net': 'unsubscribed', 'other@example.net': 'active' });
  }, 180_000);

  it('a request the receiving server vouches for (DMARC, or DKIM of the From domain or a parent) is applied at once', async () => {
    const before = sink.received.length;
    await imap.append(request('trusted@example.net', 'trusted-1', { top: ours('dkim=pass header.d=example.net header.s=s1; spf=pass smtp.mailfrom=example.net; dmarc=pass (p=reject) header.from=example.net') }));
    await imap.append(request('news@lists.example.net', 'trusted-2', { top: ours('dkim=pass (2048-bit key) header.d=example.net header.i=@example.net; dmarc=none header.from=lists.example.net') }));
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(ws)).toMatchObject({ 'trusted@example.net': 'unsubscribed', 'news@lists.example.net': 'unsubscribed' });
    expect(r.stdout).toMatch(/trusted@example\.net: active → unsubscribed \(unsubscribe-mail\)/);
    expect(await mailedSince(before)).toEqual([]);
    const store = openStore(ws.stateDir);
    const last = new SubscriberEvents(store).history(store.findSubscriber('trusted@example.net')!.id).at(-1)!;
    store.close();
    expect(last.evidence).toMatch(/Authentication-Results of mx\.watch\.example\.org: dmarc=pass for example\.net/);
  }, 120_000);

  it('mail to the signed per-reader address of List-Unsubscribe acts at once, with nothing else to vouch for it', async () => {
    const before = sink.received.length;
    await imap.append(readFileSync(path.join(FIXTURES, 'unsubscribe-mailto.eml'), 'utf8').replace(/\{\{UNSUB:[^}]+\}\}/g, sent.get('tagged@example.net')!.unsubscribe));
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(ws)['tagged@example.net']).toBe('unsubscribed');
    expect(await mailedSince(before)).toEqual([]);
  }, 120_000);

  it('without DIGEST_SMTP_URL such a request waits in the mailbox, and the next run with it sends the link', async () => {
    const before = sink.received.length;
    await imap.append(request('waiting@example.net', 'waiting-1'));
    const without = await mail(false);
    expect(without.code, without.stderr).toBe(0);
    expect(without.stdout).toMatch(/left "unsubscribe": an unsubscribe .* and no link to confirm can be sent to waiting@example\.net: DIGEST_SMTP_URL is not set/);
    expect(statuses(ws)['waiting@example.net']).toBe('active');
    expect(await mailedSince(before)).toEqual([]);
    const withSmtp = await mail();
    expect(withSmtp.code, withSmtp.stderr).toBe(0);
    expect(withSmtp.stdout).toMatch(/sent waiting@example\.net a link to confirm/);
    expect((await mailedSince(before)).map((x) => x.to)).toEqual([['waiting@example.net']]);
    expect(statuses(ws)['waiting@example.net']).toBe('active');
  }, 120_000);

  it('only a reader who receives the digest is mailed a link: not a pending address, not one already unsubscribed', async () => {
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'pending@example.net', status: 'pending' });
    store.close();
    const before = sink.received.length;
    await imap.append(request('pending@example.net', 'pending-1'));
    await imap.append(request('trusted@example.net', 'gone-1'));
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/pending@example\.net has not confirmed the subscription: nothing is mailed to it/);
    expect(r.stdout).toMatch(/trusted@example\.net is already unsubscribed/);
    expect(await mailedSince(before)).toEqual([]);
    expect(statuses(ws)).toMatchObject({ 'pending@example.net': 'pending', 'trusted@example.net': 'unsubscribed' });
  }, 120_000);
});
