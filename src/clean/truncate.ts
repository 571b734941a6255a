// Shorten text to a character budget without cutting a word in half.
import { eachGrapheme } from '../text/columns.js';

/** ≤ max characters; when cut, ends at a word boundary with "…" (hard cut only if there is no space to cut at). */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut inside a character as readers see one: half of a surrogate pair, of a flag (a letter in a box), of an
  // emoji sequence, or a letter without its marks.
  let cut = '';
  for (const g of eachGrapheme(text)) {
    if (cut.length + g.length > max - 1) break;
    cut += g;
  }
  const space = cut.search(/\s\S*$/);
  // text[max - 1] being a space means the cut already fell between words.
  if (!/\s/.test(text[max - 1] ?? '') && space > max / 3) cut = cut.slice(0, space);
  return cut.replace(/[\s,;:(\-–—]+$/u, '').replace(/[.…]+$/u, '') + '…';
}
