// Soft bounces posted by providers to a running `digest serve` count once per edition, as the mailbox's do: a
// provider reports one delivery many times (Mailgun a `failed` event per retry, SendGrid a block again, a webhook
// retried with a new event id), and one bad edition must never drop a reader. The editions really go out through
// an SMTP sink first, so the ledger holds each copy's Message-ID as the providers echo it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { SubscriberEvents } from '../../src/store/events.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { SECRET, makeWorkspace, type Sink, type Workspace } from '../deliver/support.js';
import { sendEdition, sendToReaders, type SentCopy } from '../mailbox/sent-copies.js';

const POSTMARK_AUTH = 'roundup:pm-hook-pass';
const MAILGUN_KEY = 'key-mailgun-signing-0123456789';
const sendgrid = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const env = {
  DIGEST_SECRET: SECRET,
  DIGEST_POSTMARK_WEBHOOK_AUTH: POSTMARK_AUTH,
  DIGEST_MAILGUN_SIGNING_KEY: MAILGUN_KEY,
  DIGEST_SENDGRID_WEBHOOK_KEY: sendgrid.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
};
// the documented default applies: bounced after soft bounces on 3 editions within 30 days
const WEBHOOKS = 'webhooks:\n  postmark: true\n  mailgun: true\n  sendgrid: true\n';
const READERS = ['mg-flaky', 'sg-flaky', 'pm-quoted', 'pm-flaky'].map((n) => `${n}@example.net`);
const EDITIONS = ['2026-11-23', '2026-11-30', '2026-12-07'];

describe('digest serve: a provider soft bounce counts once per edition', () => {
  let ws: Workspace;
  let sink: Sink;
  let serve: Listening;
  let store: SqliteStore;
  /** each edition's copies, by address */
  const copies = new Map<string, Map<string, SentCopy>>();
  const copy = (edition: string, who: string) => copies.get(edition)!.get(who)!;

  beforeAll(async () => {
    ws = makeWorkspace(WEBHOOKS);
    let sent: Map<string, SentCopy>;
    ({ sink, sent } = await sendToReaders(ws, READERS));
    copies.set(EDITIONS[0], sent);
    for (const id of EDITIONS.slice(1)) copies.set(id, (await sendEdition(ws, sink, id)).sent);
    store = openStore(ws.stateDir);
    serve = await startServe(ws.configFile, ws.dir, { ...env, DIGEST_SMTP_URL: sink.url });
  }, 180_000);

  afterAll(async () => {
    await serve?.stop();
    store?.close();
    await sink?.close();
  });

  const statusOf = (e: string) => store.findSubscriber(e)!.status;
  const reasons = (e: string) => new SubscriberEvents(store).history(store.findSubscriber(e)!.id).map((h) => h.reason).filter((r) => r.startsWith('soft'));

  const mailgun = async (event: object) => {
    const at = String(Math.floor(Date.now() / 1000));
    const token = `tok-${Math.random().toString(36).slice(2)}`;
    const signature = { timestamp: at, token, signature: createHmac('sha256', MAILGUN_KEY).update(at + token).digest('hex') };
    const res = await fetch(`${serve.url}/webhooks/mailgun`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ signature, 'event-data': event }) });
    expect(res.status).toBe(200);
  };
  /** Mailgun's `failed` event for a temporary failure of `who`'s copy of `edition`: it gives the Message-ID without <> */
  const mailgunRetry = (who: string, edition: string, id: string) =>
    mailgun({
      id,
      event: 'failed',
      severity: 'temporary',
      reason: 'generic',
      recipient: who,
      'delivery-status': { code: 452, 'enhanced-code': '4.2.2', message: '452 4.2.2 Mailbox full', 'attempt-no': 1 },
      message: { headers: { 'message-id': copy(edition, who).messageId.replace(/^<|>$/g, ''), to: who, subject: 'Diplomacy Watch' } },
    });

  const sendgridPost = async (events: object[]) => {
    const body = JSON.stringify(events);
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = sign('sha256', Buffer.from(ts + body), { key: sendgrid.privateKey, dsaEncoding: 'der' }).toString('base64');
    const res = await fetch(`${serve.url}/webhooks/sendgrid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': ts },
      body,
    });
    expect(res.status).toBe(200);
  };
  /** SendGrid's `bounce` of type `blocked` for `who`'s copy of `edition`, its smtp-id the Message-ID */
  const blocked = (who: string, edition: string, id: string) => ({
    email: who,
    event: 'bounce',
    type: 'blocked',
    status: '5.7.1',
    reason: '550 5.7.1 temporarily deferred by policy',
    'smtp-id': copy(edition, who).messageId,
    sg_event_id: id,
    sg_message_id: `sg-${id}`,
    timestamp: Math.floor(Date.now() / 1000),
  });

  const postmark = async (record: object) => {
    const res = await fetch(`${serve.url}/webhooks/postmark`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(POSTMARK_AUTH).toString('base64')}` },
      body: JSON.stringify(record),
    });
    expect(res.status).toBe(200);
  };
  /** Postmark's SoftBounce: `MessageID` is Postmark's own; `Content` (when included) quotes the returned original */
  const softBounce = (who: string, id: number, content?: string, bouncedAt = new Date().toISOString()) => ({
    RecordType: 'Bounce',
    ID: id,
    Type: 'SoftBounce',
    TypeCode: 4096,
    MessageID: `883953f4-6105-42a2-a16a-${String(id).padStart(12, '0')}`,
    Description: 'The server could not temporarily deliver your message (ex: Message is delayed due to network troubles).',
    Email: who,
    BouncedAt: bouncedAt,
    ...(content ? { Content: content } : {}),
  });
  const returned = (who: string, edition: string) =>
    `Return-Path: <>\r\nMessage-ID: <bounce-${edition}@mx.example.net>\r\nSubject: Delivery delayed\r\n\r\n--- original message ---\r\nMessage-ID: ${copy(edition, who).messageId}\r\nTo: ${who}\r\n`;

  it('Mailgun: a failed event per retry of one copy is one soft bounce; copies of three editions drop the reader', async () => {
    const who = 'mg-flaky@example.net';
    for (const id of ['mg-retry-1', 'mg-retry-2', 'mg-retry-3']) await mailgunRetry(who, EDITIONS[0], id);
    expect(statusOf(who)).toBe('active');
    expect(reasons(who)).toEqual(['soft-bounce', 'soft-bounce-again', 'soft-bounce-again']);
    await mailgunRetry(who, EDITIONS[1], 'mg-retry-4');
    expect(statusOf(who)).toBe('active');
    await mailgunRetry(who, EDITIONS[2], 'mg-retry-5');
    expect(statusOf(who)).toBe('bounced');
    expect(new SubscriberEvents(store).history(store.findSubscriber(who)!.id).at(-1)).toMatchObject({ reason: 'soft-bounces', source: 'mailgun', toStatus: 'bounced' });
  }, 60_000);

  it('SendGrid: the same block reported again (in one batch and later) is one soft bounce; three editions drop the reader', async () => {
    const who = 'sg-flaky@example.net';
    await sendgridPost([blocked(who, EDITIONS[0], 'sg-a1'), blocked(who, EDITIONS[0], 'sg-a2')]);
    await sendgridPost([blocked(who, EDITIONS[0], 'sg-a3')]);
    expect(statusOf(who)).toBe('active');
    expect(reasons(who)).toEqual(['soft-bounce', 'soft-bounce-again', 'soft-bounce-again']);
    await sendgridPost([blocked(who, EDITIONS[1], 'sg-b1'), blocked(who, EDITIONS[2], 'sg-c1')]);
    expect(statusOf(who)).toBe('bounced');
  }, 60_000);

  it('Postmark: bounces quoting one copy’s Message-ID are one soft bounce; three editions drop the reader', async () => {
    const who = 'pm-quoted@example.net';
    for (const id of [9001, 9002, 9003]) await postmark(softBounce(who, id, returned(who, EDITIONS[0])));
    expect(statusOf(who)).toBe('active');
    expect(reasons(who)).toEqual(['soft-bounce', 'soft-bounce-again', 'soft-bounce-again']);
    await postmark(softBounce(who, 9004, returned(who, EDITIONS[1])));
    await postmark(softBounce(who, 9005, returned(who, EDITIONS[2])));
    expect(statusOf(who)).toBe('bounced');
  }, 60_000);

  it('Postmark without the original: a soft bounce counts for the edition last sent, so repeats before the next send count once', async () => {
    const who = 'pm-flaky@example.net';
    for (const id of [9101, 9102, 9103]) await postmark(softBounce(who, id));
    expect(statusOf(who)).toBe('active');
    expect(reasons(who)).toEqual(['soft-bounce', 'soft-bounce-again', 'soft-bounce-again']);
    const counted = new SubscriberEvents(store).history(store.findSubscriber(who)!.id).find((h) => h.reason === 'soft-bounce')!;
    expect(counted.editionId).toBe(EDITIONS[2]);
    expect(counted.evidence).toMatch(/edition 2026-12-07 taken as the one last sent to this address/);
    // the next edition goes out; a report of the last one's failure comes after it (Postmark posting its webhook
    // again, late): it counts for the edition it is about, by its time, not for the new one
    const beforeNext = new Date().toISOString();
    copies.set('2026-12-14', (await sendEdition(ws, sink, '2026-12-14')).sent);
    await postmark(softBounce(who, 9104, undefined, beforeNext));
    expect(reasons(who)).toEqual(['soft-bounce', 'soft-bounce-again', 'soft-bounce-again', 'soft-bounce-again']);
    // the new edition fails too, and the one after: bounced
    await postmark(softBounce(who, 9105));
    expect(statusOf(who)).toBe('active');
    copies.set('2026-12-21', (await sendEdition(ws, sink, '2026-12-21')).sent);
    await postmark(softBounce(who, 9106));
    expect(statusOf(who)).toBe('bounced');
  }, 120_000);

  it('a soft bounce for a reader sent no edition yet counts once a day', async () => {
    const who = 'newcomer@example.net';
    store.addSubscriber({ email: who });
    for (const id of [9201, 9202, 9203]) await postmark(softBounce(who, id));
    await mailgun({ id: 'mg-new-1', event: 'failed', severity: 'temporary', recipient: who, 'delivery-status': { code: 421, message: '421 try later' } });
    expect(statusOf(who)).toBe('active');
    expect(reasons(who)).toEqual(['soft-bounce', 'soft-bounce-again', 'soft-bounce-again', 'soft-bounce-again']);
  }, 60_000);
});
