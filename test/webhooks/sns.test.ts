// Amazon SES through SNS, in-process: a real HTTP server with the webhook routes, SNS messages signed with a
// test certificate made here (CN sns.amazonaws.com) and served by an injected fetcher for an https
// sns.<region>.amazonaws.com URL. The signature check is the real one; nothing is mocked but the download.
import { execFileSync, spawnSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { SubscriberEvents } from '../../src/store/events.js';
import { createWebServer, listen } from '../../src/web/server.js';
import { webhookRoutes } from '../../src/web/webhooks/routes.js';
import { SECRET, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';
import { sendEdition, type SentCopy } from '../mailbox/sent-copies.js';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:roundup-bounces';
const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem';
const noOpenssl = spawnSync('openssl', ['version']).status === 0 ? null : 'openssl is not installed (needed to make the test certificate)';

function makeCert(dir: string, cn: string): { key: string; cert: string } {
  const key = path.join(dir, `${cn}.key`);
  const cert = path.join(dir, `${cn}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${cn}`], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

type Sns = Record<string, string>;

function sign(m: Sns, key: string, version: '1' | '2' = '2'): Sns {
  const keys = m.Type === 'Notification' ? ['Message', 'MessageId', ...('Subject' in m ? ['Subject'] : []), 'Timestamp', 'TopicArn', 'Type'] : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const text = keys.map((k) => `${k}\n${m[k]}\n`).join('');
  const signature = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256').update(text).sign(key, 'base64');
  return { ...m, SignatureVersion: version, Signature: signature, SigningCertURL: m.SigningCertURL ?? CERT_URL };
}

function notification(message: object, id: string): Sns {
  return { Type: 'Notification', MessageId: id, TopicArn: TOPIC, Message: JSON.stringify(message), Timestamp: new Date().toISOString() };
}

describe.skipIf(noOpenssl !== null)('webhooks: Amazon SES via SNS', () => {
  let dir: string;
  let good: { key: string; cert: string };
  let wrongName: { key: string; cert: string };
  let ws: Workspace;
  let sink: Sink | undefined;
  let store: SqliteStore;
  let server: Server;
  let base: string;
  const fetched: string[] = [];
  const served = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'roundup-sns-'));
    good = makeCert(dir, 'sns.amazonaws.com');
    wrongName = makeCert(dir, 'evil.example.com');
    served.set(CERT_URL, good.cert);
    served.set('https://sns.eu-west-1.amazonaws.com/other.pem', wrongName.cert);
    ws = makeWorkspace(`webhooks:\n  ses:\n    topics: ["${TOPIC}"]\n`);
    const config = loadConfig(ws.configFile);
    store = openStore(ws.stateDir);
    for (const e of ['gone@example.net', 'moody@example.net', 'keep@example.net', 'full@example.net', 'flaky@example.net']) store.addSubscriber({ email: e });
    const fetcher = async (url: string) => {
      fetched.push(url);
      const body = served.get(url);
      if (body === undefined && !url.includes('ConfirmSubscription')) throw new Error('not found');
      return body ?? '<ConfirmSubscriptionResponse/>';
    };
    server = createWebServer({ config, store, tokens: new Tokens(SECRET, tokenScope(store)), extraRoutes: [webhookRoutes({ config, store, secrets: {}, fetcher })] });
    const addr = await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${addr.port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await sink?.close();
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: unknown) => fetch(`${base}/webhooks/ses`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=UTF-8' }, body: JSON.stringify(body) });
  const statusOf = (e: string) => store.findSubscriber(e)!.status;

  const bounce = {
    notificationType: 'Bounce',
    bounce: { bounceType: 'Permanent', bounceSubType: 'General', feedbackId: 'fb-0001', bouncedRecipients: [{ emailAddress: 'gone@example.net', status: '5.1.1', action: 'failed', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] },
    mail: { messageId: 'ses-msg-1' },
  };

  it('refuses forged, tampered, foreign-topic and wrongly-hosted messages, and changes nothing', async () => {
    const signed = sign(notification(bounce, 'm-1'), good.key);
    // the body changed after signing
    expect((await post({ ...signed, Message: signed.Message.replace('gone@', 'keep@') })).status).toBe(403);
    // signed by someone else's key, with the genuine certificate URL
    expect((await post(sign(notification(bounce, 'm-2'), wrongName.key))).status).toBe(403);
    // a certificate that is not issued to sns.amazonaws.com
    expect((await post(sign({ ...notification(bounce, 'm-3'), SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/other.pem' }, wrongName.key))).status).toBe(403);
    // a certificate URL off Amazon's SNS hosts, or not https: refused without fetching it
    for (const url of ['https://sns.eu-west-1.amazonaws.com.evil.example/x.pem', 'http://sns.eu-west-1.amazonaws.com/x.pem', 'https://evil.example/sns.amazonaws.com.pem']) {
      expect((await post(sign({ ...notification(bounce, 'm-4'), SigningCertURL: url }, good.key))).status).toBe(403);
      expect(fetched).not.toContain(url);
    }
    // a topic this digest does not take
    expect((await post(sign({ ...notification(bounce, 'm-5'), TopicArn: 'arn:aws:sns:eu-west-1:999999999999:other' }, good.key))).status).toBe(403);
    // no signature at all
    const { Signature: _s, ...unsigned } = signed;
    expect((await post(unsigned)).status).toBe(403);
    expect(statusOf('gone@example.net')).toBe('active');
    expect(statusOf('keep@example.net')).toBe('active');
  });

  it('applies a signed bounce (SHA256) and complaint (SHA1), once each, with the evidence', async () => {
    const res = await post(sign(notification(bounce, 'm-10'), good.key));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ applied: 1, ignored: 0 });
    expect(statusOf('gone@example.net')).toBe('bounced');
    const ev = new SubscriberEvents(store).history(store.findSubscriber('gone@example.net')!.id).at(-1)!;
    expect(ev).toMatchObject({ reason: 'hard-bounce', source: 'ses', toStatus: 'bounced' });
    expect(ev.evidence).toBe('SES Permanent/General 5.1.1: smtp; 550 5.1.1 user unknown; feedback fb-0001');
    // SNS may deliver the same notification twice
    expect(await (await post(sign(notification(bounce, 'm-10'), good.key))).json()).toEqual({ applied: 0, ignored: 1 });

    const complaint = { notificationType: 'Complaint', complaint: { feedbackId: 'fb-0002', complaintFeedbackType: 'abuse', complainedRecipients: [{ emailAddress: 'moody@example.net' }] }, mail: { messageId: 'ses-msg-2' } };
    const r2 = await post(sign({ ...notification(complaint, 'm-11'), Subject: 'Amazon SES Email Event Notification' }, good.key, '1'));
    expect(r2.status).toBe(200);
    expect(statusOf('moody@example.net')).toBe('unsubscribed');

    // a transient bounce is counted, not applied at once
    const soft = { notificationType: 'Bounce', bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull', feedbackId: 'fb-0003', bouncedRecipients: [{ emailAddress: 'full@example.net', status: '4.2.2' }] } };
    expect(await (await post(sign(notification(soft, 'm-12'), good.key))).json()).toEqual({ applied: 1, ignored: 0 });
    expect(statusOf('full@example.net')).toBe('active');
  });

  it('transient bounces of one copy (SES reports each attempt) are one soft bounce; three editions drop the reader', async () => {
    // the editions really go out, so the ledger holds each copy's Message-ID
    sink = await startSink();
    const copies = new Map<string, Map<string, SentCopy>>();
    for (const id of ['2026-11-23', '2026-11-30', '2026-12-07']) copies.set(id, (await sendEdition(ws, sink, id)).sent);
    const who = 'flaky@example.net';
    /** SES's `mail.messageId` is its own; the original's Message-ID is among its headers */
    const transient = (edition: string, feedbackId: string, where: 'commonHeaders' | 'headers') => {
      const ours = copies.get(edition)!.get(who)!.messageId;
      return {
        notificationType: 'Bounce',
        bounce: { bounceType: 'Transient', bounceSubType: 'General', feedbackId, bouncedRecipients: [{ emailAddress: who, status: '4.4.7', diagnosticCode: 'smtp; 450 4.4.7 try again later' }] },
        mail: {
          messageId: `0100018c-${feedbackId}-000000`,
          ...(where === 'commonHeaders' ? { commonHeaders: { messageId: ours, subject: 'Diplomacy Watch' } } : { headers: [{ name: 'To', value: who }, { name: 'Message-ID', value: ours }] }),
        },
      };
    };
    const reasons = () => new SubscriberEvents(store).history(store.findSubscriber(who)!.id).map((h) => h.reason).filter((r) => r.startsWith('soft'));
    for (const [n, fb] of ['fb-t1', 'fb-t2', 'fb-t3'].entries()) {
      expect((await post(sign(notification(transient('2026-11-23', fb, n === 1 ? 'headers' : 'commonHeaders'), `m-t${n}`), good.key))).status).toBe(200);
    }
    expect(statusOf(who)).toBe('active');
    expect(reasons()).toEqual(['soft-bounce', 'soft-bounce-again', 'soft-bounce-again']);
    expect((await post(sign(notification(transient('2026-11-30', 'fb-t4', 'headers'), 'm-t4'), good.key))).status).toBe(200);
    expect(statusOf(who)).toBe('active');
    expect((await post(sign(notification(transient('2026-12-07', 'fb-t5', 'commonHeaders'), 'm-t5'), good.key))).status).toBe(200);
    expect(statusOf(who)).toBe('bounced');
  }, 120_000);

  it('confirms a subscription to an accepted topic by its SNS SubscribeURL', async () => {
    const subscribe = 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=x&Token=abc';
    const m = sign({ Type: 'SubscriptionConfirmation', MessageId: 's-1', Token: 'abc', TopicArn: TOPIC, Message: 'You have chosen to subscribe', SubscribeURL: subscribe, Timestamp: new Date().toISOString() }, good.key);
    const res = await post(m);
    expect(res.status).toBe(200);
    expect(fetched).toContain(subscribe);
    // the same, pointing its confirmation elsewhere: refused, nothing fetched
    const evil = sign({ ...m, MessageId: 's-2', SubscribeURL: 'https://evil.example/confirm' }, good.key);
    expect((await post(evil)).status).toBe(403);
    expect(fetched).not.toContain('https://evil.example/confirm');
  });
});
