// A word derived from a theme's keyword in a headline counts as that keyword ("immigrants" for "immigration"),
// through the whole build; a word that only begins like one ("international" for "internet"), a name's
// derived word ("Ukrainian" for "Ukraine") and a derived word in the text alone do not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline, placeOf } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-derived-keywords-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items: [string, string, string][] = [
  ['Immigrants reach the southern border after weeks on the road', '', 'Tue, 17 Nov 2026 08:00'],
  ['International students return to campus', '', 'Tue, 17 Nov 2026 09:00'],
  ['Ukrainian choir tours the prairies', '', 'Tue, 17 Nov 2026 10:00'],
  // days before the others: never one story with the first (clustering's time gap)
  ['A town counts its newcomers', 'Local officials say more immigrants settled here this year than in any year before.', 'Thu, 12 Nov 2026 11:00'],
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
  `title: Morning News\ntimezone: UTC\nwindow: 7d\nfeeds:\n  - name: Wire\n    path: wire.xml\n` +
    `themes:\n` +
    `  - id: home\n    title: Politics at home\n    description: Courts, elections and immigration inside the country.\n    keywords: [immigration, election, court, lawmakers]\n` +
    `  - id: world\n    title: The world\n    description: Other countries, summits and treaties.\n    keywords: [Ukraine, summit, treaty, foreign]\n` +
    `  - id: tech\n    title: Technology\n    description: Software, computers and the internet.\n    keywords: [internet, software, computer]\n` +
    `other: Other news\nstate: state\n`,
);

describe('a word derived from a keyword', () => {
  it('counts as the keyword in a headline only, and only when it keeps the keyword’s stem and meaning', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-18T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    const why = (title: string) => {
      const { section, why } = placeOf(edition, title);
      return { section, why: why.join(' | ') };
    };
    expect(why(items[0][0]).section).toBe('home');
    expect(why(items[0][0]).why).toContain(`keyword: immigration (title, as "immigrants")`);
    expect(why(items[1][0]).why).not.toContain('keyword: internet');
    expect(why(items[2][0]).why).not.toContain('keyword: Ukraine');
    expect(why(items[3][0]).why).not.toContain('keyword: immigration');
  });
});
