// A reader dropped for soft bounces (or who left) and who comes back starts with a clean count: the soft bounces from
// before count no more, as the hard failures do not, so one bad day after coming back does not drop them again; and a
// late report about a copy sent before they came back (a second relay's, one sent after days of retrying) drops nobody.
// Through `digest mail`, `digest subscribers add --reactivate` and `digest send`, with a real IMAP server (dovecot).
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

const READERS = ['full@example.net', 'gone@example.net', 'keep@example.net'];
const MAILBOX = `mailbox:
  address: bounces@watch.example.org
`;

describe.skipIf(missing !== null)('a reader who comes back after soft bounces dropped them (real IMAP server)', () => {
  let ws: Workspace;
  let sink: Sink;
  let imap: Dovecot;
  let env: Record<string, string>;
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

  /** a Postfix soft bounce (4.2.2, mailbox full) of `who`'s copy of `edition` */
  const softBounce = (who: string, edition: string, id: string) => notice('postfix-soft.eml', who, edition, id);
  /** a Postfix notice (./fixtures) about `who`'s copy of `edition`, with its own Message-ID */
  const notice = (fixture: string, who: string, edition: string, id: string) => {
    const copy = editions.get(edition)!.get(who)!;
    return readFileSync(path.join(FIXTURES, fixture), 'utf8')
      .replace(/(full|slow|gone)@example\.net/g, who)
      .replace(/\{\{VERP:[^}]+\}\}/g, copy.verp)
      .replace(/\{\{MSGID:[^}]+\}\}/g, copy.messageId)
      .replace(/\{\{DATE\}\}/g, 'Tue, 24 Nov 2026 07:00:00 +0200')
      .replace(/\{\{UNIQUE\}\}/g, id)
      .replace(/^Message-Id: <[^>]+>/im, `Message-Id: <${id}@mail.relay.example.com>`);
  };
  const mail = () => runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env, timeoutMs: 120_000 });

  it('soft bounces before they came back are not counted again: one more is 1 of 3, not a second drop', async () => {
    for (const [i, id] of ['2026-11-23', '2026-11-30', '2026-12-07'].entries()) await imap.append(softBounce('full@example.net', id, `full-${i}`));
    const dropped = await mail();
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stdout).toMatch(/full@example\.net: active → bounced \(soft-bounces\)/);

    // the reader cleared their mailbox and asked to be back on the list
    const back = await runCli(['subscribers', 'add', 'full@example.net', '--reactivate', '--config', ws.configFile], { cwd: ws.dir });
    expect(back.code, back.stdout + back.stderr).toBe(0);
    expect(statuses(ws)['full@example.net']).toBe('active');
    editions.set('2026-12-14', (await sendEdition(ws, sink, '2026-12-14')).sent);
    expect(editions.get('2026-12-14')!.has('full@example.net')).toBe(true);

    // one bad day after coming back
    await imap.append(softBounce('full@example.net', '2026-12-14', 'full-after'));
    const once = await mail();
    expect(once.code, once.stderr).toBe(0);
    expect(once.stdout).toMatch(/full@example\.net: soft bounce 1 of 3 within 30 days/);
    expect(statuses(ws)).toMatchObject({ 'full@example.net': 'active', 'keep@example.net': 'active' });
  }, 240_000);

  it('a second report of a hard bounce, about the copy sent before the reader was re-activated, leaves them active', async () => {
    await imap.append(notice('postfix-hard.eml', 'gone@example.net', '2026-11-23', 'gone-first-relay'));
    const dropped = await mail();
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stdout).toMatch(/gone@example\.net: active → bounced \(hard-bounce\)/);

    // the reader's mailbox was made again; the operator puts them back
    const back = await runCli(['subscribers', 'add', 'gone@example.net', '--reactivate', '--config', ws.configFile], { cwd: ws.dir });
    expect(back.code, back.stdout + back.stderr).toBe(0);
    // another relay reports the same old copy's failure, late
    await imap.append(notice('postfix-hard.eml', 'gone@example.net', '2026-11-23', 'gone-second-relay'));
    const late = await mail();
    expect(late.code, late.stderr).toBe(0);
    expect(late.stdout).toMatch(/gone@example\.net: about the copy of edition 2026-11-23, sent before they came back: nothing to do/);
    expect(statuses(ws)['gone@example.net']).toBe('active');

    // a hard bounce of a copy sent after they came back still counts
    editions.set('2026-12-21', (await sendEdition(ws, sink, '2026-12-21')).sent);
    await imap.append(notice('postfix-hard.eml', 'gone@example.net', '2026-12-21', 'gone-again'));
    const again = await mail();
    expect(again.stdout).toMatch(/gone@example\.net: active → bounced \(hard-bounce\)/);
  }, 240_000);
});
