// The mail `digest serve` sends itself (the confirmation a sign-up gets, the welcome message) is signed with the
// config's DKIM key, as the editions are: a provider that junks or refuses unsigned mail (Gmail and Yahoo for bulk
// senders, any domain with a strict DMARC policy) would otherwise lose the very mail that starts a subscription.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type Listening } from '../helpers/serve.js';
import { SECRET, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';
import { verifyDkim } from '../deliver/dkim-verify.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
let ws: Workspace;
let sink: Sink;
let served: Listening;

beforeAll(async () => {
  ws = makeWorkspace(
    '',
    `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
  welcome: true
  dkim:
    domain: watch.example.org
    selector: s2026
    keyFile: dkim.pem
`,
  );
  writeFileSync(path.join(ws.dir, 'dkim.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  sink = await startSink();
  served = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });
}, 30_000);

afterAll(async () => {
  await served?.stop();
  await sink?.close();
});

describe('digest serve with email.dkim', () => {
  it('signs the confirmation and the welcome message, one-click headers included', async () => {
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=signed%40example.net' };
    expect((await fetch(`${served.url}/subscribe`, form)).status).toBe(200);
    await sink.waitFor(() => sink.received.length === 1);
    const confirmation = sink.received[0];
    expect(verifyDkim(confirmation.raw, publicKey)).toMatchObject({ ok: true, domain: 'watch.example.org', selector: 's2026' });

    const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec((await sink.parsed())[0].text ?? '')![1];
    expect((await fetch(`${served.url}${link}`, { method: 'POST' })).status).toBe(200);
    await sink.waitFor(() => sink.received.length === 2);
    const welcome = verifyDkim(sink.received[1].raw, publicKey);
    expect(welcome).toMatchObject({ ok: true, domain: 'watch.example.org' });
    expect(welcome.signedHeaders).toEqual(expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']));
  }, 60_000);
});
