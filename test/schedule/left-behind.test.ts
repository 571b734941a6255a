// A daily digest whose reader's server defers yesterday's edition (452 mailbox full) while today's goes out: each
// `digest tick` tries yesterday's deferred message again, as a mail queue would, so the reader gets it once their
// mailbox empties, each edition once, nobody twice; `tick` says what it did and `status` how it stands, instead of the
// older edition staying `left behind` with its reader never tried again. Against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simpleParser } from 'mailparser';
import { approveDay as approveEditorsDay, cliIn } from './daily-editions.js';
import { countBy, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';
import { openStore } from '../../src/store/index.js';

// retries back off for seconds, and several CLI runs: allow for a busy two-core machine
vi.setConfig({ testTimeout: 300_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const ANA = 'ana@example.net';
const FULL = 'mia@full.example';
const OLD = '2026-11-23';
const NEW = '2026-11-24';

const cli = (ws: Workspace, args: string[]) => cliIn(ws, sink!, args);
const approveDay = (ws: Workspace, id: string, start: string) => approveEditorsDay(ws, sink!, id, start);

/** the editions each copy the reader got belongs to, in the order they came */
async function editionsTo(s: Sink, reader: string): Promise<string[]> {
  const mails = await Promise.all(s.received.filter((m) => m.to.includes(reader)).map((m) => simpleParser(m.raw)));
  return mails.map((m) => /\?day=([\d-]+)/.exec(m.text ?? '')?.[1] ?? '?');
}

describe('an older edition left part-way out by a reader whose server defers', () => {
  it('is tried again by each tick for that reader, and reaches them once the mailbox empties, nobody twice', async () => {
    const ws = makeWorkspace(`schedule: "0 7 * * *"\ndelivery:\n  rate: 1000\n  connections: 1\n`);
    const store = openStore(ws.stateDir);
    for (const email of [ANA, FULL]) store.addSubscriber({ email });
    store.close();
    sink = await startSink({ rejectRcpt: (a) => (a === FULL ? { code: 452, text: '4.2.2 Mailbox full, try again later' } : null) });
    const tick = (now: string) => cli(ws, ['tick', '--out', ws.outDir, '--now', now]);

    await approveDay(ws, OLD, '2026-11-22');
    const first = await tick('2026-11-23T05:10:00Z');
    expect(first.code, first.stdout + first.stderr).toBe(1); // deferred: for the next step

    // the next day: today's edition goes out; yesterday's, left behind, is tried again for the reader it deferred
    await approveDay(ws, NEW, OLD);
    const next = await tick('2026-11-24T05:10:00Z');
    expect(next.stdout, next.stderr).toMatch(/^edition 2026-11-24 is due: sent 1, failed 1 /);
    expect(next.stdout).toContain(`  edition ${OLD}, left behind by edition ${NEW} (sending): tried again the reader whose server deferred it: sent 0, failed 1\n`);
    const waiting = await cli(ws, ['status', '--now', '2026-11-24T05:20:00Z']);
    expect(waiting.stdout).toContain(
      `  left behind edition ${OLD}: 1 of its 2 recipients not reached; not resumed after edition ${NEW}, newer (their servers deferred it: ` +
        `each scheduler step tries them again until deferred for over 5 days; \`digest send --edition ${OLD}\` sends it to them now)\n`,
    );

    // the mailbox emptied: the next step sends the reader today's edition and yesterday's
    sink.set({});
    const later = await tick('2026-11-24T05:30:00Z');
    expect(later.code, later.stdout + later.stderr).toBe(0);
    expect(later.stdout).toContain(`  edition ${OLD}, left behind by edition ${NEW} (sent): tried again the reader whose server deferred it: sent 1, failed 0\n`);
    const status = await cli(ws, ['status', '--now', '2026-11-24T05:40:00Z']);
    expect(status.stdout).not.toContain('left behind');

    // nothing more to do, nobody twice
    const after = await tick('2026-11-24T05:50:00Z');
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).not.toContain('left behind');
    expect(await editionsTo(sink, ANA)).toEqual([OLD, NEW]);
    expect((await editionsTo(sink, FULL)).sort()).toEqual([OLD, NEW]);
    expect([...countBy(sink.received, (m) => m.to.join(',')).values()]).toEqual([2, 2]);
  });
});
