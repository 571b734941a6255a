// https path: certificate checks, extra CA, and the SSRF guard on TLS sockets.
// fixtures/test-*.pem is a throwaway self-signed pair for 127.0.0.1/localhost, made for these tests only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEFAULT_FETCH_CONFIG, fetchUrl, type FetchOptions } from '../../src/fetch/index.js';
import { sampleFeed, startServer, type TestServer } from './test-server.js';

const cert = readFileSync(new URL('./fixtures/test-cert.pem', import.meta.url));
const key = readFileSync(new URL('./fixtures/test-key.pem', import.meta.url));
const FEED = sampleFeed('tls');
const base: FetchOptions = { ...DEFAULT_FETCH_CONFIG, allowPrivateNetworks: true, timeoutMs: 2000, retries: 2, backoffBaseMs: 10 };

let tlsServer: https.Server;
let tlsOrigin: string;
let tlsHits = 0;
let plain: TestServer;
let garbage: net.Server;
let garbageOrigin: string;

beforeAll(async () => {
  tlsServer = https.createServer({ key, cert }, (req, res) => {
    tlsHits++;
    if (req.url === '/moved') return res.writeHead(301, { location: '/feed' }).end();
    res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(FEED);
  });
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  tlsOrigin = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
  plain = await startServer({
    '/to-https': (_req, res) => res.writeHead(308, { location: `${tlsOrigin}/moved` }).end(),
  });
  // answers every connection with bytes that are not HTTP
  garbage = net.createServer((socket) => socket.resume().end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
  await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
  garbageOrigin = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
});

afterAll(async () => {
  tlsServer.closeAllConnections();
  await new Promise((resolve) => tlsServer.close(resolve));
  await plain.close();
  await new Promise((resolve) => garbage.close(resolve));
});

describe('fetchUrl over https', () => {
  it('refuses an untrusted certificate with one line and no retry', async () => {
    const r = await fetchUrl(`${tlsOrigin}/feed`, base);
    expect(r.status).toBe('error');
    expect(r.error).toBe('TLS: self-signed certificate');
    expect(r.attempts).toBe(1);
  });

  it('accepts the certificate when its CA is added, and follows http → https redirects', async () => {
    const r = await fetchUrl(`${plain.origin}/to-https`, { ...base, ca: cert });
    expect(r.status).toBe('ok');
    expect(r.body.toString()).toBe(FEED);
    expect(r.finalUrl).toBe(`${tlsOrigin}/feed`);
    expect(r.redirects).toEqual([
      { status: 308, location: `${tlsOrigin}/moved` },
      { status: 301, location: `${tlsOrigin}/feed` },
    ]);
  });

  it('applies the SSRF guard to https URLs before any handshake', async () => {
    const before = tlsHits;
    const r = await fetchUrl(`https://localhost:${new URL(tlsOrigin).port}/feed`, {
      ...base,
      ca: cert,
      allowPrivateNetworks: false,
    });
    expect(r.error).toBe('blocked: resolves to loopback address 127.0.0.1');
    expect(tlsHits).toBe(before);
  });
});

describe('fetchUrl against a server that does not speak HTTP', () => {
  it('reports a malformed response in one line', async () => {
    const r = await fetchUrl(`${garbageOrigin}/feed`, { ...base, retries: 0 });
    expect(r.status).toBe('error');
    expect(r.error).toBe('malformed HTTP response');
  });
});
