// Page furniture in text: the one filter that the clean stage (whole lines) and summaries (sentences)
// both use. Lines are judged by the rules in furniture-rules.ts; a sentence chosen for a summary is held
// to a stricter standard (furniture openings and words anywhere), since there are usually plenty more.
import { matchFurniture, type FurnitureRule } from './furniture-rules.js';

export { FURNITURE_RULES, matchFurniture, type FurnitureRule } from './furniture-rules.js';

/**
 * A standalone photo credit ("Reuters", "REUTERS/Name", "Efrem Novak/AP", "Photo courtesy of the ministry").
 * Pass the furniture rule the line matches when it is already known (null for none).
 */
export function isCreditLine(line: string, rule: FurnitureRule | null = matchFurniture(line.trim())): boolean {
  if (rule) return rule.kind === 'credit';
  const t = line.trim();
  return t.length > 0 && t.length <= 80 && !/[.!?…]["'”’»)]*$/u.test(t) && t.split(/\s+/).length <= 6 && CREDIT_WORD.test(t);
}

/** words of a short unpunctuated line that make it a credit */
const CREDIT_WORD = /(?<!\p{L})(?:reuters|afp|getty(?: images)?|epa|associated press|ap photo|photo|photograph|credit|courtesy|shutterstock|anadolu|sipa|фото)(?!\p{L})|©/iu;

/** Sentence openings that mark furniture rather than news ("Read more…", "Photo…", "Reporting by…"). */
const FURNITURE_OPENING =
  /^(read more|read also|see also|continue reading|click here|subscribe|sign up|follow us|share this|share on|advertisement|sponsored|related|listen to|watch|photo|image|video|editor'?s note|update:|correction:|source:|tags:|topics:|reporting by|writing by|editing by|additional reporting|translated by|this (?:article|story) (?:was|first|originally)|originally published|читайте також|дивіться також|підписуйтесь|поділитися|джерело:|теги:|реклама|фото|читайте также|подписывайтесь|поделиться|источник:)(?!\p{L})/iu;
/** "Updated 12:30 GMT, 5 June 2024." / "Published on 3 March." */
const TIMESTAMP = /^(last\s+)?(updated|published|posted|оновлено|опубліковано|обновлено|опубликовано)\s+(on\s+|at\s+|:\s*)?\d/iu;
const BYLINE_GLUE = new Set(['and', 'in', 'for', 'of', 'the', 'at', 'from', 'with', 'і', 'та', 'й', 'и']);

/**
 * A sentence that opens like furniture: a furniture opening, a timestamp or a byline. (Whole furniture
 * lines are gone by the time text is split into sentences: the clean stage drops them with the rules.)
 */
export function opensLikeFurniture(sentence: string): boolean {
  return FURNITURE_OPENING.test(sentence) || TIMESTAMP.test(sentence) || isByline(sentence);
}

/** "By Olena Harmash and Tom Balmforth, Reuters." — names, not news. */
function isByline(sentence: string): boolean {
  if (!/^(by|від|автор)\s/iu.test(sentence)) return false;
  const words = sentence.replace(/[^\p{L}\s'’-]/gu, ' ').split(/\s+/).filter(Boolean).slice(1);
  return words.every((w) => /^\p{Lu}/u.test(w) || BYLINE_GLUE.has(w));
}

/** lower-case fragments that never occur in a sentence worth quoting (plain search: fast) */
const FURNITURE_WORDS = [
  'all rights reserved', 'appeared first on', 'cookie', 'newsletter', 'javascript', 'min read', 'sign up for',
  'subscribe to', '©', 'http://', 'https://', 'www.', 'getty images', 'ap photo', '(photo', '(image', '(picture',
  'photo by', 'image by', 'photo credit', 'image credit', 'reporting by', 'editing by', 'originally published',
  'click here', 'read more', 'підписатися', 'подписаться', 'читайте також',
];
const EMAIL = /@[\w-]+\.\w/;

/** Furniture words anywhere in a sentence (cookie, ©, a URL, an e-mail address…). */
export function hasFurnitureWords(sentence: string): boolean {
  const lower = sentence.toLowerCase();
  return FURNITURE_WORDS.some((f) => lower.includes(f)) || (lower.includes('@') && EMAIL.test(lower));
}

/** A dateline's date: "June 4", "Nov 20, 2026", "20 November", "20. November 2026". */
const DATELINE_DATE = String.raw`(?:\p{L}{3,9}\.? \d{1,2}(?:,? \d{4})?|\d{1,2}\.? \p{L}{3,9}\.?(?: \d{4})?)`;
/** Wire datelines opening a report: "KYIV, June 4 (Reuters) - ", "WASHINGTON/KYIV, Nov 17, 2026 (Kyiv Wire) - ". */
const WIRE_DATELINE = new RegExp(
  String.raw`^[\p{Lu}][\p{Lu}\p{M} .'’/-]{1,50}(?:,\s*[\p{L} .]{2,30})?(?:,\s*${DATELINE_DATE})?\s*\([\p{Lu}][\p{L}.&’' -]{1,30}(?:\/[^)]{1,40})?\)\s*[-–—]+\s*`,
  'u',
);
/**
 * An agency's dateline with the place in ordinary case, as AFP, dpa or CNN write it: "Kyiv (AFP) - ", "Berlin (dpa) - ",
 * "Kyiv, Nov 20, 2026 (AFP) – ", or with none, as the agency's own feed: "(Reuters) - ". Only a news agency's name in
 * the brackets: "Zelensky (Ukraine’s president) - " is none.
 */
const AGENCY_DATELINE = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}\p{M}'’.-]+(?:[ /]\p{Lu}[\p{L}\p{M}'’.-]+){0,2}(?:,\s*${DATELINE_DATE})?\s*)?\((?:AFP|AP|Reuters|dpa|DPA|epd|KNA|APA|ANSA|EFE|AA|Anadolu|PAP|ČTK|CTK|BTA|MTI|LETA|Belga|ANP|Ukrinform|Укрінформ|UNIAN|УНІАН|UNN|Interfax(?:-Ukraine)?|Інтерфакс-Україна|TASS|Xinhua|Kyodo|Yonhap|CNN|Bloomberg|RFE\/RL)\)\s*[-–—]+\s*`,
  'u',
);
/** Newspaper datelines: "ISTANBUL — ", "THE HAGUE — ", "KYIV, Ukraine — ". */
const CITY_DATELINE = /^((?:[\p{Lu}][\p{Lu}\p{M}'’.-]+)(?: [\p{Lu}][\p{Lu}\p{M}'’.-]+){0,3})(?:, [\p{Lu}][\p{L} .]{1,30})? [—–] (?=\S)/u;
/** Capitalised words that open sentences as subjects, not as datelines ("NATO — the alliance — said …"). */
const NOT_PLACES = new Set(['NATO', 'EU', 'UN', 'US', 'USA', 'UK', 'IMF', 'OSCE', 'IAEA', 'OPEC', 'NABU', 'SBU', 'FSB', 'CIA', 'FBI', 'WHO', 'ICC', 'BREAKING', 'UPDATE', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'WATCH', 'LIVE']);

/** A live blog's time stamp opening an entry: "06:45 CEST - ", "11.50 — ", "9:05 am ET – ". */
const TIME_DATELINE = /^\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+\p{Lu}{2,5})?\s*[-–—]+\s+(?=\S)/u;

/** A wire byline the feed wrote into the text, in capitalised words before its dateline: "By JOHN SMITH Associated Press ". */
const BYLINE = /^By (?:\p{Lu}[\p{L}\p{M}'’.-]*,? (?:and |& )?){1,8}$/u;

/**
 * The text without a dateline at its start ("KYIV, June 4 (Reuters) - ", "Kyiv (AFP) - ", "ISTANBUL — ", a live blog's
 * "06:45 CEST - "), and without the byline some feeds write before it ("By JOHN SMITH Associated Press KYIV, Ukraine
 * (AP) — "): the byline goes only with a dateline after it, so "By Friday, Kyiv …" stays.
 */
export function stripDateline(line: string): string {
  const own = withoutDateline(line);
  if (own !== line || !line.startsWith('By ')) return own;
  for (const space of line.slice(0, 120).matchAll(/ (?=\p{Lu})/gu)) {
    if (space.index < 3) continue;
    const rest = line.slice(space.index + 1);
    if (!BYLINE.test(line.slice(0, space.index + 1))) break;
    const stripped = withoutDateline(rest);
    if (stripped !== rest) return stripped;
  }
  return line;
}

function withoutDateline(line: string): string {
  const wire = line.replace(WIRE_DATELINE, '').replace(AGENCY_DATELINE, '').replace(TIME_DATELINE, '');
  if (wire !== line) return wire;
  const city = CITY_DATELINE.exec(line);
  if (city && city[1].replace(/[^\p{L}]/gu, '').length >= 4 && !NOT_PLACES.has(city[1])) return line.slice(city[0].length);
  return line;
}
