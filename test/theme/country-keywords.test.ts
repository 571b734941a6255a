// A theme's keyword that names a country finds the country however a headline names it: its people and its
// capital ("Turkey" finds "Turkish" and "Ankara"), as the scope does (src/text/places.ts). `why` names the keyword.
// Through the whole build; fails on the code that matched the keyword's own words only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline, placeOf } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-country-keywords-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLES = ['Ankara offers its good offices once more', 'Qatari envoy lands with a new proposal', 'Missiles hit a fuel depot overnight'];
writeFileSync(
  path.join(dir, 'wire.xml'),
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
${TITLES.map((title, i) => `<item><title>${title}</title><link>https://wire.test.example/${i}</link><guid>w${i}</guid><pubDate>Tue, 17 Nov 2026 ${String(8 + 3 * i).padStart(2, '0')}:00:00 +0000</pubDate></item>`).join('\n')}
</channel></rss>`,
);
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Mediators\ntimezone: UTC\nwindow: 7d\nfeeds:\n  - name: Wire\n    path: wire.xml\n` +
    `themes:\n  - id: mediators\n    title: Mediators\n    description: Countries that carry messages between the two sides.\n    keywords: [Turkey, Qatar, mediation]\n` +
    `  - id: arms\n    title: Weapons\n    description: Weapons and strikes.\n    keywords: [missiles, drones, strike]\n` +
    `other: Other news\nstate: state\n`,
);

describe('a country among a theme’s keywords', () => {
  it('finds its capital and its people in headlines, and says which keyword', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-18T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    expect(placeOf(edition, TITLES[0])).toEqual({ section: 'mediators', why: expect.arrayContaining(['keyword: Turkey (title)']) });
    expect(placeOf(edition, TITLES[1])).toEqual({ section: 'mediators', why: expect.arrayContaining(['keyword: Qatar (title)']) });
    expect(placeOf(edition, TITLES[2]).section).toBe('arms');
  });
});
