// The desk's sign-in state outlives `digest serve`: after a restart an editor's session still works (and its
// forms with it), a sign-in link used before the restart stays used, and a session signed out stays ended.
// The database keeps only hashes of the session tokens and link nonces.
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { CLI_TIMEOUT, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { startServe, type Listening } from '../helpers/serve.js';

let ws: DeskWorkspace;
let sink: Sink;
let serve: Listening;
const env = () => ({ DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });

beforeAll(async () => {
  ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
  const built = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
  expect(built.code, built.stderr).toBe(0);
  sink = await startSink();
  serve = await startServe(ws.configFile, ws.dir, env(), { extraArgs: ['--trust-proxy'] });
}, CLI_TIMEOUT);
afterAll(async () => {
  await serve?.stop();
  await sink?.close();
  ws?.remove();
});

const restart = async () => {
  await serve.stop();
  serve = await startServe(ws.configFile, ws.dir, env(), { extraArgs: ['--trust-proxy'] });
};
const csrfOf = (html: string) => /name="csrf" value="([\w-]+)"/.exec(html)![1];
const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`))!;
const post = (pathname: string, body: Record<string, string>, cookie: string) =>
  fetch(`${serve.url}${pathname}`, { method: 'POST', body: new URLSearchParams(body), headers: { Cookie: cookie }, redirect: 'manual' });
const desk = (cookie: string) => fetch(`${serve.url}/desk`, { headers: { Cookie: cookie }, redirect: 'manual' });

/** Ask for a link and take it from the mail: its path on the server. */
async function signInLink(): Promise<string> {
  const form = await fetch(`${serve.url}/desk/login`);
  const before = sink.received.length;
  const r = await post('/desk/login', { csrf: csrfOf(await form.text()), email: 'ed@desk.test' }, cookieOf(form, 'roundup_desk_form'));
  expect(r.status).toBe(200);
  await sink.waitFor(() => sink.received.length > before, CLI_TIMEOUT);
  const mail = await simpleParser(sink.received.at(-1)!.raw);
  return /https:\/\/desk\.test(\/desk\/auth\/\S+)/.exec(mail.text ?? '')![1];
}

/** Follow a link: the button's page, then its POST. Resolves with the answer to the POST. */
async function useLink(link: string): Promise<Response> {
  const page = await fetch(`${serve.url}${link}`);
  if (page.status !== 200) return page;
  const token = decodeURIComponent(link.split('/').pop()!);
  return post('/desk/auth', { csrf: csrfOf(await page.text()), token }, cookieOf(page, 'roundup_desk_form'));
}

describe('desk sign-in across a restart of digest serve', () => {
  let link = '';
  let session = '';

  it('a session still works after a restart, and so do its forms', async () => {
    link = await signInLink();
    const signedIn = await useLink(link);
    expect(signedIn.status).toBe(303);
    session = cookieOf(signedIn, 'roundup_desk');
    expect((await desk(session)).status).toBe(200);

    await restart();
    const page = await desk(session);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('signed in as ed@desk.test');
    const edit = await post('/desk/edit', { csrf: csrfOf(html), action: 'intro', text: 'Written after a restart.' }, session);
    expect(edit.status).toBe(303);
    expect(await (await desk(session)).text()).toContain('Written after a restart.');
  }, CLI_TIMEOUT);

  it('a link used before the restart stays used', async () => {
    // the button page refuses it, and so does a POST of it with a fresh form token
    expect((await fetch(`${serve.url}${link}`)).status).toBe(400);
    const form = await fetch(`${serve.url}/desk/login`);
    const token = decodeURIComponent(link.split('/').pop()!);
    const reused = await post('/desk/auth', { csrf: csrfOf(await form.text()), token }, cookieOf(form, 'roundup_desk_form'));
    expect(reused.status).toBe(400);
    expect(reused.headers.getSetCookie().some((c) => c.startsWith('roundup_desk='))).toBe(false);
  }, CLI_TIMEOUT);

  it('keeps only hashes, and a session signed out stays ended after a restart', async () => {
    const db = new Database(path.join(ws.stateDir, 'digest.db'), { readonly: true });
    const token = session.split('=')[1];
    const rows = db.prepare('SELECT token_hash, email FROM desk_sessions').all() as { token_hash: string; email: string }[];
    const used = db.prepare('SELECT nonce_hash FROM desk_used_links').all() as { nonce_hash: string }[];
    db.close();
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), email: 'ed@desk.test' }]);
    expect(used).toHaveLength(1);
    expect(JSON.stringify(used)).not.toContain(token);

    const html = await (await desk(session)).text();
    expect((await post('/desk/logout', { csrf: csrfOf(html) }, session)).status).toBe(303);
    await restart();
    expect((await desk(session)).headers.get('location')).toBe('desk/login'); // relative to /desk: /desk/login
  }, CLI_TIMEOUT);
});
