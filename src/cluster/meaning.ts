// What an item is about, as one dense vector: the IDF-weighted mean of its words' vectors (headline counted
// twice), minus what every item of the edition shares. Two reports of one event in different words
// ("says sorry" / "apologises", "jets" / "F-16s") land close; in a digest about one subject the subject
// itself is removed first, or every pair would look alike.

import type { Item } from '../types.js';
import { wordVectors } from '../text/vectors.js';
import { isZero, meanVector, normalise, vectorWords } from '../text/meaning.js';
import { STOP_WORDS } from '../text/stopwords.js';

/** The body adds meaning, but less per word than the headline and lead, and only its opening. */
const PLACE = { title: 2, lead: 1, body: 0.5 } as const;
const BODY_WORDS = 250;
/** Items it takes before the edition's mean direction is removed at half strength. */
const CENTRE_PRIOR = 20;

/** The item's content words as the vectors spell them (text/meaning.ts), stop words left out. */
function wordsOf(text: string, limit = Infinity): string[] {
  return vectorWords(text)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w))
    .slice(0, limit);
}

function bodyOf(item: Item): string {
  const text = item.text ?? '';
  const lead = item.lead ?? '';
  const at = lead ? text.indexOf(lead.slice(0, 60)) : -1;
  return at >= 0 ? text.slice(at + lead.length) : text.slice(lead.length);
}

/** Unit vectors centred on the input's mean; null for an item none of whose words has a vector (other scripts, names only). */
export function meaningVectors(items: Item[]): (Float32Array | null)[] {
  const vectors = wordVectors();
  const docs = items.map((item) => ({
    title: wordsOf(item.title),
    lead: wordsOf(item.lead || (item.text ?? '').slice(0, 300)),
    body: item.lead ? wordsOf(bodyOf(item), BODY_WORDS) : [],
  }));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set([...d.title, ...d.lead, ...d.body])) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(items.length, 50);
  const idf = (w: string) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1;

  const dims = vectors.dims;
  const out = docs.map((d) => {
    const v = new Float32Array(dims);
    for (const [place, words] of [['title', d.title], ['lead', d.lead], ['body', d.body]] as const) {
      for (const w of words) vectors.addTo(v, w, PLACE[place] * idf(w));
    }
    return normalise(v);
  });
  // Remove the common direction: the subject every item of a one-topic digest shares. A handful of items
  // has no reliable common direction (and removing the mean of three vectors turns them away from each
  // other), so the mean is shrunk towards none while the edition is small.
  const known = out.filter((v) => !isZero(v));
  const mean = meanVector(known, dims, known.length / (known.length + CENTRE_PRIOR));
  return out.map((v) => {
    if (isZero(v)) return null;
    // in place: a 10,000-item edition makes no second copy of its vectors
    for (let k = 0; k < dims; k++) v[k] -= mean[k];
    return normalise(v);
  });
}

export { cosineDense as dot } from '../text/meaning.js';
