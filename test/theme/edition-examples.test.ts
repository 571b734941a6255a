// The clear cases of an edition of 50 stories or more are examples for its other stories: a story with no keyword of any theme
// is also compared with each section's clear cases and `why` says so; a story that fits no theme stays in
// Other however large the edition; and a small edition built through the real CLI has no such examples.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';
import type { ThemeConfig } from '../../src/types.js';
import { assignTheme, assignThemes } from '../../src/theme/index.js';
import { cluster } from './items.js';

const NOW = '2026-05-04T07:00:00Z';
const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-edition-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each headline names one theme's keyword, and a name and a word of its own, so that every item is a story of its own.
const KEYWORDS: Record<string, string[]> = {
  sport: ['match', 'league', 'coach', 'season', 'cup', 'goal', 'team', 'player'],
  business: ['shares', 'profit', 'company', 'market', 'bank', 'economy', 'sales', 'investors'],
  science: ['scientists', 'research', 'space', 'study', 'species', 'telescope', 'climate', 'researchers'],
};
const WORDS: Record<string, string[]> = {
  sport: ('striker winger referee penalty derby stadium trophy final semifinal keeper defender captain fans ' +
    'tackle offside header volley sprint relay marathon medal podium rally innings wicket bowler batsman ' +
    'jockey racecourse paddock pitch dugout kickoff whistle crossbar rebound dunk hurdles').split(' '),
  business: ('brewery retailer factory shipyard merger takeover dividend bonds pension mortgage tariff ' +
    'exports supplier warehouse franchise payroll budget forecast inflation lender insurer auditor ' +
    'shopping landlord logistics airline bakery textile mill refinery wholesale invoice credit loan ' +
    'turnover revenue stockbroker').split(' '),
  science: ('beetle fossil comet glacier genome enzyme neutron asteroid coral fungus pollen volcano ' +
    'molecule crystal galaxy microbe plankton bacteria meteor protein orchid satellite laser quasar ' +
    'sediment isotope mineral tadpole lichen algae dolphin parrot tortoise nebula plasma magnet').split(' '),
};

// so that no two items share more than a keyword
const NAMES = ('Abbott Barlow Cobb Digby Eyre Fenwick Gedge Hollis Irwin Jessop Kemble Lusk Mottram Noakes Orde ' +
  'Pybus Quayle Rudd Scrope Tebbit Upjohn Vane Wragg Yelland Ainge Bream Crust Dimmock Elphick Fudge Gotobed ' +
  'Huxtable Inchbald Jaggard Kitto Loder Mabey Nutt Oxer Pellow Quill Rolle Sallis Trask Usher Voce Whitcombe ' +
  'Yeo Attwood Boddy Chubb Doggett Eke Fagg Gummer Hebblethwaite Icke Jupe Kerslake Lerwill Mumby Nix Ogle ' +
  'Pidcock Quenby Rook Sturrock Tozer Uff Vosper Wix Yabsley Arkle Blamey Cuff Dunster Ellacott Frost Gale ' +
  'Hext Isbell Jewell Kift Lobb Maddock Nance Oates Penhale Quick Rowse Sobey Trethewey Uren Veal Warne ' +
  'Yeoman Angove Bolitho Carne Dunn Eddy Foss Gill Hocking Inch Jory Kneebone Lander Mutton Nile Opie ' +
  'Pascoe Quintrell Rickard Stoneman Trevail Udy Vivian Wearne Yarwood Axford Buckingham Couch').split(' ');

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

function clearCases(count: number): string[] {
  return Array.from({ length: count }, (_, i) => i).flatMap((i) =>
    Object.keys(KEYWORDS).map((theme, t) => `${cap(WORDS[theme][i])} ${KEYWORDS[theme][i % KEYWORDS[theme].length]} for ${NAMES[i * 3 + t]} in ${NAMES[(i * 3 + t + 61) % NAMES.length]}ton`),
  );
}
const THEMES: ThemeConfig[] = [
  { id: 'sport', title: 'Sport', description: 'Games, teams, players and tournaments.', keywords: KEYWORDS.sport },
  { id: 'business', title: 'Business', description: 'Companies, markets, jobs and the economy.', keywords: KEYWORDS.business },
  { id: 'science', title: 'Science', description: 'Research, space, discoveries and the natural world.', keywords: KEYWORDS.science },
];
const QUIET = 'Chess champion retains crown';
const NOWHERE = 'Heavy rain expected across the north this weekend';


async function build(name: string, titles: string[]): Promise<{ section: string; title: string; why: string[] }[]> {
  const sub = path.join(dir, name);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'County Wire',
    items: titles.map((title, i) => ({
      id: `item-${i}`,
      url: `https://wire.example.org/${i}`,
      title,
      content_text: '',
      date_published: new Date(Date.parse('2026-05-03T20:00:00Z') - i * 4_500_000).toISOString(),
    })),
  };
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(feed));
  const config = `title: County Round
window: 7d
maxStories: 1000
feeds:
  - name: County Wire
    path: ${name}.json
themes:
  - id: sport
    title: Sport
    description: Games, teams, players and tournaments.
    keywords: [match, league, coach, season, cup, goal, team, player]
  - id: business
    title: Business
    description: Companies, markets, jobs and the economy.
    keywords: [shares, profit, company, market, bank, economy, sales, investors]
  - id: science
    title: Science
    description: Research, space, discoveries and the natural world.
    keywords: [scientists, research, space, study, species, telescope, climate, researchers]
other: Other news
email:
  from: "County Round <digest@example.org>"
  subject: "{title} · {date}: {lead}"
  baseUrl: https://digest.example.org
state: state-${name}
`;
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, config);
  const out = path.join(sub, 'out');
  const { result: r, edition: built } = await buildOffline(file, NOW, out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const edition = built!;
  return edition.sections.flatMap((s) => s.stories.map((story) => ({ section: s.id, title: story.title, why: story.why })));
}

const READS_LIKE = /^reads like this section's clear cases \(closer by \d\.\d\d\)$/;

describe("the edition's clear cases as examples", () => {
  // Through assignThemes with one item per story: the clusterer joins many of these short same-theme
  // headlines, so a CLI edition of them has fewer stories than it has items.
  it("compare a large edition's keyword-free story with each section's clear cases, and never lift a story out of Other", () => {
    const titles = [...clearCases(36), QUIET, NOWHERE];
    const decisions = assignThemes(titles.map((title) => cluster({ title })), THEMES);
    expect(decisions.length).toBeGreaterThanOrEqual(100);
    Object.keys(KEYWORDS).forEach((theme, t) => {
      const mine = decisions.slice(0, 108).filter((_, i) => i % 3 === t);
      expect(mine.every((d) => d.themeId === theme)).toBe(true);
    });
    const quiet = decisions[titles.indexOf(QUIET)];
    expect(quiet.themeId).toBe('sport');
    expect(quiet.why.some((w) => w.startsWith('keyword:'))).toBe(false);
    expect(quiet.why.some((w) => READS_LIKE.test(w))).toBe(true);
    // alone, the same story has no examples to read like
    expect(assignTheme(cluster({ title: QUIET }), THEMES).why.some((w) => READS_LIKE.test(w))).toBe(false);
    expect(decisions[titles.indexOf(NOWHERE)].themeId).toBeNull();
  });

  it('are used from 50 stories with 3 clear cases of every theme, not below', () => {
    const from = [...clearCases(16), QUIET];
    const withExamples = assignThemes(from.map((title) => cluster({ title })), THEMES);
    expect(withExamples.length).toBe(49);
    expect(withExamples[from.indexOf(QUIET)].why.some((w) => READS_LIKE.test(w))).toBe(false);
    const more = [...clearCases(17), QUIET];
    const decided = assignThemes(more.map((title) => cluster({ title })), THEMES);
    expect(decided.length).toBe(52);
    expect(decided[more.indexOf(QUIET)].themeId).toBe('sport');
    expect(decided[more.indexOf(QUIET)].why.some((w) => READS_LIKE.test(w))).toBe(true);
    // two clear cases of science among 75 stories: no theme's examples count
    const fewScience = [...clearCases(36).filter((_, i) => i % 3 !== 2 || i < 6), QUIET];
    expect(fewScience.length).toBe(75);
    const few = assignThemes(fewScience.map((title) => cluster({ title })), THEMES);
    expect(few[fewScience.indexOf(QUIET)].why.some((w) => READS_LIKE.test(w))).toBe(false);
  });

  it('are not used in a small edition', async () => {
    const placed = await build('small', [...clearCases(5), QUIET]);
    const quiet = placed.find((p) => p.title === QUIET)!;
    expect(quiet.section).toBe('sport');
    expect(quiet.why.some((w) => READS_LIKE.test(w))).toBe(false);
  });
});
