// Make feed-supplied strings safe to show: one line, no control or bidi-override characters, bounded length,
// and links that can only be http(s).
import { slug } from '../text/slug.js';
import { eachGrapheme } from '../text/columns.js';

// C0/C1 controls, line/paragraph separators, bidi overrides and isolates, BOM.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of plain text: control and bidi-override characters become spaces, runs of spaces collapse. */
export function plainLine(value: string | null | undefined): string {
  return String(value ?? '').replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

/** One line of plain text (plainLine), bounded to `max` characters. */
export function oneLineText(value: string | null | undefined, max: number): string {
  return truncate(plainLine(value), max);
}

/**
 * Cut at a word boundary near `max` characters (code points) and add an ellipsis; never inside a character as
 * readers see one (a flag, an emoji sequence, a letter and its marks: half a flag shows as a letter in a box).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text; // no more code points than UTF-16 units: short enough, no need to split
  if (Array.from(text).length <= max) return text;
  let cut = '';
  let points = 0;
  for (const g of eachGrapheme(text)) {
    points += Array.from(g).length;
    if (points > max - 1) break;
    cut += g;
  }
  const space = cut.lastIndexOf(' ');
  const head = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.\-–—·]+$/, '')}…`;
}

const MAX_URL = 2048;

/** The URL if it is an absolute http(s) URL without credentials, normalised; otherwise null. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const raw = value.replace(UNSAFE_CHARS, '').trim();
  if (raw.length > MAX_URL) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.href;
}

/** Lower-case id limited to [a-z0-9_-], for anchors and section markers. */
export function sectionSlug(id: string): string {
  return slug(id, { keepIdChars: true, fallback: 'section' });
}
