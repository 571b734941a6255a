// Plain text out of feed fields, and the mojibake check/repair applied to titles.
import { decodeHTML } from 'entities';

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

// A UTF-8 multi-byte sequence read as windows-1252/latin-1 shows up as a lead char (Â-ô) followed by
// "continuation" chars: U+0080–U+00BF or the windows-1252 specials that sit on bytes 0x80–0x9F.
const CP1252_SPECIALS = '\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178';
const CONT = `[\\u0080-\\u00BF${CP1252_SPECIALS}]`;
const MOJIBAKE = new RegExp(`\\uFFFD|[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}`);

/** true when text looks mis-decoded: U+FFFD, or UTF-8 bytes read as a single-byte encoding ("Ã©", "Ð¸", "â€™") */
export function looksLikeMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}

const CP1252_TO_BYTE = new Map<number, number>();
[0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f].forEach((byte, i) =>
  CP1252_TO_BYTE.set(CP1252_SPECIALS.charCodeAt(i), byte),
);

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Undo one round of "UTF-8 decoded as windows-1252/latin-1" (e.g. a feed that double-encoded its titles).
 * Only when every char maps back to a byte and the bytes are valid UTF-8; otherwise the text is returned unchanged.
 */
function repairMojibake(text: string): string {
  if (!looksLikeMojibake(text) || text.includes('\uFFFD')) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c <= 0xff) bytes.push(c);
    else if (CP1252_TO_BYTE.has(c)) bytes.push(CP1252_TO_BYTE.get(c)!);
    else return text;
  }
  try {
    const fixed = utf8Strict.decode(Uint8Array.from(bytes));
    return looksLikeMojibake(fixed) ? text : fixed;
  } catch {
    return text;
  }
}
