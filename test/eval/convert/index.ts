// Converts the public labelled sets (downloaded by hand, never committed) into the set format under
// $ROUNDUP_EVAL_DATA (default /work/eval-data), each as a -dev (tuning) and -test (held-out) half:
//   node --import tsx test/eval/convert/index.ts newswcl50 <raw-articles-dir> <urls.tsv>
//   node --import tsx test/eval/convert/index.ts bbc <bbc-dir>
//   node --import tsx test/eval/convert/index.ts agnews <test.csv>
//   node --import tsx test/eval/convert/index.ts ecbplus <ECB+-dir>
//   node --import tsx test/eval/convert/index.ts bbcsum <"BBC News Summary"-dir>
//   node --import tsx test/eval/convert/index.ts huffpost <News_Category_Dataset_v3.json>
//   node --import tsx test/eval/convert/index.ts allsides <headline_*_crawled_all.jsonl>
import { EVAL_DATA } from '../sets.js';
import { convertAllSides, META as ALLSIDES } from './allsides.js';
import { convertAgNews, META as AG } from './agnews.js';
import { convertBbc, META as BBC } from './bbc.js';
import { bbcHalfGroup, convertBbcSummary, META as BBCSUM } from './bbcsum.js';
import { convertEcbPlus, META as ECB, topicOf } from './ecbplus.js';
import { convertHuffPost, META as HUFF } from './huffpost.js';
import { convertNewsWcl50, META as WCL } from './newswcl50.js';
import { writeSplit } from './write-split.js';

const [kind, ...inputs] = process.argv.slice(2);
const usage = 'usage: convert/index.ts newswcl50 <raw-articles-dir> <urls.tsv> | bbc <bbc-dir> | agnews <test.csv> | ecbplus <ECB+-dir> | bbcsum <BBC-News-Summary-dir> | huffpost <News_Category_Dataset_v3.json> | allsides <headline_*_crawled_all.jsonl>';
try {
  let lines: string[];
  if (kind === 'newswcl50' && inputs.length === 2) lines = writeSplit(EVAL_DATA, 'newswcl50', WCL, convertNewsWcl50(inputs[0], inputs[1]));
  else if (kind === 'bbc' && inputs.length === 1) lines = writeSplit(EVAL_DATA, 'bbc', BBC, convertBbc(inputs[0]));
  else if (kind === 'agnews' && inputs.length === 1) lines = writeSplit(EVAL_DATA, 'agnews', AG, convertAgNews(inputs[0]));
  else if (kind === 'ecbplus' && inputs.length === 1) lines = writeSplit(EVAL_DATA, 'ecbplus', ECB, convertEcbPlus(inputs[0]), topicOf);
  else if (kind === 'huffpost' && inputs.length === 1) lines = writeSplit(EVAL_DATA, 'huffpost', HUFF, convertHuffPost(inputs[0]));
  else if (kind === 'allsides' && inputs.length === 1) {
    const { items, summaries } = convertAllSides(inputs[0]);
    lines = writeSplit(EVAL_DATA, 'allsides', ALLSIDES, items, undefined, summaries);
  } else if (kind === 'bbcsum' && inputs.length === 1) {
    const { items, summaries } = convertBbcSummary(inputs[0]);
    lines = writeSplit(EVAL_DATA, 'bbcsum', BBCSUM, items, bbcHalfGroup, summaries);
  } else {
    console.error(usage);
    process.exit(2);
  }
  for (const line of lines) console.log(line);
} catch (err) {
  console.error(`convert: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  process.exitCode = 1;
}
