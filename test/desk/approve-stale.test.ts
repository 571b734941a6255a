// A draft whose email no longer renders as it was written (built before `digest serve` restarted with another config,
// templates or version of Roundup: a draft left waiting across an upgrade) is not approved as it stands from the
// desk, nor left for ever refused with a command the editor cannot run: the desk builds it again, in its window and
// with its corrections, shows it to be read again, and then approves it.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';
import { CLI_TIMEOUT, ID, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { deskPost, openDesk, type OpenDesk } from './sign-in.js';

let ws: DeskWorkspace;
let desk: OpenDesk;

const fieldsOf = (html: string, cls: string) => {
  const form = new RegExp(`<form method="post" action="desk/\\w+" class="${cls}">(.*?)</form>`).exec(html)![1];
  return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));
};
const deskHtml = async () => (await fetch(`${desk.serve.url}/desk`, { headers: { Cookie: desk.cookie } })).text();
const emailHtml = async () => (await fetch(`${desk.serve.url}/desk/email.html`, { headers: { Cookie: desk.cookie } })).text();
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
  const built = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
  expect(built.code, built.stderr).toBe(0);
  expect((await runCli(['edit', 'intro', 'A week of long-range promises.', '--config', ws.configFile], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT })).code).toBe(0);
  // serve restarts with another footer than the draft's
  writeFileSync(ws.configFile, readFileSync(ws.configFile, 'utf8').replace('1 Example Street, Kyiv', '2 New Street, Lviv'));
  desk = await openDesk(ws, SECRET);
}, 2 * CLI_TIMEOUT);
afterAll(async () => {
  await desk?.close();
  ws?.remove();
});

describe('approving on the desk a draft written by another config or version', () => {
  it('builds it again, with its corrections, asks for it to be read, then approves what it shows', async () => {
    expect(await emailHtml()).toContain('1 Example Street, Kyiv');
    const read = fieldsOf(await deskHtml(), 'block approve');
    expect((await deskPost(desk.serve, '/desk/approve', read, desk.cookie)).status).toBe(303);
    const after = await deskHtml();
    expect(after).toMatch(/class="msg error"[^>]*>the draft of edition 2026-11-23 was written by another version of Roundup or with other templates or config; it has been built again as it would be sent now: read it again, then approve/);
    expect(state()).toBe('draft');
    const shown = await emailHtml();
    expect(shown).toContain('2 New Street, Lviv');
    expect(shown).toContain('A week of long-range promises.');

    expect((await deskPost(desk.serve, '/desk/approve', fieldsOf(after, 'block approve'), desk.cookie)).status).toBe(303);
    expect(await deskHtml()).toContain('Edition 2026-11-23 approved');
    expect(state()).toBe('approved');
  }, CLI_TIMEOUT);
});
