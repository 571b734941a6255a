// A draft built while a feed failed: the editors are told which feed and why before they approve an
// edition without its news — in the "draft ready" mail, on the desk of digest serve, in the preview's desk.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { startPreview, startServe, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, NOW, SECRET, draftOf, REVIEWED, addReader, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { signInToDesk } from './sign-in.js';

let ws: DeskWorkspace;
let sink: Sink;
let missing: string;
const env = () => ({ DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });
const NOTE = /1 of 2 feeds failed in this build, so the draft has none of its news: Test Brief \(file not found: \S+brief\.atom\)/;

beforeAll(async () => {
  sink = await startSink();
  ws = makeDeskWorkspace(REVIEWED);
  addReader(ws, 'ann@reader.test');
  missing = path.join(ws.dir, 'feeds/brief.atom');
  rmSync(missing);
});
afterAll(async () => {
  await sink?.close();
  ws?.remove();
});

describe('a draft built while a feed failed', () => {
  it('the "draft ready" mail names the feed and why', async () => {
    const r = await runCli(['tick', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, env: env(), timeoutMs: CLI_TIMEOUT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/draft built, editors told/);
    const notes = sink.received.filter((m) => m.to.includes('ed@desk.test'));
    expect(notes).toHaveLength(1);
    const mail = await simpleParser(notes[0].raw);
    expect(mail.text).toMatch(NOTE);
  }, CLI_TIMEOUT);

  it('the desk of digest serve says so above the stories', async () => {
    const serve: Listening = await startServe(ws.configFile, ws.dir, env());
    try {
      const signedIn = await signInToDesk(serve, sink, 'ed@desk.test');
      expect(signedIn.response.status).toBe(303);
      const desk = await (await fetch(`${serve.url}/desk`, { headers: { Cookie: signedIn.cookie } })).text();
      expect(desk).toContain('<h1>Desk · 2026-11-23</h1>');
      expect(/<p class="feeds-failed" role="alert">([^<]*)<\/p>/.exec(desk)?.[1]).toMatch(NOTE);
    } finally {
      await serve.stop();
    }
  }, CLI_TIMEOUT);

  it("the preview's desk says so too", async () => {
    const preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch', '--out', ws.outDir]);
    try {
      const page = await (await fetch(preview.url)).text();
      expect(/<p class="feeds-failed" role="alert">([^<]*)<\/p>/.exec(page)?.[1]).toMatch(NOTE);
    } finally {
      await preview.stop();
    }
  }, CLI_TIMEOUT);
});

describe('a draft built while a feed failed, read from its last good copy', () => {
  it('the "draft ready" mail says the draft has its news as of the copy', async () => {
    const copyWs = makeDeskWorkspace('schedule: "0 7 * * 1"\nreview: required\neditors: [ed@copy.test]\nfetch:\n  allowPrivateNetworks: true\n  retries: 0\n');
    const atom = readFileSync(path.join(copyWs.dir, 'feeds/brief.atom'));
    let down = false;
    const server = createServer((_req, res) => (down ? res.writeHead(503).end() : res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atom)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/brief.atom`;
      writeFileSync(copyWs.configFile, readFileSync(copyWs.configFile, 'utf8').replace('path: feeds/brief.atom', `url: ${url}`));
      const store = openStore(copyWs.stateDir);
      store.addSubscriber({ email: 'bob@reader.test' });
      store.close();
      // a check fetches the feed and keeps its copy; then the feed goes down before the draft is built
      expect((await runCli(['feeds', 'check', '--config', copyWs.configFile], { cwd: copyWs.dir, timeoutMs: CLI_TIMEOUT })).code).toBe(0);
      down = true;
      const r = await runCli(['tick', '--config', copyWs.configFile, '--now', NOW], { cwd: copyWs.dir, env: env(), timeoutMs: CLI_TIMEOUT });
      expect(r.code, r.stderr).toBe(0);
      const notes = sink.received.filter((m) => m.to.includes('ed@copy.test'));
      expect(notes).toHaveLength(1);
      const text = (await simpleParser(notes[0].raw)).text ?? '';
      expect(draftOf(copyWs).feeds.find((f) => f.id === 'brief')).toMatchObject({ status: 'error', error: 'HTTP 503', usedCopy: expect.any(String) });
      expect(text).toMatch(/1 of 2 feeds failed in this build: Test Brief \(HTTP 503; used its copy from \d{4}-\d\d-\d\d \d\d:\d\d UTC: the draft has its news as of then\)/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
      copyWs.remove();
    }
  }, CLI_TIMEOUT);
});
