// Mojibake: UTF-8 bytes that somebody decoded as windows-1252 / Latin-1 ("â€™" for "’", "Ã©" for "é",
// "Ð¸" for "и"). Detected and repaired here for titles (parse) and bodies (clean) alike.

// The windows-1252 characters on bytes 0x80–0x9F (the five bytes 1252 leaves undefined keep their C1 code).
const CP1252_SPECIALS: [string, number][] = [
  ['\u20AC', 0x80], ['\u201A', 0x82], ['\u0192', 0x83], ['\u201E', 0x84], ['\u2026', 0x85], ['\u2020', 0x86],
  ['\u2021', 0x87], ['\u02C6', 0x88], ['\u2030', 0x89], ['\u0160', 0x8a], ['\u2039', 0x8b], ['\u0152', 0x8c],
  ['\u017D', 0x8e], ['\u2018', 0x91], ['\u2019', 0x92], ['\u201C', 0x93], ['\u201D', 0x94], ['\u2022', 0x95],
  ['\u2013', 0x96], ['\u2014', 0x97], ['\u02DC', 0x98], ['\u2122', 0x99], ['\u0161', 0x9a], ['\u203A', 0x9b],
  ['\u0153', 0x9c], ['\u017E', 0x9e], ['\u0178', 0x9f],
];
const SPECIALS = CP1252_SPECIALS.map(([ch]) => ch).join('');

/** Character → the byte it stands for when UTF-8 was read as 1252 / Latin-1. */
const BYTE_OF = new Map<string, number>(CP1252_SPECIALS);
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);

/** A byte 0x80–0xBF (a UTF-8 continuation byte) as 1252 / Latin-1 shows it. */
const CONT = `[\\u0080-\\u00BF${SPECIALS}]`;
const LOOKS_MISDECODED = new RegExp(`\\uFFFD|[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}`);
/** A run that could be UTF-8 read as 1252: a lead byte (Â Ã Ð â …) and continuation bytes. */
const RUN = new RegExp(`[\\u00C2-\\u00F4]${CONT}+`, 'g');

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** True when text looks mis-decoded: U+FFFD, or UTF-8 bytes read as a single-byte encoding. */
export function looksLikeMojibake(text: string): boolean {
  return LOOKS_MISDECODED.test(text);
}

/**
 * Undo "UTF-8 read as windows-1252/Latin-1" run by run, and again for text mis-decoded twice. A run is
 * replaced only when its bytes are valid UTF-8, so real accented text ("ÀÉ", "Ãgua") stays as it is.
 */
export function repairMojibake(text: string): string {
  let out = text;
  for (let round = 0; round < 3 && /[\u00C2-\u00F4]/.test(out); round++) {
    const next = repairOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

function repairOnce(text: string): string {
  return text.replace(RUN, (run) => {
    const bytes: number[] = [];
    for (const ch of run) bytes.push(BYTE_OF.get(ch)!);
    try {
      return utf8Strict.decode(Uint8Array.from(bytes));
    } catch {
      // A run may start well and end in a real character ("Ã©»"): keep the longest valid prefix.
      return repairPrefix(bytes, run);
    }
  });
}

/** The longest prefix of the run that decodes, decoded, plus the rest of the run as it was. */
function repairPrefix(bytes: number[], run: string): string {
  for (let n = bytes.length - 1; n >= 2; n--) {
    try {
      const head = utf8Strict.decode(Uint8Array.from(bytes.slice(0, n)));
      return head + [...run].slice(n).join('');
    } catch {
      // shorter
    }
  }
  return run;
}
