// Shorten text to a character budget without cutting a word in half.

/** ≤ max characters; when cut, ends at a word boundary with "…" (hard cut only if there is no space to cut at). */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (emoji, rare scripts).
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  // text[max - 1] being a space means the cut already fell between words.
  if (!/\s/.test(text[max - 1] ?? '') && space > max / 3) cut = cut.slice(0, space);
  return cut.replace(/[\s,;:(\-–—]+$/u, '').replace(/[.…]+$/u, '') + '…';
}
