// Sending an approved edition puts the approved copy back in its folder and marks it `sending`; a correction to the
// approved edition withdraws the approval and rebuilds that folder. Both hold the edition's lock, so they take turns:
// a send that starts while a correction holds it waits (and says so), then reads the approval again. The race is made
// certain by holding the lock in the test, as the correction would, and doing what it does meanwhile (withdraw the
// approval, rebuild the draft): the send then delivers nothing and leaves the corrected draft in place, instead of
// writing the withdrawn copy over it and mailing it to the readers. Approved again, it goes out as corrected.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';
import { tryLockFile, type Lock } from '../../src/store/lock-file.js';
import { startSink, type Sink } from '../deliver/support.js';
import { CLI_TIMEOUT, ID, NOW, REVIEWED, SECRET, addReader, deskCli, draftOf, makeDeskWorkspace, startDigest, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
let sink: Sink;
const cli = (args: string[]) => deskCli(ws, args);

beforeAll(async () => {
  sink = await startSink();
  ws = makeDeskWorkspace(REVIEWED);
  addReader(ws, 'ann@reader.test');
  expect((await cli(['build', '--now', NOW])).code).toBe(0);
  const approved = await cli(['approve', '--by', 'ed@desk.test']);
  expect(approved.code, approved.stderr).toBe(0);
}, 2 * CLI_TIMEOUT);
afterAll(async () => {
  await sink?.close();
  ws?.remove();
});

/** Hold the edition's lock as a correction's rebuild would (its pid: this test's process). */
function holdEditionLock(): Lock {
  const got = tryLockFile(ws.stateDir, `edition-${ID}.lock`);
  if (!('lock' in got)) throw new Error(`the edition lock is held by ${got.heldBy}`);
  return got.lock;
}

/** `digest send` (or other ARGS) on the workspace, started with the sink and the secret */
const startSend = (args = ['send']) => startDigest(ws, args, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });

const waitLine = `note: edition ${ID} is being rebuilt by another process (pid ${process.pid}); waiting for it (up to 60 s)`;
const CORRECTED = 'Corrected while the send waited.';

describe('digest send of an approved edition while a correction holds it', () => {
  it('waits, then finds the approval withdrawn: nothing is sent and the corrected draft stays', async () => {
    const file = path.join(ws.editionDir, 'digest.json');
    const original = JSON.parse(readFileSync(file, 'utf8')) as Edition;
    const lock = holdEditionLock();
    let send: ReturnType<typeof startSend>;
    try {
      send = startSend();
      expect(await send.said(waitLine), send.out.stderr).toEqual({ said: true, ended: false });
      expect(sink.received).toHaveLength(0);
      // what the correction does while it holds the lock: withdraw the approval, rebuild the draft with the correction (its digest.json)
      const store = openStore(ws.stateDir);
      try {
        new EditionLifecycle(store).withdrawApproval(ID);
      } finally {
        store.close();
      }
      writeFileSync(file, JSON.stringify({ ...original, intro: CORRECTED }, null, 2) + '\n');
    } finally {
      lock.release();
    }
    expect(await send.exited, send.out.stderr).toBe(2);
    expect(send.out.stderr).toContain(`digest: edition ${ID} is not approved; run \`digest approve --edition ${ID}\` first\n`);
    expect(sink.received).toHaveLength(0);
    expect(draftOf(ws).intro).toBe(CORRECTED);
    // the correction, made for real: its rebuild writes the draft again
    writeFileSync(file, JSON.stringify(original, null, 2) + '\n');
    const edit = await cli(['edit', 'intro', CORRECTED, '--by', 'ed@desk.test']);
    expect(edit.code, edit.stderr).toBe(0);
  }, 2 * CLI_TIMEOUT);

  it('approved again, the send waits for a rebuild in progress and delivers the corrected copy', async () => {
    const approved = await cli(['approve', '--by', 'ed@desk.test']);
    expect(approved.code, approved.stderr).toBe(0);
    const lock = holdEditionLock();
    let send: ReturnType<typeof startSend>;
    try {
      send = startSend();
      expect(await send.said(waitLine), send.out.stderr).toEqual({ said: true, ended: false });
      expect(sink.received).toHaveLength(0);
    } finally {
      lock.release();
    }
    expect(await send.exited, send.out.stderr).toBe(0);
    expect(send.out.stdout).toMatch(new RegExp(`^edition ${ID}: sent 1, skipped 0, failed 0`));
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].raw.toString().replace(/=\r?\n/g, '')).toContain('Corrected while the send waited.');
    expect(draftOf(ws).intro).toBe(CORRECTED);
  }, CLI_TIMEOUT);
});

describe('digest approve --withdraw while a send holds the edition', () => {
  it('waits, then finds the edition sending: refused in one line, the approved copy kept for the send', async () => {
    const second = '2026-11-30';
    ws.addWireItems([
      { id: 'w-week2', title: 'Ukraine signs air defence deal with allies', link: 'https://wire.test/a/w-week2', date: '2026-11-27T09:00:00Z', body: 'Ukraine signed an air defence deal with its allies in Kyiv on Friday, officials said.' },
    ]);
    const built = await cli(['build', '--now', '2026-11-30T07:00:00+02:00']);
    expect(built.code, built.stderr).toBe(0);
    const approved = await cli(['approve', '--by', 'ed@desk.test']);
    expect(approved.code, approved.stderr).toBe(0);
    const got = tryLockFile(ws.stateDir, `edition-${second}.lock`);
    if (!('lock' in got)) throw new Error(`the edition lock is held by ${got.heldBy}`);
    let withdraw: ReturnType<typeof startSend>;
    try {
      withdraw = startSend(['approve', '--edition', second, '--withdraw']);
      expect(await withdraw.said(waitLine.replace(ID, second)), withdraw.out.stderr).toEqual({ said: true, ended: false });
      // what the send does while it holds the lock: the approved edition starts going out
      const store = openStore(ws.stateDir);
      try {
        new EditionLifecycle(store).setState(second, 'sending');
      } finally {
        store.close();
      }
    } finally {
      got.lock.release();
    }
    expect(await withdraw.exited, withdraw.out.stderr).toBe(2);
    expect(withdraw.out.stderr).toContain(`digest: edition ${second} is sending; only an approved edition can be withdrawn\n`);
    expect(withdraw.out.stdout).toBe('');
    const store = openStore(ws.stateDir);
    try {
      expect(new EditionLifecycle(store).snapshot(second)).not.toBeNull();
    } finally {
      store.close();
    }
  }, 2 * CLI_TIMEOUT);
});
