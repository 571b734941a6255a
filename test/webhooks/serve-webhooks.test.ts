// Postmark, Mailgun and SendGrid webhooks and the welcome message, against a running `digest serve` (child
// process): valid posts are applied, forged or unsigned ones refused with 401/403 and change nothing.
import type { ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { SubscriberEvents } from '../../src/store/events.js';
import { runCli } from '../helpers/cli.js';
import { startServe } from '../helpers/serve.js';
import { SECRET, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';

const POSTMARK_AUTH = 'roundup:pm-hook-pass';
const MAILGUN_KEY = 'key-mailgun-signing-0123456789';
const sendgrid = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const SENDGRID_KEY = sendgrid.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const WEBHOOKS = `webhooks:
  postmark: true
  mailgun: true
  sendgrid: true
`;

let ws: Workspace;
let sink: Sink;
let child: ChildProcess;
let base: string;
let store: SqliteStore;
const env = { DIGEST_SECRET: SECRET, DIGEST_POSTMARK_WEBHOOK_AUTH: POSTMARK_AUTH, DIGEST_MAILGUN_SIGNING_KEY: MAILGUN_KEY, DIGEST_SENDGRID_WEBHOOK_KEY: SENDGRID_KEY };

beforeAll(async () => {
  ws = makeWorkspace(WEBHOOKS, `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
  welcome: true
`);
  sink = await startSink();
  store = openStore(ws.stateDir);
  for (const e of ['pm-hard@example.net', 'pm-spam@example.net', 'mg-spam@example.net', 'mg-hard@example.net', 'sg-hard@example.net', 'sg-spam@example.net', 'sg-blocked@example.net', 'keep@example.net', 'mg-was-spam@example.net', 'mg-was-left@example.net']) store.addSubscriber({ email: e });
  ({ child, url: base } = await startServe(ws.configFile, ws.dir, { ...env, DIGEST_SMTP_URL: sink.url }));
}, 60_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  store?.close();
  await sink?.close();
});

const statusOf = (e: string) => store.findSubscriber(e)!.status;
const lastChange = (e: string) => new SubscriberEvents(store).history(store.findSubscriber(e)!.id).at(-1)!;

describe('digest serve webhooks', () => {
  it('refuses to start when a configured webhook has no secret, naming the variable', async () => {
    const r = await runCli(['serve', '--config', ws.configFile, '--port', '0'], { cwd: ws.dir, env: { ...env, DIGEST_MAILGUN_SIGNING_KEY: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^digest: DIGEST_MAILGUN_SIGNING_KEY is not set: webhooks\.mailgun needs/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('Postmark: basic auth as Postmark sends it; none → 401, wrong → 403, right → applied', async () => {
    // as Postmark posts it: a 64-bit ID, more digits than a JavaScript number keeps
    const body = `{"RecordType":"Bounce","ID":4323372036854775807,"Type":"HardBounce","TypeCode":1,"Email":"pm-hard@example.net","Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).","BouncedAt":"2026-11-23T05:03:00Z"}`;
    const post = (auth?: string) => fetch(`${base}/webhooks/postmark`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {}) }, body });
    const none = await post();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await post('roundup:guess')).status).toBe(403);
    expect(statusOf('pm-hard@example.net')).toBe('active');
    const ok = await post(POSTMARK_AUTH);
    expect(ok.status).toBe(200);
    expect(statusOf('pm-hard@example.net')).toBe('bounced');
    expect(lastChange('pm-hard@example.net')).toMatchObject({ reason: 'hard-bounce', source: 'postmark' });
    expect(lastChange('pm-hard@example.net').evidence).toMatch(/^Postmark HardBounce: The server was unable .*; ID 4323372036854775807$/);

    const spam = await fetch(`${base}/webhooks/postmark`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(POSTMARK_AUTH).toString('base64')}` },
      body: JSON.stringify({ RecordType: 'SpamComplaint', ID: 42, Type: 'SpamComplaint', TypeCode: 512, Email: 'pm-spam@example.net' }),
    });
    expect(spam.status).toBe(200);
    expect(statusOf('pm-spam@example.net')).toBe('unsubscribed');
  });

  it('Mailgun: HMAC of timestamp and token; forged, stale and replayed posts are refused', async () => {
    const signed = (event: object, at = Math.floor(Date.now() / 1000), token = `tok-${Math.random().toString(36).slice(2)}`) => ({
      signature: { timestamp: String(at), token, signature: createHmac('sha256', MAILGUN_KEY).update(`${at}${token}`).digest('hex') },
      'event-data': event,
    });
    const post = (b: unknown) => fetch(`${base}/webhooks/mailgun`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    const complained = { id: 'mg-ev-1', event: 'complained', recipient: 'mg-spam@example.net', timestamp: Date.now() / 1000 };
    expect((await post({ 'event-data': complained })).status).toBe(401);
    const forged = signed(complained);
    forged.signature.signature = createHmac('sha256', 'not-the-key').update(`${forged.signature.timestamp}${forged.signature.token}`).digest('hex');
    expect((await post(forged)).status).toBe(403);
    expect((await post(signed(complained, Math.floor(Date.now() / 1000) - 3600))).status).toBe(403);
    expect(statusOf('mg-spam@example.net')).toBe('active');

    const good = signed(complained);
    expect((await post(good)).status).toBe(200);
    expect(statusOf('mg-spam@example.net')).toBe('unsubscribed');
    expect(lastChange('mg-spam@example.net')).toMatchObject({ reason: 'complaint', source: 'mailgun' });
    // the same signed post again is a replay
    expect((await post(good)).status).toBe(403);

    const failed = { id: 'mg-ev-2', event: 'failed', severity: 'permanent', recipient: 'mg-hard@example.net', 'delivery-status': { code: 550, 'enhanced-code': '5.1.1', message: 'No such user' } };
    expect((await post(signed(failed))).status).toBe(200);
    expect(statusOf('mg-hard@example.net')).toBe('bounced');
  });

  it('Mailgun: a message not sent to an address on its complaint or unsubscribe list stops the reader as a complaint or an unsubscribe, not as a bounce', async () => {
    const post = (event: object) => {
      const at = Math.floor(Date.now() / 1000);
      const token = `tok-${Math.random().toString(36).slice(2)}`;
      const signature = { timestamp: String(at), token, signature: createHmac('sha256', MAILGUN_KEY).update(`${at}${token}`).digest('hex') };
      return fetch(`${base}/webhooks/mailgun`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ signature, 'event-data': event }) });
    };
    // what Mailgun posts when it will not deliver to an address on one of its suppression lists
    const suppressed = (id: string, recipient: string, reason: string, code: number, message: string) => ({
      id, event: 'failed', severity: 'permanent', reason, recipient, timestamp: Date.now() / 1000, 'delivery-status': { code, message, description: '' },
    });
    expect((await post(suppressed('mg-ev-s1', 'mg-was-spam@example.net', 'suppress-complaint', 607, 'Not delivering to a user who marked your messages as spam'))).status).toBe(200);
    expect((await post(suppressed('mg-ev-s2', 'mg-was-left@example.net', 'suppress-unsubscribe', 606, 'Not delivering to unsubscribed address'))).status).toBe(200);
    expect(statusOf('mg-was-spam@example.net')).toBe('unsubscribed');
    expect(lastChange('mg-was-spam@example.net')).toMatchObject({ reason: 'complaint', source: 'mailgun' });
    expect(statusOf('mg-was-left@example.net')).toBe('unsubscribed');
    expect(lastChange('mg-was-left@example.net')).toMatchObject({ toStatus: 'unsubscribed', source: 'mailgun' });
  });

  it('SendGrid: ECDSA over timestamp and raw body; a changed body or another key is refused', async () => {
    const events = [
      { email: 'sg-hard@example.net', event: 'bounce', type: 'bounce', status: '5.1.1', reason: '550 5.1.1 unknown user', sg_event_id: 'sg-1', timestamp: 1795942980 },
      { email: 'sg-spam@example.net', event: 'spamreport', sg_event_id: 'sg-2', timestamp: 1795942981 },
      { email: 'sg-blocked@example.net', event: 'bounce', type: 'blocked', status: '5.7.1', reason: 'blocked by policy', sg_event_id: 'sg-3', timestamp: 1795942982 },
      { email: 'keep@example.net', event: 'delivered', sg_event_id: 'sg-4', timestamp: 1795942983 },
    ];
    const body = JSON.stringify(events);
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = (key: KeyObject, b: string) => sign('sha256', Buffer.from(ts + b), { key, dsaEncoding: 'der' }).toString('base64');
    const post = (b: string, signature?: string) =>
      fetch(`${base}/webhooks/sendgrid`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': ts } : {}) },
        body: b,
      });
    expect((await post(body)).status).toBe(401);
    expect((await post(body.replace('sg-hard@', 'keep@'), sig(sendgrid.privateKey, body))).status).toBe(403);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect((await post(body, sig(other.privateKey, body))).status).toBe(403);
    expect(statusOf('sg-hard@example.net')).toBe('active');
    expect(statusOf('keep@example.net')).toBe('active');

    const ok = await post(body, sig(sendgrid.privateKey, body));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ applied: 3, ignored: 0 });
    expect(statusOf('sg-hard@example.net')).toBe('bounced');
    expect(statusOf('sg-spam@example.net')).toBe('unsubscribed');
    expect(statusOf('sg-blocked@example.net')).toBe('active'); // a policy block counts as soft
    expect(statusOf('keep@example.net')).toBe('active');
  });

  it('a confirmed subscription gets the welcome message, with its own unsubscribe link', async () => {
    const sub = await fetch(`${base}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=newcomer%40example.net' });
    expect(sub.status).toBe(200);
    await sink.waitFor(() => sink.received.some((r) => r.to[0] === 'newcomer@example.net'));
    const confirm = (await sink.parsed()).find((m) => /Confirm/.test(m.subject ?? ''))!;
    const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(confirm.text!)![1];
    expect((await fetch(`${base}${link}`, { method: 'POST' })).status).toBe(200);
    await sink.waitFor(() => sink.received.filter((r) => r.to[0] === 'newcomer@example.net').length === 2);
    const welcome = (await sink.parsed()).find((m) => /^Welcome to Diplomacy Watch$/.test(m.subject ?? ''))!;
    expect(welcome.text).toMatch(/newcomer@example\.net now receives Diplomacy Watch/);
    expect(welcome.text).toMatch(/https:\/\/digest\.example\.org\/u\/\S+/);
    expect(welcome.html).toMatch(/<a href="https:\/\/digest\.example\.org\/u\/[^"]+"/);
    expect(lastChange('newcomer@example.net')).toMatchObject({ fromStatus: 'pending', toStatus: 'active', reason: 'confirmed', source: 'web' });
    // opening the link again sends nothing more
    expect((await fetch(`${base}${link}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.received.filter((r) => r.to[0] === 'newcomer@example.net')).toHaveLength(2);
  }, 60_000);
});
