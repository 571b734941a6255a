// Whether a sentence would say again what the summary already says: a near-copy, a paraphrase from
// another source (same names, other words), or the same figures and phrase restated.
import { contentStems } from '../text/words.js';
import { cosineDense, textMeaning } from '../text/meaning.js';
import { NUMBER, namesIn, type Candidate } from './candidates.js';

/** share of new words and numbers a sentence must bring beyond the sentences already chosen */
const MIN_NOVELTY = 0.5;
/** a sentence whose content words are mostly in another one (or the other way round) … */
const CONTAINED = 0.5;
/** … in the same pairs of words (a shared phrase, not only the same names) says the same */
const SHARED_PAIRS = 2;
/** two sources' sentences sharing this many names and numbers … */
const PARAPHRASE_NAMES = 2;
/** … and this share of the shorter one's content words tell the same event in other words */
const PARAPHRASE_OVERLAP = 0.35;
/**
 * … or a smaller share, when their words mean nearly the same (cosine of their meaning vectors): "Saudi
 * Arabia will bring the top diplomats of the United States, Russia and Ukraine to the Red Sea city on
 * September 18 to work on a truce" after "… on 18 September in Jeddah will take place the meeting of
 * foreign ministers of USA, Ukraine and Russia about a ceasefire" (0.96). Sentences of one article on
 * one topic reach 0.9 often enough that meaning alone would not do; with the names it does.
 */
const PARAPHRASE_OVERLAP_NEAR = 0.25;
const PARAPHRASE_MEANING = 0.88;
/** How long a run of words two sentences share before the later one counts as restating the first. */
const RESTATED_RUN = 4;

/** Whether c adds nothing to the chosen sentences. */
export function isRedundant(c: Candidate, chosen: Candidate[]): boolean {
  if (chosen.length === 0) return false;
  if (chosen.some((o) => restatesInPart(c, o) || paraphrases(c, o))) return true;
  return novelty(c.facts, chosen) < MIN_NOVELTY || sharesFigures(c, chosen) || restates(c, chosen);
}

/**
 * A standfirst and the lead it sums up ("Many of the people displaced by the project were inadequately
 * rehoused or compensated, report says." / "People displaced … have complained of being inadequately
 * rehoused or compensated."): most of the shorter one's words, with phrases of them, in the other.
 */
function restatesInPart(c: Candidate, o: Candidate): boolean {
  if (containment(c.stems, o.stems) < CONTAINED) return false;
  const pairs = new Set(wordPairs(o));
  let shared = 0;
  for (const p of wordPairs(c)) if (pairs.has(p) && ++shared >= SHARED_PAIRS) return true;
  return false;
}

/** Adjacent content words (function words skipped), stemmed: "inadequately rehoused or compensated" → "inadequat rehous", "rehous compens". */
function wordPairs(c: Candidate): string[] {
  const stems = contentStems(c.key.split(' '));
  return stems.slice(1).map((s, i) => `${stems[i]} ${s}`);
}

/**
 * Two outlets' leads about one event: "Three Palestinian families in Qusra … are besieged in their homes" /
 * "Israeli settlers have blocked the homes of three Palestinian families in Qusra …". The same who,
 * where and how many, and a good part of the same words: the second adds too little to be read twice.
 */
function paraphrases(c: Candidate, o: Candidate): boolean {
  if (c.item === o.item) return false;
  const theirs = namesIn(o);
  let names = 0;
  for (const n of namesIn(c)) if (theirs.has(n)) names++;
  if (names < PARAPHRASE_NAMES) return false;
  const shared = containment(c.stems, o.stems);
  return shared >= PARAPHRASE_OVERLAP || (shared >= PARAPHRASE_OVERLAP_NEAR && cosineDense(meaningOf(c), meaningOf(o)) >= PARAPHRASE_MEANING);
}

/** The candidate's meaning vector (src/text/meaning), worked out once. */
function meaningOf(c: Candidate): Float32Array {
  return (c.meaning ??= textMeaning([{ text: c.text, weight: 1 }]));
}

/** Share of the smaller set that the larger one holds. */
function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

/**
 * Share of a sentence's facts that no chosen sentence has yet. Numbers weigh double: two
 * sentences with the same "372 to 99" report the same vote however they word it.
 */
function novelty(facts: Set<string>, chosen: Candidate[]): number {
  return share(facts, (f) => !chosen.some((o) => o.facts.has(f)));
}

/** Two figures in common (not years) mean the same fact: "by 81 votes to 52" / "By 81 to 52". */
function sharesFigures(c: Candidate, chosen: Candidate[]): boolean {
  let shared = 0;
  for (const f of c.facts) {
    if (!isFigure(f)) continue;
    if (chosen.some((o) => o.facts.has(f)) && ++shared >= 2) return true;
  }
  return false;
}

/**
 * The same phrase about the same figure is the same fact said twice: "keeping the minimum age for
 * mobilisation at 25" / "The minimum age for mobilisation stays at 25". A shared run of words with
 * three content words in it, plus one shared figure (not a year), marks the restatement.
 */
function restates(c: Candidate, chosen: Candidate[]): boolean {
  const words = c.key.split(' ');
  return chosen.some((o) => {
    if (![...c.facts].some((f) => isFigure(f) && o.facts.has(f))) return false;
    const other = ` ${o.key} `;
    for (let i = 0; i + RESTATED_RUN <= words.length; i++) {
      const run = words.slice(i, i + RESTATED_RUN);
      if (contentStems(run).length >= 3 && other.includes(` ${run.join(' ')} `)) return true;
    }
    return false;
  });
}

/** a number among the facts that is not a year */
function isFigure(f: string): boolean {
  return f.startsWith(NUMBER) && !/^#(19|20)\d\d$/.test(f);
}

/** a lead that restates the headline but adds who said it and some detail is still worth reading */
const MIN_TITLE_NOVELTY = 0.4;

/**
 * The sentence contains the title (`titleKey`: its words joined, '' for a title too short to tell), or says
 * little that `known` (the title's stems, and whatever else is already shown) does not.
 */
export function repeatsTitle(c: Candidate, known: Set<string>, titleKey: string): boolean {
  if (titleKey && (` ${c.key} `.includes(` ${titleKey} `) || ` ${titleKey} `.includes(` ${c.key} `))) return true;
  return share(c.stems, (s) => !known.has(s)) < MIN_TITLE_NOVELTY;
}

/** Weighted share of a set's members passing a test; numbers weigh double. */
export function share(set: Set<string>, test: (x: string) => boolean): number {
  let total = 0;
  let n = 0;
  for (const x of set) {
    const weight = x.startsWith(NUMBER) ? 2 : 1;
    total += weight;
    if (test(x)) n += weight;
  }
  return total === 0 ? 0 : n / total;
}
