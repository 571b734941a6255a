// How long a reader's server may defer a message before it is given up for its edition is `delivery.deferralLifetime`
// (5 days unless set): a digest that sets 36h gives the message up after 36 hours, not before, and says so; a value
// that is no duration, or shorter than an hour, is refused in one line naming the key. Through `digest approve`,
// `digest tick --now` (its clock is the send's) and `digest status`, against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink, type Workspace } from './support.js';
import { openStore } from '../../src/store/index.js';

vi.setConfig({ testTimeout: 300_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const FULL = 'mia@full.example';

function cli(ws: Workspace, args: string[], smtpUrl = 'smtp://127.0.0.1:9') {
  return runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: smtpUrl } });
}

function workspace(lifetime: string): Workspace {
  const ws = makeWorkspace(`delivery:\n  rate: 1000\n  connections: 1\n  deferralLifetime: ${lifetime}\n`);
  writeEditionFile(ws.outDir, makeEdition());
  const store = openStore(ws.stateDir);
  for (const email of ['ana@example.net', FULL]) store.addSubscriber({ email });
  store.close();
  return ws;
}

describe('delivery.deferralLifetime', () => {
  it('gives a deferred message up after the lifetime set (36h), not before', async () => {
    const ws = workspace('36h');
    sink = await startSink({ rejectRcpt: (a) => (a === FULL ? { code: 452, text: '4.2.2 Mailbox full, try again later' } : null) });
    expect((await cli(ws, ['approve', '--edition', '2026-11-23', '--out', ws.outDir], sink.url)).code).toBe(0);
    const tick = (now: string) => cli(ws, ['tick', '--out', ws.outDir, '--now', now], sink!.url);
    // the edition fires Monday 23 Nov 2026 07:00 in Kyiv (05:00 UTC)
    const first = await tick('2026-11-23T05:10:00Z');
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const before = await tick('2026-11-24T16:00:00Z'); // 35 hours on: still tried
    expect(before.code, before.stdout + before.stderr).toBe(1);
    expect(before.stdout).not.toMatch(/gave up/);
    const after = await tick('2026-11-24T17:20:00Z'); // past 36 hours
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toMatch(/gave up on mia@full\.example: 452 4\.2\.2 Mailbox full, try again later \(deferred by the reader's server since 2026-11-23T05:1\d:\d\d\.\d{3}Z, over 36 hours; not tried again for this edition;/);
    const status = await cli(ws, ['status', '--now', '2026-11-24T18:00:00Z'], sink.url);
    expect(status.stdout).toMatch(/last sent +edition 2026-11-23 at .*: 1 sent, 1 failed \(1 deferred by the reader's server for over 36 hours, not tried again\), 0 skipped\n/);
  });

  it.each([
    ['forever', 'delivery.deferralLifetime: expected a duration such as 5d or 36h, at least 1h, got "forever"'],
    ['30m', 'delivery.deferralLifetime: expected a duration such as 5d or 36h, at least 1h, got "30m"'],
    ['0d', 'delivery.deferralLifetime: expected a duration such as 5d or 36h, at least 1h, got "0d"'],
  ])('refuses %s in one line naming the key', async (value, message) => {
    const ws = workspace(value);
    const r = await cli(ws, ['status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`digest: digest.config.yaml: ${message}\n`);
  });
});
