// Marks in front of a headline that are not part of it.
//
// A newsletter, a notebook or a podcast numbers its issues in the title ("No. 213 · Brake parts at triple the
// price", "Ep. 416 — Moscow's no to Muscat"): the number is the series' count, not the news, and beside another
// outlet's report of the same event it reads as an amount the other does not give. Only a number followed by a
// separator is cut: "No. 19 Kansas State pummels N.H." is a ranking, part of the headline.
//
// A wire service heads its headlines with filing marks that are not part of the headline: a version mark
// ("UPDATE 2-", "REFILE-", "CORRECTED-") and a slug naming the desk's topic ("UKRAINE-STRIKE/ENERGY - ",
// "GLOBAL MARKETS-", "FLASH RUSSIA-UKRAINE/TAGANROG - "). Shown to a reader they are noise; compared between
// outlets they are words every item of that wire shares ("UKRAINE", "RUSSIA", "STRIKE"), which make two
// different events look alike.
//
// Only what cannot be a headline's own words is cut: capitals joined by "-" or "/", or several words in capitals,
// before a dash, followed by a headline in ordinary case. "NATO-Russia council meets", "US-Israel ties" and
// "F-16s arrive" keep their words (no capital run before a dash), and so does a headline written all in capitals.

/**
 * "No. 213 · ", "Ep. 416 — ", "Episode 12: ", "#12 | ". After "No." a colon or a hyphen is not a separator: "No. 10: PM
 * denies…" is Downing Street.
 */
const SERIES_NUMBER = /^(?:(?:No|Nr)\.\s*\d+\s*[·•|—–]|(?:Ep\.|Episode|Issue|#)\s*\d+\s*[·•|:—–-])\s+(?=\S)/iu;
/** "UPDATE 2-", "REFILE-", "CORRECTED:", "WRAPUP 1-" */
const VERSION_MARK = /^(?:UPDATE|REFILE|CORRECTED|WRAPUP)(?:\s*\d+)?\s*[-–:]\s*/u;
/** a word in capitals (digits allowed after the first letter) */
const CAPS = String.raw`\p{Lu}[\p{Lu}\d]+`;
/** "UKRAINE-STRIKE/ENERGY - ", "FLASH UKRAINE-STRIKE/IZMAIL - ", "SPORT-SKATING/GPF – ": a joined slug before a spaced dash */
const JOINED_SLUG = new RegExp(String.raw`^(?:${CAPS}\s+)*${CAPS}(?:[-/]${CAPS})+\s+[-–—]\s+`, 'u');
/** "GLOBAL MARKETS-", "ECB FOCUS-": two words or more in capitals before a dash */
const WORDS_SLUG = new RegExp(String.raw`^(?:${CAPS}\s+)+${CAPS}\s*[-–—]\s*`, 'u');
/** What is left after a slug must read as a headline: opening on a capital, in ordinary case (not all capitals). */
function readsAsHeadline(text: string): boolean {
  return /^\p{Lu}/u.test(text) && /\p{Ll}/u.test(text);
}

export interface MarkedHeadline {
  /** the headline without the marks; the whole headline when it has none */
  headline: string;
  /** the slug's topics, as the desk filed the item ("UKRAINE", "STRIKE", "ENERGY"); none without a slug */
  topics: string[];
}

/**
 * A headline split from a series' number, or a wire service's version mark and topic slug, in front of it; any other
 * headline as it is.
 */
export function splitHeadlineMarks(headline: string): MarkedHeadline {
  const numbered = headline.replace(SERIES_NUMBER, '');
  if (numbered !== headline && numbered.length > 0) return { headline: numbered, topics: [] };
  const rest = headline.replace(VERSION_MARK, '');
  for (const slug of [JOINED_SLUG, WORDS_SLUG]) {
    const m = slug.exec(rest);
    if (!m) continue;
    const after = rest.slice(m[0].length);
    if (!readsAsHeadline(after)) break;
    const topics = m[0].replace(/[\s\-–—]+$/u, '').split(/[-/]/u).map((t) => t.trim()).filter(Boolean);
    return { headline: after, topics };
  }
  return { headline: rest.length > 0 ? rest : headline, topics: [] };
}

/** The headline without the marks in front of it (splitHeadlineMarks). */
export function withoutHeadlineMarks(headline: string): string {
  return splitHeadlineMarks(headline).headline;
}
