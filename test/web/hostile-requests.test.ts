// The web app (same server code as `digest serve`) under odd and hostile requests: every answer is a page with
// the right status and content type (no JSON on a form's error, no "not found" for a wrong method), a multipart
// form is read as a form, a body declared too large is refused before it is sent, `//x` is a path, a client
// that goes away mid-body is not logged as a server error, and one that sends half a body and waits is let go.
import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { SECRET } from '../deliver/support.js';
import { webAppPerTest, type WebApp } from '../helpers/web-app.js';

const startApp = webAppPerTest();

interface Answer {
  status: number;
  type: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw request; `body` undefined sends none (whatever Content-Length says). */
function raw(app: WebApp, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: app.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.flushHeaders();
  });
}

describe('hostile and odd requests', () => {
  it('a body over the limit gets a 413 page, not JSON, and a declared one is refused before it is sent', async () => {
    const app = await startApp();
    const big = await raw(app, 'POST', '/subscribe', { 'content-type': 'application/x-www-form-urlencoded' }, `email=${'a'.repeat(1024 * 1024)}`);
    expect(big.status).toBe(413);
    expect(big.type).toBe('text/html; charset=utf-8');
    expect(big.body).toContain('request body too large: expected at most 16 KB');
    // Content-Length of a petabyte and no body at all: the answer comes without waiting for it
    const absurd = await raw(app, 'POST', '/subscribe', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '1000000000000000' });
    expect(absurd.status).toBe(413);
    expect(app.store.listSubscribers()).toEqual([]);
  });

  it('a bad JSON body on a page gets a 400 page with the reason escaped', async () => {
    const app = await startApp();
    const s = app.store.addSubscriber({ email: 'a@example.net' });
    const res = await raw(app, 'POST', `/preferences/${new Tokens(SECRET, tokenScope(app.store)).sign(s.id, 'preferences')}`, { 'content-type': 'application/json' }, '{"<script>');
    expect(res.status).toBe(400);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('body is not valid JSON');
    expect(res.body).not.toContain('<script>');
  });

  it('a multipart form subscribes and saves preferences as the same urlencoded form would', async () => {
    const app = await startApp();
    const form = new FormData();
    form.append('email', 'multi@example.net');
    const sub = await fetch(`${app.base}/subscribe`, { method: 'POST', body: form });
    expect(sub.status).toBe(200);
    expect(app.store.findSubscriber('multi@example.net')?.status).toBe('pending');

    const s = app.store.addSubscriber({ email: 'picky@example.net', sections: ['arms'] });
    const prefs = new FormData();
    prefs.append('sections', 'diplomacy');
    const saved = await fetch(`${app.base}/preferences/${new Tokens(SECRET, tokenScope(app.store)).sign(s.id, 'preferences')}`, { method: 'POST', body: prefs });
    expect(saved.status).toBe(200);
    // read as urlencoded the form looked empty, which means "every section"
    expect(app.store.findSubscriber('picky@example.net')?.sections).toEqual(['diplomacy']);

    const broken = await raw(app, 'POST', '/subscribe', { 'content-type': 'multipart/form-data; boundary=xyz' }, 'not multipart at all');
    expect(broken.status).toBe(400);
    expect(broken.body).toContain('body is not a valid multipart form');
  });

  it('a wrong method gets 405 saying so, with Allow; //x is a path, not a host', async () => {
    const app = await startApp();
    const put = await raw(app, 'PUT', '/subscribe', {}, '');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, POST, HEAD');
    expect(put.body).toContain('<h1 dir="auto">Not allowed here</h1>');
    expect(put.body).not.toContain('Not found');
    const slashes = await raw(app, 'GET', '//nothing.example/here');
    expect(slashes.status).toBe(404);
    expect((await raw(app, 'GET', '//subscribe')).body).toContain('name="email"');
  });

  it('a client that sends half a body and goes away is not a server error', async () => {
    const lines: string[] = [];
    const app = await startApp({ deps: { log: (l) => lines.push(l) } });
    const closed = new Promise<void>((resolve) => app.server.once('connection', (s) => s.once('close', () => resolve())));
    const socket = connect(app.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const body = 'email=half%40example.net';
    const head = `POST /subscribe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n`;
    // the server has read the half body when it asks for more: wait for the request to reach the handler
    const reached = new Promise<void>((resolve) => app.server.once('request', () => resolve()));
    socket.write(head + body);
    await reached;
    socket.destroy();
    await closed;
    await new Promise((r) => setImmediate(r)); // the handler's rejection settles in the same turn
    expect(lines.filter((l) => l.startsWith('error on'))).toEqual([]);
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
  });

  it('a client that sends half a body and waits gets 408 and its connection closed within a minute, not five', async () => {
    const app = await startApp();
    const socket = connect(app.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (answer += c));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const started = Date.now();
    socket.write(`POST /subscribe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=slow`);
    await closed;
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
  }, 120_000);
});

describe('a body posted where nothing reads it', () => {
  // A proxy (nginx) sends a large body on, and takes an answer and a close before it is through for a broken upstream
  // (502): a webhook batch posted where no webhook is set up must get serve's 404 page, after its body.
  it('is read to its end before the 404 or 405 page is sent', async () => {
    const app = await startApp();
    for (const [method, path, status] of [['POST', '/webhooks/sendgrid', 404], ['POST', '/healthz', 405]] as const) {
      const body = Buffer.alloc(700 * 1024, 'x');
      const socket = connect(app.port, '127.0.0.1');
      let answer = '';
      socket.on('data', (c) => (answer += c.toString('latin1')));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
      socket.write(body.subarray(0, 300 * 1024));
      // the first part is in: no answer may come before the rest
      await new Promise((r) => setTimeout(r, 500));
      expect(answer).toBe('');
      socket.end(body.subarray(300 * 1024));
      await closed;
      expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
      expect(answer).toContain('<html');
    }
  });
});
