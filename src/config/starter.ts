// `digest init`: a starter config made from digest.config.example.yaml, so its comments still teach every option,
// with the user's title, time zone and feeds written in as text edits (the rest of the file stays as it is).
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import { entryLines, newEntries, type FeedEntry, type NewFeed } from './feed-list.js';

export interface Starter {
  title: string;
  /** IANA zone the schedule and the edition's week are read in */
  timezone: string;
  /** the feeds to list; none keeps the example's (a digest that works as it stands, to edit) */
  feeds: NewFeed[];
}

/** the line of the example's header after which its own words about itself end */
const HEADER_END = '#   npx digest feeds check';

/** The starter config's text and the feed entries written (their names and ids made unique). */
export function starterConfig(example: string, o: Starter): { text: string; entries: FeedEntry[] } {
  const doc = parseDocument(example);
  if (!isMap(doc.contents)) throw new Error('the example config is not a map');
  const root = doc.contents;
  const edits: { start: number; end: number; text: string }[] = [];
  const lineStart = (at: number) => example.lastIndexOf('\n', at - 1) + 1;
  /** just past the newline of the line `at` is on (the file's end when there is none) */
  const lineEnd = (at: number) => {
    const nl = example.indexOf('\n', at);
    return nl < 0 ? example.length : nl + 1;
  };
  const setValue = (path: string[], value: string) => {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || !node.range) throw new Error(`the example config has no ${path.join('.')}`);
    edits.push({ start: node.range[0], end: node.range[1], text: stringify(value, { lineWidth: 0 }).trimEnd() });
  };

  const header = example.indexOf(HEADER_END);
  if (header < 0) throw new Error(`the example config's header lacks "${HEADER_END}"`);
  edits.push({ start: 0, end: header, text: `# ${o.title}: a Roundup digest, begun by \`digest init\`. Adjust it to your subject (title, feeds,\n# themes, scope, email), then try:\n` });
  setValue(['title'], o.title);
  setValue(['timezone'], o.timezone);
  // The example's sender, web address and postal address are placeholders (example.org, "Roundup sample"): written in
  // as they are, send, tick, run and serve would mail with them (a From no relay may use, every unsubscribe link on a
  // host that is not the operator's). Left as comments, those commands refuse to start until they are written.
  const email = doc.get('email', true);
  if (!isMap(email)) throw new Error('the example config has no email section');
  for (const key of ['from', 'baseUrl', 'address']) {
    const pair = email.items.find((p) => isScalar(p.key) && p.key.value === key);
    const valueEnd = (pair?.value as { range?: number[] } | null)?.range?.[1];
    if (!pair || !isScalar(pair.key) || !pair.key.range || valueEnd === undefined) throw new Error(`the example config has no email.${key}`);
    const from = lineStart(pair.key.range[0]);
    const indent = ' '.repeat(pair.key.range[0] - from);
    const value = key === 'from' ? stringify(`${o.title} <digest@example.org>`, { lineWidth: 0 }).trimEnd() : example.slice(pair.value && isScalar(pair.value) && pair.value.range ? pair.value.range[0] : valueEnd, valueEnd);
    edits.push({ start: from, end: lineEnd(valueEnd - 1), text: `${indent}# ${key}: ${value}   # yours: digest send, tick, run and serve need it\n` });
  }

  let entries: FeedEntry[] = [];
  if (o.feeds.length > 0) {
    ({ entries } = newEntries(o.feeds, []));
    // The example's scope keeps only items about its own subject (the war in Ukraine): it would leave a digest of
    // other feeds empty. It stays in the file as a commented example.
    const scope = root.items.find((p) => isScalar(p.key) && p.key.value === 'scope');
    const scopeEnd = (scope?.value as { range?: number[] } | null)?.range?.[1];
    if (!scope || !isScalar(scope.key) || !scope.key.range || scopeEnd === undefined) throw new Error('the example config has no scope');
    const from = lineStart(scope.key.range[0]);
    const block = example.slice(from, lineEnd(scopeEnd - 1));
    edits.push({ start: from, end: from + block.length, text: block.replace(/^(?=.)/gm, '# ') });
    // The example's feeds and the comments about them give way to the user's.
    const feedsKey = root.items.find((p) => isScalar(p.key) && p.key.value === 'feeds');
    const seq = feedsKey?.value;
    if (!feedsKey || !isScalar(feedsKey.key) || !feedsKey.key.range || !isSeq(seq) || !seq.range) throw new Error('the example config has no feeds list');
    const first = lineEnd(feedsKey.key.range[0]);
    const indent = ' '.repeat(seq.range[0] - lineStart(seq.range[0]));
    edits.push({ start: first, end: lineEnd(seq.range[1] - 1), text: `${entryLines(entries, indent)}\n` });
  }

  let text = example;
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return { text, entries };
}
