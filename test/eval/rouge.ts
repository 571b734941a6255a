// ROUGE-1 (Lin 2004) as `npm run eval` computes it: unigram overlap between a summary and reference
// summaries, on lower-case words (letters and digits, src/text/tokens) reduced by the project's light
// stemmer (src/text/stem), stop words kept, each word counted at most as often as the reference has it.
// With several references a summary's scores are the mean of its scores against each.
import { stem } from '../../src/text/stem.js';
import { tokenize } from '../../src/text/tokens.js';

export interface Rouge {
  precision: number;
  recall: number;
  f1: number;
}

/** The units ROUGE counts: lower-cased, stemmed words in reading order. */
export function rougeWords(text: string): string[] {
  return tokenize(text).words.map(stem);
}

function counts(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** ROUGE-1 of a summary's words against one reference's words. */
export function rouge1Words(summary: string[], reference: string[]): Rouge {
  const ref = counts(reference);
  let overlap = 0;
  for (const [w, n] of counts(summary)) overlap += Math.min(n, ref.get(w) ?? 0);
  const precision = summary.length ? overlap / summary.length : 0;
  const recall = reference.length ? overlap / reference.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** ROUGE-1 of a summary's words against several references: the mean over the references. */
export function rouge1(summary: string[], references: string[][]): Rouge {
  const each = references.map((r) => rouge1Words(summary, r));
  return meanRouge(each);
}

export function meanRouge(scores: Rouge[]): Rouge {
  const n = scores.length || 1;
  return {
    precision: scores.reduce((s, x) => s + x.precision, 0) / n,
    recall: scores.reduce((s, x) => s + x.recall, 0) / n,
    f1: scores.reduce((s, x) => s + x.f1, 0) / n,
  };
}
