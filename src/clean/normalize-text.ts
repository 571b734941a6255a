// Character-level normalisation of one line of already-decoded text:
// mojibake repair, invisible characters, odd spaces, and consistent (curly) quotes.
import iconv from 'iconv-lite';

/** Windows-1252 reverse map: character → byte, so UTF-8 that was mis-decoded as 1252 can be re-encoded. */
const CP1252_BYTE = buildCp1252Map();

function buildCp1252Map(): Map<string, number> {
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = iconv.decode(Buffer.from([b]), 'win1252');
    // Bytes 1252 leaves undefined (0x81, 0x8D, …) show up as their C1 control character.
    map.set(ch.length === 1 && ch !== '\ufffd' ? ch : String.fromCharCode(b), b);
    map.set(String.fromCharCode(b), b);
  }
  return map;
}

// A run of characters that could be UTF-8 bytes read as 1252, starting with a typical lead byte (Â Ã â …).
const MOJIBAKE_RUN = /[\u00c2-\u00f4][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+/g;

/** Repair "â€™"-style mojibake run by run, keeping a run only when it re-decodes to clean UTF-8. */
export function fixMojibake(s: string): string {
  if (!/[\u00c2-\u00f4]/.test(s)) return s;
  return s.replace(MOJIBAKE_RUN, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const b = CP1252_BYTE.get(ch);
      if (b === undefined) return run;
      bytes.push(b);
    }
    const decoded = Buffer.from(bytes).toString('utf8');
    // Legit accented text (e.g. "ÀÉ") is not valid UTF-8 as bytes and yields U+FFFD: leave it alone.
    return decoded.includes('\ufffd') || decoded.length >= run.length ? run : decoded;
  });
}

/** Zero-width characters, soft hyphens and BOMs carry nothing a reader sees. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/g;
/** NBSP and the other Unicode spaces become a plain space. */
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** C0/C1 controls (newlines are handled by the caller, which splits on them first). */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** Straight and oddball quotes → curly ones, so the whole digest uses one style. */
export function curlyQuotes(s: string): string {
  return s
    .replace(/[\u201b\u2032\u00b4](?=\p{L})/gu, '\u2019') // ‛ ′ ´ used as apostrophes
    .replace(/\u201f/g, '\u201c')
    .replace(/(^|[\s([{\u2014\u2013/-])"/gu, '$1\u201c') // " opening a quote
    .replace(/"/g, '\u201d') // every other " closes one
    .replace(/(\p{L}|\p{N})'(?=\p{L})/gu, '$1\u2019') // don't, Kyiv's
    .replace(/'(?=\d\d?s?\b)/g, '\u2019') // '90s, '24
    .replace(/(^|[\s([{\u2014\u2013\u201c/-])'/gu, '$1\u2018') // ' opening a quote
    .replace(/'/g, '\u2019');
}

/** One line of decoded text → clean single-spaced text. */
export function normalizeLine(s: string): string {
  return curlyQuotes(
    fixMojibake(s)
      .replace(INVISIBLE, '')
      .replace(ODD_SPACE, ' ')
      .replace(CONTROL, ' ')
      // Broken markup fragments left as text ("<a", "</", "<!x"): drop the bracket so nobody takes them for a tag.
      .replace(/<+(?=[a-z!/?])/gi, '')
      .replace(/ {2,}/g, ' ')
      .trim(),
  );
}

/** Normalised comparison key: case, punctuation and spacing do not matter. */
export function lineKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
