// Two weekly editions of the same feeds, the first sent to a reader over SMTP: what the feeds show the week after
// an edition went out, and what the next edition makes of it. Feeds are files (`path:`), one RSS document each,
// rewritten between the editions as a publisher's feed changes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { buildOffline, runCli } from '../helpers/cli.js';
import { startSink } from '../deliver/support.js';
import type { Edition } from '../../src/types.js';

export interface RssItem {
  guid?: string;
  link?: string;
  title: string;
  /** RFC 822 date; none: an undated item */
  date?: string;
  text: string;
  /** more XML inside the <item> */
  extra?: string;
}

export const WEEK_1 = 'Wed, 18 Nov 2026 09:00:00 +0000';
export const WEEK_2 = 'Wed, 25 Nov 2026 09:00:00 +0000';

/** An RSS 2.0 document of the site `id` (https://ID.example/) with these items. */
export function rssDoc(id: string, items: RssItem[]): string {
  const item = (i: RssItem) =>
    `<item><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}${i.guid ? `<guid>${i.guid}</guid>` : ''}${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<description>${i.text}</description>${i.extra ?? ''}</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>${id}</title><link>https://${id}.example/</link><description>news</description>
${items.map(item).join('\n')}
</channel></rss>`;
}

/**
 * Build the edition of 23 November 2026 (Europe/Kyiv, 7 days) from `week1` (feed id → document), send it to one
 * reader, then build the edition of 30 November from `week2`; both editions as digest.json has them.
 */
export async function sentThenNext(week1: Record<string, string>, week2: Record<string, string>): Promise<{ first: Edition; second: Edition }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-two-editions-'));
  const cfg = path.join(dir, 'digest.config.yaml');
  const feedFile = (id: string) => path.join(dir, `${id}.xml`);
  writeFileSync(
    cfg,
    [
      'title: Weekly Watch',
      'timezone: Europe/Kyiv',
      'window: 7d',
      'feeds:',
      ...Object.keys(week1).flatMap((id) => [`  - name: ${id}`, `    id: ${id}`, `    path: ${feedFile(id)}`]),
      'themes:',
      '  - id: talks',
      '    title: Talks',
      '    keywords: [talks]',
      'email:',
      '  from: "Weekly Watch <digest@watch.example>"',
      '  baseUrl: https://watch.example',
      '  address: "1 Example Street, Kyiv"',
      'state: state',
      '',
    ].join('\n'),
  );
  const sink = await startSink();
  try {
    const env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'two-editions-secret-0123456789abcdef' };
    expect((await runCli(['subscribers', 'add', 'eve@reader.example', '--config', cfg], { env })).code).toBe(0);
    for (const [id, doc] of Object.entries(week1)) writeFileSync(feedFile(id), doc);
    const a = await buildOffline(cfg, '2026-11-23T07:00:00+02:00', path.join(dir, 'out-1'));
    expect(a.result.code, a.result.stderr).toBe(0);
    const sent = await runCli(['send', '--config', cfg, '--edition', a.edition!.edition.id, '--out', path.join(dir, 'out-1')], { env });
    expect(sent.code, sent.stderr).toBe(0);
    expect(sink.received).toHaveLength(1);
    for (const [id, doc] of Object.entries(week2)) writeFileSync(feedFile(id), doc);
    const b = await buildOffline(cfg, '2026-11-30T07:00:00+02:00', path.join(dir, 'out-2'));
    expect(b.result.code, b.result.stderr).toBe(0);
    return { first: a.edition!, second: b.edition! };
  } finally {
    await sink.close();
  }
}

/** `feed|title` of every item in the edition's stories, sorted */
export function itemsIn(edition: Edition): string[] {
  return edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => `${i.feed}|${i.title}`))).sort();
}

/** `feed|guid: detail` of every item left out as already sent, sorted */
export function alreadySent(edition: Edition): string[] {
  return edition.excluded.filter((e) => e.reason === 'already-sent').map((e) => `${e.feed}|${e.guid}: ${e.detail ?? ''}`).sort();
}
