// The scheduler stopped for weeks (a machine left off, a timer disabled after an upgrade) and started again. With
// `catchUp: latest` the next step sends one edition that reaches back to the end of the last one that went out, as
// docs/operations.md promises, however many firings were missed: the reader gets what the feeds still hold of the
// missed weeks, with the edition's dates saying how far back it reaches. A daily digest stopped for twelve weeks
// misses more firings than the scheduler looked back through (60), and its next edition covered one day and said it
// covered 59 missed firings.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { startSink, type Sink } from '../deliver/support.js';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

let sink: Sink;
let env: Record<string, string>;

beforeAll(async () => {
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'long-stop-secret-0123456789abcdef' };
});
afterAll(() => sink.close());

const STORIES: [string, string, string][] = [
  ['2026-08-31', 'Odesa port reopens berth after drone damage', 'Engineers restored the damaged berth in Odesa and the first grain ship loaded there on Tuesday.'],
  ['2026-09-15', 'Parliament passes bill on veterans housing', 'Lawmakers approved a programme of flats for returning soldiers and their families.'],
  ['2026-10-20', 'Poland and Ukraine agree on a new border crossing', 'A road crossing for lorries is to open next spring near the town of Rava-Ruska.'],
  ['2026-11-22', 'Power grid operator warns of winter blackouts', 'The operator said repairs to substations would not be finished before the first frosts.'],
];

/** The feed as it stood on `day`: the stories published by then, newest first. */
function feedOn(day: string): string {
  const items = STORIES.filter(([d]) => d <= day)
    .reverse()
    .map(([d, title, text], i) => `<item><title>${title}</title><link>https://harbour.example/${d}/${i}</link><guid>${d}</guid><pubDate>${new Date(`${d}T10:00:00Z`).toUTCString()}</pubDate><description>${text}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><link>https://harbour.example/</link>${items.join('')}</channel></rss>`;
}

describe('the scheduler started again after weeks stopped', () => {
  it('sends one edition from the end of the last one that went out, also past 60 missed firings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-long-stop-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(
      cfg,
      `title: Daily Watch
timezone: UTC
schedule: "0 7 * * *"
window: 1d
feeds:
  - name: Harbour
    path: feed.xml
themes:
  - id: arms
    title: Arms
    keywords: [air defence]
email:
  from: "Daily Watch <digest@daily.example>"
  baseUrl: https://daily.example
  address: "1 Example Street, Kyiv"
state: state
`,
    );
    expect((await runCli(['subscribers', 'add', 'sam@reader.example', '--config', cfg], { env })).code).toBe(0);
    const out = path.join(dir, 'out');
    writeFileSync(path.join(dir, 'feed.xml'), feedOn('2026-09-01'));
    const first = await runCli(['tick', '--config', cfg, '--out', out, '--now', '2026-09-01T07:10:00Z'], { env });
    expect(first.stdout, first.stderr).toMatch(/^edition 2026-09-01 is due: sent 1/);
    // twelve weeks later: 83 daily firings missed
    writeFileSync(path.join(dir, 'feed.xml'), feedOn('2026-11-23'));
    const before = sink.received.length;
    const late = await runCli(['tick', '--config', cfg, '--out', out, '--now', '2026-11-23T07:10:00Z'], { env });
    expect(late.code, late.stderr).toBe(0);
    // 2 September to 22 November: the firings between the edition that went out and this one, not the 59 looked back through
    expect(late.stdout).toMatch(/^edition 2026-11-23 is due; it also covers 82 missed firing\(s\): sent 1/);
    const edition = JSON.parse(readFileSync(path.join(out, '2026-11-23', 'digest.json'), 'utf8')) as Edition;
    expect(edition.edition.start).toBe('2026-09-01T07:00:00.000Z');
    const titles = edition.sections.flatMap((s) => s.stories.map((st) => st.title)).sort();
    expect(titles).toEqual(STORIES.slice(1).map(([, t]) => t).sort());
    expect(sink.received).toHaveLength(before + 1);
    const text = (await simpleParser(sink.received[before].raw)).text ?? '';
    // the email says how far back it reaches
    expect(text).toMatch(/1 Sept?(ember)? – 23 Nov(ember)? 2026/);
  }, 240_000);
});
