// The fetch client keeps connections alive and reuses them, but never across address policies, and a kept-alive
// socket the server has dropped costs no failure. A raw TCP server counts connections and requests.
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_CONFIG, fetchUrl, type FetchOptions } from '../../src/fetch/index.js';

const BODY = '<rss version="2.0"><channel><title>Pool</title></channel></rss>';
const open: FetchOptions = { ...DEFAULT_FETCH_CONFIG, allowPrivateNetworks: true, timeoutMs: 10_000, responseTimeoutMs: 8_000, retries: 0 };

let server: net.Server;
let port: number;
let connections = 0;
let requests = 0;
/** when set, the server drops a connection (no answer) at its second request */
let dropSecondRequest = false;

beforeAll(async () => {
  server = net.createServer((socket) => {
    connections++;
    let onThisSocket = 0;
    let buffered = '';
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      while (buffered.includes('\r\n\r\n')) {
        buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
        onThisSocket++;
        if (dropSecondRequest && onThisSocket === 2) return void socket.destroy();
        requests++;
        socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: ${BODY.length}\r\nConnection: keep-alive\r\n\r\n${BODY}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  dropSecondRequest = false;
});

describe('fetch connection pool', () => {
  it('sends one host several requests over one kept-alive connection', async () => {
    const before = { connections, requests };
    for (let i = 0; i < 3; i++) expect((await fetchUrl(`http://127.0.0.1:${port}/feed?${i}`, open)).status).toBe('ok');
    expect(requests - before.requests).toBe(3);
    expect(connections - before.connections).toBe(1);
  });

  it('never lends a connection made under one address policy to a request under a stricter one', async () => {
    // a connection to localhost sits in the pool of the open policy …
    expect((await fetchUrl(`http://localhost:${port}/feed`, open)).status).toBe('ok');
    const before = { connections, requests };
    // … and the guarded request resolves the name itself and refuses it, without touching that connection
    const guarded = await fetchUrl(`http://localhost:${port}/feed`, { ...open, allowPrivateNetworks: false });
    expect(guarded.error).toMatch(/^blocked: resolves to loopback address (127\.0\.0\.1|::1)$/);
    expect({ connections, requests }).toEqual(before);
  });

  it('sends the request again when the server has dropped the kept-alive connection', async () => {
    dropSecondRequest = true;
    const url = `http://127.0.0.1:${port}/dropped`;
    // a fresh policy (allow list) gets a pool of its own, so the first request opens a connection and leaves it idle
    const own: FetchOptions = { ...open, allowPrivateNetworks: false, allowAddresses: ['127.0.0.1'] };
    expect((await fetchUrl(url, own)).status).toBe('ok');
    const before = connections;
    const again = await fetchUrl(url, own); // retries: 0, so only the pool's own resend can save it
    expect(again.error).toBeNull();
    expect(again.status).toBe('ok');
    expect(again.attempts).toBe(1);
    expect(connections - before).toBe(1);
  });
});
