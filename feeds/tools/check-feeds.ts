// Quick look at the sample feeds with independent parsers: well-formed?, how many items, first title.
// Run: npx tsx feeds/tools/check-feeds.ts      (the full checks live in test/sample-feeds/)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredEncoding, keyOf, loadLabels, readFeedText, readSampleItems, sampleFeeds, wellFormednessError } from './sample.js';

async function main(): Promise<number> {
  const labels = loadLabels();
  let problems = 0;
  for (const feed of sampleFeeds()) {
    const name = path.basename(feed.file);
    const encoding = name.endsWith('.json') ? 'utf-8 (JSON)' : (declaredEncoding(readFileSync(feed.file)) ?? 'utf-8 (undeclared)');
    const xmlError = name.endsWith('.json') ? null : wellFormednessError(readFeedText(feed.file));
    if (xmlError) {
      problems++;
      console.log(`${name}: NOT well-formed: ${xmlError}`);
      continue;
    }
    const items = await readSampleItems(feed);
    const unlabelled = items.filter((it) => !(keyOf(it) in labels));
    problems += unlabelled.length;
    console.log(`${name} [${encoding}]: ${items.length} items, ${unlabelled.length} without a label; first title: ${items[0]?.title}`);
  }
  console.log(`labels.json: ${Object.keys(labels).length} entries`);
  return problems === 0 ? 0 : 1;
}

process.exitCode = await main();
