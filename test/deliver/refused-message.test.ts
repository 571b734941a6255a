// One reader's message refused by the server for good (a policy 5.7.x at RCPT TO for that address alone, or 554 in
// answer to DATA): retried on a bounded number of runs, then recorded as failed for that reader and edition, never
// counted against the address, and the edition counts as sent to everyone else, with `digest status` saying so.
// Through `digest send` and `digest status` against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { countBy, READERS, runSend, SECRET, startSink, workspaceWithReaders, type Sink, type Workspace } from './support.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 300_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const BLOCKED = 'zed@strict.example';

function status(ws: Workspace) {
  return runCli(['status', '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET } });
}

async function refusedOnEveryRun(ws: Workspace, id: string, s: Sink, reason: RegExp): Promise<void> {
  // runs 1 and 2: the message may pass later (a block list delists us): left to retry, the run fails
  for (let run = 1; run <= 2; run++) {
    const r = await runSend(ws, id, s.url);
    expect(r.code, `run ${run}: ${r.stdout}${r.stderr}`).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`failed ${BLOCKED}: .*${reason.source}.*\\(will retry on the next run\\)`));
    expect(r.stdout).not.toMatch(/stopped early/);
  }
  // run 3: refused on three runs; given up for this edition, and the edition is sent
  const third = await runSend(ws, id, s.url);
  expect(third.code, third.stdout + third.stderr).toBe(0);
  expect(third.stdout).toMatch(new RegExp(`failed ${BLOCKED}: .*${reason.source}.*refused on 3 runs; not tried again for this edition`));
  expect(third.stdout).not.toMatch(/undelivered/);
  // a fourth run has nothing left to do
  const fourth = await runSend(ws, id, s.url);
  expect(fourth.code, fourth.stdout + fourth.stderr).toBe(0);
  expect(fourth.stdout).toMatch(/sent 0, skipped 0, failed 0 \(6 recipients; 5 done by earlier runs\)/);

  const perAddress = countBy(s.received, (m) => m.to.join(','));
  expect([...perAddress.keys()].sort()).toEqual([...READERS].sort());
  expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  const store = openStore(ws.stateDir);
  try {
    // not the address's fault: still subscribed, no hard failure
    expect(store.findSubscriber(BLOCKED)).toMatchObject({ status: 'active', hardFailures: 0 });
    expect(store.deliveries(id).find((d) => d.email === BLOCKED)).toMatchObject({ status: 'failed', permanent: true });
  } finally {
    store.close();
  }
  const st = await status(ws);
  expect(st.code, st.stderr).toBe(0);
  expect(st.stdout).toMatch(new RegExp(`edition ${id} at .*: 5 sent, 1 failed \\(1 refused by the server on 3 runs, not tried again\\), 0 skipped\n`));
}

describe('one message the server refuses for good', () => {
  it('a 5.7.1 refusal at RCPT TO for one reader is tried on three runs, then failed for that reader; the edition is sent', async () => {
    const { ws, id } = workspaceWithReaders(1, [...READERS, BLOCKED]);
    sink = await startSink({ rejectRcpt: (a) => (a === BLOCKED ? { code: 554, text: `5.7.1 <${a}>: Recipient address rejected: Access denied` } : null) });
    await refusedOnEveryRun(ws, id, sink, /554 5\.7\.1/);
    // RCPT TO was tried once per run, never after
    expect(sink.rcptAttempts.get(BLOCKED)).toBe(3);
  });

  it('554 in answer to DATA (after the body was sent) is that message refused: never a copy, three runs, then failed', async () => {
    const { ws, id } = workspaceWithReaders(1, [...READERS, BLOCKED]);
    sink = await startSink({ rejectData: (rcpt) => (rcpt === BLOCKED ? { code: 554, text: '5.6.0 Message content rejected' } : null) });
    await refusedOnEveryRun(ws, id, sink, /554 5\.6\.0 Message content rejected/);
    expect(sink.rcptAttempts.get(BLOCKED)).toBe(3);
  });

  it('a relay refusing every message (554 5.7.1 to all) counts for nobody: run after run of one edition, everyone stays to retry', async () => {
    const { ws, id } = workspaceWithReaders(1);
    sink = await startSink({ rejectRcpt: (a) => ({ code: 554, text: `5.7.1 <${a}>: Relay access denied` }) });
    for (let run = 1; run <= 4; run++) {
      const r = await runSend(ws, id, sink.url);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toMatch(/stopped early: the SMTP server refused 3 messages in a row/);
      expect(r.stdout).not.toMatch(/not tried again/);
    }
    sink.set({});
    const fixed = await runSend(ws, id, sink.url);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/sent 5, skipped 0, failed 0/);
  });
});
