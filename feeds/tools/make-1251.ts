// Builds feeds/ukrinform-1251.xml: the sample Ukrainian feed, whose bytes must really be windows-1251.
// The text is kept in UTF-8 (ukrinform-1251.utf8.txt) so it can be edited; this script re-encodes it.
// Run: npx tsx feeds/tools/make-1251.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const sourcePath = here('./ukrinform-1251.utf8.txt');
const targetPath = here('../ukrinform-1251.xml');

const text = readFileSync(sourcePath, 'utf8');
if (!text.startsWith('<?xml version="1.0" encoding="windows-1251"?>')) {
  throw new Error(`${sourcePath}: must start with an XML declaration that says encoding="windows-1251"`);
}

const bytes = iconv.encode(text, 'windows-1251');
// iconv-lite silently turns characters that cp1251 lacks into '?': refuse instead of shipping a broken feed.
const roundTrip = iconv.decode(bytes, 'windows-1251');
if (roundTrip !== text) {
  const at = [...text].findIndex((ch, i) => ch !== [...roundTrip][i]);
  throw new Error(`${sourcePath}: character ${JSON.stringify([...text][at])} cannot be written in windows-1251`);
}

writeFileSync(targetPath, bytes);
console.log(`wrote ${targetPath} (${bytes.length} bytes, windows-1251)`);
