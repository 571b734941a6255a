// In a digest about one subject every story's meaning leans the subject's way (the war, Ukraine, Russia), and so
// does the theme nearest that direction: a story of the talks that speaks of shelling reads as fighting. Read
// without what every story of the edition shares, what is particular to it decides. A digest of distinct
// subjects and an edition too small to tell its subject from its news are read as before; a bare headline is read
// with the subject (and against each theme's nearest keyword: nearest-keyword.test.ts).
import { describe, expect, it } from 'vitest';
import { assignTheme, assignThemes } from '../../src/theme/index.js';
import { MIN_SUBJECT_STORIES } from '../../src/theme/score.js';
import { cluster } from './items.js';
import { TOPIC_THEMES, TOPIC_WEEK } from './topic-themes.js';
import { WAR_THEMES, WAR_WEEK } from './war-themes.js';

/** A story of the talks: no keyword in its headline, one of the fighting theme's in its text. */
const GENERALS = {
  title: 'What the generals discussed in Riyadh',
  text: 'Officers of both general staffs spent a day in Riyadh on maps of a possible line of separation, on who would watch it, and on how shelling along it would be reported and answered.',
};

const stories = (week: [string, string][]) => week.map(([title, text]) => cluster({ title, text }));

describe("a story's meaning in a digest about one subject", () => {
  it('is read without what every story of the edition shares: the generals\' talks go to the talks', () => {
    // the premise: read plainly, the shelling and the general staffs make it fighting
    expect(assignTheme(cluster(GENERALS), WAR_THEMES).themeId).toBe('fighting');
    const decision = assignThemes([...stories(WAR_WEEK), cluster(GENERALS)], WAR_THEMES).at(-1)!;
    expect(decision.themeId).toBe('talks');
    expect(decision.why.join(' ')).toMatch(/meaning closer to this theme by 0\.\d\d, half by its nearest keyword, without what the edition's stories share/);
  });

  it('a story whose plain meaning clearly leads one theme is not taken for one off the subject, whichever theme wins', () => {
    // plainly nearest fighting by far, and nearest talks without the subject: it fits a theme, so not Other
    const wounded = cluster({
      title: 'Wounded soldiers come home through Qatar',
      text: 'Qatar brokered the return of 38 badly wounded Ukrainian soldiers from Russian captivity; they crossed at the Belarus border on Tuesday and were taken to hospitals in Kyiv.',
    });
    expect(assignTheme(wounded, WAR_THEMES).themeId).toBe('fighting');
    const decision = assignThemes([...stories(WAR_WEEK), wounded], WAR_THEMES).at(-1)!;
    expect(decision.themeId).toBe('talks');
    expect(decision.why.join(' ')).not.toMatch(/off the digest's subject/);
  });

  it('an edition too small to tell its subject from its news reads meanings plainly', () => {
    const few = stories(WAR_WEEK).slice(0, MIN_SUBJECT_STORIES - 2);
    expect(assignThemes([...few, cluster(GENERALS)], WAR_THEMES).at(-1)!.themeId).toBe('fighting');
  });

  it('a bare headline is read with the subject: its few words are most of what it says', () => {
    const headline = cluster({ title: GENERALS.title });
    const alone = assignTheme(headline, WAR_THEMES);
    const inEdition = assignThemes([...stories(WAR_WEEK), headline], WAR_THEMES).at(-1)!;
    expect(inEdition.themeId).toBe(alone.themeId);
    expect(inEdition.why.join(' ')).not.toMatch(/without what the edition's stories share/);
  });

  it('a digest of distinct subjects reads every story as it would alone', () => {
    const week = stories(TOPIC_WEEK);
    const inEdition = assignThemes(week, TOPIC_THEMES);
    expect(inEdition).toEqual(week.map((story) => assignTheme(story, TOPIC_THEMES)));
    // and they are sorted at all: not every story in Other
    expect(new Set(inEdition.map((d) => d.themeId)).size).toBeGreaterThanOrEqual(3);
  });
});
