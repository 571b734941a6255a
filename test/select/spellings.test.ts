// A digest's terms are written in one spelling and its outlets write both: "air defence" keeps an American
// outlet's "air defense" in scope and finds it as a theme's keyword, through the whole build, and "ceasefire"
// finds "cease-fire". A rewritten ending that is another word ("four" / "for", "offence" / "offense") is not a spelling.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';
import { compileTerms } from '../../src/text/terms.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-spellings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items: [string, string][] = [
  ['Pentagon approves more air defense interceptors', 'Tue, 17 Nov 2026 08:00'],
  ['Council votes on the harbor cleanup programme', 'Tue, 17 Nov 2026 09:00'],
  ['Chess olympiad opens in Budapest', 'Tue, 17 Nov 2026 10:00'],
  ['Envoys resume cease-fire negotiations in Doha', 'Tue, 17 Nov 2026 11:00'],
];
writeFileSync(
  path.join(dir, 'wire.xml'),
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
${items.map(([title, time], i) => `<item><title>${title}</title><link>https://wire.test.example/${i}</link><guid>w${i}</guid><pubDate>${time}:00 +0000</pubDate></item>`).join('\n')}
</channel></rss>`,
);
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Defence Weekly\ntimezone: UTC\nwindow: 7d\nscope:\n  include: [air defence, harbour, ceasefire]\nfeeds:\n  - name: Wire\n    path: wire.xml\n` +
    `themes:\n` +
    `  - id: arms\n    title: Weapons\n    description: Weapons deliveries and air defence.\n    keywords: [air defence, interceptors, missiles]\n` +
    `  - id: home\n    title: At home\n    description: Towns, councils and their budgets.\n    keywords: [council, budget]\n` +
    `  - id: talks\n    title: Talks\n    description: Envoys and their talks.\n    keywords: [ceasefire, envoy]\n` +
    `other: Other news\nstate: state\n`,
);

describe('British and American spellings', () => {
  it('keep an item in scope and find a keyword in the other spelling', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-18T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    const story = (title: string) => edition.sections.flatMap((s) => s.stories.map((st) => ({ section: s.id, ...st }))).find((st) => st.title === title);
    expect(story(items[0][0])?.section).toBe('arms');
    expect(story(items[0][0])?.why).toContain('keyword: air defence (title)');
    expect(story(items[1][0])?.section).toBe('home');
    expect(edition.excluded.find((e) => e.title === items[2][0])?.reason).toBe('out-of-scope');
    expect(story(items[3][0])?.section).toBe('talks');
    expect(story(items[3][0])?.why).toContain('keyword: ceasefire (title)');
  });

  it('are matched only when asked for, and never reach another word', () => {
    expect(compileTerms(['air defence']).find('air defense')).toEqual([]);
    const m = compileTerms(['air defence', 'programme', 'labour', 'mobilization', 'four', 'offence'], { spellings: true });
    expect(m.find('Air Defense systems')).toEqual(['air defence']);
    expect(m.find('a new program of mobilisation')).toEqual(['programme', 'mobilization']);
    expect(m.find('Labor unions and their programs')).toEqual(['programme', 'labour']);
    expect(m.find('for the offense')).toEqual([]);
    // a compound written as one word, with a hyphen or as two words
    const c = compileTerms(['ceasefire', 'air strike', 'cooperation', 'email'], { spellings: true });
    expect(c.find('a cease-fire after an airstrike')).toEqual(['ceasefire', 'air strike']);
    expect(c.find('cease fire, air-strikes and co-operation')).toEqual(['ceasefire', 'air strike', 'cooperation']);
    expect(c.find('an e-mail')).toEqual([]);
    // a model's letters and number
    const models = compileTerms(['F-16', 'S400'], { spellings: true });
    expect(models.find('F16s and S-400 systems')).toEqual(['F-16', 'S400']);
    expect(compileTerms(['ceasefire']).find('a cease-fire')).toEqual([]);
  });
});
