// The last word of a theme's keyword phrase, in a headline, is half that keyword ("missiles" for "ballistic missile"),
// through the whole build; a head that ends phrases of two themes ("minister": "foreign minister", "prime minister")
// counts for neither, and a head only in the text counts for nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline, placeOf } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-phrase-heads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items: [string, string, string][] = [
  ['Italy to send more SAMP/T missiles to Kyiv', '', 'Mon, 16 Nov 2026 08:00'],
  ['City council approves next year’s budget', '', 'Tue, 17 Nov 2026 09:00'],
  ['Minister resigns after hospital contract scandal', '', 'Wed, 18 Nov 2026 10:00'],
  ['Rome hosts a chess festival', 'Players and missiles of wit: the organisers promise a lively week of openings.', 'Thu, 19 Nov 2026 11:00'],
];
writeFileSync(
  path.join(dir, 'wire.xml'),
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
${items
  .map(
    ([title, description, time], i) =>
      `<item><title>${title}</title><link>https://wire.test.example/${i}</link><guid>w${i}</guid><pubDate>${time}:00 +0000</pubDate>${description ? `<description>${description}</description>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`,
);
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Diplomacy Watch\ntimezone: UTC\nwindow: 7d\nfeeds:\n  - name: Wire\n    path: wire.xml\n` +
    `themes:\n` +
    `  - id: war\n    title: War\n    description: The fighting and the arms.\n    keywords: [ballistic missile, drone attack, front line, shelling]\n` +
    `  - id: talks\n    title: Talks\n    description: Efforts to end the war.\n    keywords: [foreign minister, peace talks, sanctions, summit]\n` +
    `  - id: home\n    title: Politics\n    description: What governments and parliaments decide.\n    keywords: [prime minister, parliament, state budget, vote]\n` +
    `other: Other news\nstate: state\n`,
);

describe('the head of a keyword phrase', () => {
  it('counts in a headline as half the phrase, for the one theme whose phrases end on it', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-23T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    const why = (title: string) => {
      const { section, why } = placeOf(edition, title);
      return { section, why: why.join(' | ') };
    };
    expect(why(items[0][0])).toMatchObject({ section: 'war' });
    expect(why(items[0][0]).why).toContain('keyword: ballistic missile (title, as "missiles")');
    expect(why(items[1][0])).toMatchObject({ section: 'home' });
    expect(why(items[1][0]).why).toContain('keyword: state budget (title, as "budget")');
    expect(why(items[2][0]).why).not.toMatch(/keyword: (foreign|prime) minister/);
    expect(why(items[3][0]).why).not.toContain('keyword: ballistic missile');
  });
});
