// Soft bounces through `digest mail` and a real IMAP server (dovecot): one delivery is one soft bounce, however many
// notices its servers send about it (delay warnings, then the failure; the same failure from two relays), and a
// reader is dropped only after soft bounces on `softBounces.count` distinct editions (default 3 within 30 days).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeWorkspace, type Sink, type Workspace } from '../deliver/support.js';
import { dovecotMissing, startDovecot, type Dovecot } from './dovecot.js';
import { sendEdition, sendToReaders, statuses, type SentCopy } from './sent-copies.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const missing = dovecotMissing();
if (missing) console.warn(`skipping the IMAP tests: ${missing}`);

const READERS = ['flaky', 'full', 'keep'].map((n) => `${n}@example.net`);
// the documented default: 3 soft bounces within 30 days
const MAILBOX = `mailbox:
  address: bounces@watch.example.org
`;

describe.skipIf(missing !== null)('digest mail counts one soft bounce per edition (real IMAP server)', () => {
  let ws: Workspace;
  let sink: Sink;
  let imap: Dovecot;
  let env: Record<string, string>;
  /** each edition's copies, by address */
  const editions = new Map<string, Map<string, SentCopy>>();

  beforeAll(async () => {
    ws = makeWorkspace(MAILBOX);
    let sent: Map<string, SentCopy>;
    ({ sink, sent } = await sendToReaders(ws, READERS));
    editions.set('2026-11-23', sent);
    for (const id of ['2026-11-30', '2026-12-07']) editions.set(id, (await sendEdition(ws, sink, id)).sent);
    imap = await startDovecot();
    env = { DIGEST_SECRET: SECRET, DIGEST_IMAP_URL: imap.url };
  }, 180_000);

  afterAll(async () => {
    await sink?.close();
    await imap?.stop();
  });

  /** a Postfix notice (./fixtures) about `who`'s copy of `edition`, with its own Message-ID and status */
  const notice = (fixture: string, who: string, edition: string, o: { id: string; status?: string }) => {
    const copy = editions.get(edition)!.get(who)!;
    let raw = readFileSync(path.join(FIXTURES, fixture), 'utf8')
      .replace(/(full|slow)@example\.net/g, who)
      .replace(/\{\{VERP:[^}]+\}\}/g, copy.verp)
      .replace(/\{\{MSGID:[^}]+\}\}/g, copy.messageId)
      .replace(/\{\{DATE\}\}/g, 'Tue, 24 Nov 2026 07:00:00 +0200')
      .replace(/\{\{UNIQUE\}\}/g, o.id)
      .replace(/^Message-Id: <[^>]+>/im, `Message-Id: <${o.id}@mail.relay.example.com>`);
    if (o.status) raw = raw.replace(/^Status: 4\.2\.2$/m, `Status: ${o.status}`).replace(/452 4\.2\.2/g, `452 ${o.status}`);
    return raw;
  };
  const mail = () => runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env, timeoutMs: 120_000 });

  it('several notices about one delivery count as one soft bounce', async () => {
    // the relay warns twice while it retries, gives up, and a second relay reports the same failure
    await imap.append(notice('postfix-delayed.eml', 'flaky@example.net', '2026-11-23', { id: 'flaky-delayed-1' }));
    await imap.append(notice('postfix-delayed.eml', 'flaky@example.net', '2026-11-23', { id: 'flaky-delayed-2' }));
    await imap.append(notice('postfix-soft.eml', 'flaky@example.net', '2026-11-23', { id: 'flaky-failed-1', status: '4.4.7' }));
    await imap.append(notice('postfix-soft.eml', 'flaky@example.net', '2026-11-23', { id: 'flaky-failed-2', status: '4.4.7' }));
    await imap.append(notice('postfix-soft.eml', 'flaky@example.net', '2026-11-23', { id: 'flaky-failed-3', status: '4.2.2' }));
    const r = await mail();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/INBOX: 5 messages; 5 handled/);
    expect(statuses(ws)['flaky@example.net']).toBe('active');
    expect(r.stdout.match(/delivery report: delayed 4\.4\.1: nothing to do/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/flaky@example\.net: soft bounce 1 of 3 within 30 days \(one per edition\)/);
    expect(r.stdout.match(/flaky@example\.net: edition 2026-11-23 already counted as a soft bounce/g)).toHaveLength(2);
    const status = await runCli(['status', '--config', ws.configFile], { cwd: ws.dir });
    expect(status.stdout).toMatch(/last 30 days: .*1 soft bounces? counted/);
  }, 120_000);

  it('soft bounces on three editions drop the reader, not before', async () => {
    await imap.append(notice('postfix-soft.eml', 'full@example.net', '2026-11-23', { id: 'full-1' }));
    await imap.append(notice('postfix-soft.eml', 'full@example.net', '2026-11-30', { id: 'full-2' }));
    await imap.append(notice('postfix-soft.eml', 'full@example.net', '2026-11-30', { id: 'full-2-again' }));
    const two = await mail();
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toMatch(/full@example\.net: soft bounce 2 of 3 within 30 days/);
    expect(statuses(ws)['full@example.net']).toBe('active');

    await imap.append(notice('postfix-soft.eml', 'full@example.net', '2026-12-07', { id: 'full-3' }));
    const three = await mail();
    expect(three.code, three.stderr).toBe(0);
    expect(three.stdout).toMatch(/full@example\.net: active → bounced \(soft-bounces\)/);
    expect(statuses(ws)).toEqual({ 'flaky@example.net': 'active', 'full@example.net': 'bounced', 'keep@example.net': 'active' });
    const list = await runCli(['subscribers', 'list', '--config', ws.configFile, '--status', 'bounced'], { cwd: ws.dir });
    expect(list.stdout).toMatch(/^full@example\.net\t.*\tsoft-bounces \(mailbox: 3 soft bounces within 30 days/m);
  }, 120_000);
});
