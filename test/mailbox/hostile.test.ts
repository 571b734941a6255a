// `digest mail` against hostile or odd mail in a real IMAP server (dovecot): a bounce forged from what anyone can
// work out, a mailbox full of mail nobody handles, notices meant for another digest. A subscriber is dropped only
// on evidence that this digest's own mail to them failed, and no bounce waits forever behind junk.
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, makeWorkspace, writeEditionFile, type Sink, type Workspace } from '../deliver/support.js';
import { dovecotMissing, startDovecot, type Dovecot } from './dovecot.js';
import { sendEdition, sendToReaders, type SentCopy } from './sent-copies.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const missing = dovecotMissing();
if (missing) console.warn(`skipping the IMAP tests: ${missing}`);

const READERS = ['victim', 'behind', 'keep', 'mangled'].map((n) => `${n}@example.net`);
const MAILBOX = `mailbox:
  address: bounces@watch.example.org
`;

describe.skipIf(missing !== null)('digest mail with hostile or odd mail (real IMAP server)', () => {
  let ws: Workspace;
  let sink: Sink;
  let imap: Dovecot;
  let env: Record<string, string>;
  /** what each reader's copy went out with */
  let sent: Map<string, SentCopy>;

  beforeAll(async () => {
    ws = makeWorkspace(MAILBOX);
    ({ sink, sent } = await sendToReaders(ws, READERS));
    imap = await startDovecot();
    env = { DIGEST_SECRET: SECRET, DIGEST_IMAP_URL: imap.url };
  }, 120_000);

  afterAll(async () => {
    await sink?.close();
    await imap?.stop();
  });

  const mail = () => runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env, timeoutMs: 180_000 });
  /** the Postfix hard bounce of ./fixtures, about `who`, with its own Message-ID */
  const hardBounce = (who: string, id: string) =>
    readFileSync(path.join(FIXTURES, 'postfix-hard.eml'), 'utf8')
      .replace(/gone@example\.net/g, who)
      .replace(/\{\{VERP:[^}]+\}\}/g, sent.get(who)!.verp)
      .replace(/\{\{MSGID:[^}]+\}\}/g, sent.get(who)!.messageId)
      .replace(/^Message-Id: <[^>]+>/im, `Message-Id: <${id}@mail.relay.example.com>`);

  it('a bounce forged with the Message-ID anyone can compute from an address and the edition date changes nothing', async () => {
    // what the copies' Message-IDs used to be: sha256 of edition id and address, nothing secret
    const guessed = `<digest.2026-11-23.${createHash('sha256').update('2026-11-23\0victim@example.net').digest('hex').slice(0, 24)}@watch.example.org>`;
    const forged = readFileSync(path.join(FIXTURES, 'forged-dsn.eml'), 'utf8')
      .replace(/\{\{FORGED:[^}]+\}\}/g, 'bounces@watch.example.org')
      .replace('<made-up-id@watch.example.org>', guessed);
    await imap.append(forged);
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(statuses()['victim@example.net']).toBe('active');
    expect(r.stdout).toMatch(/left "Undelivered Mail Returned to Sender": a hard bounce \(DSN 5\.1\.1\), but no valid bounce token and no Message-ID Roundup sent/);
  }, 120_000);

  it('a bounce or an unsubscribe for another digest that shares the secret and the mailbox names nobody here', async () => {
    // digest B: its own folder and store, the same DIGEST_SECRET and bounce address, readers with the same ids
    const b = makeWorkspace(MAILBOX);
    const store = openStore(b.stateDir);
    for (const email of ['b1@example.org', 'b2@example.org', 'b3@example.org']) store.addSubscriber({ email });
    store.close();
    writeEditionFile(b.outDir, makeEdition());
    const send = await runCli(['send', '--config', b.configFile, '--edition', '2026-11-23'], { cwd: b.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(send.code, send.stderr).toBe(0);
    // A's reader keep@ (id 3, as b3@ in B) bounces, and asks to leave through A's List-Unsubscribe mailto:
    await imap.append(hardBounce('keep@example.net', 'keep-1'));
    await imap.append(
      readFileSync(path.join(FIXTURES, 'unsubscribe-mailto.eml'), 'utf8').replace(/\{\{UNSUB:[^}]+\}\}/g, sent.get('keep@example.net')!.unsubscribe),
    );
    const inB = await runCli(['mail', '--config', b.configFile], { cwd: b.dir, env });
    expect(inB.code, inB.stderr).toBe(0);
    expect(inB.stdout).toMatch(/INBOX: 3 messages; 0 handled/);
    expect(statuses(b.stateDir)).toEqual({ 'b1@example.org': 'active', 'b2@example.org': 'active', 'b3@example.org': 'active' });
    // A reads them as its own, although B looked at them first
    const inA = await mail();
    expect(inA.code, inA.stderr).toBe(0);
    expect(inA.stdout).toMatch(/INBOX: 3 messages; 2 handled/);
    expect(statuses()['keep@example.net']).toBe('bounced');
  }, 120_000);

  it('a bounce or an unsubscribe mail to an address made before the tokens covered the digest still counts', async () => {
    // the copies sent before the upgrade: their MAC covered the subscriber and edition, not the digest
    const legacy = (what: string) => createHmac('sha256', SECRET).update(`roundup/${what}`).digest('hex').slice(0, 20);
    const ids = openStore(ws.stateDir);
    const victim = ids.findSubscriber('victim@example.net')!.id;
    const behind = ids.findSubscriber('behind@example.net')!.id;
    ids.close();
    const verp = `bounces+${behind.toString(36)}.2026-11-23.${legacy(`verp/2026-11-23/${behind}`)}@watch.example.org`;
    const bounce = hardBounce('behind@example.net', 'legacy-1').split(sent.get('behind@example.net')!.verp).join(verp)
      .split(sent.get('behind@example.net')!.messageId).join('<unknown-to-the-ledger@watch.example.org>');
    await imap.append(bounce);
    const unsubscribe = `bounces+u.${victim.toString(36)}.${legacy(`unsubscribe-mail/${victim}`)}@watch.example.org`;
    await imap.append(
      readFileSync(path.join(FIXTURES, 'unsubscribe-mailto.eml'), 'utf8')
        .replace(/\{\{UNSUB:[^}]+\}\}/g, unsubscribe)
        .replace(/^Message-ID: <[^>]+>/im, 'Message-ID: <legacy-unsub@mail.gmail.com>'),
    );
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(statuses()['behind@example.net']).toBe('bounced');
    expect(statuses()['victim@example.net']).toBe('unsubscribed');
    // the rest of this file reads them active again, with the copies of an edition sent since they came back (a bounce
    // of a copy sent before counts for nothing)
    const store = openStore(ws.stateDir);
    for (const email of ['behind@example.net', 'victim@example.net']) store.updateSubscriber(store.findSubscriber(email)!.id, { status: 'active' });
    store.close();
    sent = (await sendEdition(ws, sink, '2026-11-30')).sent;
  }, 120_000);

  it('a bounce behind 500 messages left for a person is read on the next run', async () => {
    const junk = Array.from(
      { length: 500 },
      (_, i) => `From: someone${i}@elsewhere.example\nTo: bounces@watch.example.org\nSubject: Offer ${i}\nMessage-ID: <offer-${i}@elsewhere.example>\n\nBuy now.\n`,
    );
    await imap.appendAll(junk);
    await imap.append(hardBounce('behind@example.net', 'behind-1'));
    const first = await mail();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/INBOX: 500 messages; 0 handled/);
    const second = await mail();
    expect(second.code, second.stderr).toBe(0);
    // the new message first, then those left before, 500 in all
    expect(second.stdout).toMatch(/INBOX: 500 messages; 1 handled \(moved to Processed\); 499 left in INBOX/);
    expect(statuses()['behind@example.net']).toBe('bounced');
    expect((await imap.subjects('INBOX')).length).toBe(501); // the forged bounce and the 500 offers, kept
  }, 300_000);

  it('a 20 MB message is left unread with its size named, and the mail behind it is still read', async () => {
    const big = `From: big@elsewhere.example\nTo: bounces@watch.example.org\nSubject: Huge offer\nMessage-ID: <huge@elsewhere.example>\n\n${`${'A'.repeat(998)}\n`.repeat(20_000)}`;
    await imap.append(big);
    await imap.append(hardBounce('victim@example.net', 'victim-1'));
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^#\d+ left "Huge offer": 19\.1 MB, more than the 10\.0 MB a notice about a digest can be; not read$/m);
    expect(statuses()['victim@example.net']).toBe('bounced');
    expect(await imap.subjects('INBOX')).toContain('Huge offer');
  }, 180_000);

  it('a bounce whose returned copy has a List-Unsubscribe cut short (a "%" that starts no escape) still counts', async () => {
    const bounce = hardBounce('mangled@example.net', 'mangled-1').replace(/<mailto:[^>]+>/, '<mailto:bounces+u.%2>');
    expect(bounce).toContain('<mailto:bounces+u.%2>');
    await imap.append(bounce);
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/could not be handled/);
    expect(statuses()['mangled@example.net']).toBe('bounced');
  }, 180_000);

  function statuses(stateDir = ws.stateDir): Record<string, string> {
    const store = openStore(stateDir);
    try {
      return Object.fromEntries(store.listSubscribers().map((s) => [s.email, s.status]));
    } finally {
      store.close();
    }
  }
});
