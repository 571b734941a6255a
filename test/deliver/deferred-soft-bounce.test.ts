// A message given up after its reader's server deferred it for over five days counts as one soft bounce against the
// address, never a hard one: an address that defers edition after edition (a mailbox full for months) is dropped once
// the soft-bounce limit is reached (3 editions within 30 days by default), and never on the first. Through
// `digest approve`, `digest tick --now` (its clock is the send's) and `digest subscribers list`, against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, startSink, workspaceWithReaders, writeEditionFile, type Sink, type Workspace } from './support.js';

// retries back off for seconds, and many CLI runs: allow for a busy two-core machine
vi.setConfig({ testTimeout: 600_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const FULL = 'mia@full.example';
const ANA = 'ana@example.net';

function cli(ws: Workspace, args: string[], smtpUrl: string) {
  return runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: smtpUrl } });
}

/** the week's edition (Monday 07:00 in Kyiv), written and approved as an editor would */
async function approveWeek(ws: Workspace, id: string, start: string, smtpUrl: string) {
  const e = makeEdition(id);
  e.edition.start = `${start}T07:00:00.000+02:00`;
  e.edition.end = `${id}T07:00:00.000+02:00`;
  // this week's news: other articles than last week's (an edition carrying sent stories is refused)
  for (const story of e.sections.flatMap((s) => s.stories)) {
    story.title = `${story.title} (${id})`;
    story.url = `${story.url}-${id}`;
    for (const it of story.items) Object.assign(it, { guid: `${it.guid}-${id}`, url: `${it.url}-${id}`, title: story.title });
  }
  writeEditionFile(ws.outDir, e);
  const r = await cli(ws, ['approve', '--edition', id, '--out', ws.outDir], smtpUrl);
  expect(r.code, r.stdout + r.stderr).toBe(0);
}

function subscriber(ws: Workspace, email: string) {
  const store = openStore(ws.stateDir);
  try {
    return store.findSubscriber(email);
  } finally {
    store.close();
  }
}

describe('a reader whose server defers every edition', () => {
  it('counts one soft bounce per edition given up, and is dropped at the soft-bounce limit, not before', async () => {
    const { ws } = workspaceWithReaders(1, [ANA, FULL]);
    sink = await startSink({ rejectRcpt: (a) => (a === FULL ? { code: 452, text: '4.2.2 Mailbox full, try again later' } : null) });
    const tick = (now: string) => cli(ws, ['tick', '--out', ws.outDir, '--now', now], sink!.url);
    const weeks = [
      { id: '2026-11-23', start: '2026-11-16', first: '2026-11-23T05:10:00Z', late: '2026-11-28T05:20:00Z' },
      { id: '2026-11-30', start: '2026-11-23', first: '2026-11-30T05:10:00Z', late: '2026-12-05T05:20:00Z' },
      { id: '2026-12-07', start: '2026-11-30', first: '2026-12-07T05:10:00Z', late: '2026-12-12T05:20:00Z' },
    ];
    const counted = ['counted as soft bounce 1 of 3 within 30 days (one per edition); the address stays subscribed', 'counted as soft bounce 2 of 3 within 30 days (one per edition); the address stays subscribed'];
    for (const [i, w] of weeks.entries()) {
      await approveWeek(ws, w.id, w.start, sink.url);
      const first = await tick(w.first);
      expect(first.code, `${w.first}: ${first.stdout}${first.stderr}`).toBe(1); // deferred: left for the next step
      expect(first.stdout).not.toMatch(/gave up/);
      const late = await tick(w.late);
      expect(late.code, `${w.late}: ${late.stdout}${late.stderr}`).toBe(0);
      const gaveUp = /gave up on mia@full\.example: .*over 5 days; not tried again for this edition; (.*)\)\n/.exec(late.stdout);
      expect(gaveUp, late.stdout).not.toBeNull();
      if (i < 2) {
        expect(gaveUp![1]).toBe(counted[i]);
        // a soft bounce, never a hard failure: still subscribed
        expect(subscriber(ws, FULL)).toMatchObject({ status: 'active', hardFailures: 0 });
      } else {
        expect(gaveUp![1]).toBe('counted as a soft bounce: the address is now bounced (active → bounced (soft-bounces))');
      }
    }
    expect(subscriber(ws, FULL)).toMatchObject({ status: 'bounced', hardFailures: 0 });
    const list = await cli(ws, ['subscribers', 'list', '--status', 'bounced'], sink.url);
    expect(list.stdout).toContain(FULL);
    // the status line counts them among the list's soft bounces
    const status = await cli(ws, ['status', '--now', '2026-12-12T06:00:00Z'], sink.url);
    expect(status.stdout).toMatch(/list health last 30 days: 1 bounced \(1 soft-bounces\), 0 unsubscribed, 3 soft bounces counted/);
    // the next edition goes to the other reader only
    await approveWeek(ws, '2026-12-14', '2026-12-07', sink.url);
    const asked = sink.rcptAttempts.get(FULL);
    const next = await tick('2026-12-14T05:10:00Z');
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(sink.rcptAttempts.get(FULL)).toBe(asked); // not tried: no longer on the list
    expect(sink.received.filter((m) => m.to.includes(ANA))).toHaveLength(4);
  });
});
