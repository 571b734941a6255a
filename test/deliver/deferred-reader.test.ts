// A reader whose server answers "not now" on every run (452 4.2.2 mailbox full at RCPT TO) is tried again by each
// scheduler step, but not for ever: once it has deferred the message for longer than five days (Postfix's
// maximal_queue_lifetime) the message is given up for that reader and edition, the edition counts as sent, `status`
// says so, and the address stays subscribed, the give-up counted as one soft bounce and no hard failure (the soft
// bounces of edition after edition drop it: ./deferred-soft-bounce.test.ts). Through `digest approve`,
// `digest tick --now` (its clock is the send's) and `digest status`, against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { countBy, READERS, SECRET, startSink, workspaceWithReaders, type Sink, type Workspace } from './support.js';

// retries back off for seconds, and several CLI runs: allow for a busy two-core machine
vi.setConfig({ testTimeout: 300_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const FULL = 'mia@full.example';

function cli(ws: Workspace, args: string[], smtpUrl: string) {
  return runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: smtpUrl } });
}

const tick = (ws: Workspace, now: string, smtpUrl: string) => cli(ws, ['tick', '--out', ws.outDir, '--now', now], smtpUrl);

describe('a reader whose server defers every run', () => {
  it('is given up for that edition after five days of deferrals, counted as one soft bounce, not a hard failure, and status says so', async () => {
    const { ws, id } = workspaceWithReaders(1, [...READERS, FULL]);
    sink = await startSink({ rejectRcpt: (a) => (a === FULL ? { code: 452, text: '4.2.2 Mailbox full, try again later' } : null) });
    const approve = await cli(ws, ['approve', '--edition', id, '--out', ws.outDir], sink.url);
    expect(approve.code, approve.stdout + approve.stderr).toBe(0);

    // the edition fires Monday 23 Nov 2026 07:00 in Kyiv (05:00 UTC); the reader's server defers at every step
    for (const now of ['2026-11-23T05:10:00Z', '2026-11-25T05:10:00Z', '2026-11-28T05:00:00Z']) {
      const r = await tick(ws, now, sink.url);
      expect(r.code, `${now}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/1 message\(s\) undelivered; the next tick retries them/);
      expect(r.stdout).not.toMatch(/gave up/);
      // the first edition, part-way out, is no edition sent long ago: it covers no missed firings
      expect(r.stdout).toMatch(/^edition 2026-11-23 is due: sent \d, failed 1 \(resumed the edition already built\)/);
    }
    const waiting = await cli(ws, ['status', '--now', '2026-11-25T06:00:00Z'], sink.url);
    expect(waiting.stdout).toMatch(/due +edition 2026-11-23, since Mon 23 Nov 2026 07:00 \+02:00: 1 of its 6 recipients not reached yet; the scheduler's next step tries them again/);
    // five days and a few minutes after the first deferral: given up for this edition, which counts as sent
    const late = await tick(ws, '2026-11-28T05:20:00Z', sink.url);
    expect(late.code, late.stdout + late.stderr).toBe(0);
    expect(late.stdout).toMatch(
      /gave up on mia@full\.example: 452 4\.2\.2 Mailbox full, try again later \(deferred by the reader's server since 2026-11-23T05:1\d:\d\d\.\d{3}Z, over 5 days; not tried again for this edition; counted as soft bounce 1 of 3 within 30 days \(one per edition\); the address stays subscribed\)/,
    );
    const status = await cli(ws, ['status', '--now', '2026-11-28T05:30:00Z'], sink.url);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/last sent +edition 2026-11-23 at .*: 5 sent, 1 failed \(1 deferred by the reader's server for over 5 days, not tried again\), 0 skipped\n/);
    expect(status.stdout).not.toMatch(/sending not finished|due +edition 2026-11-23/);
    // the next step has nothing to do for it
    const after = await tick(ws, '2026-11-28T05:40:00Z', sink.url);
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toMatch(/nothing due: edition 2026-11-23 was already sent/);

    // everyone else once; the reader's server was asked once per step and never since
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...READERS].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    const store = openStore(ws.stateDir);
    try {
      expect(store.findSubscriber(FULL)).toMatchObject({ status: 'active', hardFailures: 0 });
    } finally {
      store.close();
    }
  });
});
