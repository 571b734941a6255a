// Item titles as plain text: one line, no markup, no entities, bounded.
import { toPlainText } from './to-lines.js';
import { normalizeLine } from './normalize-text.js';
import { truncateAtWord } from './truncate.js';
import { hasVisibleText } from '../text/visible.js';

export const MAX_TITLE = 300;

export function cleanTitle(raw: string): string {
  const input = typeof raw === 'string' ? raw : String(raw ?? '');
  // Titles are short: no need to push megabytes of junk through the HTML parser.
  const text = toPlainText(input.slice(0, 20 * MAX_TITLE));
  const title = truncateAtWord(normalizeLine(text.replace(/\s+/g, ' ')), MAX_TITLE);
  // one that shows nothing is no title: the item is headed by its first sentence, as an untitled one
  return hasVisibleText(title) ? title : '';
}
