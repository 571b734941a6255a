// One rebuild of an edition at a time: a correction and its rebuild (the command line, the desk of serve),
// `digest build` of the same edition and an approval each hold the edition's lock from reading the draft to
// writing it. The race is made certain here by holding that lock in the test, as another rebuild would: each
// command says whom it waits for and writes nothing until the lock is free; the desk gives up after a while and
// says so in one line, storing nothing. Two corrections started at once both end up in the draft.
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryLockFile, type Lock } from '../../src/store/lock-file.js';
import type { Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, ID, NOW, SECRET, deskCli, draftOf, makeDeskWorkspace, startDigest, type DeskWorkspace } from './workspace.js';
import { csrfOf, deskPost, openDesk, type OpenDesk } from './sign-in.js';

let ws: DeskWorkspace;
const cli = (args: string[]) => deskCli(ws, args);

/** Hold the edition's lock as another rebuild of it would (its pid: this test's process). */
function holdEditionLock(): Lock {
  const got = tryLockFile(ws.stateDir, `edition-${ID}.lock`);
  if (!('lock' in got)) throw new Error(`the edition lock is held by ${got.heldBy}`);
  return got.lock;
}

const started = (args: string[]) => startDigest(ws, args);

const waitLine = `note: edition ${ID} is being rebuilt by another process (pid ${process.pid}); waiting for it (up to 60 s)`;

beforeAll(async () => {
  ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
  const r = await cli(['build', '--now', NOW]);
  expect(r.code, r.stderr).toBe(0);
}, CLI_TIMEOUT);
afterAll(() => ws?.remove());

describe('while another process rebuilds the edition', () => {
  const cases: { what: string; args: string[]; done: (stdout: string) => void }[] = [
    {
      what: 'digest edit waits, then stores its correction and rebuilds',
      args: ['edit', 'intro', 'Written while another rebuild ran.', '--by', 'ed@desk.test'],
      done: (stdout) => {
        expect(stdout).toMatch(/^correction #\d+ \(intro\) saved by ed@desk\.test\ndraft 2026-11-23 rebuilt/);
        expect(draftOf(ws).intro).toBe('Written while another rebuild ran.');
      },
    },
    {
      what: 'digest build of the same edition waits, then writes the draft with the correction in it',
      args: ['build', '--now', NOW],
      done: () => expect(draftOf(ws).intro).toBe('Written while another rebuild ran.'),
    },
    {
      what: 'digest approve waits, then approves the draft as the rebuild left it',
      args: ['approve', '--by', 'ed@desk.test'],
      done: (stdout) => expect(stdout).toMatch(/^approved edition 2026-11-23: \d+ stories in \d+ sections, 1 correction/),
    },
  ];
  for (const c of cases) {
    it(c.what, async () => {
      const before = JSON.stringify(draftOf(ws));
      const lock = holdEditionLock();
      let run: ReturnType<typeof started>;
      try {
        run = started(c.args);
        const seen = await run.said(waitLine);
        // it says whom it waits for, and has not ended (nor written) while the lock is held
        expect(seen, run.out.stderr).toEqual({ said: true, ended: false });
        expect(JSON.stringify(draftOf(ws))).toBe(before);
      } finally {
        lock.release();
      }
      expect(await run.exited, run.out.stderr).toBe(0);
      c.done(run.out.stdout);
    }, CLI_TIMEOUT);
  }

  it('a lock its holder left when it died (kill -9) is taken over at once, by the rules of the other lock files', async () => {
    // a pid no process has, on this host
    writeFileSync(path.join(ws.stateDir, `edition-${ID}.lock`), `${2 ** 22 + 12345} ${hostname()}`);
    const r = await cli(['edit', 'intro', 'After a crash.', '--by', 'ed@desk.test']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^approval of edition 2026-11-23 withdrawn/);
    expect(draftOf(ws).intro).toBe('After a crash.');
    expect(existsSync(path.join(ws.stateDir, `edition-${ID}.lock`))).toBe(false);
  }, CLI_TIMEOUT);

  it('two corrections started at once both end up in the draft, and it approves', async () => {
    const [a, b] = await Promise.all([
      cli(['edit', 'title', 'Kremlin rejects', 'Kremlin says no to Geneva', '--by', 'a@desk.test']),
      cli(['edit', 'summary', 'Ukraine budget', 'Most of it goes to the army.', '--by', 'b@desk.test']),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const draft = draftOf(ws);
    const stories = draft.sections.flatMap((s) => s.stories);
    expect(stories.map((s) => s.title)).toContain('Kremlin says no to Geneva');
    expect(stories.map((s) => s.summary)).toContain('Most of it goes to the army.');
    expect(draft.corrections?.map((c) => c.kind)).toEqual(expect.arrayContaining(['summary', 'title']));
    const approved = await cli(['approve', '--by', 'ed@desk.test']);
    expect(approved.code, approved.stderr).toBe(0);
  }, 2 * CLI_TIMEOUT);
});

describe('the desk of digest serve while another process rebuilds the edition', () => {
  let desk: OpenDesk;
  let serve: Listening;
  let cookie = '';
  const post = (pathname: string, body: Record<string, string>, c: string) => deskPost(serve, pathname, body, c);
  const deskPage = async () => (await fetch(`${serve.url}/desk`, { headers: { Cookie: cookie } })).text();

  beforeAll(async () => {
    expect((await cli(['approve', '--withdraw'])).code).toBe(0);
    desk = await openDesk(ws, SECRET);
    ({ serve, cookie } = desk);
  }, CLI_TIMEOUT);
  afterAll(() => desk?.close());

  it('a correction waits a while, then is refused in one line, and nothing is stored or written', async () => {
    const page = await deskPage();
    const csrf = csrfOf(page);
    const before = JSON.stringify(draftOf(ws));
    const lock = holdEditionLock();
    try {
      // answered once the desk has given up waiting (20 s), however long that takes on a busy machine
      const r = await post('/desk/edit', { csrf, action: 'intro', text: 'From the desk.', shown: draftOf(ws).intro ?? '' }, cookie);
      expect(r.status).toBe(303);
    } finally {
      lock.release();
    }
    const after = await deskPage();
    expect(after).toContain(`class="msg error" role="alert">edition ${ID} is being rebuilt by another process (pid ${process.pid}); try again</p>`);
    expect(JSON.stringify(draftOf(ws))).toBe(before);
    // not stored either: the next correction is the next number, and the list has no trace of it
    const list = await cli(['edit', 'list']);
    expect(list.stdout).not.toContain('From the desk.');
    expect(serve.stderr()).toContain(waitLine.replace('up to 60 s', 'up to 20 s'));
  }, CLI_TIMEOUT);
});
