// AllSides headline roundups as crawled for NeuS (Lee et al. 2022, data/raw_crawled/ of the repository
// HLTCHKUST/framing-bias-metric, code under MIT; the roundups are © AllSides, the excerpts © their outlets,
// research use). Each line is one story of AllSides' news page: the same event told by two or three real
// outlets of different leanings (title + the article's opening paragraphs, cut by AllSides with "..."),
// the day AllSides published it, its AllSides topic, and a roundup written by AllSides' editors, whose
// first paragraph is a neutral summary of the event. Event = the story; sections by topic, mapped by hand.
import { readFileSync } from 'node:fs';
import type { SetItem, SetMeta } from '../set-format.js';
import { hashOf } from './write-split.js';

/** Eighteen weeks of stories (mid-June to mid-October 2021): about 500 articles per half. */
const WINDOW_WEEKS = 18;

export const META: Omit<SetMeta, 'name' | 'role'> = {
  about: 'AllSides headline roundups (crawled for NeuS, Lee et al. 2022; © AllSides and the outlets, research use): real US outlets, 2–3 per event, title + opening paragraphs, real days, mid-June to mid-October 2021; AllSides topics mapped to four themes; the roundup\'s first paragraph as reference summary.',
  now: '2021-10-19T06:00:00Z',
  window: `${WINDOW_WEEKS}w`,
  title: 'The Week in News',
  themes: [
    { id: 'politics', title: 'US politics', description: 'Congress, the White House, elections, the courts and the fights over laws in the United States.',
      keywords: ['congress', 'senate', 'house', 'president', 'white house', 'election', 'vote', 'republicans', 'democrats', 'bill', 'supreme court', 'governor', 'lawmakers'] },
    { id: 'world', title: 'World', description: 'Other countries, wars, diplomacy, the military and foreign policy.',
      keywords: ['foreign', 'international', 'war', 'troops', 'military', 'diplomats', 'embassy', 'sanctions', 'allies', 'refugees', 'prime minister', 'united nations'] },
    { id: 'economy', title: 'Economy & business', description: 'Jobs, prices, taxes, budgets, companies, markets and technology.',
      keywords: ['economy', 'jobs', 'inflation', 'prices', 'taxes', 'budget', 'spending', 'companies', 'markets', 'workers', 'wages', 'technology', 'banks'] },
    { id: 'health', title: 'Health & the pandemic', description: 'COVID-19, vaccines, hospitals, medicines and public health.',
      keywords: ['covid', 'coronavirus', 'vaccine', 'virus', 'pandemic', 'masks', 'hospital', 'health', 'cases', 'doctors', 'booster', 'variant'] },
  ],
  other: 'Other news',
};

const topics = (theme: string, list: string): [string, string][] => list.split('|').map((t) => [t, theme]);
/** AllSides topic → theme; topics not listed (crime, race, culture, disasters, climate, media, sport…) go to Other. */
const THEME_OF_TOPIC = new Map<string, string>([
  ...topics('politics', 'Abortion|CIA|Campaign Rhetoric|Domestic Policy|Donald Trump|Elections|FBI|Gun Control and Gun Rights|Immigration|Joe Biden|Justice|Justice Department|Kamala Harris|Marijuana Legalization|Polarization|Politics|Republican Party|Democratic Party|Role of Government|Supreme Court|US Census|US Congress|US House|US Senate|Voting Rights and Voter Fraud|White House'),
  ...topics('world', 'Africa|Asia|China|Defense Department|Europe|Foreign Policy|ISIS|Israel|Middle East|National Defense|National Security|Russia|State Department|Terrorism|US Military|World'),
  ...topics('economy', 'Banking and Finance|Business|Economic Policy|Economy and Jobs|Energy|Federal Budget|Housing and Homelessness|Labor|People and Profit|Social Security|Taxes|Technology|Trade|Transportation|Treasury'),
  ...topics('health', 'Coronavirus|COVID-19 Misinformation|FDA|Healthcare|Public Health|Safety and Sanity During COVID-19'),
]);

interface Article {
  newsSource?: string;
  newsTitle?: string;
  newsLink?: string;
  newBody?: string[];
}
interface Story {
  id: number;
  topic?: string;
  date?: string;
  roundup?: string[];
  news?: Record<string, Article>;
}

const clean = (s: string) => s.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ').trim();
/** "CNN (Online News)", "New York Times (News)" → the outlet's name. */
const outletOf = (source: string) => clean(source).replace(/\s*\([^)]*\)$/, '');
const DAY = 86_400_000;

/**
 * When the article appeared: AllSides publishes a story the day of its newest report, so an article whose URL
 * carries an earlier day (…/2021/10/15/…) keeps that day (midday UTC plus up to 8 hours, by its id); the others
 * get the story's time, up to 6 hours earlier.
 */
function publishedOf(storyTime: number, url: string, id: string): string {
  const m = /\/(20\d\d)[/-](\d\d)[/-](\d\d)(?:[/-]|$)/.exec(url);
  const urlDay = m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : NaN;
  const storyDay = Math.floor(storyTime / DAY) * DAY;
  if (urlDay < storyDay && storyDay - urlDay <= 10 * DAY) return new Date(urlDay + 12 * 3_600_000 + (hashOf(id) % 480) * 60_000).toISOString();
  return new Date(storyTime - (hashOf(id) % 360) * 60_000).toISOString();
}

/** Input: headline_*_crawled_all.jsonl (one story per line). Stories inside META's window, each of at least two outlets. */
export function convertAllSides(jsonlPath: string): { items: SetItem[]; summaries: Map<string, string[]> } {
  const stories = readFileSync(jsonlPath, 'utf8').split('\n').flatMap((line, n) => {
    if (!line.trim()) return [];
    try {
      const story = JSON.parse(line) as Story;
      if (typeof story !== 'object' || story === null || story.id === undefined) throw new Error('no id');
      return [story];
    } catch {
      throw new Error(`${jsonlPath} line ${n + 1}: expected one AllSides story per line (a JSON object with id, date, news)`);
    }
  });
  const since = Date.parse(META.now) - WINDOW_WEEKS * 7 * DAY;
  const items: SetItem[] = [];
  const summaries = new Map<string, string[]>();
  const urlsSeen = new Set<string>();
  for (const story of stories) {
    const storyTime = Date.parse(story.date ?? '');
    if (!(storyTime <= Date.parse(META.now))) continue;
    const event = `as-${story.id}`;
    const theme = THEME_OF_TOPIC.get(clean(story.topic ?? '')) ?? null;
    const told = Object.entries(story.news ?? {}).flatMap(([stance, a]) => {
      const url = clean(a.newsLink ?? '');
      const title = clean(a.newsTitle ?? '');
      // an article AllSides used in two stories is kept in the first only: one event per article
      if (!title || !a.newsSource || (url && urlsSeen.has(url))) return [];
      const id = `${event}-${stance}`;
      const paragraphs = (a.newBody ?? []).map(clean).filter(Boolean);
      const text = paragraphs.join('\n\n').replace(/\.\.\.$/, '…');
      const item: SetItem = { id, outlet: outletOf(a.newsSource), title, text, ...(url ? { url } : {}), published: publishedOf(storyTime, url, id), event, theme };
      return [item];
    });
    // an event needs two outlets to be one, and all of it inside the window
    if (told.length < 2 || told.some((i) => Date.parse(i.published) < since)) continue;
    for (const i of told) if (i.url) urlsSeen.add(i.url);
    items.push(...told);
    const reference = clean(story.roundup?.[0] ?? '');
    if (reference) summaries.set(event, [reference]);
  }
  if (items.length === 0) throw new Error(`${jsonlPath}: no AllSides story of two outlets or more inside the window (${WINDOW_WEEKS} weeks to ${META.now})`);
  return { items, summaries };
}
