// An unscoped headline that joined an in-scope story (src/cluster/scope.ts) and then left it again, because
// its own section clearly differs and it shares only one word with the story (src/theme/split.ts), is a story of
// its own that names nothing of the scope: it is left out as out-of-scope, never shown. Through the whole build;
// fails on the code that showed it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-scope-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FEEDS: Record<string, string[]> = {
  wire: ['Russian missiles hit Kharkiv power plant overnight', 'Ukraine asks allies for more air defence'],
  herald: ['Kharkiv orchestra wins a European music award', 'Film festival opens with a comedy premiere'],
};
for (const [feed, titles] of Object.entries(FEEDS)) {
  writeFileSync(
    path.join(dir, `${feed}.xml`),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>${feed}</title><link>https://${feed}.test.example/</link>
${titles.map((title, i) => `<item><title>${title}</title><link>https://${feed}.test.example/${i}</link><guid>${feed}-${i}</guid><pubDate>Tue, 17 Nov 2026 ${String(8 + 2 * i).padStart(2, '0')}:30:00 +0000</pubDate></item>`).join('\n')}
</channel></rss>`,
  );
}
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Ukraine Weekly\ntimezone: UTC\nwindow: 7d\nscope:\n  include: [Ukraine, Russian]\nfeeds:\n` +
    Object.keys(FEEDS).map((f) => `  - name: ${f}\n    path: ${f}.xml\n`).join('') +
    `themes:\n` +
    `  - id: war\n    title: War\n    description: Strikes, missiles and air defence.\n    keywords: [missiles, strike, air defence, drones]\n` +
    `  - id: culture\n    title: Culture\n    description: Music, film and the arts.\n    keywords: [music, award, film, festival, orchestra]\n` +
    `other: Other news\nstate: state\n`,
);

describe('an unscoped headline split off its story again', () => {
  it('is left out as out-of-scope, and every story shown has a report that names the subject', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-18T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    const shown = edition.sections.flatMap((s) => s.stories.map((st) => st.items.map((it) => it.title)));
    expect(shown.flat()).not.toContain('Kharkiv orchestra wins a European music award');
    expect(edition.excluded.find((e) => e.title === 'Kharkiv orchestra wins a European music award')?.reason).toBe('out-of-scope');
    for (const story of shown) expect(story.some((t) => /Ukraine|Russian/.test(t))).toBe(true);
  });
});
