// What SendGrid posts to the webhook of `digest serve`. Its events come in batches of up to 768 KB ("every 30
// seconds or when the batch size reaches 768 kilobytes"), and a batch that is refused is retried for 24 hours, then
// dropped. A send to a few thousand readers fills such a batch with processed and delivered events; the complaint
// and the bounce in it must be applied, not refused as too large again and again until SendGrid gives up on them.
import { generateKeyPairSync, sign } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { SECRET, makeWorkspace, type Workspace } from '../deliver/support.js';

const sendgrid = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
let ws: Workspace;
let served: Listening;

beforeAll(async () => {
  ws = makeWorkspace('webhooks:\n  sendgrid: true\n');
  const store = openStore(ws.stateDir);
  for (const email of ['complainer@example.net', 'gone@example.net', 'keep@example.net', 'reported@example.net', 'dead@example.net', 'left@example.net', 'typo@example.net', 'content@example.net', 'quota@example.net']) store.addSubscriber({ email });
  store.close();
  served = await startServe(ws.configFile, ws.dir, {
    DIGEST_SECRET: SECRET,
    DIGEST_SENDGRID_WEBHOOK_KEY: sendgrid.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  });
}, 30_000);

afterAll(async () => {
  await served?.stop();
  rmSync(ws.dir, { recursive: true, force: true });
});

/** a processed or delivered event as SendGrid writes it, some 400 bytes */
function routine(i: number) {
  return {
    email: `reader${i}@example.org`,
    timestamp: 1795942980 + i,
    'smtp-id': `<digest.2026-11-23.${i.toString(16).padStart(24, '0')}@watch.example.org>`,
    event: i % 2 ? 'delivered' : 'processed',
    category: ['digest'],
    sg_event_id: `sg-routine-${i}-${'x'.repeat(22)}`,
    sg_message_id: `${'m'.repeat(22)}.filterdrecv-${i}-1-${'0'.repeat(8)}-${'y'.repeat(4)}.0`,
    response: '250 2.0.0 OK  1795942980 d75a77b69052e-4aa2b3c3e2fsi12345qtx.123 - gsmtp',
    ip: '149.72.0.1',
    tls: 1,
    pool: { name: 'digest', id: 12345 },
  };
}

function post(body: string) {
  const ts = String(Math.floor(Date.now() / 1000));
  return fetch(`${served.url}/webhooks/sendgrid`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-twilio-email-event-webhook-timestamp': ts,
      'x-twilio-email-event-webhook-signature': sign('sha256', Buffer.from(ts + body), { key: sendgrid.privateKey, dsaEncoding: 'der' }).toString('base64'),
    },
    body,
  });
}

const statusOf = (email: string) => {
  const store = openStore(ws.stateDir);
  try {
    return store.findSubscriber(email)!.status;
  } finally {
    store.close();
  }
};

describe('digest serve: what SendGrid posts', () => {
  it('a 700 KB batch is read and its complaint and bounce applied', async () => {
    const events: object[] = Array.from({ length: 1700 }, (_, i) => routine(i));
    events.push({ email: 'complainer@example.net', event: 'spamreport', sg_event_id: 'sg-spam-1', timestamp: 1795944700 });
    events.push({ email: 'gone@example.net', event: 'bounce', type: 'bounce', status: '5.1.1', reason: '550 5.1.1 unknown user', sg_event_id: 'sg-bounce-1', timestamp: 1795944701 });
    const body = JSON.stringify(events);
    expect(body.length).toBeGreaterThan(600 * 1024);
    expect(body.length).toBeLessThan(768 * 1024);
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ applied: 2, ignored: 0 });
    expect(statusOf('complainer@example.net')).toBe('unsubscribed');
    expect(statusOf('gone@example.net')).toBe('bounced');
    expect(statusOf('keep@example.net')).toBe('active');
  }, 60_000);

  // SendGrid keeps its own suppression lists and drops what it would send to an address on them, saying why; the
  // event that put the address there may never have reached serve (posted before the webhook was set up, or in a
  // batch refused), so the drop is what tells serve that a reader complained, bounced or left
  it('a message SendGrid dropped for a spam report, a bounce, an unsubscribe or a bad address stops the reader; one dropped for its content or a quota does not', async () => {
    const dropped = (email: string, reason: string, i: number) => ({ email, event: 'dropped', reason, status: '5.0.0', sg_event_id: `sg-drop-${i}`, timestamp: 1795944800 + i });
    const res = await post(
      JSON.stringify([
        dropped('reported@example.net', 'Spam Reporting Address', 1),
        dropped('dead@example.net', 'Bounced Address', 2),
        dropped('left@example.net', 'Unsubscribed Address', 3),
        dropped('typo@example.net', 'Invalid', 4),
        dropped('content@example.net', 'Spam Content (if spam checker app enabled)', 5),
        dropped('quota@example.net', 'Recipient List over Package Quota', 6),
      ]),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ applied: 4, ignored: 0 });
    expect(statusOf('reported@example.net')).toBe('unsubscribed');
    expect(statusOf('dead@example.net')).toBe('bounced');
    expect(statusOf('left@example.net')).toBe('unsubscribed');
    expect(statusOf('typo@example.net')).toBe('bounced');
    // our message's content, or our account's quota: no fault of the address
    expect(statusOf('content@example.net')).toBe('active');
    expect(statusOf('quota@example.net')).toBe('active');
  });
});
