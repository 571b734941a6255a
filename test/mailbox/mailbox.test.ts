// `digest mail` against a real IMAP server (dovecot, started by the test): an edition goes out through an SMTP
// sink with per-message bounce addresses, then the notices that would come back are put in the mailbox — DSNs
// in the shapes Postfix, Gmail and Outlook write, ARF complaints, a mailto: unsubscribe, automatic replies, a
// human's question, a forged bounce — and `digest mail` applies them. The fixtures in ./fixtures were written
// for these tests following RFC 3464, 5965 and 3834; {{VERP:a}}, {{MSGID:a}} and {{UNSUB:a}} are filled in
// from what the sink actually received for address a.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { SubscriberEvents } from '../../src/store/events.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeWorkspace, type Sink, type Workspace } from '../deliver/support.js';
import { verifyDkim } from '../deliver/dkim-verify.js';
import { dovecotMissing, startDovecot, type Dovecot } from './dovecot.js';
import { sendEdition, sendToReaders, statuses, type SentCopy } from './sent-copies.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const missing = dovecotMissing();
if (missing) console.warn(`skipping the IMAP tests: ${missing}`);

const READERS = ['gone', 'nouser', 'left', 'full', 'slow', 'angry', 'annoyed', 'leaving', 'away', 'victim', 'keep'].map((n) => `${n}@example.net`);
const dkim = generateKeyPairSync('rsa', { modulusLength: 2048 });
const EMAIL = `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
  dkim:
    domain: watch.example.org
    selector: s2026
    keyFile: dkim.pem
`;
const MAILBOX = `mailbox:
  address: bounces@watch.example.org
  softBounces: { count: 2, within: 30d }
`;

describe.skipIf(missing !== null)('digest mail (real IMAP server)', () => {
  let ws: Workspace;
  let sink: Sink;
  let imap: Dovecot;
  let sent: Map<string, SentCopy>;
  /** the copies of a second edition, for soft bounces on two editions */
  let later: Map<string, SentCopy>;
  let env: Record<string, string>;

  beforeAll(async () => {
    ws = makeWorkspace(MAILBOX, EMAIL);
    writeFileSync(path.join(ws.dir, 'dkim.pem'), dkim.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    let stderr: string;
    ({ sink, sent, stderr } = await sendToReaders(ws, READERS));
    expect(stderr).toBe(''); // signed with DKIM: no warning
    ({ sent: later } = await sendEdition(ws, sink, '2026-11-30'));
    imap = await startDovecot();
    env = { DIGEST_SECRET: SECRET, DIGEST_IMAP_URL: imap.url };
  }, 120_000);

  afterAll(async () => {
    await sink?.close();
    await imap?.stop();
  });

  const fill = (name: string, extra: Record<string, string> = {}, about?: string) =>
    readFileSync(path.join(FIXTURES, name), 'utf8').replace(about ? /gone@example\.net/g : /$^/, about ?? '').replace(/\{\{(\w+)(?::([^}]+))?\}\}/g, (_, what: string, who: string) => {
      if (what in extra) return extra[what];
      const s = sent.get(who);
      if (what === 'FORGED') return sent.get(who)!.verp.replace(/\.[0-9a-f]{20}@/, '.0123456789abcdef0123@');
      if (!s) throw new Error(`fixture ${name}: nothing was sent to ${who}`);
      return what === 'VERP' ? s.verp : what === 'MSGID' ? s.messageId : s.unsubscribe;
    });

  it('sends each copy from its own signed bounce address, and List-Unsubscribe mails the mailbox', () => {
    expect(sent.size).toBe(READERS.length);
    const verps = [...sent.values()].map((s) => s.verp);
    for (const v of verps) expect(v).toMatch(/^bounces\+[0-9a-z]+\.2026-11-23\.[0-9a-f]{20}@watch\.example\.org$/);
    expect(new Set(verps).size).toBe(READERS.length);
    for (const s of sent.values()) expect(s.unsubscribe).toMatch(/^bounces\+u\.[0-9a-z]+\.[0-9a-f]{20}@watch\.example\.org$/);
    // DKIM still covers the one-click headers, the mailto: included
    for (const { raw } of sent.values()) {
      const check = verifyDkim(raw, dkim.publicKey);
      expect(check).toMatchObject({ ok: true, domain: 'watch.example.org' });
      expect(check.signedHeaders).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));
      expect(raw.toString()).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    }
  });

  it('applies bounces, complaints and unsubscribes; moves what it handled; leaves the rest and says why', async () => {
    const inbox = [
      fill('postfix-hard.eml'),
      fill('gmail-hard.eml'),
      fill('outlook-hard.eml'),
      fill('postfix-soft.eml', { UNIQUE: 'soft-1', DATE: 'Wed, 18 Nov 2026 07:00:00 +0200' }),
      fill('postfix-soft.eml', { UNIQUE: 'soft-2', DATE: 'Thu, 26 Nov 2026 07:00:00 +0200', VERP: later.get('full@example.net')!.verp, MSGID: later.get('full@example.net')!.messageId }),
      fill('postfix-delayed.eml'),
      fill('arf-abuse.eml'),
      fill('arf-message-id.eml'),
      fill('unsubscribe-mailto.eml'),
      fill('auto-reply-outlook.eml'),
      fill('auto-reply-vacation.eml'),
      fill('human-reply.eml'),
      fill('forged-dsn.eml'),
      fill('dsn-without-recipients.eml'),
    ];
    for (const raw of inbox) await imap.append(raw);

    // a dry run says what each message is and changes nothing
    const dry = await runCli(['mail', '--config', ws.configFile, '--dry-run'], { cwd: ws.dir, env });
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/would apply hard bounce \(DSN 5\.1\.1.*\) to gone@example\.net \(found by bounce address\)/);
    expect(dry.stdout).toMatch(/INBOX: 14 messages; 11 handled \(dry run: nothing changed or moved\); 3 left in INBOX/);
    expect((await imap.subjects('INBOX')).length).toBe(14);
    expect(statuses(ws)).toEqual(Object.fromEntries(READERS.map((r) => [r, 'active'])));

    const run = await runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(statuses(ws)).toEqual({
      'gone@example.net': 'bounced', // Postfix, 5.1.1
      'nouser@example.net': 'bounced', // Gmail, 5.1.1
      'left@example.net': 'bounced', // Outlook, 5.1.10
      'full@example.net': 'bounced', // soft bounces (4.2.2) on two editions within 30 days
      'slow@example.net': 'active', // only delayed
      'angry@example.net': 'unsubscribed', // ARF, tied by the unsubscribe address in the original
      'annoyed@example.net': 'unsubscribed', // ARF, tied by the original's Message-ID
      'leaving@example.net': 'unsubscribed', // mailto: unsubscribe
      'away@example.net': 'active', // automatic replies
      'victim@example.net': 'active', // a bounce with a forged token changes nothing
      'keep@example.net': 'active',
    });
    expect(run.stdout).toMatch(/soft bounce .*full@example\.net: soft bounce 1 of 2 within 30 days/);
    expect(run.stdout).toMatch(/full@example\.net: active → bounced \(soft-bounces\)/);
    expect(run.stdout).toMatch(/delivery report: delayed 4\.4\.1: nothing to do/);
    expect(run.stdout).toMatch(/automatic reply "Automatic reply: .*" \(Auto-Submitted: auto-generated\): ignored/);
    expect(run.stdout).toMatch(/left "Question about last week's edition": not a delivery report, complaint, unsubscribe request or automatic reply/);
    expect(run.stdout).toMatch(/left "Undelivered Mail Returned to Sender": a hard bounce \(DSN 5\.1\.1\), but no valid bounce token and no Message-ID Roundup sent/);
    expect(run.stdout).toMatch(/left "Delivery failure": a delivery status report without any recipient fields/);
    expect(run.stdout).toMatch(/INBOX: 14 messages; 11 handled \(moved to Processed\); 3 left in INBOX/);

    // nothing is lost: the three left are still in INBOX, the others in Processed
    expect((await imap.subjects('INBOX')).sort()).toEqual(['Delivery failure', "Question about last week's edition", 'Undelivered Mail Returned to Sender']);
    expect(await imap.subjects('Processed')).toHaveLength(11);

    // the evidence is kept
    const store = openStore(ws.stateDir);
    const events = new SubscriberEvents(store);
    const gone = events.history(store.findSubscriber('gone@example.net')!.id).at(-1)!;
    expect(gone).toMatchObject({ fromStatus: 'active', toStatus: 'bounced', reason: 'hard-bounce', source: 'mailbox', editionId: '2026-11-23' });
    expect(gone.evidence).toMatch(/^DSN 5\.1\.1: smtp; 550 5\.1\.1 <gone@example\.net>: Recipient address rejected/);
    expect(events.history(store.findSubscriber('angry@example.net')!.id).at(-1)).toMatchObject({ toStatus: 'unsubscribed', reason: 'complaint', evidence: 'ARF abuse from ExampleFBL/2.1' });
    store.close();

    // a second run finds the same three, and changes nothing
    const again = await runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/INBOX: 3 messages; 0 handled \(moved to Processed\); 3 left in INBOX/);
  }, 120_000);

  it('the same notification read twice counts once', async () => {
    await imap.append(fill('postfix-soft.eml', { UNIQUE: 'soft-1', DATE: 'Wed, 18 Nov 2026 07:00:00 +0200' }));
    const run = await runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/soft bounce .*: already applied/);
  }, 60_000);

  it('shows why in subscribers list, export and status', async () => {
    const list = await runCli(['subscribers', 'list', '--config', ws.configFile, '--status', 'bounced'], { cwd: ws.dir });
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('gone@example.net'))).toMatch(/\thard-bounce \(mailbox: DSN 5\.1\.1/);
    expect(lines.find((l) => l.startsWith('full@example.net'))).toMatch(/\tsoft-bounces \(mailbox: 2 soft bounces within 30 days/);

    const csv = await runCli(['subscribers', 'export', '--config', ws.configFile], { cwd: ws.dir });
    const rows = csv.stdout.trim().split('\r\n');
    expect(rows[0]).toBe('email,name,sections,status,created_at,confirmed_at,unsubscribed_at,reason,reason_at,evidence');
    expect(rows.find((r) => r.startsWith('angry@example.net'))).toMatch(/,unsubscribed,.*,complaint,\d{4}-\d\d-\d\dT[^,]+,ARF abuse from ExampleFBL\/2\.1$/);

    const status = await runCli(['status', '--config', ws.configFile], { cwd: ws.dir });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/subscribers\s+4 active \(0 pending, 3 unsubscribed, 4 bounced\)/);
    expect(status.stdout).toMatch(/last 30 days: 4 bounced \(3 hard-bounce, 1 soft-bounces\), 3 unsubscribed \(2 complaint, 1 unsubscribe-mail\), 2 soft bounces counted/);
  }, 60_000);

  it('refuses without its settings, and names an IMAP login that fails', async () => {
    const plain = makeWorkspace();
    const noBox = await runCli(['mail', '--config', plain.configFile], { cwd: plain.dir, env });
    expect(noBox.code).toBe(2);
    expect(noBox.stderr).toMatch(/^digest: digest\.config\.yaml: digest mail needs mailbox\.address/);
    const noUrl = await runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_IMAP_URL: '' } });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/^digest: DIGEST_IMAP_URL is not set/);
    const wrong = await runCli(['mail', '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_IMAP_URL: imap.url.replace(/:[^:@]+@/, ':wrong@') } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^digest: DIGEST_IMAP_URL: cannot open the mailbox at imap:\/\/127\.0\.0\.1:\d+: login refused for bounces/);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('digest tick reads the mailbox before its scheduler step', async () => {
    // another notification (its own Message-ID) about another reader
    await imap.append(fill('postfix-hard.eml', {}, 'keep@example.net').replace('Message-Id: <20261123050211.8B3D51A0C2@', 'Message-Id: <20261125100000.0C1D2E3F4A@'));
    const tick = await runCli(['tick', '--config', ws.configFile, '--now', '2026-11-25T12:00:00+02:00'], { cwd: ws.dir, env: { ...env, DIGEST_SMTP_URL: sink.url } });
    expect(tick.stdout).toMatch(/^mailbox INBOX: 4 messages; 1 handled \(moved to Processed\); 3 left in INBOX$/m);
    expect(statuses(ws)['keep@example.net']).toBe('bounced');
    // without DIGEST_IMAP_URL the step says the mailbox was not read, and goes on
    const without = await runCli(['tick', '--config', ws.configFile, '--now', '2026-11-25T12:00:00+02:00'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url, DIGEST_IMAP_URL: '' } });
    expect(without.stderr).toMatch(/^digest: mailbox: DIGEST_IMAP_URL is not set, so the bounce mailbox was not read/m);
    expect(without.stdout).not.toMatch(/mailbox/);
  }, 120_000);
});
