// Furniture glued onto article lines (rather than standing alone): cut out, keep the rest of the line.
// Same spirit as furniture-rules.ts — a list of patterns, each with where it comes from.

export interface LineEdit {
  id: string;
  pattern: RegExp;
  replace: string;
}

export const LINE_EDITS: LineEdit[] = [
  // Excerpt endings of blog feeds: "… the talks will resume [...]" / "[…]" → "…".
  { id: 'excerpt-ellipsis', pattern: /\s*\[(?:…|\.\.\.|&hellip;)\]\s*$/u, replace: '…' },
  // Link texts at the end of an excerpt: "… said on Monday. Continue reading…", "Read more »".
  { id: 'trailing-more-link', pattern: /(?<=\S)\s+(?:Continue reading|Read more|Read More|READ MORE|Read the full (?:story|article))(?:\s*(?:\.\.\.|[…»→›.]))*\s*$/u, replace: '' },
];

/** Wire datelines opening the first paragraph: "KYIV, June 4 (Reuters) - ", "WASHINGTON/KYIV, Nov 17 (Kyiv Wire) - ". */
const WIRE_DATELINE =
  /^[\p{Lu}][\p{Lu}\p{M} .'’/-]{1,50}(?:,\s*[\p{L} .]{2,30})?(?:,\s*\p{L}{3,9}\.? \d{1,2})?\s*\([\p{Lu}][\p{L}.&’' -]{1,30}(?:\/[^)]{1,40})?\)\s*[-–—]+\s*/u;
/** Newspaper datelines: "ISTANBUL — ", "THE HAGUE — ", "KYIV, Ukraine — ". */
const CITY_DATELINE = /^((?:[\p{Lu}][\p{Lu}\p{M}'’.-]+)(?: [\p{Lu}][\p{Lu}\p{M}'’.-]+){0,3})(?:, [\p{Lu}][\p{L} .]{1,30})? [—–] (?=\S)/u;
/** Capitalised words that open sentences as subjects, not as datelines ("NATO — the alliance — said …"). */
const NOT_PLACES = new Set(['NATO', 'EU', 'UN', 'US', 'USA', 'UK', 'IMF', 'OSCE', 'IAEA', 'OPEC', 'NABU', 'SBU', 'FSB', 'CIA', 'FBI', 'WHO', 'ICC', 'BREAKING', 'UPDATE', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'WATCH', 'LIVE']);

export function applyLineEdits(line: string): string {
  let out = line;
  for (const edit of LINE_EDITS) out = out.replace(edit.pattern, edit.replace);
  return out.trim();
}

export function stripWireDateline(line: string): string {
  const wire = line.replace(WIRE_DATELINE, '');
  if (wire !== line) return wire;
  const city = CITY_DATELINE.exec(line);
  if (city && city[1].replace(/[^\p{L}]/gu, '').length >= 4 && !NOT_PLACES.has(city[1])) return line.slice(city[0].length);
  return line;
}
