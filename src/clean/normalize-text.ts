// Character-level normalisation of one line of already-decoded text:
// mojibake repair, invisible characters, odd spaces, and consistent (curly) quotes.
import { repairMojibake } from '../text/mojibake.js';

/** Zero-width characters, soft hyphens and BOMs carry nothing a reader sees. */
const INVISIBLE = /[\u00ad\u180e\u200b\u2060-\u2064\ufeff]/g;
/**
 * The zero-width non-joiner and joiner do, between two letters of the scripts that use them (Persian "می‌خواهیم",
 * Indic conjuncts) and between emoji (👩‍👩‍👧): kept there. Next to ASCII or a space they are only noise (or a keyword
 * split to slip past a filter): dropped. Matching reads words without them (text/tokens.ts).
 */
const STRAY_JOINER = /(?<![^\x00-\x7f\s])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f\s])/g;
/** NBSP and the other Unicode spaces become a plain space. */
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** C0/C1 controls (newlines are handled by the caller, which splits on them first). */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** Straight and oddball quotes → curly ones, so the whole digest uses one style. */
export function curlyQuotes(s: string): string {
  return s
    .replace(/[\u201b\u2032\u00b4](?=\p{L})/gu, '\u2019') // ‛ ′ ´ used as apostrophes
    .replace(/\u201f/g, '\u201c')
    .replace(/(^|[\s([{\u2014\u2013/-])"/gu, '$1\u201c') // " opening a quote
    .replace(/"/g, '\u201d') // every other " closes one
    .replace(/(\p{L}|\p{N})'(?=\p{L})/gu, '$1\u2019') // don't, Kyiv's
    .replace(/'(?=\d\d?s?\b)/g, '\u2019') // '90s, '24
    .replace(/(^|[\s([{\u2014\u2013\u201c/-])'/gu, '$1\u2018') // ' opening a quote
    .replace(/'/g, '\u2019');
}

/** One line of decoded text → clean single-spaced text. */
export function normalizeLine(s: string): string {
  return curlyQuotes(
    repairMojibake(s)
      .replace(INVISIBLE, '')
      .replace(STRAY_JOINER, '')
      .replace(ODD_SPACE, ' ')
      .replace(CONTROL, ' ')
      // Broken markup fragments left as text ("<a", "</", "<!x"): drop the bracket so nobody takes them for a tag.
      // (from a run's first "<" only: tried from each "<" of a run, the run is read again each time)
      .replace(/(?<!<)<+(?=[a-z!/?])/gi, '')
      .replace(/ {2,}/g, ' ')
      .trim(),
  );
}

/** Normalised comparison key: case, punctuation and spacing do not matter. */
export function lineKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
