import { describe, expect, it } from 'vitest';
import { assignTheme, leadStory, rankStories } from '../../src/theme/index.js';
import type { ThemeConfig } from '../../src/types.js';
import { cluster, story, THEMES } from './items.js';

const weaponsStory = cluster(
  {
    feed: 'wire',
    title: 'Germany pledges more air defence systems and HIMARS ammunition',
    text:
      'Berlin will deliver two further air defence batteries before winter, the defence minister said on Tuesday.\n\n' +
      'The package also includes rockets for HIMARS launchers already in service with Ukrainian artillery units.',
  },
  {
    feed: 'brief',
    title: 'Berlin announces new weapons package for Kyiv',
    text:
      'Germany is sending more air defence batteries to Ukraine as Russian missiles keep hitting cities.\n\n' +
      'Officials declined to say when the first launchers would arrive.',
  },
);

const talksStory = cluster({
  feed: 'brief',
  title: 'Envoys meet in Istanbul as ceasefire proposal gains support',
  text:
    'Turkish mediators hosted envoys from both sides for a second round of talks on a limited ceasefire covering ports.\n\n' +
    'Diplomats said negotiations would continue next month if the shipping truce holds.',
});

const homeStory = cluster({
  feed: 'local',
  title: 'Rolling blackouts return as strikes damage the power grid',
  text:
    'Households in Kharkiv and Dnipro face scheduled blackouts of up to eight hours a day after attacks on substations.\n\n' +
    'Engineers are racing to repair the power grid before temperatures fall, the energy company said.',
});

describe('assignTheme', () => {
  it('puts a weapons story, a talks story and a home-front story in their own sections', () => {
    expect(assignTheme(weaponsStory, THEMES).themeId).toBe('arms');
    expect(assignTheme(talksStory, THEMES).themeId).toBe('talks');
    expect(assignTheme(homeStory, THEMES).themeId).toBe('home');
  });

  it('returns null when nothing in the story points to any theme', () => {
    const decision = assignTheme(
      cluster({
        title: 'Chess olympiad opens in Budapest',
        text: 'Players from ninety countries gathered for the opening round of the tournament on Sunday.',
      }),
      THEMES,
    );
    expect(decision.themeId).toBeNull();
    expect(decision.why).toEqual(['no theme evidence']);
  });

  it('returns null with the reason when the only evidence is one passing mention', () => {
    const filler = 'The city council met for its regular session and discussed school meals, bus timetables and park repairs. '.repeat(5);
    const decision = assignTheme(
      cluster({ title: 'Lviv council approves new budget', text: `${filler}Drones were not on the agenda.` }),
      THEMES,
    );
    expect(decision.themeId).toBeNull();
    expect(decision.why[0]).toMatch(/^weak theme evidence: best \w+ [\d.]+ \(needs 1\)$/);
  });

  it('weighs a keyword in the title above the same keyword in the body', () => {
    const inTitle = assignTheme(cluster({ title: 'New drones for the front', text: 'The shipment arrived on Monday, officials said.' }), THEMES);
    const inBody = assignTheme(cluster({ title: 'A shipment for the front', text: 'The drones arrived on Monday, officials said.' }), THEMES);
    expect(inTitle.score).toBeGreaterThan(inBody.score);
  });

  it('lets the title decide when the body mentions another theme in passing', () => {
    const decision = assignTheme(
      cluster({
        title: 'Ceasefire talks: envoys agree on prisoner exchange',
        text:
          'Negotiators from both sides met in Abu Dhabi and agreed to exchange prisoners next week. ' +
          'The meeting came a day after a wave of drones hit western Ukraine.',
      }),
      THEMES,
    );
    expect(decision.themeId).toBe('talks');
  });

  it('keeps a talks story in talks when its body is full of weapons words', () => {
    const decision = assignTheme(
      cluster({
        title: 'Envoys resume peace talks in Istanbul',
        text:
          'The talks opened hours after Russian missiles and drones struck Odesa. Air defence units downed most of the drones, ' +
          'the air force said, while long-range missiles hit a depot and HIMARS crews returned fire near Kherson.',
      }),
      THEMES,
    );
    expect(decision.themeId).toBe('talks');
  });

  it('does not double a theme’s evidence when it lists two forms of the same word', () => {
    const story = cluster({ title: 'Missile hits depot near Lviv', text: 'The missile struck at dawn.' });
    const once = assignTheme(story, [{ ...THEMES[0], keywords: ['missile'] }]);
    const twice = assignTheme(story, [{ ...THEMES[0], keywords: ['missile', 'missiles'] }]);
    expect(twice.score).toBe(once.score);
    expect(twice.why.filter((w) => w.startsWith('keyword:'))).toEqual(['keyword: missile (title)']);
  });

  it('lists the evidence: keywords with where they were found, and description similarity', () => {
    const { why } = assignTheme(weaponsStory, THEMES);
    expect(why).toContain('keyword: air defence (title)');
    expect(why).toContain('keyword: HIMARS (title)');
    expect(why).toContain('keyword: missiles (text)');
    expect(why.some((w) => /^description similarity \d\.\d\d$/.test(w))).toBe(true);
  });

  it('uses the description when the story contains no keyword', () => {
    const decision = assignTheme(
      cluster({
        title: 'Washington weighs limits on use of its weapons deliveries',
        text: 'Officials are debating whether to ease limits on strikes inside Russia, fearing retaliation.',
      }),
      THEMES,
    );
    expect(decision.themeId).toBe('arms');
    expect(decision.why[0]).toMatch(/^description similarity/);
  });

  it('ignores names in a description: every story mentions Ukraine, so it says nothing about the theme', () => {
    const themes: ThemeConfig[] = [
      { id: 'home', title: 'Home front', description: 'Daily life in Ukraine and Kyiv under war.', keywords: ['blackouts'] },
    ];
    const decision = assignTheme(cluster({ title: 'Ukraine wins Eurovision semi-final', text: 'Kyiv celebrated the result in Ukraine.' }), themes);
    expect(decision).toEqual({ themeId: null, score: 0, why: ['no theme evidence'] });
  });

  it('never drops a story for a tie: the first theme in config order wins and the runner-up is named', () => {
    const twins: ThemeConfig[] = [
      { id: 'a', title: 'Section A', description: 'First section.', keywords: ['sanctions'] },
      { id: 'b', title: 'Section B', description: 'Second section.', keywords: ['sanctions'] },
    ];
    const decision = assignTheme(cluster({ title: 'EU agrees new sanctions on Russian oil', text: 'The sanctions take effect in July.' }), twins);
    expect(decision.themeId).toBe('a');
    expect(decision.why.join(' | ')).toMatch(/close call: b [\d.]+ vs a [\d.]+/);
    // one theme alone with the same evidence is assigned
    expect(assignTheme(cluster({ title: 'EU agrees new sanctions on Russian oil' }), [twins[0]]).themeId).toBe('a');
  });

  it('classifies the story as a whole: one off-theme source does not outvote the others', () => {
    const mixed = cluster(
      { feed: 'a', title: 'Kyiv receives first F-16 fighter jets', text: 'The jets landed at an undisclosed airbase.' },
      { feed: 'b', title: 'First F-16s arrive in Ukraine', text: 'Pilots trained for months on the fighter jets.' },
      { feed: 'c', title: 'Zelensky thanks partners', text: 'He also said peace talks were not on the agenda.' },
    );
    expect(assignTheme(mixed, THEMES).themeId).toBe('arms');
  });

  it('matches Cyrillic keywords', () => {
    const themes: ThemeConfig[] = [
      { id: 'talks', title: 'Переговори', description: 'Мирні переговори та перемир’я.', keywords: ['переговори', 'перемир’я'] },
      { id: 'arms', title: 'Зброя', description: 'Постачання зброї та удари.', keywords: ['ракета', 'зброя'] },
    ];
    const d = assignTheme(cluster({ title: 'Нові ракети для ППО', text: 'Партнери передали ракети та іншу зброю.' }), themes);
    expect(d.themeId).toBe('arms');
  });

  it('is deterministic and independent of item order', () => {
    const reversed = { items: [...weaponsStory.items].reverse() };
    expect(assignTheme(reversed, THEMES)).toEqual(assignTheme(weaponsStory, THEMES));
  });

  it('handles an empty theme list or empty cluster without crashing', () => {
    expect(assignTheme(weaponsStory, []).themeId).toBeNull();
    expect(assignTheme({ items: [] }, THEMES).themeId).toBeNull();
  });
});

describe('rankStories', () => {
  it('orders by number of sources, then items, then recency, then title', () => {
    const one = story({ title: 'B single, newer', sources: ['A'], published: '2024-06-07T10:00:00.000+03:00' });
    const three = story({ title: 'Z three sources', sources: ['A', 'B', 'C'], published: '2024-06-03T10:00:00.000+03:00' });
    const olderTwo = story({ title: 'Y two older', sources: ['A', 'B'], published: '2024-06-04T10:00:00.000+03:00' });
    const newerTwo = story({ title: 'X two newer', sources: ['A', 'B'], published: '2024-06-06T10:00:00.000+03:00' });
    const sameTimeA = story({ title: 'A single', sources: ['A'], published: '2024-06-07T10:00:00.000+03:00' });
    const ranked = rankStories([one, olderTwo, sameTimeA, three, newerTwo]);
    expect(ranked.map((s) => s.title)).toEqual(['Z three sources', 'X two newer', 'Y two older', 'A single', 'B single, newer']);
  });

  it('puts the story of more items first among stories of as many outlets, and picks it as the lead', () => {
    const ref = (n: number) => Array.from({ length: n }, (_, i) => ({ feed: i % 2 ? 'a' : 'b', guid: `g${i}`, url: null, title: `t${i}`, published: '2024-06-03T10:00:00.000+03:00' }));
    // the week's dominant event: two outlets, eight reports, told early in the week
    const big = story({ title: 'Z big event', sources: ['A', 'B'], items: ref(8), published: '2024-06-03T10:00:00.000+03:00' });
    const pair = story({ title: 'A newer pair', sources: ['A', 'B'], items: ref(2), published: '2024-06-07T10:00:00.000+03:00' });
    expect(rankStories([pair, big]).map((s) => s.title)).toEqual(['Z big event', 'A newer pair']);
    expect(leadStory([pair, big])?.title).toBe('Z big event');
  });

  it('compares instants, not strings, when offsets differ', () => {
    const kyiv = story({ title: 'Kyiv time', published: '2024-06-05T10:30:00.000+03:00' }); // 07:30Z
    const utc = story({ title: 'UTC time', published: '2024-06-05T08:00:00.000Z' }); // later
    expect(rankStories([kyiv, utc]).map((s) => s.title)).toEqual(['UTC time', 'Kyiv time']);
  });

  it('does not mutate its input and picks the lead story', () => {
    const input = [story({ title: 'small' }), story({ title: 'big', sources: ['A', 'B'] })];
    const copy = [...input];
    rankStories(input);
    expect(input).toEqual(copy);
    expect(leadStory(input)?.title).toBe('big');
    expect(leadStory([])).toBeNull();
  });
});
