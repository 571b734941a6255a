// A message given up for its edition (the server refused it on three runs: a block list, a content filter) can be
// tried once more once the operator fixed the cause: `digest send --edition ID --retry-given-up`, still at most one
// copy per reader. Refused again, it is given up again at once. Through `digest send` and `digest status` against a
// real smtp-server.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { countBy, READERS, runSend, SECRET, startSink, workspaceWithReaders, type Sink, type Workspace } from './support.js';

// several CLI runs: allow for a busy two-core machine
vi.setConfig({ testTimeout: 300_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const BLOCKED = 'zed@strict.example';

function cli(ws: Workspace, args: string[]) {
  return runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink!.url } });
}

const retry = (ws: Workspace, id: string, ...more: string[]) => cli(ws, ['send', '--edition', id, '--out', ws.outDir, '--retry-given-up', ...more]);

describe('digest send --retry-given-up', () => {
  it('tries a message given up after three refusals once more, once the cause is fixed: one copy, nobody else again', async () => {
    const { ws, id } = workspaceWithReaders(1, [...READERS, BLOCKED]);
    sink = await startSink({ rejectData: (rcpt) => (rcpt === BLOCKED ? { code: 554, text: '5.7.1 Message rejected by policy' } : null) });
    for (let run = 1; run <= 3; run++) await runSend(ws, id, sink.url);
    expect(sink.received).toHaveLength(5);
    // given up: a plain send has nothing to do
    const plain = await runSend(ws, id, sink.url);
    expect(plain.stdout).toMatch(/sent 0, skipped 0, failed 0 \(6 recipients; 5 done by earlier runs\)/);

    // still refused: tried once, given up again at once (not three more runs)
    const early = await retry(ws, id);
    expect(early.code, early.stdout + early.stderr).toBe(0);
    expect(early.stdout).toMatch(/tried again 1 message\(s\) of edition 2026-11-23 given up earlier/);
    expect(early.stdout).toMatch(/failed zed@strict\.example: 554 5\.7\.1 Message rejected by policy .*\(refused on 4 runs; not tried again for this edition; the address stays subscribed\)/);

    // the operator fixes the cause (the sender is delisted): a dry run says what would go, and changes nothing
    sink.set({});
    const dry = await retry(ws, id, '--dry-run');
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/would try again 1 message\(s\)/);
    expect(dry.stdout).toMatch(/dry run: edition 2026-11-23: wrote 1, skipped 0, failed 0 \(6 recipients; 5 done by earlier runs\)/);
    const outbox = path.join(ws.outDir, id, 'outbox');
    expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([expect.stringContaining('zed@strict.example')]);
    expect(sink.received).toHaveLength(5);

    const fixed = await retry(ws, id);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/edition 2026-11-23: sent 1, skipped 0, failed 0 \(6 recipients; 5 done by earlier runs\)/);
    // and once more: nothing left to try, nobody gets a second copy
    const again = await retry(ws, id);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/edition 2026-11-23: no message was given up; nothing to try again/);
    expect(again.stdout).toMatch(/sent 0, skipped 0, failed 0 \(6 recipients; 6 done by earlier runs\)/);

    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...READERS, BLOCKED].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    const status = await cli(ws, ['status']);
    expect(status.stdout).toMatch(/last sent +edition 2026-11-23 at .*: 6 sent, 0 failed, 0 skipped\n/);
  });

  it('leaves alone a message whose address was refused since (550 5.1.1 at RCPT TO): that is no message given up', async () => {
    const { ws, id } = workspaceWithReaders(1, [...READERS, BLOCKED]);
    // refused at DATA on the first run; on the next the server no longer knows the address
    sink = await startSink({ rejectData: (rcpt) => (rcpt === BLOCKED ? { code: 554, text: '5.6.0 Message content rejected' } : null) });
    expect((await runSend(ws, id, sink.url)).code).toBe(1);
    sink.set({ rejectRcpt: (a) => (a === BLOCKED ? { code: 550, text: '5.1.1 No such user' } : null) });
    const second = await runSend(ws, id, sink.url);
    expect(second.stdout).toMatch(/failed zed@strict\.example: 550 5\.1\.1 No such user \(permanent\)/);
    const tried = sink.rcptAttempts.get(BLOCKED);

    sink.set({});
    const r = await retry(ws, id);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/edition 2026-11-23: no message was given up; nothing to try again/);
    expect(sink.rcptAttempts.get(BLOCKED)).toBe(tried);
    const status = await cli(ws, ['status']);
    expect(status.stdout).toMatch(/last sent +edition 2026-11-23 at .*: 5 sent, 1 failed, 0 skipped\n/);
  });

  it('needs --edition: one line saying so', async () => {
    const { ws } = workspaceWithReaders(1);
    sink = await startSink();
    const r = await cli(ws, ['send', '--retry-given-up']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('digest: --retry-given-up needs --edition ID: the edition whose given-up messages to try again');
  });
});
