// An edition built late: the scheduler (or the cron job running `digest send --build`) missed a week, and the next
// build comes two weeks after the last edition went out. With `catchUp: latest` (the default) that edition covers
// the gap, from the end of the last edition sent, as `digest tick` does: the missed week's news is in it, not lost.
// With `catchUp: skip` the missed week stays out, as it does for the scheduler.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOffline, runCli } from '../helpers/cli.js';
import { startSink } from '../deliver/support.js';
import { itemsIn, rssDoc, WEEK_1, WEEK_2 } from './two-editions.js';

const WEEK_3 = 'Wed, 02 Dec 2026 09:00:00 +0000';
const talks = { guid: 'h-1', link: 'https://harbour.example/talks', date: WEEK_1, title: 'Envoys reopen grain corridor talks in Istanbul', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' };
const missed = { guid: 'h-2', link: 'https://harbour.example/strike', date: WEEK_2, title: 'Port workers strike over unpaid wages in Odesa', text: 'Dock workers in Odesa stopped work over three months of unpaid wages, their union said.' };
const latest = { guid: 'h-3', link: 'https://harbour.example/rail', date: WEEK_3, title: 'Rail line to Kharkiv reopens after repairs', text: 'Trains ran again between Kyiv and Kharkiv after three weeks of repairs to a bridge, the railway said.' };

async function lateEdition(catchUp: 'latest' | 'skip') {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-late-'));
  const cfg = path.join(dir, 'digest.config.yaml');
  const feed = path.join(dir, 'harbour.xml');
  writeFileSync(
    cfg,
    `title: Weekly Watch
timezone: Europe/Kyiv
window: 7d
catchUp: ${catchUp}
feeds:
  - name: Harbour
    id: harbour
    path: ${feed}
themes:
  - id: talks
    title: Talks
    keywords: [talks]
email:
  from: "Weekly Watch <digest@watch.example>"
  baseUrl: https://watch.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  const sink = await startSink();
  try {
    const env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'late-build-secret-0123456789abcdef' };
    expect((await runCli(['subscribers', 'add', 'eve@reader.example', '--config', cfg], { env })).code).toBe(0);
    writeFileSync(feed, rssDoc('harbour', [talks]));
    const first = await buildOffline(cfg, '2026-11-23T07:00:00+02:00', path.join(dir, 'out-1'));
    expect(first.result.code, first.result.stderr).toBe(0);
    const sent = await runCli(['send', '--config', cfg, '--edition', first.edition!.edition.id, '--out', path.join(dir, 'out-1')], { env });
    expect(sent.code, sent.stderr).toBe(0);
    // the edition of 30 November was never built; the next build is on 7 December
    writeFileSync(feed, rssDoc('harbour', [latest, missed, talks]));
    const late = await buildOffline(cfg, '2026-12-07T07:00:00+02:00', path.join(dir, 'out-2'));
    expect(late.result.code, late.result.stderr).toBe(0);
    return late.edition!;
  } finally {
    await sink.close();
  }
}

describe('an edition built two weeks after the last one went out', () => {
  it('covers the missed week with catchUp: latest, from the end of the last edition sent', async () => {
    const edition = await lateEdition('latest');
    expect(edition.edition.start).toBe('2026-11-23T07:00:00.000+02:00');
    expect(itemsIn(edition)).toEqual([`harbour|${missed.title}`, `harbour|${latest.title}`]);
    expect(edition.excluded.map((e) => `${e.guid} ${e.reason}`)).toEqual(['h-1 outside-window']);
  }, 240_000);

  it('leaves the missed week out with catchUp: skip', async () => {
    const edition = await lateEdition('skip');
    expect(edition.edition.start).toBe('2026-11-30T07:00:00.000+02:00');
    expect(itemsIn(edition)).toEqual([`harbour|${latest.title}`]);
  }, 240_000);
});
