// A theme of a digest about one subject gathers several kinds of its news (talks, visits, prisoner swaps,
// sanctions), and its whole meaning is their blur: a story of one kind sits nearer the blur of another theme than
// of its own. There a story's meaning is read half against each theme's nearest keyword. A digest of distinct
// subjects reads its stories as before.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignTheme, assignThemes } from '../../src/theme/index.js';
import { ROOT } from '../eval/build.js';
import { readSetDir } from '../eval/set-format.js';
import { teasersOf } from '../eval/sets.js';
import { cluster } from './items.js';
import { TOPIC_THEMES, TOPIC_WEEK } from './topic-themes.js';
import { WAR_THEMES, WAR_WEEK } from './war-themes.js';

const WAR_HEADLINES = WAR_WEEK.map(([title]) => title);
const TOPIC_HEADLINES = TOPIC_WEEK.map(([title]) => title);

const bare = (titles: string[]) => titles.map((title) => cluster({ title }));

/** A fixture week read as teasers, one story per labelled event, and the decision for each event. */
function weekByEvent(name: string): Map<string, { themeId: string | null; label: string | null }> {
  const set = teasersOf(readSetDir(path.join(ROOT, 'test', 'fixtures', name)));
  const events = new Map<string, typeof set.items>();
  for (const item of set.items) events.set(item.event ?? item.id, [...(events.get(item.event ?? item.id) ?? []), item]);
  const stories = [...events.values()].map((items) =>
    cluster(...items.map((i) => ({ feed: set.feedIds.get(i.outlet), guid: i.id, title: i.title, text: i.text, published: i.published }))),
  );
  const decisions = assignThemes(stories, set.meta.themes);
  return new Map([...events].map(([event, items], k) => [event, { themeId: decisions[k].themeId, label: items[0].theme }]));
}

describe("a story's meaning against each theme's nearest keyword, in a digest about one subject", () => {
  it('sends a bare headline of arms bought with money to the fighting, and one of sanctions to the talks', () => {
    const arms = 'Germany sends Ukraine anti-drone vehicles in new 1.2 billion euro package';
    const sanctions = 'EU agrees 20th sanctions package on Russian oil exports';
    // the premise: read against the whole themes, the money and the oil make both money stories
    expect(assignTheme(cluster({ title: arms }), WAR_THEMES).themeId).toBe('money');
    expect(assignTheme(cluster({ title: sanctions }), WAR_THEMES).themeId).toBe('money');
    const [a, s] = assignThemes(bare([...WAR_HEADLINES, arms, sanctions]), WAR_THEMES).slice(-2);
    expect(a.themeId).toBe('fighting');
    expect(s.themeId).toBe('talks');
    expect(s.why.join(' ')).toMatch(/meaning closer to this theme by 0\.\d\d, half by its nearest keyword(?!, without)/);
  });

  it("reads a week's teasers so: Italy's air defence decree goes to the fighting, a folk custom on UNESCO's list to none", () => {
    const d = weekByEvent('editorial-d');
    expect(d.get('rome-sampt')).toEqual({ themeId: 'battle', label: 'battle' });
    const e = weekByEvent('editorial-e');
    expect(e.get('malanka-unesco')).toEqual({ themeId: null, label: null });
  });

  it('leaves a digest of distinct subjects as it was: each bare headline decided as it would be alone', () => {
    const week = bare(TOPIC_HEADLINES);
    expect(assignThemes(week, TOPIC_THEMES)).toEqual(week.map((story) => assignTheme(story, TOPIC_THEMES)));
  });
});
