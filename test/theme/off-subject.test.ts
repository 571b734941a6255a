// In a digest about one subject every theme is near every story of the subject, so a story off the subject (a
// football match, a film prize, a snowfall, let in by the scope's "Kyiv") is about as near to each theme and its
// nearest one is chance. With no keyword and none of the descriptions' words, such a story goes to Other unless
// its meaning singles out one theme; a story of the subject told without a keyword still finds its theme. A
// digest of distinct subjects keeps a story in its nearest theme.
import { describe, expect, it } from 'vitest';
import { assignTheme, MEANING_LEAD, ON_SUBJECT_CLOSENESS, ONE_SUBJECT_KINSHIP } from '../../src/theme/index.js';
import { scoreStory } from '../../src/theme/score.js';
import { compileThemes } from '../../src/theme/compile.js';
import { cluster } from './items.js';
import { TOPIC_THEMES } from './topic-themes.js';
import { WAR_THEMES as WAR } from './war-themes.js';

const OFF_SUBJECT: [string, string][] = [
  ['Dynamo Kyiv beat Lyon 2-1 in Europa League opener', 'Dynamo Kyiv won their opening Europa League group game 2-1 against Lyon on Thursday night, with both goals coming in the second half in front of a crowd in Krakow.'],
  ['Ukrainian film takes top prize at San Sebastian', 'A Ukrainian drama about a family in a small village won the Golden Shell at the San Sebastian film festival on Saturday, the jury announced.'],
  ['Kyiv wakes up under 35cm of snow', 'Heavy snow fell across Kyiv overnight, leaving 35 centimetres on the ground by morning, closing schools and slowing traffic on the main roads.'],
];

describe('a story off the subject of a one-subject digest', () => {
  it('the premise: the war themes are alike in meaning, the distinct topics are not', () => {
    expect(compileThemes(WAR).kinship).toBeGreaterThanOrEqual(ONE_SUBJECT_KINSHIP);
    expect(compileThemes(TOPIC_THEMES).kinship).toBeLessThan(ONE_SUBJECT_KINSHIP);
  });

  it.each(OFF_SUBJECT)('"%s" goes to Other, and says why', (title, text) => {
    const decision = assignTheme(cluster({ title, text }), WAR);
    expect(decision.themeId).toBeNull();
    expect(decision.why.join(' ')).toMatch(/off the digest's subject: no keyword/);
  });

  it('a story of the subject without a keyword still finds its theme', () => {
    const glideBombs = cluster({
      title: 'Glide bombs wound six in Sumy',
      text: 'Russian aircraft dropped two guided bombs on Sumy overnight, wounding six people and damaging a school, the regional governor said on Wednesday morning.',
    });
    expect(assignTheme(glideBombs, WAR).themeId).toBe('fighting');
  });

  it('a story of the subject as near two alike themes goes to the nearer, not to Other as news off the subject', () => {
    // no keyword, none of the descriptions' words, and no lead: but near both themes, as no story off the subject is
    const vehicles = cluster({
      title: 'Ottawa funds 90 more armoured vehicles for Ukraine',
      text: 'Canada will pay for ninety more armoured vehicles for Ukrainian units, the defence ministry in Ottawa announced, in a package worth 410 million Canadian dollars.',
    });
    const scores = scoreStory(vehicles, compileThemes(WAR)).scores;
    const [nearest, next] = [...scores].sort((a, b) => b.closeness - a.closeness);
    expect(scores.every((s) => s.keywordScore === 0)).toBe(true);
    expect(nearest.closeness - next.closeness).toBeLessThan(MEANING_LEAD);
    expect(next.closeness).toBeGreaterThanOrEqual(ON_SUBJECT_CLOSENESS);
    const decision = assignTheme(vehicles, WAR);
    expect(decision.themeId).toBe(WAR[nearest.index].id);
    expect(decision.why.join(' ')).not.toMatch(/off the digest's subject/);
  });

  it('a digest of distinct subjects keeps a story in its nearest theme, however narrowly nearest', () => {
    const manager = cluster({
      title: 'Smith aims to bring back respect',
      text: 'The new Wales manager says he wants his side to be feared again after a run of heavy defeats, and will name his first squad next week.',
    });
    const scores = scoreStory(manager, compileThemes(TOPIC_THEMES)).scores;
    const [nearest, next] = [...scores].sort((a, b) => b.closeness - a.closeness);
    expect(nearest.closeness - next.closeness).toBeLessThan(MEANING_LEAD);
    expect(assignTheme(manager, TOPIC_THEMES).themeId).toBe('sport');
  });
});
