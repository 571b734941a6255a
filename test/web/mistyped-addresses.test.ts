// The subscribe form's limit per client address is there so nobody mails strangers through it: it counts the
// sign-ups that would mail someone. A person who mistypes their address (no "@", a domain cut short) is told so
// and may try again without using it up; junk sent over and over is still limited, by a budget of its own.
// Through `digest serve` (a child process), a real SMTP sink, requests from distinct 127.0.0.x addresses.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { BIN } from '../helpers/cli.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { SECRET, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';

let ws: Workspace;
let sink: Sink;
let served: Listening;
let store: SqliteStore;

beforeAll(async () => {
  ws = makeWorkspace();
  sink = await startSink();
  store = openStore(ws.stateDir);
  served = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, { bin: BIN });
}, 30_000);

afterAll(async () => {
  await served?.stop();
  store?.close();
  await sink?.close();
});

/** POST /subscribe with this address, from a chosen local source address; the answer's status */
function subscribe(email: string, from: string): Promise<number> {
  const url = new URL(served.url);
  const body = `email=${encodeURIComponent(email)}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(url.port),
        path: '/subscribe',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the per-client limit of the subscribe form', () => {
  it('a reader who mistypes their address five times still gets to subscribe with the right one', async () => {
    const from = '127.0.0.21';
    for (const typo of ['reader.example.net', 'reader@example', 'reader@@example.net', 'reader@example..net', 'reader@example,net']) {
      expect(await subscribe(typo, from), typo).toBe(400);
    }
    expect(await subscribe('reader@example.net', from)).toBe(200);
    expect(store.findSubscriber('reader@example.net')?.status).toBe('pending');
    await sink.waitFor(() => sink.received.some((m) => m.to.includes('reader@example.net')));
  });

  it('a client sending junk over and over is stopped, and so are its sign-ups for a while', async () => {
    const from = '127.0.0.22';
    const answers: number[] = [];
    for (let i = 0; i < 25; i++) answers.push(await subscribe(`junk${i}`, from));
    expect(answers.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(answers.slice(20).every((s) => s === 429)).toBe(true);
    expect(await subscribe('probe@example.net', from)).toBe(429);
    expect(store.findSubscriber('probe@example.net')).toBeNull();
    // another client is not held back by it
    expect(await subscribe('other@example.net', '127.0.0.23')).toBe(200);
  });

  it('real sign-ups keep their limit of five per client', async () => {
    const from = '127.0.0.24';
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push(await subscribe(`friend${i}@example.org`, from));
    expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
    // mistyped ones after that are refused as well: this client is over its limit
    expect(await subscribe('friend6@example', from)).toBe(429);
  });
});
