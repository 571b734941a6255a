// The desk of `digest serve` approves what the editor read, not what happens to be on disk when the button is
// pressed: a draft rebuilt since the page loaded (a late feed item, another editor's correction), or a correction
// stored whose rebuild has not landed yet, is refused with a message, and the edition stays a draft.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';
import { CLI_TIMEOUT, ID, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { startServe, type Listening } from '../helpers/serve.js';

let ws: DeskWorkspace;
let sink: Sink;
let serve: Listening;
let session = '';

const build = async () => {
  const r = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
  expect(r.code, r.stderr).toBe(0);
};
const fieldsOf = (html: string, cls: string) => {
  const form = new RegExp(`<form method="post" action="desk/\\w+" class="${cls}">(.*?)</form>`).exec(html)![1];
  return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));
};
const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`))!;
const csrfOf = (html: string) => /name="csrf" value="([\w-]+)"/.exec(html)![1];
const post = (pathname: string, body: Record<string, string>, cookie: string) =>
  fetch(`${serve.url}${pathname}`, { method: 'POST', body: new URLSearchParams(body), headers: { Cookie: cookie }, redirect: 'manual' });
const deskHtml = async () => (await fetch(`${serve.url}/desk`, { headers: { Cookie: session } })).text();
const state = () => {
  const store = openStore(ws.stateDir);
  try {
    return new EditionLifecycle(store).get(ID)?.state;
  } finally {
    store.close();
  }
};

beforeAll(async () => {
  ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
  await build();
  sink = await startSink();
  serve = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });
  // sign in with the mailed link, as an editor does
  const form = await fetch(`${serve.url}/desk/login`);
  expect((await post('/desk/login', { csrf: csrfOf(await form.text()), email: 'ed@desk.test' }, cookieOf(form, 'roundup_desk_form'))).status).toBe(200);
  await sink.waitFor(() => sink.received.length === 1, CLI_TIMEOUT);
  const link = /https:\/\/desk\.test(\/desk\/auth\/\S+)/.exec((await simpleParser(sink.received[0].raw)).text ?? '')![1];
  const page = await fetch(`${serve.url}${link}`);
  const signedIn = await post('/desk/auth', { csrf: csrfOf(await page.text()), token: decodeURIComponent(link.split('/').pop()!) }, cookieOf(page, 'roundup_desk_form'));
  expect(signedIn.status).toBe(303);
  session = cookieOf(signedIn, 'roundup_desk');
}, CLI_TIMEOUT);
afterAll(async () => {
  await serve?.stop();
  await sink?.close();
  ws?.remove();
});

describe('approving on the desk of digest serve', () => {
  it('refuses a draft rebuilt since the page was loaded, then approves the one read', async () => {
    const read = fieldsOf(await deskHtml(), 'block approve');
    ws.addLateItem();
    await build(); // the schedule or another editor rebuilt the draft: now it has a story the editor never saw

    expect((await post('/desk/approve', read, session)).status).toBe(303);
    const after = await deskHtml();
    expect(after).toMatch(/class="msg error"[^>]*>the draft of edition 2026-11-23 changed since this page was loaded/);
    expect(state()).toBe('draft');

    expect(after).toContain('Ukraine grain corridor reopens after storm');
    expect((await post('/desk/approve', fieldsOf(after, 'block approve'), session)).status).toBe(303);
    expect(await deskHtml()).toContain('Edition 2026-11-23 approved');
    expect(state()).toBe('approved');
  }, CLI_TIMEOUT);

  it('refuses while a stored correction is not in the draft yet', async () => {
    const read = fieldsOf(await deskHtml(), 'block approve');
    // another editor's correction, stored; its rebuild of the draft has not been written yet
    const store = openStore(ws.stateDir);
    let id: number;
    try {
      id = new EditionLifecycle(store).addCorrection({ kind: 'intro', items: [], value: 'Written elsewhere.', by: 'other@desk.test' }).id;
    } finally {
      store.close();
    }
    expect((await post('/desk/approve', read, session)).status).toBe(303);
    expect(await deskHtml()).toMatch(new RegExp(`class="msg error"[^>]*>correction #${id} is not in the draft yet`));
  }, CLI_TIMEOUT);
});
