// ECB+ (Cybulska & Vossen 2014, CC BY 3.0): 982 full-text English news articles in 43 topics, each
// topic holding two different real-world events of the same kind (Tara Reid vs. Lindsay Lohan entering
// rehab, two Klitschko title fights, two earthquakes in Iran…), ~11 articles from different outlets
// per event. Input: the corpus folder ECB+/<topic>/<topic>_<n>ecb.xml and …ecbplus.xml (the CROMER
// token format). Event = topic + half ("ecb" or "ecbplus"), so each topic is a same-kind,
// often same-actor, hard negative. The corpus has no publication times: see `timeOf`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeXML } from 'entities';
import type { SetItem, SetMeta } from '../set-format.js';
import { hashOf } from './write-split.js';

export const META: Omit<SetMeta, 'name' | 'role'> = {
  about: 'ECB+ (Cybulska & Vossen 2014, CC BY 3.0): full-text news, 43 topics × 2 events of the same kind, ~11 outlets per event; times spread over one week.',
  now: '2014-06-09T00:00:00Z',
  window: '7d',
  title: 'The Week in News',
  themes: [
    { id: 'world', title: 'World & politics', description: 'Governments, elections, diplomacy, wars and protests around the world.',
      keywords: ['government', 'president', 'minister', 'election', 'parliament', 'policy', 'war', 'military', 'protest', 'united nations', 'administration', 'vote'] },
    { id: 'crime', title: 'Crime & courts', description: 'Crimes, police investigations, arrests, trials and sentences.',
      keywords: ['police', 'murder', 'killed', 'shooting', 'arrested', 'charged', 'court', 'trial', 'judge', 'jury', 'sentenced', 'prison', 'suspect'] },
    { id: 'disasters', title: 'Disasters & accidents', description: 'Earthquakes, fires, storms, crashes and other accidents, and the people they hurt.',
      keywords: ['earthquake', 'magnitude', 'fire', 'firefighters', 'blaze', 'storm', 'flood', 'accident', 'injured', 'damage', 'rescue', 'victims'] },
    { id: 'sport', title: 'Sport', description: 'Teams, players, coaches, matches, results and transfers.',
      keywords: ['game', 'team', 'player', 'coach', 'season', 'match', 'win', 'league', 'championship', 'title', 'contract', 'injury'] },
    { id: 'entertainment', title: 'Entertainment & celebrities', description: 'Films, television, music, awards and the lives of stars.',
      keywords: ['film', 'movie', 'actor', 'actress', 'star', 'show', 'television', 'music', 'award', 'celebrity', 'director', 'hollywood'] },
    { id: 'business', title: 'Business & technology', description: 'Companies, deals, products, software and the internet.',
      keywords: ['company', 'deal', 'acquisition', 'market', 'shares', 'technology', 'software', 'internet', 'computer', 'phone', 'launch', 'customers'] },
  ],
  other: 'Other news',
};

// Sections labelled by hand per event (topic, half), from the topics' subject; close calls are
// named in docs/evaluation.md.
const T = (ecb: string, plus = ecb) => ({ ecb, ecbplus: plus });
const THEME_OF: Record<string, { ecb: string; ecbplus: string }> = {
  1: T('entertainment'), 2: T('entertainment'), 3: T('crime'), 4: T('entertainment'), 5: T('sport'),
  6: T('entertainment'), 7: T('sport'), 8: T('crime', 'world'), 9: T('world'), 10: T('sport'),
  11: T('world'), 12: T('world'), 13: T('disasters'), 14: T('disasters'), 16: T('crime'),
  18: T('crime'), 19: T('world', 'crime'), 20: T('disasters'), 21: T('crime'), 22: T('crime'),
  23: T('disasters'), 24: T('crime'), 25: T('sport'), 26: T('crime'), 27: T('business'),
  28: T('world'), 29: T('sport'), 30: T('business'), 31: T('sport'), 32: T('crime'),
  33: T('crime'), 34: T('world'), 35: T('sport'), 36: T('crime'), 37: T('disasters'),
  38: T('disasters'), 39: T('entertainment'), 40: T('business'), 41: T('world'), 42: T('business'),
  43: T('business'), 44: T('business'), 45: T('crime'),
};

/** The original ECB texts name no outlet: they are spread over this many anonymous feeds by their id. */
const ANONYMOUS_FEEDS = 8;

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
const DAYS = 'mon|tue|tues|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const STAMP_WORDS = new RegExp(`\\b(${MONTHS}|${DAYS}|posted|published|updated|last|first|on|at|am|pm|a|p|m|edt|est|cdt|cst|pdt|pst|gmt|bst|et|pt|ct|utc|hrs|st|nd|rd|th|by)\\b`, 'gi');

/** A sentence that is only a date or time stamp ("May 03 , 2013", "Posted 2 / 3 / 2009 11 : 11 PM"). */
function isStamp(sentence: string): boolean {
  const rest = sentence.replace(/\d+/g, ' ').replace(STAMP_WORDS, ' ').replace(/[\W_]+/g, ' ').trim();
  // at most one other word: a dateline's place ("INDONESIA, July 2, 2013")
  return /\d/.test(sentence) && rest.split(' ').filter(Boolean).length <= 1;
}

/** Joins the corpus' tokens back into plain text ("Reid 's rep" → "Reid's rep", "`` Hi , ''" → "“Hi,”", "90 - day" → "90-day"). */
export function detokenize(tokens: string[]): string {
  return tokens
    .join(' ')
    .replace(/`` ?/g, '“')
    .replace(/ ?''/g, '”')
    .replace(/ ([,.;:!?%)\]}])/g, '$1')
    .replace(/([([{$]) /g, '$1')
    .replace(/ (['’](?:s|re|ve|ll|d|m)\b|n't\b)/gi, '$1')
    // numbers: "3 / 27 / 2012" → "3/27/2012", "10: 05" → "10:05", "5. 9" → "5.9"
    .replace(/(\d) \/ (?=\d)/g, '$1/')
    .replace(/(\d)([:.]) (?=\d)/g, '$1$2')
    // the newer half splits hyphenated words ("90 - day court - mandated"); a dash before a capital stays
    .replace(/([A-Za-z0-9]) - (?=[a-z0-9])/g, '$1-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The document's sentences, in order, each as its tokens. */
function sentencesOf(xml: string): string[][] {
  const sentences = new Map<number, string[]>();
  for (const m of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const n = Number(m[1]);
    const list = sentences.get(n) ?? [];
    list.push(decodeXML(m[2]));
    sentences.set(n, list);
  }
  return [...sentences.entries()].sort((a, b) => a[0] - b[0]).map(([, words]) => words);
}

/**
 * No publication times in the corpus: each event starts on a day of the week before `META.now`
 * (days 0–5, by a hash of the event) and its articles follow over 36 hours (by a hash of the id),
 * so the two events of a topic usually fall on different days of the same week, as hard negatives do.
 */
function timeOf(event: string, id: string): string {
  const weekStart = Date.parse(META.now) - 7 * 86_400_000;
  const eventStart = weekStart + (hashOf(`day:${event}`) % 6) * 86_400_000 + (hashOf(`hour:${event}`) % 12) * 3_600_000;
  return new Date(eventStart + (hashOf(id) % (36 * 60)) * 60_000).toISOString();
}

/** The ECB+ topic of a converted item: both of its events go to the same half, so the hard negatives stay together. */
export const topicOf = (item: SetItem): string => (item.event ?? item.id).replace(/-(ecb|ecbplus)$/, '');

export function convertEcbPlus(corpusDir: string): SetItem[] {
  const items: SetItem[] = [];
  const urlsSeen = new Set<string>();
  const topics = readdirSync(corpusDir).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(a) - Number(b));
  if (topics.length === 0) throw new Error(`${corpusDir}: expected the ECB+ folder with one folder per topic (1/, 2/, …)`);
  for (const topic of topics) {
    const theme = THEME_OF[topic];
    if (!theme) throw new Error(`${corpusDir}/${topic}: not an ECB+ topic this converter knows`);
    for (const file of readdirSync(path.join(corpusDir, topic)).sort()) {
      const m = /^(\d+)_(\d+)(ecb|ecbplus)\.xml$/.exec(file);
      if (!m) continue;
      const half = m[3] as 'ecb' | 'ecbplus';
      let sentences = sentencesOf(readFileSync(path.join(corpusDir, topic, file), 'utf8')).map(detokenize);
      // the newer half opens with the article's URL as its first "sentence"
      let url: string | undefined;
      if (half === 'ecbplus' && /^https?:/.test(sentences[0] ?? '')) {
        url = sentences[0].replace(/\s+/g, '');
        sentences = sentences.slice(1);
      }
      sentences = sentences.filter((s) => !isStamp(s));
      if (sentences.length === 0) continue;
      const id = `ecb-${m[1]}-${m[2]}${half === 'ecbplus' ? 'p' : ''}`;
      const event = `ecb-${topic}-${half}`;
      const host = url && URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : undefined;
      // a live page's later versions share its URL: only the first keeps it, or they would read as copies
      const keptUrl = url !== undefined && host !== undefined && !urlsSeen.has(url) ? url : undefined;
      if (keptUrl) urlsSeen.add(keptUrl);
      items.push({
        id,
        outlet: host ?? `ECB source ${String.fromCharCode(65 + (hashOf(`outlet:${id}`) % ANONYMOUS_FEEDS))}`,
        // the first sentence is the headline in the newer half and the headline or lead in the older one
        title: sentences[0],
        text: sentences.slice(1).join('\n\n'),
        ...(keptUrl ? { url: keptUrl } : {}),
        published: timeOf(event, id),
        event,
        theme: theme[half],
      });
    }
  }
  return items;
}
