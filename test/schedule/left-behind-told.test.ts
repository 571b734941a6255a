// An edition left part-way out behind a newer one, as an operator reads a tick every ten minutes: `tick --dry-run`
// says what the real step would do about it (try again its readers whose servers deferred it; not send it to those it
// never reached, and how to); the real tick says of the readers it never reached once (and again when their number
// changes), not at every tick into a cron mailbox, while `digest status` says it whenever asked. Against a real
// smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approveDay as approveEditorsDay, cliIn } from './daily-editions.js';
import { makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';
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
const BOB = 'bob@refused.example';
const OLD = '2026-11-23';
const NEW = '2026-11-24';

const cli = (ws: Workspace, args: string[]) => cliIn(ws, sink!, args);
const approveDay = (ws: Workspace, id: string, start: string) => approveEditorsDay(ws, sink!, id, start);

const retried = `edition ${OLD}, left behind by edition ${NEW} (sending): tried again the reader whose server deferred it: sent 0, failed 1`;
const never = `edition ${OLD}, left behind by edition ${NEW} (sending): 1 of its readers not reached are not sent it after edition ${NEW}; \`digest send --edition ${OLD}\` sends it to them`;

describe('an older edition left behind, told to an operator', () => {
  it('the dry run says what the tick would do about it; the tick names its readers never reached once, status every time', async () => {
    const ws = makeWorkspace(`schedule: "0 7 * * *"\ndelivery:\n  rate: 1000\n  connections: 1\n`);
    const store = openStore(ws.stateDir);
    for (const email of [ANA, FULL, BOB]) store.addSubscriber({ email });
    store.close();
    // FULL's mailbox is full for days; BOB's server refuses yesterday's edition, then takes mail again
    sink = await startSink({
      rejectRcpt: (a) => (a === FULL ? { code: 452, text: '4.2.2 Mailbox full, try again later' } : a === BOB ? { code: 550, text: '5.7.1 Refused by policy' } : null),
    });
    const tick = (now: string, ...more: string[]) => cli(ws, ['tick', '--out', ws.outDir, '--now', now, ...more]);

    await approveDay(ws, OLD, '2026-11-22');
    await tick('2026-11-23T05:10:00Z');
    sink.set({ rejectRcpt: (a) => (a === FULL ? { code: 452, text: '4.2.2 Mailbox full, try again later' } : null) });
    await approveDay(ws, NEW, OLD);
    const next = await tick('2026-11-24T05:10:00Z');
    expect(next.stdout, next.stderr).toMatch(/^edition 2026-11-24 is due: sent 2, failed 1 /);
    expect(next.stdout).toContain(`  ${retried}\n`);
    expect(next.stdout).toContain(`  ${never}\n`);

    // the dry run: besides the newer edition's reader whose server deferred it, the step sees to the edition left
    // behind, and says so
    const dry = await tick('2026-11-24T05:15:00Z', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^dry run: edition 2026-11-24 is due\n {2}would send the approved copy of edition 2026-11-24 .* to 1 recipient\(s\) left of the 3 planned\n/);
    expect(dry.stdout).toContain(`\n  would try again edition ${OLD}, left behind by edition ${NEW} (sending), for the reader whose server deferred it\n`);
    expect(dry.stdout).toContain(
      `\n  would not send edition ${OLD}, left behind by edition ${NEW} (sending), to the reader it never reached; \`digest send --edition ${OLD}\` sends it to them\n`,
    );
    expect(dry.stdout).toMatch(/\n {2}nothing was changed; next edition at /);

    // the next ticks: the retry is an attempt and is said; the readers never reached, unchanged, are not said again
    for (const now of ['2026-11-24T05:20:00Z', '2026-11-24T05:30:00Z']) {
      const again = await tick(now);
      expect(again.stdout, again.stderr).toContain(`  ${retried}\n`);
      expect(again.stdout).not.toContain('not reached');
    }
    // and status, asked, says how it stands
    const status = await cli(ws, ['status', '--now', '2026-11-24T05:40:00Z']);
    expect(status.stdout).toContain(`  left behind edition ${OLD}: 2 of its 3 recipients not reached`);

    // sent to them by hand: nothing more to say
    const sent = await cli(ws, ['send', '--edition', OLD, '--out', ws.outDir]);
    expect(sent.stdout, sent.stderr).toContain('sent 1');
    const quiet = await tick('2026-11-24T05:50:00Z');
    expect(quiet.stdout).not.toContain('not reached');
  });
});
