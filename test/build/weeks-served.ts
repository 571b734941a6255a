// Several weekly editions in a row, as a digest lives them: feeds served over HTTP from 127.0.0.1 whose documents
// change between editions as publishers' feeds do, each edition built with `digest build --now` and sent with
// `digest send` to one reader through a real SMTP server. What each edition holds (digest.json) and what the reader
// got (the plain-text part of each message) are read back.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { simpleParser } from 'mailparser';
import { runCli } from '../helpers/cli.js';
import { startSink } from '../deliver/support.js';
import type { Edition } from '../../src/types.js';

export interface Week {
  /** the build's --now, e.g. 2026-11-23T07:00:00+02:00 */
  now: string;
  /** feed id → the RSS document its address serves this week */
  feeds: Record<string, string>;
  /** send the edition (default true) */
  send?: boolean;
}

export interface WeekResult {
  edition: Edition;
  /** the plain-text part the reader received; null when the edition was not sent */
  text: string | null;
}

/** Build (and send) each week in turn from the same config and state; the feeds of the first week name them all. */
export async function runWeeks(weeks: Week[], o: { extraConfig?: string[] } = {}): Promise<WeekResult[]> {
  let current: Record<string, string> = {};
  const server = createServer((req, res) => {
    const doc = current[(req.url ?? '').replace(/^\/|\.xml$/g, '')];
    if (doc === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(doc);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const sink = await startSink();
  try {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-weeks-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(
      cfg,
      [
        'title: Weekly Watch',
        'timezone: Europe/Kyiv',
        'window: 7d',
        'feeds:',
        ...Object.keys(weeks[0].feeds).flatMap((id) => [`  - name: ${id}`, `    id: ${id}`, `    url: ${base}/${id}.xml`]),
        'themes:',
        '  - id: talks',
        '    title: Talks',
        '    keywords: [talks]',
        'email:',
        '  from: "Weekly Watch <digest@watch.example>"',
        '  baseUrl: https://watch.example',
        '  address: "1 Example Street, Kyiv"',
        'fetch:',
        '  allowPrivateNetworks: true',
        '  retries: 0',
        'state: state',
        ...(o.extraConfig ?? []),
        '',
      ].join('\n'),
    );
    const env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'weeks-served-secret-0123456789abcdef' };
    expect((await runCli(['subscribers', 'add', 'eve@reader.example', '--config', cfg], { env })).code).toBe(0);
    const results: WeekResult[] = [];
    for (const [n, week] of weeks.entries()) {
      current = week.feeds;
      const out = path.join(dir, `out-${n + 1}`);
      const built = await runCli(['build', '--config', cfg, '--now', week.now, '--out', out], { env });
      expect(built.code, built.stderr).toBe(0);
      const edition = JSON.parse(readFileSync(path.join(out, readdirSync(out)[0], 'digest.json'), 'utf8')) as Edition;
      let text: string | null = null;
      if (week.send !== false) {
        const before = sink.received.length;
        const sent = await runCli(['send', '--config', cfg, '--edition', edition.edition.id, '--out', out], { env });
        expect(sent.code, sent.stderr).toBe(0);
        expect(sink.received).toHaveLength(before + 1);
        text = (await simpleParser(sink.received[before].raw)).text ?? '';
      }
      results.push({ edition, text });
    }
    return results;
  } finally {
    await sink.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

/** RSS documents as the two-edition tests write them */
export { rssDoc as rss, type RssItem } from './two-editions.js';

/** `feed|title` of every item in the edition's stories, sorted */
export function itemsOf(edition: Edition): string[] {
  return edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => `${i.feed}|${i.title}`))).sort();
}

/** `feed|guid` of every item the edition left out for `reason`, sorted */
export function leftOut(edition: Edition, reason: string): string[] {
  return edition.excluded.filter((e) => e.reason === reason).map((e) => `${e.feed}|${e.guid}`).sort();
}

/** Mondays 07:00 in Kyiv, the editions' --now */
export const MONDAYS = ['2026-11-16T07:00:00+02:00', '2026-11-23T07:00:00+02:00', '2026-11-30T07:00:00+02:00', '2026-12-07T07:00:00+02:00'];
