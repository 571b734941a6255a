// An edition left part-way out (a reader's server deferring) must not hold up the next one: `digest send` without
// --edition sends the newer approved edition rather than retrying the old one's last reader at every run, and once
// the newer one went out the old one is not resumed after it (last week's news after this week's) unless asked for
// by --edition. Through `digest approve` and `digest send` against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simpleParser } from 'mailparser';
import { runCli } from '../helpers/cli.js';
import { makeEdition, READERS, runSend, SECRET, startSink, workspaceWithReaders, writeEditionFile, type Sink, type Workspace } from './support.js';

// retries back off for seconds, and several CLI runs: allow for a busy two-core machine
vi.setConfig({ testTimeout: 300_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const FULL = 'mia@full.example';
const OLD = '2026-11-23';
const NEW = '2026-11-30';

function cli(ws: Workspace, args: string[]) {
  return runCli([...args, '--config', ws.configFile, '--out', ws.outDir], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink!.url } });
}

/** the edition each copy the reader got belongs to, in the order they came */
async function editionsTo(s: Sink, reader: string): Promise<string[]> {
  const mails = await Promise.all(s.received.filter((m) => m.to.includes(reader)).map((m) => simpleParser(m.raw)));
  return mails.map((m) => /news\.example\.org\/s1\?week=([\d-]+)/.exec(m.text ?? '')?.[1] ?? OLD);
}

describe('an older edition part-way out', () => {
  it('does not hold up the newer approved edition, and is not resumed after it by a plain `digest send`', async () => {
    const { ws } = workspaceWithReaders(1, [...READERS, FULL]);
    sink = await startSink({ rejectRcpt: (a) => (a === FULL ? { code: 452, text: '4.2.2 Mailbox full, try again later' } : null) });
    const first = await runSend(ws, OLD, sink.url);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toMatch(/failed mia@full\.example: 452 .*\(will retry on the next run\)/);

    // next week's edition, its own news, approved by the editors
    const next = makeEdition(NEW);
    for (const section of next.sections) for (const story of section.stories) story.items = story.items.map((i) => ({ ...i, guid: `${i.guid}-${NEW}`, url: `${i.url}?week=${NEW}` }));
    for (const section of next.sections) for (const story of section.stories) story.url = `${story.url}?week=${NEW}`;
    writeEditionFile(ws.outDir, next);
    expect((await cli(ws, ['approve', '--edition', NEW])).code).toBe(0);

    // the reader's server still defers: the new edition goes to everyone else
    const send = await cli(ws, ['send']);
    expect(send.stdout + send.stderr).not.toMatch(/resuming edition 2026-11-23/);
    expect(send.stdout).toMatch(/^edition 2026-11-30: sent 5, skipped 0, failed 1 /m);

    // the mailbox emptied: the new edition reaches the reader; the old one is not sent after it
    sink.set({});
    const later = await cli(ws, ['send']);
    expect(later.code, later.stdout + later.stderr).toBe(0);
    expect(later.stdout).toMatch(/^edition 2026-11-30: sent 1, skipped 0, failed 0 /m);
    const after = await cli(ws, ['send']);
    expect(after.code).not.toBe(0);
    expect(after.stderr.trim()).toBe(
      'digest: edition 2026-11-23 is part-way out (1 of its readers not reached yet), but edition 2026-11-30, newer, was already sent: ' +
        'it is not resumed after it (`digest send --edition 2026-11-23` sends it to them all the same)',
    );
    const status = await runCli(['status', '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET } });
    expect(status.stdout).toMatch(/last sent +edition 2026-11-30 at .*: 6 sent, 0 failed, 0 skipped\n/);
    expect(status.stdout).toMatch(
      /left behind edition 2026-11-23: 1 of its 6 recipients not reached; not resumed after edition 2026-11-30, newer \(their servers deferred it: each scheduler step tries them again until deferred for over 5 days; `digest send --edition 2026-11-23` sends it to them now\)\n/,
    );
    expect(await editionsTo(sink, FULL)).toEqual([NEW]);
    for (const r of READERS) expect(await editionsTo(sink, r)).toEqual([OLD, NEW]);
  });
});
