// Hand-made editions for the render tests. All sample text is invented for these tests.

import type { DigestConfig, Edition, Section, Story } from '../../src/types.js';

export function makeConfig(overrides: Partial<DigestConfig> = {}): DigestConfig {
  return {
    configPath: '/tmp/roundup-test/digest.config.yaml',
    configDir: '/tmp/roundup-test',
    title: 'Diplomacy Watch',
    timezone: 'Europe/Kyiv',
    schedule: '0 7 * * 1',
    windowSpec: '7d',
    window: { days: 7 },
    scope: { include: ['Ukraine'], exclude: [] },
    feeds: [],
    themes: [],
    other: 'Other news',
    email: {
      from: 'Diplomacy Watch <digest@example.org>',
      subject: '{title} · {date}: {lead}',
      baseUrl: 'https://digest.example.org',
      address: 'Roundup Press, 12 Harbour Lane, 1000 Sampletown',
    },
    state: '/tmp/roundup-test/.digest',
    out: '/tmp/roundup-test/out',
    fetch: {
      timeoutMs: 20000,
      responseTimeoutMs: 10000,
      maxBytes: 5_000_000,
      maxRedirects: 5,
      retries: 1,
      concurrency: 4,
      perHost: 2,
      allowPrivateNetworks: false,
      userAgent: 'Roundup test',
    },
    delivery: { rate: 10, connections: 1, deferralLifetimeMs: 5 * 86_400_000 },
    catchUp: 'latest',
    ...overrides,
  };
}

const SOURCES = ['Wire One', 'Global Brief', 'Harbour Times', 'Capital Ledger', 'Northern Courier', 'Evening Standardbearer', 'Policy Desk'];

// Invented headlines and summaries, in the shape real ones take.
const SAMPLE: Array<[string, string]> = [
  ['Allies agree on a new air defence package for the winter', 'Defence ministers meeting in a northern capital agreed to send additional air defence batteries before the coldest months, officials said, with the first units expected within weeks.'],
  ['Parliament debates limits on long-range missile use', 'Lawmakers spent a second day arguing over whether donated missiles may be used against targets far beyond the front line, a question the government has so far left open.'],
  ['Fighter jet training programme expands to a third country', 'Pilots will begin instruction at a new base next month, the programme\'s organisers said, adding that maintenance crews would follow later in the year.'],
  ['Envoys meet in a neutral city to discuss a prisoner exchange', 'Negotiators from both sides held talks mediated by a third government, which described the atmosphere as businesslike and said a further round was planned.'],
  ['Foreign ministers sketch the outline of a peace conference', 'A draft agenda circulated among delegations lists energy security, food exports and the return of deported children as the first items for discussion.'],
  ['Grain corridor shipments reach a monthly high', 'Port authorities reported the largest volume of grain leaving the coast since the corridor opened, crediting improved insurance terms for merchant ships.'],
  ['Sanctions package targets shadow tanker fleet', 'The new measures name dozens of vessels accused of moving oil above the agreed price cap and bar them from ports and insurers in the bloc.'],
  ['Energy grid repairs race against falling temperatures', 'Engineers restored power to several districts after overnight strikes, while the grid operator urged households to limit use during evening peaks.'],
  ['Summit communiqué stresses long-term security guarantees', 'Leaders signed a statement promising sustained military and financial support, though details of any binding commitment were left for later talks.'],
  ['Drone production deal signed with a domestic manufacturer', 'The agreement covers thousands of units over two years and includes a clause for joint development of counter-drone systems.'],
  ['Humanitarian convoy reaches a front-line town', 'Aid workers delivered medicine and generators after a week of delays, the coordinating agency said, and called for safe passage for further deliveries.'],
  ['Think tank report weighs the cost of reconstruction', 'Economists estimate the bill for rebuilding housing, transport and power networks at several hundred billion, spread over more than a decade.'],
];

export function makeStory(i: number, overrides: Partial<Story> = {}): Story {
  const [title, summary] = SAMPLE[i % SAMPLE.length];
  const day = 16 + (i % 7);
  const sources = SOURCES.slice(i % 3, (i % 3) + 1 + (i % 5));
  return {
    id: `story-${i}`,
    title: i < SAMPLE.length ? title : `${title} (update ${Math.floor(i / SAMPLE.length)})`,
    url: `https://news.example.org/2026/11/${day}/story-${i}`,
    summary,
    published: `2026-11-${String(day).padStart(2, '0')}T1${i % 10}:15:00.000+02:00`,
    sources,
    why: ['keyword: air defence'],
    items: sources.map((s, k) => ({ feed: s.toLowerCase().replace(/\W+/g, '-'), guid: `g-${i}-${k}`, url: `https://news.example.org/${i}/${k}`, title, published: '2026-11-20T10:00:00.000Z' })),
    ...overrides,
  };
}

const SECTION_TITLES: Array<[string, string]> = [
  ['arms', 'Weapons & strikes'],
  ['diplomacy', 'Peace diplomacy'],
  ['economy', 'Sanctions & economy'],
  ['other', 'Other news'],
];

/** An edition with `perSection` stories in each of the given number of sections. */
export function makeEdition(perSection: number[] = [4, 3, 3, 2]): Edition {
  let n = 0;
  const sections: Section[] = perSection.map((count, s) => ({
    id: SECTION_TITLES[s % SECTION_TITLES.length][0] + (s >= SECTION_TITLES.length ? `-${s}` : ''),
    title: SECTION_TITLES[s % SECTION_TITLES.length][1],
    stories: Array.from({ length: count }, () => makeStory(n++)),
  }));
  return {
    edition: {
      id: '2026-11-23',
      title: 'Diplomacy Watch',
      timezone: 'Europe/Kyiv',
      start: '2026-11-16T07:00:00.000+02:00',
      end: '2026-11-23T07:00:00.000+02:00',
      generatedAt: '2026-11-23T07:00:05.000+02:00',
    },
    sections,
    excluded: [],
    feeds: [],
  };
}

/** The realistic 12-story edition the browser and spam checks look at. */
export const twelveStoryEdition = () => makeEdition([4, 3, 3, 2]);

export const sampleRecipient = {
  email: 'reader@example.net',
  name: 'Sam Reader',
  sections: null,
  unsubscribeUrl: 'https://digest.example.org/unsubscribe?t=abc123',
  preferencesUrl: 'https://digest.example.org/preferences?t=abc123',
};
