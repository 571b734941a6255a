// Sentences a summary must never contain: page furniture, captions and credits, fragments.
// The clean stage removes most furniture; this is the last line of defence, so it errs on the
// side of dropping a sentence (there are usually plenty).

const FURNITURE_START =
  /^(read more|read also|see also|continue reading|click here|subscribe|sign up|follow us|share this|share on|advertisement|sponsored|related|listen to|watch|photo|image|video|editor'?s note|update:|correction:|source:|tags:|topics:|reporting by|writing by|editing by|additional reporting|translated by|this (?:article|story) (?:was|first|originally)|originally published|читайте також|дивіться також|підписуйтесь|поділитися|джерело:|теги:|реклама|фото|читайте также|подписывайтесь|поделиться|источник:)(?!\p{L})/iu;
/** lower-case fragments that never occur in a sentence worth quoting (plain search: fast) */
const FURNITURE_FRAGMENTS = [
  'all rights reserved', 'appeared first on', 'cookie', 'newsletter', 'javascript', 'min read', 'sign up for',
  'subscribe to', '©', 'http://', 'https://', 'www.', 'getty images', 'ap photo', '(photo', '(image', '(picture',
  'photo by', 'image by', 'photo credit', 'image credit', 'reporting by', 'editing by', 'originally published',
  'click here', 'read more', 'підписатися', 'подписаться', 'читайте також',
];
const EMAIL = /@[\w-]+\.\w/;
/** a sentence must start like one: capital, digit or opening quote */
const STARTS_LIKE_SENTENCE = /^["'“‘«„(]?[\p{Lu}\p{N}]/u;
/** ...and end like one */
const ENDS_LIKE_SENTENCE = /[.!?…]["'”’»“)]*$/u;

export const MIN_SENTENCE_CHARS = 40;
const MIN_WORDS = 6;

export function isFurniture(sentence: string): boolean {
  return !looksLikeProse(sentence) || hasFurnitureFragment(sentence);
}

/** The cheap half of isFurniture: shape of a sentence and no furniture opening. */
export function looksLikeProse(sentence: string): boolean {
  return !(
    sentence.length < MIN_SENTENCE_CHARS ||
    !STARTS_LIKE_SENTENCE.test(sentence) ||
    !ENDS_LIKE_SENTENCE.test(sentence) ||
    sentence.split(' ').length < MIN_WORDS ||
    isShouting(sentence) ||
    !quotesBalanced(sentence) ||
    FURNITURE_START.test(sentence) ||
    TIMESTAMP.test(sentence) ||
    isByline(sentence)
  );
}

/** "Updated 12:30 GMT, 5 June 2024." / "Published on 3 March." */
const TIMESTAMP = /^(last\s+)?(updated|published|posted|оновлено|опубліковано|обновлено|опубликовано)\s+(on\s+|at\s+|:\s*)?\d/iu;
const BYLINE_GLUE = new Set(['and', 'in', 'for', 'of', 'the', 'at', 'from', 'with', 'і', 'та', 'й', 'и']);

/** "By Olena Harmash and Tom Balmforth, Reuters." — names, not news. */
function isByline(sentence: string): boolean {
  if (!/^(by|від|автор)\s/iu.test(sentence)) return false;
  const words = sentence.replace(/[^\p{L}\s'’-]/gu, ' ').split(/\s+/).filter(Boolean).slice(1);
  return words.every((w) => /^\p{Lu}/u.test(w) || BYLINE_GLUE.has(w));
}

/**
 * A quotation that opens in one sentence and closes in another cannot be cut out whole. Quote
 * styles differ (“…”, „…“, «…», "…"), so count every double-quote mark: an odd count is open.
 */
function quotesBalanced(sentence: string): boolean {
  const marks = sentence.match(/["“”„«»]/g);
  return marks === null || marks.length % 2 === 0;
}

/** The costlier half of isFurniture: furniture words anywhere (cookie, ©, a URL…). */
export function hasFurnitureFragment(sentence: string): boolean {
  const lower = sentence.toLowerCase();
  return FURNITURE_FRAGMENTS.some((f) => lower.includes(f)) || (lower.includes('@') && EMAIL.test(lower));
}

/** ALL-CAPS lines are headings or banners, not prose. */
function isShouting(sentence: string): boolean {
  return /\p{Lu}/u.test(sentence) && !/\p{Ll}/u.test(sentence);
}

/** "KYIV, Ukraine (AP) — " / "WASHINGTON (Reuters) - ": a dateline is not part of the sentence. */
const DATELINE = /^\p{Lu}{2,}[\p{Lu}\p{L} .,'’]{0,40}?(?:,[^—–()]{1,30}?)?\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+(?=\p{Lu})/u;

export function stripDateline(sentence: string): string {
  const m = DATELINE.exec(sentence);
  // only when the caps word is followed by a comma or an agency in brackets: "NATO — the alliance…" stays
  if (!m || !/^\p{Lu}{2,}[^—–-]*?(,|\()/u.test(m[0])) return sentence;
  return sentence.slice(m[0].length);
}

/**
 * Blocks (paragraphs or lines) that are captions or credits: a block repeated in the same text
 * (captions are often doubled), or a block followed by a short credit line ("Reuters",
 * "© Jane Doe / AFP"); the credit line goes too.
 */
export function captionBlocks(blocks: string[]): Set<number> {
  const drop = new Set<number>();
  const seen = new Map<string, number>();
  blocks.forEach((b, i) => {
    const first = seen.get(b);
    if (first !== undefined) {
      drop.add(first);
      drop.add(i);
    } else seen.set(b, i);
    const next = blocks[i + 1];
    if (next !== undefined && isCreditLine(next)) {
      drop.add(i);
      drop.add(i + 1);
    }
  });
  return drop;
}

const CREDIT = /(?<!\p{L})(reuters|ap|afp|getty|epa|associated press|photo|image|credit|courtesy|shutterstock|anadolu|pool|sipa|фото)(?!\p{L})|\/|©/iu;

function isCreditLine(p: string): boolean {
  const t = p.trim();
  return t.length > 0 && t.length <= 80 && t.split(/\s+/).length <= 6 && !/[.!?…]["'”’»)]*$/u.test(t) && CREDIT.test(t);
}
