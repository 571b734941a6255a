// In a digest about one subject every story's meaning leans the subject's way (the war, Ukraine, Russia), and so
// does the theme nearest that direction: a story of the talks that speaks of shelling reads as fighting. Read
// without what every story of the edition shares, what is particular to it decides. A digest of distinct
// subjects and an edition too small to tell its subject from its news are read as before; a bare headline is read
// with the subject (and against each theme's nearest keyword: nearest-keyword.test.ts).
import { describe, expect, it } from 'vitest';
import { assignTheme, assignThemes } from '../../src/theme/index.js';
import { MIN_SUBJECT_STORIES } from '../../src/theme/score.js';
import { cluster } from './items.js';
import { TOPIC_THEMES } from './topic-themes.js';
import { WAR_THEMES } from './war-themes.js';

const WAR_WEEK: [string, string][] = [
  ['Missile strike on Dnipro kills four', 'A Russian missile hit a residential block in Dnipro overnight, killing four people and wounding eleven, the regional governor said.'],
  ['Drone attack sets Odesa port ablaze', 'Russian drones struck grain warehouses in the port of Odesa before dawn, starting a fire that burned for six hours.'],
  ['Ukrainian troops hold the line near Pokrovsk', 'Ukrainian units repelled three assaults east of Pokrovsk on Tuesday, the general staff said, as Russian shelling of the town continued.'],
  ['Air defence downs 40 drones over Kyiv', 'Air defence shot down 40 of 46 drones launched at the capital overnight; falling debris damaged two houses in the suburbs.'],
  ['Ukraine strikes refinery deep inside Russia', 'Long-range Ukrainian drones hit an oil refinery in the Saratov region, a source in the security service said, halting one of its units.'],
  ['Artillery duel along the Dnipro river', 'Russian and Ukrainian artillery exchanged fire across the river near Kherson for a third day, with shells landing in villages on both banks.'],
  ['Glide bombs on Kharkiv wound nine', 'Russian aircraft dropped guided bombs on Kharkiv on Sunday afternoon, wounding nine people and damaging a hospital.'],
  ['Envoys meet in Istanbul for prisoner exchange talks', 'Negotiators from both sides met in Istanbul to agree the next prisoner exchange, the Turkish foreign minister said.'],
  ['Parliament passes wartime budget', "Lawmakers approved next year's budget on Thursday, with most spending going to defence and the rest covered by loans and grants."],
  ['Grid operator warns of winter blackouts', 'The national grid operator said power cuts are likely this winter after attacks on substations, and asked households to save electricity.'],
  ['Minister dismissed over procurement scandal', 'Parliament voted to dismiss the deputy defence minister after anti-corruption detectives searched his office over overpriced contracts.'],
];

const TOPIC_WEEK: [string, string][] = [
  ['Chipmaker profit beats forecasts', 'The company said quarterly profit rose by a third as demand for its processors from data centres kept growing.'],
  ['Bank raises interest rates again', 'The central bank lifted its main rate by a quarter point, saying prices were still rising faster than it wanted.'],
  ['Striker signs four-year deal', 'The club confirmed the forward has agreed a new contract after scoring twenty goals in the league this season.'],
  ['Champions knocked out of the cup', 'The holders lost on penalties to a second-division side after a goalless draw in front of a full stadium.'],
  ['Band announces farewell tour', 'The group will play twenty concerts across Europe next spring before going their separate ways, their label said.'],
  ['Drama sweeps the television awards', 'The period drama won five prizes, including best actress, at the ceremony in London on Sunday night.'],
  ['Ministers back new housing bill', 'The cabinet agreed a bill that would let councils build more homes on brownfield land, ahead of a vote in parliament.'],
  ['Opposition leader calls for early election', 'The leader of the opposition said the government had lost its majority and should let voters decide.'],
  ['Phone maker unveils folding handset', 'The new handset folds in half and goes on sale next month; the firm says its battery lasts two days.'],
  ['Hospital waiting lists fall for first time in years', 'Fewer patients are waiting more than a year for treatment, health officials said, after extra clinics opened.'],
  ['Scientists map the genes of a rare disease', 'Researchers found three genes linked to the condition, which could lead to a test for newborn babies.'],
];

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
