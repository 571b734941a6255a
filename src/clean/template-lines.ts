// Lines that repeat across many items of one feed are the site's template (footers, promos, labels),
// not news: an article sentence rarely appears verbatim in several different items.
import { lineKey } from './normalize-text.js';

/** Keys of lines seen in enough items of the feed to count as template. */
export function findTemplateLines(itemsLines: string[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of itemsLines) {
    for (const key of new Set(lines.map(lineKey))) {
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const total = itemsLines.length;
  const template = new Set<string>();
  for (const [key, count] of counts) {
    if (isTemplate(key, count, total)) template.add(key);
  }
  return template;
}

function isTemplate(key: string, count: number, total: number): boolean {
  // Three items repeating a line is a pattern; two is enough only in a tiny feed, and only for a short line
  // (two items of a two-item feed may legitimately quote the same long paragraph).
  if (count >= 3) return true;
  return count >= 2 && count * 2 >= total && key.length <= 200;
}
