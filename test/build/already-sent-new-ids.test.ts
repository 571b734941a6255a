// A feed that gives its items new ids after an edition went out (a new CMS, guids from http:// to https://) must
// not bring them back: an item with the same feed, canonical link and title as a sent one is `already-sent`.
// An item that only shares a sent item's link (a feed that links many items to one page) is new.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOffline, runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-new-ids-'));
const cfg = path.join(dir, 'digest.config.yaml');
const feedFile = path.join(dir, 'wire.xml');
const out = path.join(dir, 'out');
let sink: Sink;
let env: Record<string, string>;

interface FeedItem {
  guid: string;
  link: string;
  title: string;
  date: string;
  text: string;
}

const rss = (items: FeedItem[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Wire</title><link>https://harbour.example/</link><description>x</description>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.guid}</guid><pubDate>${i.date}</pubDate><description>${i.text}</description></item>`).join('\n')}
</channel></rss>`;

const talks = {
  link: 'https://harbour.example/2026/11/grain-talks?utm_source=rss',
  title: 'Envoys reopen grain corridor talks in Istanbul',
  date: 'Wed, 18 Nov 2026 09:00:00 +0000',
  text: 'Ukrainian and Turkish envoys reopened talks in Istanbul on Wednesday about the grain corridor, with UN mediators present.',
};
const drones = {
  link: 'https://harbour.example/2026/11/drone-factory',
  title: 'Drone factory opens near Lviv with Danish money',
  date: 'Thu, 19 Nov 2026 10:00:00 +0000',
  text: 'A factory built with Danish funds began making long-range drones near Lviv on Thursday, the defence ministry said.',
};

beforeAll(async () => {
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'new-ids-test-secret-0123456789abcdef' };
  writeFileSync(
    cfg,
    `title: Harbour Watch
timezone: Europe/Kyiv
window: 7d
feeds:
  - name: Harbour Wire
    id: harbour
    path: ${feedFile}
themes:
  - id: talks
    title: Talks
    keywords: [talks, envoys]
email:
  from: "Harbour Watch <digest@harbour.example>"
  baseUrl: https://harbour.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  expect((await runCli(['subscribers', 'add', 'eve@reader.example', '--config', cfg], { env })).code).toBe(0);
});
afterAll(() => sink.close());

const build = async (now: string, name: string) => {
  const { result, edition } = await buildOffline(cfg, now, path.join(out, name));
  expect(result.code, result.stderr).toBe(0);
  return { id: edition!.edition.id, edition: edition! };
};
const titles = (e: Edition) => e.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => i.title))).sort();

describe('already-sent under new ids', () => {
  it('leaves out a sent item whose feed gave it a new id, and keeps a new item that shares only its link', async () => {
    writeFileSync(feedFile, rss([{ guid: 'post-101', ...talks }, { guid: 'post-102', ...drones }]));
    const first = await build('2026-11-20T07:00:00+02:00', 'a');
    expect(titles(first.edition)).toEqual([drones.title, talks.title].sort());
    const sent = await runCli(['send', '--config', cfg, '--edition', first.id, '--out', path.join(out, 'a')], { env });
    expect(sent.code, sent.stderr).toBe(0);
    expect(sink.received).toHaveLength(1);

    // the site moved to new ids; its links lose the tracking parameter, its titles stay
    const later = {
      link: 'https://harbour.example/2026/11/grain-talks',
      title: 'Port workers strike over unpaid wages in Odesa',
      date: 'Sat, 21 Nov 2026 08:00:00 +0000',
      text: 'Dock workers in Odesa stopped work on Saturday over three months of unpaid wages, their union said.',
    };
    writeFileSync(
      feedFile,
      rss([
        { guid: 'https://harbour.example/?p=101', ...talks, link: 'https://harbour.example/2026/11/grain-talks' },
        { guid: 'https://harbour.example/?p=102', ...drones, title: `  ${drones.title.toUpperCase()} ` },
        { guid: 'https://harbour.example/?p=103', ...later },
      ]),
    );
    const second = await build('2026-11-22T07:00:00+02:00', 'b');
    expect(titles(second.edition)).toEqual([later.title]);
    const already = second.edition.excluded.filter((e) => e.reason === 'already-sent');
    expect(already.map((e) => e.guid).sort()).toEqual(['https://harbour.example/?p=101', 'https://harbour.example/?p=102']);
    expect(already[0].detail).toMatch(/under another id \(same link and title\)/);
  }, 240_000); // four CLI runs: seconds each on an idle machine, up to a minute on a busy shared one
});
