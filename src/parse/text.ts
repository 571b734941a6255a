// Plain text out of feed fields, and the mojibake check/repair applied to titles.
import { decodeHTML } from 'entities';
import { repairMojibake } from '../text/mojibake.js';

export { looksLikeMojibake } from '../text/mojibake.js';

// Every pattern stops at the next "<" or runs to the end, so no input makes them scan the text more than once per tag.
const BLOCK_TAG = /<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|pre|hr)\b[^<>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?(?:-->|$)|<![A-Za-z][^<>]*>|<\?[\s\S]*?(?:\?>|$)/g;
const INVISIBLE = /<(script|style|noscript|template)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
// C0/C1 controls other than tab/newline, zero-width and bidi marks that break titles
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\uFEFF]/g;

function stripTags(html: string): string {
  return html.replace(INVISIBLE, ' ').replace(BLOCK_TAG, ' ').replace(ANY_TAG, '');
}

/** HTML entity decoding, except that references to impossible code points (&#0;, lone surrogates) vanish
 *  instead of becoming U+FFFD */
export function decodeEntities(s: string): string {
  const cleaned = s.replace(/&#(?:(\d{1,8})|[xX]([0-9A-Fa-f]{1,8}));?/g, (ref, dec, hex) => {
    const cp = dec !== undefined ? Number(dec) : parseInt(hex, 16);
    return cp === 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff ? '' : ref;
  });
  return decodeHTML(cleaned);
}

/** longer "titles" are not titles; cutting them keeps every step linear and cheap */
const MAX_TEXT = 20_000;

// Characters none of the clean-up steps touch: printable ASCII and the letters, punctuation and CJK blocks, minus
// everything CONTROL, MOJIBAKE (Latin-1 range, U+FFFD) or \s (U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F,
// U+3000, U+FEFF) look for. A title made of these alone, single-spaced and trimmed, is already plain text.
const NEEDS_CLEANUP = /[^\x20-\x7E\u0100-\u167F\u1681-\u1FFF\u2010-\u2027\u2030-\u205E\u2061-\u2FFF\u3001-\uD7FF]| {2}|^ | $/;

/**
 * Markup or escaped markup → plain text: tags stripped, entities decoded, whitespace collapsed.
 * Mojibake is repaired where that is certain (see repairMojibake).
 * Repeats (at most 3 times) so double-escaped titles (`&amp;amp;`, `&lt;b&gt;`) come out clean.
 */
export function plainText(input: string): string {
  const raw = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  // most titles hold no markup and no references: skip straight to the clean-up, or past it when there is none to do
  if (!raw.includes('<') && !raw.includes('&')) {
    if (!NEEDS_CLEANUP.test(raw)) return raw;
    return repairMojibake(raw).replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  }
  let s = raw;
  for (let i = 0; i < 3; i++) {
    const next = decodeEntities(stripTags(s));
    if (next === s) break;
    s = next;
  }
  return repairMojibake(s).replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/**
 * The primary language subtag of a language a feed declares ("en" of "en-us", "EN_GB", "uk-UA"), or "" when it is
 * not a language tag (RFC 5646 primary subtags are 2–3 letters; "x-…", "i-…" and empty values name none).
 */
export function languageTag(declared: string): string {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(declared.trim());
  return m ? m[1].toLowerCase() : '';
}
