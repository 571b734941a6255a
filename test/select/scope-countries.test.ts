// A scope term that names a country finds the country however a report names it: its people ("Ukrainian",
// "Dutch"), its other names ("Holland") and its capital ("Kyiv"), from the world-countries data package. A capital
// or a city in the scope names less than its country and finds only itself. Through the whole build, on
// single-item stories with no other report to lend them their scope. Fails on the code that matched the words only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';
import { compileTerms } from '../../src/text/terms.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-scope-countries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IN = ['Ukrainian drones strike oil depot near the border', 'Dutch cabinet approves a second batch of jets', 'Kyiv metro reopens after repairs', 'Holland bans sale of old heaters'];
const OUT = ['Chess olympiad opens in Budapest', 'Hungarian farmers block motorway over grain prices'];

writeFileSync(
  path.join(dir, 'wire.xml'),
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
${[...IN, ...OUT].map((title, i) => `<item><title>${title}</title><link>https://wire.test.example/${i}</link><guid>w${i}</guid><pubDate>Tue, 17 Nov 2026 ${String(8 + i).padStart(2, '0')}:00:00 +0000</pubDate></item>`).join('\n')}
</channel></rss>`,
);
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Neighbours\ntimezone: UTC\nwindow: 7d\nscope:\n  include: [Ukraine, the Netherlands]\nfeeds:\n  - name: Wire\n    path: wire.xml\n` +
    `themes:\n  - id: news\n    title: News\n    description: Everything that happened.\n    keywords: [drones, jets, metro, heaters]\nother: Other news\nstate: state\n`,
);

describe('a country in the scope', () => {
  it('keeps reports that name it by its people, another name or its capital, and no others', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-18T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    const shown = edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((it) => it.title)));
    expect(shown.sort()).toEqual([...IN].sort());
    for (const title of OUT) expect(edition.excluded.find((e) => e.title === title)?.reason).toBe('out-of-scope');
  });

  it('finds the country only from its name or its people, not from a city', () => {
    const m = compileTerms(['Ukraine', 'Kyiv', 'Russian'], { countries: true });
    expect(m.find('Ukrainians return home')).toEqual(['Ukraine']);
    expect(m.find('Moscow denies it')).toEqual(['Russian']);
    expect(m.find('Ukraine and Russia')).toEqual(['Ukraine', 'Russian']);
    // "Kyiv" finds Kyiv, and its country's other names only through the term "Ukraine"
    expect(compileTerms(['Kyiv'], { countries: true }).find('Ukraine and Ukrainians')).toEqual([]);
    expect(compileTerms(['Ukraine']).find('Ukrainians and Kyiv')).toEqual([]);
  });
});
