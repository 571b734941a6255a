// sendEdition against a real SMTP server: sections per subscriber, headers, tokens, ledger, retries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { loadConfig } from '../../src/config/index.js';
import { openStore, readSentItemKeys, type SqliteStore } from '../../src/store/index.js';
import { renderEdition, editionWebUrl } from '../../src/render/index.js';
import { sendEdition, type SendOptions } from '../../src/deliver/send.js';
import { createPoolSender, type MailSender } from '../../src/deliver/transport.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import type { DigestConfig, Edition } from '../../src/types.js';
import { SECRET, makeEdition, makeWorkspace, startSink, type Sink } from './support.js';

let sink: Sink;
let store: SqliteStore;
let config: DigestConfig;
let sender: MailSender;
let edition: Edition;

beforeEach(async () => {
  const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 2\n');
  config = loadConfig(ws.configFile);
  store = openStore(config.state);
  sink = await startSink();
  sender = createPoolSender({ smtpUrl: sink.url, rate: 0, connections: 2 });
  edition = makeEdition();
});

afterEach(async () => {
  sender.close();
  store.close();
  await sink.close();
});

async function send(extra: Partial<SendOptions> = {}) {
  return sendEdition({
    store,
    config,
    edition,
    rendered: await renderEdition(edition, config),
    webUrl: editionWebUrl(config, edition.edition.id),
    secret: SECRET,
    sender,
    backoffMs: 20,
    ...extra,
  });
}

function header(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
  return line ? line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

function byRecipient(mails: ParsedMail[]): Map<string, ParsedMail> {
  return new Map(mails.map((m) => [header(m, 'To'), m]));
}

describe('sendEdition', () => {
  it('sends each active subscriber only the sections they chose, once', async () => {
    const alice = store.addSubscriber({ email: 'alice@example.net', name: 'Alice' });
    store.addSubscriber({ email: 'Bob@Example.NET', sections: ['arms'] });
    store.addSubscriber({ email: 'carol@example.net', sections: ['aid'] }); // aid is empty this week
    store.addSubscriber({ email: 'dave@example.net', status: 'pending' });
    store.addSubscriber({ email: 'erin@example.net', status: 'unsubscribed' });

    const summary = await send();
    expect(summary.sent).toBe(2);
    expect(summary.skipped).toEqual({ 'chosen sections empty this edition': 1 });
    expect(summary.failed).toEqual([]);
    expect(summary.undelivered).toBe(0);

    const mails = byRecipient(await sink.parsed());
    expect([...mails.keys()].sort()).toEqual(['Bob@example.net', 'alice@example.net']);
    const a = mails.get('alice@example.net')!;
    const b = mails.get('Bob@example.net')!;
    expect(a.text).toContain('Coalition pledges more radar units');
    expect(a.text).toContain('Mediators host a quiet round');
    expect(b.text).toContain('Coalition pledges more radar units');
    expect(b.text).not.toContain('Mediators host a quiet round');
    expect(b.html).not.toContain('Mediators host a quiet round');

    // the ledger remembers the empty-sections subscriber as skipped, with the reason
    const carol = store.deliveries(edition.edition.id).find((d) => d.email === 'carol@example.net')!;
    expect(carol.status).toBe('skipped');
    expect(carol.lastError).toMatch(/sections empty/);

    // a second run sends nothing
    const again = await send();
    expect(again.sent).toBe(0);
    expect(again.alreadyDone).toBe(3);
    expect(sink.received).toHaveLength(2);

    // personal links carry a token that verifies for that subscriber only
    const tokens = new Tokens(SECRET, tokenScope(store));
    const unsub = header(a, 'List-Unsubscribe');
    const m = /^<https:\/\/digest\.example\.org\/u\/([^>]+)>, <mailto:digest@watch\.example\.org\?subject=unsubscribe>$/.exec(unsub);
    expect(m, unsub).not.toBeNull();
    expect(tokens.verify(m![1], 'unsubscribe')).toBe(alice.id);
    expect(a.html).toContain(`https://digest.example.org/u/${m![1]}`);
    expect(a.text).toMatch(/https:\/\/digest\.example\.org\/preferences\/[0-9a-z]+\.[A-Za-z0-9_-]{43}/);
  });

  it('writes the mailing-list headers of RFC 2369/2919/8058, and Auto-Submitted (RFC 3834)', async () => {
    store.addSubscriber({ email: 'alice@example.net' });
    await send();
    const [mail] = await sink.parsed();
    expect(header(mail, 'From')).toBe('Diplomacy Watch <digest@watch.example.org>');
    expect(header(mail, 'Subject')).not.toBe('');
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.messageId).toMatch(/^<digest\.2026-11-23\.[0-9a-f]{24}@watch\.example\.org>$/);
    expect(header(mail, 'List-Id')).toBe('Diplomacy Watch <diplomacy-watch.digest.example.org>');
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.headerLines.filter((h) => h.key === 'list-unsubscribe')).toHaveLength(1);
    // made by a scheduled process (RFC 3834 §5.1), so vacation responders do not answer every copy
    expect(header(mail, 'Auto-Submitted')).toBe('auto-generated');
    expect(sink.received[0].from).toBe('digest@watch.example.org');
    expect(sink.received[0].to).toEqual(['alice@example.net']);
  });

  it('records the items that went out, for build to mark already-sent', async () => {
    expect(readSentItemKeys(config.state).size).toBe(0);
    store.addSubscriber({ email: 'alice@example.net' });
    await send();
    expect([...store.sentItemKeys()].sort()).toEqual(['brief:b-7', 'wire:w-1', 'wire:w-2']);
    expect([...readSentItemKeys(config.state)].sort()).toEqual(['brief:b-7', 'wire:w-1', 'wire:w-2']);
    expect(readSentItemKeys(config.state, edition.edition.id).size).toBe(0);
  });

  it('retries a 421 with backoff and records a 550 without stopping the run', async () => {
    store.addSubscriber({ email: 'first@example.net' });
    store.addSubscriber({ email: 'busy@example.net' });
    store.addSubscriber({ email: 'gone@example.net' });
    store.addSubscriber({ email: 'last@example.net' });
    sink.set({
      rejectRcpt: (addr, attempt) =>
        addr === 'busy@example.net' && attempt === 1
          ? { code: 421, text: 'Try again later' }
          : addr === 'gone@example.net'
            ? { code: 550, text: 'No such user here' }
            : null,
    });
    const summary = await send();
    expect(summary.sent).toBe(3);
    expect(summary.failed).toEqual([{ email: 'gone@example.net', reason: expect.stringMatching(/^550 .*No such user/), permanent: true }]);
    expect(summary.undelivered).toBe(0);
    expect(sink.rcptAttempts.get('busy@example.net')).toBe(2);
    expect(sink.received.map((r) => r.to[0]).sort()).toEqual(['busy@example.net', 'first@example.net', 'last@example.net']);
    const ledger = new Map(store.deliveries(edition.edition.id).map((d) => [d.email, d]));
    expect(ledger.get('busy@example.net')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(ledger.get('gone@example.net')).toMatchObject({ status: 'failed', permanent: true, attempts: 1 });
    // a re-run does not retry a permanent failure
    const again = await send();
    expect(again.sent + again.failed.length).toBe(0);
    expect(sink.rcptAttempts.get('gone@example.net')).toBe(1);
  });

  it('retries a message whose connection dropped before the answer, with the same Message-ID', async () => {
    store.addSubscriber({ email: 'first@example.net' });
    store.addSubscriber({ email: 'dropped@example.net' });
    sink.set({ dropAfterData: (rcpt, attempt) => rcpt === 'dropped@example.net' && attempt === 1 });
    const summary = await send();
    expect(summary.sent).toBe(2);
    expect(summary.failed).toEqual([]);
    expect(sink.rcptAttempts.get('dropped@example.net')).toBe(2);
    const ledger = store.deliveries(edition.edition.id).find((d) => d.email === 'dropped@example.net')!;
    expect(ledger).toMatchObject({ status: 'sent', attempts: 2 });
    const [mail] = (await sink.parsed()).filter((m) => header(m, 'To') === 'dropped@example.net');
    expect(mail.messageId).toBe(ledger.messageId);
  });

  it('marks an address bounced after repeated hard failures across editions', async () => {
    const s = store.addSubscriber({ email: 'gone@example.net' });
    sink.set({ rejectRcpt: () => ({ code: 550, text: 'Mailbox unavailable' }) });
    for (const id of ['2026-11-02', '2026-11-09', '2026-11-16']) {
      edition = makeEdition(id);
      await send({ bounceAfter: 3 });
    }
    expect(store.getSubscriber(s.id)!.status).toBe('bounced');
    edition = makeEdition('2026-11-23');
    const next = await send();
    expect(next.recipients).toBe(0);
  });

  it('leaves mail retryable when the server keeps answering 4xx, and a later run delivers it', async () => {
    store.addSubscriber({ email: 'alice@example.net' });
    sink.set({ rejectRcpt: () => ({ code: 451, text: 'Local problem, try later' }) });
    const first = await send({ maxAttempts: 2 });
    expect(first.sent).toBe(0);
    expect(first.undelivered).toBe(1);
    expect(first.failed[0]).toMatchObject({ permanent: false });
    sink.set({});
    const second = await send();
    expect(second.sent).toBe(1);
    expect(sink.received).toHaveLength(1);
  });

  it('keeps to delivery.rate messages per second', async () => {
    for (let i = 0; i < 11; i++) store.addSubscriber({ email: `reader${i}@example.net` });
    sender.close();
    sender = createPoolSender({ smtpUrl: sink.url, rate: 5, connections: 2 });
    const started = Date.now();
    const summary = await send();
    expect(summary.sent).toBe(11);
    // 5 in the first second, 5 in the next, the 11th no earlier than the third
    const times = sink.received.map((m) => m.at - started).sort((a, b) => a - b);
    expect(times[5]).toBeGreaterThanOrEqual(900);
    expect(times[10]).toBeGreaterThanOrEqual(1900);
  });

  it('stops early when the SMTP server is unreachable, leaving every message retryable', async () => {
    for (let i = 0; i < 30; i++) store.addSubscriber({ email: `reader${i}@example.net` });
    const port = sink.port;
    await sink.close();
    sender.close();
    sender = createPoolSender({ smtpUrl: `smtp://127.0.0.1:${port}`, rate: 0, connections: 2 });
    const summary = await send({ circuitBreaker: 8 });
    expect(summary.sent).toBe(0);
    expect(summary.stoppedEarly).toMatch(/^stopped after 8 temporary failures in a row \(last: .*ECONNREFUSED/);
    expect(summary.undelivered).toBe(30);
    const ledger = store.deliveries(edition.edition.id);
    expect(ledger).toHaveLength(30);
    expect(ledger.every((d) => d.status === 'queued' || (d.status === 'failed' && !d.permanent))).toBe(true);
    sink = await startSink(); // for afterEach
  });

  it('sends nothing and records nothing for an edition without stories', async () => {
    store.addSubscriber({ email: 'alice@example.net' });
    edition = { ...makeEdition(), sections: [] };
    const summary = await send();
    expect(summary).toMatchObject({ sent: 0, recipients: 0, stoppedEarly: expect.stringMatching(/no stories/) });
    expect(store.deliveries(edition.edition.id)).toEqual([]);
    expect(sink.received).toHaveLength(0);
  });

  it('dry run writes .eml files and leaves the ledger alone', async () => {
    store.addSubscriber({ email: 'alice@example.net' });
    store.addSubscriber({ email: 'carol@example.net', sections: ['aid'] });
    const { mkdtempSync, readdirSync, readFileSync } = await import('node:fs');
    const outbox = mkdtempSync('/tmp/roundup-outbox-');
    const summary = await send({ sender: undefined, dryRunOutbox: outbox });
    expect(summary.sent).toBe(1);
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(readFileSync(`${outbox}/${files[0]}`, 'utf8')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(store.deliveries(edition.edition.id)).toEqual([]);
    expect(sink.received).toHaveLength(0);
  });

  it('gives each of many subscribers their own links, also after the copy template is trusted', async () => {
    const n = 150; // well past the point where copies stop being re-rendered one by one
    for (let i = 0; i < n; i++) store.addSubscriber({ email: `reader${i}@many.example.net`, sections: i % 3 === 0 ? ['arms'] : null });
    const summary = await send();
    expect(summary.sent).toBe(n);
    const tokens = new Tokens(SECRET, tokenScope(store));
    const mails = byRecipient(await sink.parsed());
    expect(mails.size).toBe(n);
    for (let i = 0; i < n; i++) {
      const email = `reader${i}@many.example.net`;
      const mail = mails.get(email)!;
      const sub = store.findSubscriber(email)!;
      const unsub = `${config.email.baseUrl}/u/${tokens.sign(sub.id, 'unsubscribe')}`;
      expect(header(mail, 'List-Unsubscribe'), email).toContain(unsub);
      expect(mail.html || '', email).toContain(unsub);
      expect(mail.text || '', email).toContain(unsub);
      expect(mail.html || '', email).toContain(email);
      // the other readers' addresses never leak into this copy
      expect(mail.text || '').not.toContain(`reader${(i + 1) % n}@many.example.net`);
    }
  }, 60_000);
});
