// The editors' mails ("draft ready", the desk's sign-in link) are written in English whatever the digest's
// locale, and say so: a digest in Arabic does not mark them right to left, where their English sentences
// read with the full stop first.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { startServe } from '../helpers/serve.js';
import { CLI_TIMEOUT, NOW, SECRET, REVIEWED, addReader, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
let sink: Sink;
const env = () => ({ DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });

beforeAll(async () => {
  sink = await startSink();
  ws = makeDeskWorkspace(`locale: ar\n${REVIEWED}`);
  addReader(ws, 'ann@reader.test');
});
afterAll(async () => {
  await sink?.close();
  ws?.remove();
});

const htmlTag = async (raw: Buffer | string) => /<html[^>]*>/.exec(String((await simpleParser(raw)).html))![0];

describe('the editors’ mails of a digest in Arabic', () => {
  it('"draft ready" is marked English, left to right', async () => {
    const r = await runCli(['tick', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, env: env(), timeoutMs: CLI_TIMEOUT });
    expect(r.code, r.stderr).toBe(0);
    const [notice] = sink.received.filter((m) => m.to.includes('ed@desk.test'));
    expect((await simpleParser(notice.raw)).text).toMatch(/^The draft of Desk Watch, edition 2026-11-23, is ready for review/);
    expect(await htmlTag(notice.raw)).toBe('<html lang="en" dir="ltr">');
  }, CLI_TIMEOUT);

  it("the desk's sign-in link is marked English, left to right", async () => {
    const serve = await startServe(ws.configFile, ws.dir, env());
    try {
      const form = await fetch(`${serve.url}/desk/login`);
      const csrf = /name="csrf" value="([\w-]+)"/.exec(await form.text())![1];
      const cookie = form.headers.getSetCookie()[0].split(';')[0];
      const before = sink.received.length;
      await fetch(`${serve.url}/desk/login`, { method: 'POST', body: new URLSearchParams({ csrf, email: 'ed@desk.test' }), headers: { Cookie: cookie } });
      await sink.waitFor(() => sink.received.length > before, CLI_TIMEOUT);
      const mail = sink.received.at(-1)!;
      expect((await simpleParser(mail.raw)).subject).toBe('Sign in to the desk of Desk Watch');
      expect(await htmlTag(mail.raw)).toBe('<html lang="en" dir="ltr">');
    } finally {
      await serve.stop();
    }
  }, CLI_TIMEOUT);
});
