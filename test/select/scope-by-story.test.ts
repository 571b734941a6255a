// The digest's scope is judged per story: a bare headline that names none of the scope's terms is in the
// edition when it tells a story that in-scope reports tell too, and out when no report of its story names the
// subject. From a feed that is not about the subject it must also share a rare word with those reports, and a
// country's name ("Ukrainian" beside "Ukraine") is never what it shares. Through the whole build, on headline-only feeds (as many real feeds are). Outlets, places and events
// are invented or generic; it fails on the code that judged each headline alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-scope-story-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// wire and courier are about the subject (half their reports or more name it), herald and gazette are not
const STRIKE = [
  ['wire', 'Russian missiles hit power plant in Ukraine’s Kharkiv region', '08:00'],
  ['herald', 'Missiles knock out Kharkiv power plant', '09:10'],
  ['gazette', 'Power plant in Kharkiv region destroyed by missile strike', '10:20'],
] as const;
/** the second report names no scope term and shares only common words with the first and MORE's: its feed is about the subject */
const GRAIN = [
  ['wire', 'Kyiv and Warsaw sign grain transit deal', '12:00'],
  ['courier', 'Grain transit deal signed in Warsaw', '12:40'],
] as const;
const MORE = [['courier', 'Kyiv and Warsaw agree on grain transit', '11:30']] as const;
/** one event two outlets told, neither naming the subject: not this digest's */
const CHESS = [
  ['wire', 'Chess olympiad opens in Budapest with 180 teams', '13:00'],
  ['herald', '180 teams open chess olympiad in Budapest', '14:00'],
] as const;
const RAIN = [['gazette', 'Heavy rain floods streets of Lisbon', '15:00']] as const;
/** names no scope term and shares only common words with an in-scope story, from a feed not about the subject */
const ORCHESTRA = [['herald', 'Warsaw orchestra signs record deal', '16:00']] as const;
const BAKERY = [['gazette', 'Local bakery wins national prize', '17:00']] as const;
/**
 * names the subject only by a word the scope does not list (the contract: a derived word needs its own term), and
 * shares nothing but countries with an in-scope report
 */
const EMBASSY = [['wire', 'Ukraine opens an embassy in Chile', '17:30']] as const;
const CHOIR = [['wire', 'Ukrainian choir tours Chile', '18:00']] as const;

/**
 * a general feed of whole articles: one names the subject, one headline shares only common words with a story,
 * and three articles name no scope term (left out before clustering, they still count against the feed)
 */
const DAILY = [
  ['daily', 'Russian strike cuts power across Kharkiv', '11:00'],
  ['daily', 'Warsaw bakery signs a supply deal', '19:00'],
] as const;
const ARTICLE = 'The council met on Monday evening and approved the plan after a long debate. '.repeat(8).trim();
const DAILY_ARTICLES = ['City council approves new cycle lanes', 'Museum extends its opening hours', 'Schools prepare for the winter term'];

const FEEDS = ['wire', 'courier', 'herald', 'gazette', 'daily'];
const ALL = [...STRIKE, ...GRAIN, ...MORE, ...CHESS, ...RAIN, ...ORCHESTRA, ...BAKERY, ...EMBASSY, ...CHOIR, ...DAILY];
for (const feed of FEEDS) {
  const items = ALL.map((it, i) => ({ it, i })).filter(({ it }) => it[0] === feed);
  writeFileSync(
    path.join(dir, `${feed}.xml`),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>${feed}</title><link>https://${feed}.test.example/</link>
${items.map(({ it, i }) => `<item><title>${it[1]}</title><link>https://${feed}.test.example/${i}</link><guid>${feed}-${i}</guid><pubDate>Tue, 17 Nov 2026 ${it[2]}:00 +0000</pubDate></item>`).join('\n')}
${feed === 'daily' ? DAILY_ARTICLES.map((title, i) => `<item><title>${title}</title><link>https://daily.test.example/a${i}</link><guid>daily-a${i}</guid><pubDate>Tue, 17 Nov 2026 0${i + 6}:00:00 +0000</pubDate><description>${ARTICLE}</description></item>`).join('\n') : ''}
</channel></rss>`,
  );
}
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Ukraine Weekly\ntimezone: UTC\nwindow: 7d\nscope:\n  include: [Ukraine, Russia, Russian, Kyiv]\nfeeds:\n` +
    FEEDS.map((f) => `  - name: ${f[0].toUpperCase()}${f.slice(1)}\n    path: ${f}.xml\n`).join('') +
    `themes:\n` +
    `  - id: war\n    title: War\n    description: Strikes, missiles and the fighting.\n    keywords: [missiles, strike, drones, shelling]\n` +
    `  - id: economy\n    title: Economy\n    description: Trade, grain and energy.\n    keywords: [grain, trade, exports]\n` +
    `other: Other news\nstate: state\n`,
);

describe('the scope judged per story', () => {
  it('keeps headlines that name no scope term when in-scope reports tell their story, and leaves out the rest', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-18T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    const stories = edition.sections.flatMap((s) => s.stories);
    const storyOf = (title: string) => stories.find((st) => st.items.some((it) => it.title === title));
    const strike = storyOf(STRIKE[0][1]);
    expect(strike?.items.map((it) => it.title)).toEqual(expect.arrayContaining(STRIKE.map((it) => it[1])));
    for (const [feed] of STRIKE) expect(strike?.sources).toContain(`${feed[0].toUpperCase()}${feed.slice(1)}`);
    expect(storyOf(GRAIN[1][1])).toBe(storyOf(GRAIN[0][1]));
    for (const [, title] of [...MORE, ...EMBASSY]) expect(storyOf(title)).toBeDefined();

    const out = (title: string) => edition.excluded.find((e) => e.title === title);
    expect(storyOf(DAILY[0][1])).toBe(strike);
    for (const [, title] of [...CHESS, ...RAIN, ...ORCHESTRA, ...BAKERY, ...CHOIR, DAILY[1]]) {
      expect(out(title)?.reason).toBe('out-of-scope');
      expect(out(title)?.detail).toBe('matches no include term');
    }
    // every item is accounted for once: in a story or excluded
    const shown = stories.flatMap((st) => st.items.map((it) => it.title));
    expect(shown.length + edition.excluded.length).toBe(ALL.length + DAILY_ARTICLES.length);
  });
});
