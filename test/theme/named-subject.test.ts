// A digest is read as one about one subject (a story off it goes to Other: off-subject.test.ts) when its themes are
// alike in meaning and most of them name the subject: "Russian strikes on Ukrainian towns", "pressure on Moscow",
// "how Ukraine pays for the war". The themes of a general business digest (the economy, markets, companies, trade)
// are as alike in meaning, but name nothing they share: there a story that falls between two of them without a
// keyword is a close call between themes it fits, not news off the digest's subject.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildOffline, placeOf } from '../helpers/cli.js';
import { compileThemes } from '../../src/theme/compile.js';
import { ONE_SUBJECT_KINSHIP } from '../../src/theme/index.js';
import type { Edition, ThemeConfig } from '../../src/types.js';
import { TOPIC_THEMES } from './topic-themes.js';
import { WAR_THEMES } from './war-themes.js';

/** A weekly business digest as a reader of the financial press would set it up: alike themes, no shared name. */
const BUSINESS_THEMES: ThemeConfig[] = [
  { id: 'economy', title: 'The economy', description: 'How the economy is doing: growth, prices, jobs and wages, and what central banks decide about interest rates.',
    keywords: ['economy', 'inflation', 'interest rates', 'central bank', 'growth', 'unemployment', 'jobs', 'wages', 'recession', 'GDP'] },
  { id: 'markets', title: 'Markets', description: 'Stocks, bonds, currencies and commodities, and the banks and funds that trade them.',
    keywords: ['stocks', 'shares', 'bonds', 'yields', 'currency', 'dollar', 'investors', 'hedge funds', 'commodities', 'bank'] },
  { id: 'companies', title: 'Companies', description: 'Company news: results, deals, bosses coming and going, and new technology.',
    keywords: ['company', 'earnings', 'profit', 'merger', 'takeover', 'chief executive', 'start-up', 'technology', 'layoffs', 'carmaker'] },
  { id: 'policy', title: 'Trade & policy', description: 'Tariffs, trade deals, taxes and the rules governments set for business.',
    keywords: ['tariffs', 'trade deal', 'exports', 'imports', 'regulation', 'taxes', 'subsidies', 'antitrust', 'customs', 'industrial policy'] },
];

/** A war digest's themes as a user might write them without naming the war: the digest's title names it. */
const UNNAMED_WAR_THEMES: ThemeConfig[] = WAR_THEMES.map((theme, i) => ({
  ...theme,
  description: [
    'The war on the ground and in the air: missile and drone attacks on towns, strikes far behind the lines, battles along the front.',
    'Efforts to end the war: negotiations, envoys and summits, prisoner swaps and sanctions on the invader.',
    'How the country pays for the war and keeps the lights on under attack: budgets, loans and grants, the power grid, gas.',
    "Who governs the country at war and how: parliament's votes and laws, ministers, mobilisation, corruption cases and courts.",
  ][i],
}));

/** Themes of one technology, each naming it. */
const AI_THEMES: ThemeConfig[] = [
  { id: 'models', title: 'Models', description: 'New AI models and what they can do.', keywords: ['model', 'chatbot', 'benchmark'] },
  { id: 'chips', title: 'Chips', description: 'The chips and data centres AI runs on.', keywords: ['chips', 'data centre', 'GPU'] },
  { id: 'rules', title: 'Rules', description: 'How governments regulate AI.', keywords: ['regulation', 'law', 'AI Act'] },
];

describe('the subject a digest names', () => {
  it('is the war in Ukraine, however its themes name the country ("Ukrainian", "Ukraine")', () => {
    expect(compileThemes(WAR_THEMES).namedSubject).toBe('UKR');
  });

  it('is a technology its themes all name', () => {
    expect(compileThemes(AI_THEMES).namedSubject).toBe('ai');
  });

  it('is none for a digest of distinct subjects, nor for a business digest whose themes are as alike as a war\'s', () => {
    expect(compileThemes(TOPIC_THEMES).namedSubject).toBeNull();
    const business = compileThemes(BUSINESS_THEMES);
    expect(business.kinship).toBeGreaterThanOrEqual(ONE_SUBJECT_KINSHIP);
    expect(business.namedSubject).toBeNull();
  });

  it('is none in themes that do not name it, though they are a war\'s', () => {
    const unnamed = compileThemes(UNNAMED_WAR_THEMES);
    expect(unnamed.kinship).toBeGreaterThanOrEqual(ONE_SUBJECT_KINSHIP);
    expect(unnamed.namedSubject).toBeNull();
  });

  it('is not read from capital letters where every word has one', () => {
    const titleCase = AI_THEMES.map((t) => ({ ...t, description: 'Everything New In The World Of Machines', keywords: ['model'] }));
    expect(compileThemes(titleCase).namedSubject).toBeNull();
  });
});

const AUDIT = 'Four partners leave audit firm after independence breach';
const SNOW = 'Kyiv wakes up under 35cm of snow';
const FILM = 'Ukrainian film takes top prize at San Sebastian';
const ITEMS: [string, string][] = [
  [AUDIT, 'The partners held shares in a client whose accounts their firm signed off, the firm said, and the regulator has been told.'],
  ['Central bank holds interest rates as inflation eases', 'The central bank kept its main rate at 4 per cent on Thursday and said inflation was falling faster than expected.'],
  ['Carmaker profit doubles on strong demand for hybrids', 'The company reported quarterly profit twice as high as a year earlier and raised its forecast.'],
  [SNOW, 'Heavy snow fell across Kyiv overnight, leaving 35 centimetres on the ground by morning, closing schools and slowing traffic on the main roads.'],
  [FILM, 'A Ukrainian drama about a family in a small village won the Golden Shell at the San Sebastian film festival on Saturday, the jury announced.'],
];

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-named-subject-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function digest(name: string, title: string, themes: ThemeConfig[]): string {
  const xml = ITEMS.map(
    ([t, d], i) => `<item><title>${t}</title><description>${d}</description><link>https://wire.test.example/${i}</link><guid>wire-${i}</guid><pubDate>Wed, 10 Mar 2027 ${String(8 + i).padStart(2, '0')}:00:00 +0000</pubDate></item>`,
  ).join('\n');
  writeFileSync(path.join(dir, `${name}.xml`), `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>\n${xml}\n</channel></rss>`);
  const config = path.join(dir, `${name}.yaml`);
  writeFileSync(config, stringify({ title, timezone: 'UTC', window: '7d', feeds: [{ name: 'wire', path: `${name}.xml` }], themes, other: 'Other news', state: `state-${name}` }));
  return config;
}

const DIGESTS = {
  business: ['The Weekly Business Roundup', BUSINESS_THEMES],
  war: ['The Week in Ukraine', WAR_THEMES],
  titled: ['The Kyiv Weekly', UNNAMED_WAR_THEMES],
  untitled: ['The Weekly Roundup', UNNAMED_WAR_THEMES],
} as const;
const editions: Partial<Record<keyof typeof DIGESTS, Edition>> = {};

beforeAll(async () => {
  for (const [name, [title, themes]] of Object.entries(DIGESTS)) {
    const { result, edition } = await buildOffline(digest(name, title, themes), '2027-03-11T07:00:00Z', path.join(dir, `out-${name}`));
    expect(result.code, result.stderr).toBe(0);
    editions[name as keyof typeof DIGESTS] = edition!;
  }
}, 240_000);

describe('a story between two themes without a keyword', () => {
  it('keeps a theme in a business digest that names no subject, and is not called off its subject', () => {
    const audit = placeOf(editions.business!, AUDIT);
    expect(audit.section).toBe('companies');
    expect(audit.why.join(' ')).not.toMatch(/off the digest's subject/);
  });

  it('still goes to Other, off the subject, in the war digest that names Ukraine in its title and themes', () => {
    const snow = placeOf(editions.war!, SNOW);
    expect(snow.section).toBe('other');
    expect(snow.why.join(' ')).toMatch(/off the digest's subject/);
  });

  it('is read off the subject where only the title names it ("The Kyiv Weekly"), not where nothing does', () => {
    const titled = placeOf(editions.titled!, FILM);
    expect(titled.section).toBe('other');
    expect(titled.why.join(' ')).toMatch(/off the digest's subject/);
    // the same themes under a title naming nothing: a digest of distinct subjects, where the story has too little evidence
    const untitled = placeOf(editions.untitled!, FILM);
    expect(untitled.section).toBe('other');
    expect(untitled.why.join(' ')).toMatch(/weak theme evidence/);
  });
});
