// SendGrid posts its events in batches of up to 768 KB ("every 30 seconds or when the batch size reaches 768
// kilobytes"), and retries a batch that is refused for 24 hours, then drops it. A send to a few thousand readers
// fills such a batch with processed and delivered events; the complaint and the bounce in it must be applied,
// not refused as too large again and again until SendGrid gives up on them.
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
  for (const email of ['complainer@example.net', 'gone@example.net', 'keep@example.net']) store.addSubscriber({ email });
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

describe('digest serve: a full SendGrid batch', () => {
  it('a 700 KB batch is read and its complaint and bounce applied', async () => {
    const events: object[] = Array.from({ length: 1700 }, (_, i) => routine(i));
    events.push({ email: 'complainer@example.net', event: 'spamreport', sg_event_id: 'sg-spam-1', timestamp: 1795944700 });
    events.push({ email: 'gone@example.net', event: 'bounce', type: 'bounce', status: '5.1.1', reason: '550 5.1.1 unknown user', sg_event_id: 'sg-bounce-1', timestamp: 1795944701 });
    const body = JSON.stringify(events);
    expect(body.length).toBeGreaterThan(600 * 1024);
    expect(body.length).toBeLessThan(768 * 1024);
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${served.url}/webhooks/sendgrid`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-timestamp': ts,
        'x-twilio-email-event-webhook-signature': sign('sha256', Buffer.from(ts + body), { key: sendgrid.privateKey, dsaEncoding: 'der' }).toString('base64'),
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ applied: 2, ignored: 0 });
    const store = openStore(ws.stateDir);
    try {
      expect(store.findSubscriber('complainer@example.net')!.status).toBe('unsubscribed');
      expect(store.findSubscriber('gone@example.net')!.status).toBe('bounced');
      expect(store.findSubscriber('keep@example.net')!.status).toBe('active');
    } finally {
      store.close();
    }
  }, 60_000);
});
