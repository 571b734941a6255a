// The editors are who the config lists now: an address taken out of `editors:` while `digest serve` runs loses the
// desk at once (its session and its forms), and one added can sign in, without a restart of serve: the operator
// edits the config and expects it to hold, as `digest tick` reads it on every run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, NOW, SECRET, deskCli, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { simpleParser } from 'mailparser';
import { cookieOf, csrfOf, deskPost, openDesk, type OpenDesk } from './sign-in.js';

let ws: DeskWorkspace;
let desk: OpenDesk;

beforeAll(async () => {
  ws = makeDeskWorkspace('editors: [ed@desk.test, gone@desk.test]\n');
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
  desk = await openDesk(ws, SECRET, 'gone@desk.test');
}, CLI_TIMEOUT);
afterAll(async () => {
  await desk?.close();
  ws?.remove();
});

const page = (cookie: string) => fetch(`${desk.serve.url}/desk`, { headers: { Cookie: cookie }, redirect: 'manual' });

/** The path of the sign-in link serve mails `email` when asked for one, or null when it mails none (it answers alike). */
async function mailedLink(email: string): Promise<string | null> {
  const form = await fetch(`${desk.serve.url}/desk/login`);
  const before = desk.sink.received.length;
  await deskPost(desk.serve, '/desk/login', { csrf: csrfOf(await form.text()), email }, cookieOf(form, 'roundup_desk_form'));
  // a link goes out within a second or two; a minute is ample on a busy machine
  const mailed = await desk.sink.waitFor(() => desk.sink.received.length > before, 60_000).then(() => true, () => false);
  if (!mailed) return null;
  return /https:\/\/desk\.test(\/desk\/auth\/\S+)/.exec((await simpleParser(desk.sink.received.at(-1)!.raw)).text ?? '')![1];
}

describe('an editor taken out of the config while digest serve runs', () => {
  it('loses the desk at once: its page and its forms', async () => {
    const before = await page(desk.cookie);
    expect(before.status).toBe(200);
    const form = csrfOf(await before.text());

    ws.writeConfig('editors: [ed@desk.test]\n');

    expect((await page(desk.cookie)).headers.get('location')).toBe('desk/login');
    const edit = await deskPost(desk.serve, '/desk/edit', { csrf: form, action: 'intro', text: 'Written after my removal.' }, desk.cookie);
    expect(edit.status).toBe(403);
    expect(draftOf(ws).intro).toBeUndefined();
  }, CLI_TIMEOUT);

  it('one added signs in without a restart', async () => {
    ws.writeConfig('editors: [ed@desk.test, new@desk.test]\n');
    const link = await mailedLink('new@desk.test');
    expect(link).not.toBeNull();
    const button = await fetch(`${desk.serve.url}${link}`);
    expect(button.status).toBe(200);
    const response = await deskPost(desk.serve, '/desk/auth', { csrf: csrfOf(await button.text()), token: link!.split('/').pop()! }, cookieOf(button, 'roundup_desk_form'));
    expect(response.status).toBe(303);
    const cookie = cookieOf(response, 'roundup_desk');
    expect(await (await page(cookie)).text()).toContain('signed in as new@desk.test');
  }, CLI_TIMEOUT);
});
