// Bytes → text, choosing the encoding the way browsers do for XML documents.
//
// Precedence (first that applies wins):
//   1. a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
//   2. the HTTP `charset` parameter of Content-Type (it overrides the XML declaration, as in browsers and RFC 7303),
//      except the web's default iso-8859-1 / us-ascii / windows-1252 over a declaration of another legacy encoding;
//   3. the XML declaration's `encoding` (or an HTML <meta charset>), read from an ASCII-compatible prefix;
//      UTF-16/32 without a BOM is recognised by the NUL-byte pattern of "<?" / "<";
//   4. fallback: UTF-8 when the bytes are valid UTF-8, otherwise a guess (guess.ts: windows-1252 unless the
//      text reads clearly better as windows-1251, KOI8-R (KOI8-U), Big5, GB18030, Shift_JIS, EUC-JP or EUC-KR).
// Labels map like the WHATWG Encoding Standard (iso-8859-1 and us-ascii decode as windows-1252), but KOI8-R as KOI8-U.
// Guards against mojibake:
//   - UTF-8 (by BOM, label or default) over bytes that are not all UTF-8: valid sequences decode as UTF-8 and stray
//     bytes as windows-1252; with no multi-byte sequence, or over twice as many stray bytes, the guess of step 4 decides;
//   - a single-byte label over bytes that are valid multi-byte UTF-8 decodes as UTF-8 (the label was wrong;
//     believing it would produce "Ã©"-style titles);
//   - C1 controls (U+0080–U+009F) left after decoding become the windows-1252 characters they stand for.
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { guessLegacyEncoding } from './guess.js';

export interface Decoded {
  text: string;
  /** name of the encoding actually used, lower case (e.g. "utf-8", "windows-1251") */
  encoding: string;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

const CP1252_HIGH = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => i + 128)), 'windows-1252');

/** length of the valid UTF-8 sequence starting at i, or 0 */
function utf8SequenceAt(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    if (c === 0xe0 && b[i + 1] < 0xa0) return 0; // overlong
    if (c === 0xed && b[i + 1] >= 0xa0) return 0; // surrogates
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c === 0xf0 && b[i + 1] < 0x90) return 0;
    if (c === 0xf4 && b[i + 1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

/**
 * UTF-8 with stray single-byte characters mixed in (content pasted from a latin-1 source into a UTF-8 page):
 * valid sequences decode as UTF-8, each invalid byte as its windows-1252 character. Null when the bytes are not
 * mostly UTF-8: no valid multi-byte sequence at all, or more than twice as many stray bytes as sequences (then a legacy
 * encoding fits better). Legacy text holds valid pairs by chance: windows-1251 "Ві" (in "Війна", "Він") is C2 B3,
 * and one such pair made a Ukrainian feed read as windows-1252 ("³éíà").
 */
function decodeMixedUtf8(b: Uint8Array): string | null {
  let out = '';
  let runStart = 0;
  let sequences = 0;
  let strays = 0;
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < b.length; ) {
    if (b[i] < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceAt(b, i);
    if (len) {
      sequences++;
      i += len;
      continue;
    }
    strays++;
    out += utf8.decode(b.subarray(runStart, i)) + CP1252_HIGH[b[i] - 0x80];
    i++;
    runStart = i;
  }
  return sequences > 0 && strays <= 2 * sequences ? out + utf8.decode(b.subarray(runStart)) : null;
}

/** the charset parameter of a Content-Type header value, unquoted and lower-cased */
function charsetFromContentType(contentType?: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|([^;\s]+))/i.exec(contentType);
  if (!m) return null;
  const value = (m[2] ?? m[3] ?? m[4] ?? '').trim().toLowerCase();
  return value || null;
}

/** canonical iconv-lite name for a label, or null when unknown */
function normaliseLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  let l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  l = l.replace(/_/g, '-');
  // WHATWG: these labels mean windows-1252 on the web
  if (['us-ascii', 'ascii', 'iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'cp819', 'iso-ir-100'].includes(l)) {
    return 'windows-1252';
  }
  if (l === 'utf8') l = 'utf-8';
  if (l === 'u16' || l === 'utf16') l = 'utf-16';
  if (l === 'utf32') l = 'utf-32';
  if (l === 'gb2312' || l === 'gbk' || l === 'x-gbk') return 'gb18030'; // superset, as browsers do
  if (l === 'x-mac-cyrillic' || l === 'mac-cyrillic') return 'maccyrillic';
  // KOI8-U is KOI8-R with і, ї, є, ґ where KOI8-R has box-drawing characters no feed's text uses: Ukrainian CMSs label
  // their KOI8-U "koi8-r", and read as KOI8-R, "Київ" became "Ки╖в"
  if (l === 'koi8-r' || l === 'koi8r' || l === 'cskoi8r' || l === 'koi8') return 'koi8-u';
  if (!iconv.encodingExists(l)) return null;
  return l;
}

const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|maccyrillic|cp\d+|macintosh)$/;

type Bom = { encoding: string; length: number };

function sniffBom(b: Uint8Array): Bom | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { encoding: 'utf-32le', length: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** UTF-16/32 without BOM, from the NUL pattern around the first '<' */
function sniffWideWithoutBom(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0x3c) return 'utf-32be';
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0x3c) return 'utf-16be';
  if (b[0] === 0x3c && b[1] === 0) return 'utf-16le';
  return null;
}

/** encoding named in <?xml … encoding="…"?> or <meta charset> within the first bytes */
function declaredInDocument(b: Uint8Array): string | null {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 2048)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/i.exec(head);
  if (xml) return xml[1];
  if (!/<meta/i.test(head)) return null;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head);
  return meta ? meta[1] : null;
}

function endianOf(label: string, b: Uint8Array): string {
  // "utf-16"/"utf-32" without BOM: guess byte order from where the NULs are
  if (label === 'utf-16') return b[0] === 0 && b[1] !== 0 ? 'utf-16be' : 'utf-16le';
  if (label === 'utf-32') return b[0] === 0 && b[3] !== 0 ? 'utf-32be' : 'utf-32le';
  return label;
}

function isWide(label: string): boolean {
  return /^utf-(16|32)/.test(label);
}

/** choose the encoding for a label found in the headers or the document, double-checking it against the bytes */
function confirm(label: string, bytes: Uint8Array, asciiCompatibleDocument: boolean, utf8Valid: () => boolean): string {
  // A document whose declaration we could read as ASCII is not UTF-16/32, whatever it says.
  if (isWide(label) && asciiCompatibleDocument) return utf8Valid() ? 'utf-8' : guessLegacyEncoding(bytes);
  if (SINGLE_BYTE.test(label) && !isAscii(bytes) && utf8Valid()) return 'utf-8';
  return endianOf(label, bytes);
}

/**
 * Does the document declare a legacy encoding other than windows-1252? Then an HTTP charset of iso-8859-1 (or
 * us-ascii, windows-1252) is the server's default for text, not a statement about these bytes (Apache's
 * AddDefaultCharset, servlet containers), and the generator that wrote the declaration wrote the bytes: believing the
 * header turned a windows-1251 feed into "Êè¿â".
 */
function namesOtherLegacy(fromDocument: string | null): boolean {
  return fromDocument !== null && fromDocument !== 'windows-1252' && fromDocument !== 'utf-8' && !isWide(fromDocument);
}

// U+0080–U+009F are C1 controls that never appear in real text: they are windows-1252 punctuation
// (curly quotes, dashes, €) that went through a latin-1 decoder somewhere upstream. Map them back.
const C1_AS_CP1252 = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function demoronize(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => C1_AS_CP1252[c.charCodeAt(0) - 0x80]);
}

/** does UTF-8 text hold a C1 control? Only the bytes C2 80–C2 9F encode one; found with memchr, not a text scan */
function utf8HasC1(b: Buffer): boolean {
  for (let i = b.indexOf(0xc2); i >= 0 && i + 1 < b.length; i = b.indexOf(0xc2, i + 1)) {
    if (b[i + 1] >= 0x80 && b[i + 1] <= 0x9f) return true;
  }
  return false;
}

/** the bytes from `start` as a Buffer over the same memory (Buffer.from(Uint8Array) would copy them) */
function view(b: Uint8Array, start = 0): Buffer {
  return Buffer.from(b.buffer, b.byteOffset + start, b.byteLength - start);
}

/** valid UTF-8 bytes → text, with the C1 clean-up only when a C1 control is there at all */
function fromValidUtf8(b: Buffer): string {
  let text = b.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a second BOM after the first
  return utf8HasC1(b) ? demoronize(text) : text;
}

export function decodeFeed(body: Buffer, contentType?: string | null): Decoded {
  const bytes = body instanceof Uint8Array ? body : Buffer.from(body as ArrayLike<number>);
  const bom = sniffBom(bytes);
  if (bom?.encoding === 'utf-8') {
    const rest = view(bytes, 3);
    if (isUtf8(rest)) return { text: fromValidUtf8(rest), encoding: 'utf-8' };
    const mixed = decodeMixedUtf8(rest);
    if (mixed !== null) return { text: demoronize(mixed), encoding: 'utf-8+windows-1252' };
    // a UTF-8 BOM before bytes that are not UTF-8 (a template saved with one, its text in windows-1251): they decide
    const legacy = guessLegacyEncoding(rest);
    return { text: demoronize(iconv.decode(rest, legacy)), encoding: legacy };
  }
  if (bom) {
    return { text: demoronize(iconv.decode(view(bytes, bom.length), bom.encoding)), encoding: bom.encoding };
  }
  // plain ASCII (most feeds that escape everything) reads the same in every ASCII-compatible encoding
  if (isAscii(bytes) && !sniffWideWithoutBom(bytes)) return { text: view(bytes).toString('latin1'), encoding: 'us-ascii' };
  // UTF-8 validity is checked once (simdutf, far cheaper than decoding); decoding happens only if UTF-8 is chosen
  let valid: boolean | undefined;
  const isValid = () => (valid ??= isUtf8(bytes));
  const wide = sniffWideWithoutBom(bytes);
  const fromHeader = normaliseLabel(charsetFromContentType(contentType));
  const fromDocument = wide ? null : normaliseLabel(declaredInDocument(bytes));
  let encoding: string;
  if (wide && !(fromHeader && isWide(fromHeader))) encoding = wide;
  else if (fromHeader && !(fromHeader === 'windows-1252' && namesOtherLegacy(fromDocument))) encoding = confirm(fromHeader, bytes, !wide, isValid);
  else if (fromDocument) encoding = confirm(fromDocument, bytes, true, isValid);
  else encoding = isValid() ? 'utf-8' : guessLegacyEncoding(bytes);
  if (encoding === 'utf-8') {
    if (isValid()) return { text: fromValidUtf8(view(bytes)), encoding };
    const mixed = decodeMixedUtf8(bytes);
    if (mixed !== null) return { text: demoronize(mixed), encoding: 'utf-8+windows-1252' };
    encoding = guessLegacyEncoding(bytes);
  }
  let text = iconv.decode(view(bytes), encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: demoronize(text), encoding };
}
