// A provider's soft bounce that names no copy Roundup sent is tied to the edition last sent to the address by the
// event's own time. At an edition boundary that time must be read at its precision: SendGrid stamps an event to the
// whole second, the ledger records a copy to the millisecond, so a block the provider saw in the very second the new
// edition's copy went out is about that copy, not the edition before. Through a running `digest serve`, the editions
// really sent through an SMTP sink.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { SubscriberEvents } from '../../src/store/events.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { SECRET, makeWorkspace, type Sink } from '../deliver/support.js';
import { sendEdition, sendToReaders } from '../mailbox/sent-copies.js';

const sendgrid = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const READER = 'sg-blocked@example.net';

describe('a provider soft bounce tied by time, at an edition boundary', () => {
  let sink: Sink | undefined;
  let serve: Listening | undefined;
  afterAll(async () => {
    await serve?.stop();
    await sink?.close();
  });

  it('a SendGrid block stamped in the second the new edition went out counts for the new edition, not the one before', async () => {
    const ws = makeWorkspace('webhooks:\n  sendgrid: true\n');
    ({ sink } = await sendToReaders(ws, [READER]));
    await sendEdition(ws, sink, '2026-11-30');
    const store = openStore(ws.stateDir);
    try {
      const sentAt = Date.parse(store.deliveries('2026-11-30').find((d) => d.email === READER)!.updatedAt);
      const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url, DIGEST_SENDGRID_WEBHOOK_KEY: sendgrid.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
      serve = await startServe(ws.configFile, ws.dir, env);
      // no smtp-id (nothing names the copy): only its time, to the second, ties it to an edition
      const body = JSON.stringify([
        { email: READER, event: 'bounce', type: 'blocked', status: '5.7.1', reason: '550 5.7.1 deferred by policy', sg_event_id: 'sg-boundary-1', timestamp: Math.floor(sentAt / 1000) },
      ]);
      const ts = String(Math.floor(Date.now() / 1000));
      const signature = sign('sha256', Buffer.from(ts + body), { key: sendgrid.privateKey, dsaEncoding: 'der' }).toString('base64');
      const res = await fetch(`${serve.url}/webhooks/sendgrid`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': ts },
        body,
      });
      expect(res.status).toBe(200);
      const counted = new SubscriberEvents(store).history(store.findSubscriber(READER)!.id).filter((h) => h.reason === 'soft-bounce');
      expect(counted).toHaveLength(1);
      expect(counted[0]).toMatchObject({ editionId: '2026-11-30', source: 'sendgrid' });
      expect(counted[0].evidence).toMatch(/edition 2026-11-30 taken as the one last sent to this address/);
    } finally {
      store.close();
    }
  }, 180_000);
});
