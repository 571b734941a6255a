// The section a feed tags an item with (RSS <category>, JSON Feed tags) reaches the sections through the
// whole build: a headline that says nothing of its section goes where its feed put it, and `why` says so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline, placeOf } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-feed-categories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  path.join(dir, 'wire.xml'),
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>Five questions answered</title><link>https://wire.test.example/1</link><guid>w1</guid><pubDate>Tue, 17 Nov 2026 08:00:00 +0000</pubDate><category>Public health</category></item>
<item><title>Heavy rain expected across the north this weekend</title><link>https://wire.test.example/2</link><guid>w2</guid><pubDate>Tue, 17 Nov 2026 09:00:00 +0000</pubDate><category>Front line</category></item>
</channel></rss>`,
);
writeFileSync(
  path.join(dir, 'notes.json'),
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Notes',
    items: [{ id: 'n1', url: 'https://notes.test.example/1', title: 'A long road back', date_published: '2026-11-17T10:00:00Z', tags: ['Markets'] }],
  }),
);
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Morning News\ntimezone: UTC\nwindow: 7d\nfeeds:\n  - name: Wire\n    path: wire.xml\n  - name: Notes\n    path: notes.json\n` +
    `themes:\n` +
    `  - id: business\n    title: Business & markets\n    description: Companies, markets, the economy and money.\n    keywords: [stocks, economy, company, profit, bank, investors]\n` +
    `  - id: health\n    title: Health\n    description: Diseases, medicine, hospitals and public health.\n    keywords: [disease, cancer, doctors, hospital, vaccine]\n` +
    `other: Other news\nstate: state\n`,
);

describe('the feed’s own category for an item', () => {
  it('puts a headline that says nothing of its section where its feed tagged it, and leaves an unrelated tag unread', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-18T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    const where = (title: string) => placeOf(edition, title);
    expect(where('Five questions answered')).toEqual({ section: 'health', why: expect.arrayContaining(['filed under "public health" (feed category)']) });
    expect(where('A long road back')).toEqual({ section: 'business', why: expect.arrayContaining(['filed under "markets" (feed category)']) });
    // "Front line" names no theme: nothing is read from it
    expect(where('Heavy rain expected across the north this weekend').why.join(' ')).not.toContain('feed category');
  });
});
