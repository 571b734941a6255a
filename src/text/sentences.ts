// The one sentence splitter: Intl.Segmenter (Unicode sentence boundaries, any script: Latin, Cyrillic,
// CJK 。！？) with the corrections news text needs on top — no break after an abbreviation (Mr., Gen.,
// Jan., р., ca., z. B.), an initial (J.), a German ordinal date (24. Februar) or a dotted abbreviation (U.S.,
// a.m.) unless a typical opener follows (after a.m./p.m., unless a day, a month or a zone follows), and
// none before a lower-case word. Thai writes no full stops: a space between Thai words ends a sentence.

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words after which a full stop does not end the sentence (lower case, without the stop). */
const ABBREVIATIONS = new Set([
  // titles and ranks
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'sec', 'jr', 'sr', 'st', 'mt', 'ft',
  // months and days
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  // misc
  'no', 'nos', 'vs', 'etc', 'approx', 'est', 'inc', 'corp', 'ltd', 'co', 'dept', 'univ', 'fig', 'vol', 'pp',
  'incl', 'excl',
  // German ("ca. 1,5 Mrd. Euro", "Nr. 5", "bzw.", "vgl.")
  'ca', 'mio', 'mrd', 'nr', 'bzw', 'vgl', 'ggf', 'inkl', 'zzgl', 'evtl', 'bspw', 'sog', 'ehem', 'stellv', 'tsd', 'hr', 'abs',
  // Ukrainian / Russian
  'р', 'рр', 'м', 'ст', 'вул', 'обл', 'ім', 'т', 'д', 'тис', 'тыс', 'млн', 'млрд', 'див', 'напр', 'проф',
  'ген', 'г', 'гг', 'ул', 'пол', 'акад', 'пров', 'просп', 'п',
]);

/**
 * A German ordinal is a number with a full stop: "am 24. Februar", "im 2. Quartal". Before a month or one of these
 * nouns the stop ends no sentence (English "…rose to 12. Rescuers…" does end one, so not before any word).
 */
const AFTER_ORDINAL =
  /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Quartal|Halbjahr|Jahrhundert|Jahrestag|Weltkrieg)(?!\p{L})/u;

/**
 * …and so is one after an article, a possessive or a preposition with the article in it, before any noun: "sein 24.
 * Militärhilfepaket", "zum 3. Mal", "der 2. Platz" (the English "…rose to 12. Rescuers…" has none of these before it).
 */
const GERMAN_ORDINAL =
  /(?:^|[\s(„"])(?:der|die|das|den|dem|des|ein|eine|einem|einen|einer|sein|seine|seinem|seinen|seiner|seines|ihr|ihre|ihrem|ihren|ihrer|ihres|unser|unsere|am|im|zum|zur|vom|beim|jeder|jede|jedes|dieser|diese|dieses|diesem|diesen)\s+\d{1,3}\.$/iu;

/**
 * After "U.S." these words usually begin a new sentence ("…imposed by the U.S. The EU…"): words that open sentences,
 * and the common nouns news sentences open on ("…imposed by the U.S. Officials in Kyiv…"), which after "U.S." in
 * running text would be written in lower case ("U.S. officials"); a name after it ("U.S. Army") goes on the sentence.
 */
const OPENERS = new Set([
  'the', 'a', 'an', 'but', 'and', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these',
  'those', 'in', 'on', 'at', 'as', 'after', 'before', 'when', 'while', 'there', 'meanwhile', 'however',
  'his', 'her', 'their', 'our', 'some', 'many', 'several', 'most', 'both', 'one', 'two', 'three', 'if', 'since',
  'officials', 'authorities', 'police', 'residents', 'analysts', 'experts', 'critics', 'lawmakers', 'investigators',
  'prosecutors', 'witnesses', 'rescuers', 'troops', 'soldiers', 'diplomats', 'sources', 'people', 'talks', 'prices',
]);

/** "a.m." and "p.m." written without their dots at the end: "5 p.m. Thursday", "5 p.m. Officials said…" */
const TIME_OF_DAY = /^[ap]\.m$/iu;

/**
 * After a time of day, the words that go on telling when: a day or month ("5 p.m. Thursday"), a zone's short form
 * ("10 a.m. GMT", "ET"), or a place's time ("3 a.m. Kyiv time"); any other capitalised word opens a new sentence.
 */
const WHEN_AFTER_TIME =
  /^["'“‘«„(\[]?(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Satur|Sun)(?:day)?|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Today|Tonight|Tomorrow|Yesterday|\p{Lu}{1,2}[SD]?T|UTC)(?!\p{L})|^["'“‘«„(\[]?\p{Lu}[\p{L}-]* time(?!\p{L})/u;

const OPENING_PUNCTUATION = /^["'“‘«„(\[]+/u;
const THAI_SPACE = /(?<=[\u0E00-\u0E7F])\s+(?=[\u0E00-\u0E7F])/u;
/** a mark that may end a sentence with more text after it, or Thai script */
const POSSIBLE_BOUNDARY = /[.!?…。！？؟۔\u0E00-\u0E7F](?=.*[\p{L}\p{N}])/su;

/** Sentences of one paragraph, trimmed, whitespace collapsed. */
export function splitParagraph(paragraph: string): string[] {
  const text = collapseSpaces(paragraph);
  if (!text) return [];
  // one sentence at most: no mark that could end a sentence before its end (and no Thai)
  if (!POSSIBLE_BOUNDARY.test(text)) return [text];
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(text)) {
    if (pending && continues(pending, segment)) pending += segment;
    else {
      if (pending.trim()) sentences.push(pending.trim());
      pending = segment;
    }
  }
  if (pending.trim()) sentences.push(pending.trim());
  return withQuotationsWhole(sentences).flatMap((s) => (THAI_SPACE.test(s) ? s.split(THAI_SPACE) : [s]));
}

/** the most sentences of a quotation kept together with what attributes it, and their most characters */
const MAX_QUOTED_SENTENCES = 3;
const MAX_QUOTED_CHARS = 400;
const QUOTE_MARKS = /["“”„«»]/gu;
const quoteOpen = (s: string) => (s.match(QUOTE_MARKS)?.length ?? 0) % 2 === 1;

/**
 * A quotation of a few sentences is one sentence with what attributes it ("“We will not give up our land. We will not
 * trade it,” Zelensky said on Friday."), when it closes within the paragraph: cut at its full stops, neither part is
 * whole. Marks are counted as in a summary's test of balanced quotes (summarize/prose.ts), as styles differ (“…”, „…“).
 */
function withQuotationsWhole(sentences: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    let joined = sentences[i];
    let j = i;
    while (quoteOpen(joined) && j + 1 < sentences.length && j + 1 - i < MAX_QUOTED_SENTENCES) joined += ` ${sentences[++j]}`;
    if (j > i && !quoteOpen(joined) && joined.length <= MAX_QUOTED_CHARS) {
      out.push(joined);
      i = j;
    } else out.push(sentences[i]);
  }
  return out;
}

/**
 * Paragraphs and lines of a text, as trimmed blocks. Cleaned text separates paragraphs by blank
 * lines; a single line break is also a break (captions, credits, list items), except where a
 * line ends mid-sentence and the next goes on in lower case (hard-wrapped plain text).
 */
export function toBlocks(text: string): string[] {
  const blocks: string[] = [];
  let blankBefore = true;
  for (const raw of text.split('\n')) {
    const line = collapseSpaces(raw);
    if (!line) {
      blankBefore = true;
      continue;
    }
    const prev = blocks[blocks.length - 1];
    if (!blankBefore && prev !== undefined && !/[.!?…:"”»。！？؟۔]$/u.test(prev) && /^\p{Ll}/u.test(line)) {
      blocks[blocks.length - 1] = `${prev} ${line}`;
    } else blocks.push(line);
    blankBefore = false;
  }
  return blocks;
}

/** Sentences of a whole text, block by block: a paragraph or line break always ends a sentence. */
export function splitSentences(text: string): string[] {
  return toBlocks(text).flatMap(splitParagraph);
}

/**
 * Whether a sentence ends like one: a stop, question or exclamation mark (Arabic script's ؟ and Urdu's ۔ too), or an
 * ellipsis, before closing quotes.
 */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…。！？؟۔]["'”’»“)\]]*$/u.test(text);
}

/** Does `next` go on the sentence that `before` (a segment ending in a possible boundary) started? */
function continues(before: string, next: string): boolean {
  // A sentence never starts in lower case ("Why? because…" is one sentence).
  if (/^["'“‘«„(\[]*\p{Ll}/u.test(next)) return true;
  const tail = before.trimEnd();
  if (!tail.endsWith('.')) return false;
  if (GERMAN_ORDINAL.test(tail) && /^["'„(]?\p{Lu}/u.test(next)) return true;
  return stopAfterAbbreviation(tail.slice(tail.lastIndexOf(' ') + 1, -1), next);
}

/**
 * Whether the full stop after `word` only ends an abbreviation, so that `next` goes on the same sentence:
 * a title or short form (Mr., Gen., Jan., ca., Mrd.), an initial (J. Smith), a letter of a spaced abbreviation
 * (z. B., u. a.), a German ordinal date ("24. Februar"), or a dotted abbreviation (U.S., a.m.) unless a typical
 * opener follows ("…imposed by the U.S. The EU…").
 */
export function stopAfterAbbreviation(word: string, next: string): boolean {
  const bare = word.replace(OPENING_PUNCTUATION, '');
  if (ABBREVIATIONS.has(bare.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(bare)) return true;
  // one small letter is part of a spaced abbreviation: "z. B.", "u. a.", "d. h.", "у т. ч."
  if (/^\p{Ll}$/u.test(bare)) return true;
  if (/^\d{1,2}$/u.test(bare) && AFTER_ORDINAL.test(next.trimStart())) return true;
  if (TIME_OF_DAY.test(bare)) return WHEN_AFTER_TIME.test(next.trimStart());
  if (/^\p{L}(\.\p{L})+$/u.test(bare)) {
    const opener = /^["'“‘«„(\[]?(\p{L}+)/u.exec(next)?.[1].toLowerCase() ?? '';
    return !OPENERS.has(opener);
  }
  return false;
}

/** Trim and collapse runs of whitespace to one space (skipping the regex when there are none). */
function collapseSpaces(s: string): string {
  const messy = s.includes('  ') || s.includes('\n') || s.includes('\t') || s.includes('\r') || s.includes('\u00a0');
  return messy ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

// Chinese and Japanese put no space after a sentence (。！？, a closing bracket after it): "発表した。支援は…".
const ENDS_UNSPACED = /[。！？][」』）〕】”]*$/u;
const STARTS_UNSPACED = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}「『（〔【“]/u;

const ENDS_IN_CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}][」』）〕】”"']*$/u;

/** The full stop a sentence that has none is given: Chinese and Japanese end theirs in 。, not in a Latin "." */
export function fullStopFor(sentence: string): string {
  return ENDS_IN_CJK.test(sentence) ? '。' : '.';
}

/** Sentences as one text: a space between two, except after a Chinese or Japanese one that a Chinese or Japanese one follows. */
export function joinSentences(sentences: string[]): string {
  let text = '';
  for (const s of sentences) text += !text || (ENDS_UNSPACED.test(text) && STARTS_UNSPACED.test(s)) ? s : ` ${s}`;
  return text;
}
