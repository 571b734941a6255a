// Photo captions and credits inside item text. A caption describes a picture the reader of a digest
// never sees ("President … (C) speaks during a closing session … on April 1, 2016."): it must not become
// a summary, decide scope or join stories. Cleaning takes captions out of the text with these tests;
// summaries use them again as a last line of defence.
import { isCreditLine } from './furniture.js';
import { matchFurniture, type FurnitureRule } from './furniture-rules.js';
import { splitParagraph } from './sentences.js';

/** Captions are short; a long paragraph above a credit line is article text. */
export const MAX_CAPTION = 300;

export interface CaptionContext {
  /** the year the item was published: a caption's date is often of another year (an archive photo) */
  year?: number;
}

/** Positions of people in a picture: "(C)", "(L-R)", "(2nd L)", "(centre)". */
const POSITION = /\((?:[LCR]|[LR] ?(?:-|to) ?[LR]|\d(?:st|nd|rd|th)? ?[LR]|[Cc]ent(?:er|re)|[Ll]eft|[Rr]ight|[Ff]ront|[Rr]ear|[Bb]ack(?: row)?|[Tt]op|[Bb]ottom|[Ii]nset)\)/u;
/** Openings that say what the picture is: "FILE PHOTO:", "In this photo taken…", "A handout picture released…", "Pictured:". */
const PICTURE_OPENING =
  /^(?:FILE(?: PHOTO)?\s*[:–—-]|[Ff]ile photo\b|(?:In )?(?:[Tt]his|[Tt]hese|[Aa]n?|[Tt]he) (?:undated |handout |file |aerial |general |still |satellite |drone )*(?:photo(?:graph)?s?|pictures?|images?|video grabs?|screen ?grabs?|stills?|handout|view)(?: (?:taken|released|provided|made|obtained|distributed|shows?|showing|from|of|on|made available)\b)|(?:Pictured|Above|Top|Main image|Photograph|Picture|Image|Photo)\s*:)/u;
/** A credit at the end: "(Photo by Name / AFP)", "REUTERS/Name", "AP Photo/Name", "via Getty Images", "Photograph: Name/Agency". */
const CREDIT_TAIL =
  /(?:\((?:[\p{Lu}][\p{L}]{0,20} ){0,2}(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?(?:\s*(?:by\b|:|\/|credit)[^()]*)?\)|\b(?:REUTERS|Reuters|AFP|EPA(?:-EFE)?|AP Photo|AP|Getty Images|Anadolu(?: Agency)?|Sputnik|TASS|Bloomberg|Pool)\s*\/\s*[\p{L}.’' -]{2,60}(?:\s+via\s+[\p{L} ]{2,30})?\)?|\bvia Getty Images\)?|(?:Photograph|Photo|Picture|Image|Credit)s?:\s*[^.!?]{2,80})\.?$/u;
/**
 * A photo credit closing a sentence that reports what someone said ("…, Prime Minister Kristen Michal said on Thursday
 * (Photo: ERR).") marks no caption: the sentence is news, and a summary reads it without the credit ($1). A caption
 * ("Rescuers at the site on Friday (Photo: AFP).") says nobody said anything and is still known by its credit.
 */
export const CREDIT_AFTER_REPORT = /(\b(?:said|says|told|announced)\b[^()]*?)\s*\((?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?(?:\s*(?:by\b|:|\/|credit)[^()]*)?\)(?=[.!?]?$)/u;
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A full date closing the sentence: "on April 1, 2016.", ", March 5, 2023.", "on 8 March 2023." */
const DATE_AT_END = new RegExp(`(?:${MONTH}\\s+\\d{1,2},?\\s+(\\d{4})|\\d{1,2}\\s+${MONTH},?\\s+(\\d{4})|(\\d{4})-\\d{2}-\\d{2})\\s*\\.?["”’]?$`, 'u');
/** What people and things do in a picture, in the present tense: "speaks", "looks on", "are seen". */
const PICTURE_VERB =
  /\b(?:speaks?|stands?|gestures?|looks? on|walks?|arrives?|attends?|poses?|waves?|holds?|sits?|listens?|talks?|reacts?|greets?|shakes? hands|is seen|are seen|inspects?|delivers?|address(?:es)?|fires?|rides?|carr(?:y|ies)|waits?|gathers?|mourns?|hugs?|march(?:es)?|rall(?:y|ies)|pass(?:es)? by|clears?|burns?|rises?|lies?|works?|takes? part|pays? tribute|prepares?|patrols?|meets?|kneels?|cr(?:y|ies)|watch(?:es)?|leaves?|enters?|votes?|casts?|celebrates?|shows?|drives?|flies|fly|sleeps?|plays?|performs?|sings?|dances?|prays?|search(?:es)?|embraces?|salutes?|smiles?|laughs?|protests?|queues?|visits?|lays?|lights?|signs?|takes? cover|stands? guard|is pictured|are pictured|sift(?:s)? through)\b/u;
/** How many words from the start a caption's verb may come (subject and position markers before it). */
const VERB_WINDOW = 16;

/**
 * Whether a sentence (or one-sentence line) is a photo caption. Position markers, picture openings and
 * credits are enough on their own; otherwise it takes two of: a full date at the end, a present-tense
 * picture verb, the block printed twice, and — for the first block of an item, without verbs that
 * report news — that date being of another year than the item.
 */
export function isCaptionSentence(sentence: string, ctx: CaptionContext & { first?: boolean; doubled?: boolean } = {}): boolean {
  const s = sentence.trim();
  if (s.length === 0 || s.length > MAX_CAPTION + 100) return false;
  if (POSITION.test(s) || PICTURE_OPENING.test(s) || (CREDIT_TAIL.test(s) && !CREDIT_AFTER_REPORT.test(s))) return true;
  let score = 0;
  const date = DATE_AT_END.exec(s);
  if (date) {
    score++;
    const year = Number(date[1] ?? date[2] ?? date[3]);
    if (ctx.first && ctx.year !== undefined && year !== ctx.year && !tellsNews(s)) score++;
  }
  if (ctx.doubled) score++;
  if (score > 0 && PICTURE_VERB.test(s.split(/\s+/).slice(0, VERB_WINDOW).join(' '))) score++;
  return score >= 2;
}

/** Auxiliaries, reporting verbs and past tenses: a sentence with them reports; a verbless caption does not. */
const NEWS_VERB =
  /\b(?:was|were|is|are|had|has|have|said|says|will|would|could|can|began|told|spoke|met|went|came|took|made|gave|held|sent|led|won|lost|fell|rose|saw|struck|left|brought|kept|found|became|ran|stood|wrote|chose|flew|grew|knew|paid|shot|sold|spent|thought|built|bought|fought|heard|felt)\b/u;

function tellsNews(sentence: string): boolean {
  return NEWS_VERB.test(sentence) || sentence.split(/\s+/).slice(1).some((w) => /^\p{Ll}{2,}ed\b/u.test(w));
}

/** One block of text and the furniture rule its whole line matches, if any. */
export interface TextBlock {
  text: string;
  rule: FurnitureRule | null;
  /** its sentences, once split (see sentencesOf) */
  sentences?: string[];
}

export function toTextBlocks(texts: string[]): TextBlock[] {
  return texts.map((text) => ({ text, rule: matchFurniture(text) }));
}

/**
 * Indexes of the blocks (paragraphs or lines) that are captions or credits (see isCaptionBlock).
 */
export function captionBlocks(blocks: TextBlock[], ctx: CaptionContext = {}): Set<number> {
  const captions = new Set<number>();
  for (let i = 0; i < blocks.length; i++) if (isCaptionBlock(blocks, i, ctx)) captions.add(i);
  return captions;
}

/**
 * Whether block i is a caption or a credit:
 * - a standalone credit ("Reuters", "REUTERS/Name"), and the short block just above it (with the copies
 *   of it themes print twice: alt text and caption) — unless no article text follows the credit: a credit
 *   after the last paragraph is the story's source line, not a photo's;
 * - a block whose every sentence is a caption (a block printed twice, and the item's first block, count extra).
 */
export function isCaptionBlock(blocks: TextBlock[], i: number, ctx: CaptionContext = {}): boolean {
  const b = blocks[i];
  if (isCredit(b)) return true;
  if (b.rule !== null) return false;
  if (b.text.length <= MAX_CAPTION && isAboveCredit(blocks, i)) return true;
  if (b.text.length > MAX_CAPTION + 100) return false;
  const doubled = sameWords(blocks[i - 1]?.text, b.text) || sameWords(blocks[i + 1]?.text, b.text);
  if (!doubled && !mightHoldCaption(b.text)) return false;
  const first = i === blocks.findIndex((l) => l.rule === null) && blocks.length > i + 1;
  const sentences = sentencesOf(b);
  return sentences.length > 0 && sentences.every((s) => isCaptionSentence(s, { ...ctx, first, doubled }));
}

/**
 * A photo's text is printed at most a few times (alt text, caption, a lightbox's copy): further copies are no
 * caption's, and reading every run of them from each of its blocks took minutes on an item of one line repeated.
 */
const MAX_COPIES = 4;

/** Block i, with the copies of it just below, sits right above a credit that article text follows. */
function isAboveCredit(blocks: TextBlock[], i: number): boolean {
  let k = i + 1;
  while (k < blocks.length && k <= i + MAX_COPIES && blocks[k].rule === null && sameWords(blocks[k].text, blocks[i].text)) k++;
  if (k >= blocks.length || !isCredit(blocks[k])) return false;
  return blocks.slice(k + 1).some((l) => l.rule === null && !isCredit(l));
}

/** The block's sentences, split once. */
export function sentencesOf(b: TextBlock): string[] {
  return (b.sentences ??= splitParagraph(b.text));
}

/** Anything a caption sentence needs (a position, a picture word, a credit, a full date): a cheap test before splitting. */
const CAPTION_SIGN = new RegExp(
  `${POSITION.source}|\\b(?:photo(?:graph)?s?|pictures?|pictured|images?|FILE|handout|stills?|grabs?|view|Above|Top|Credit)\\b|` +
    `\\b(?:REUTERS|Reuters|AFP|EPA|AP|Getty|Anadolu|Sputnik|TASS|Bloomberg|Pool)\\b|` +
    `${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}`,
  'iu',
);

function mightHoldCaption(text: string): boolean {
  return CAPTION_SIGN.test(text);
}

/**
 * A paragraph without the caption sentences glued into it ("… (C) speaks … on April 1, 2016. Russia said
 * on Tuesday …"), or the paragraph as it was when it holds none.
 */
export function withoutCaptionSentences(paragraph: string, ctx: CaptionContext = {}): string {
  if (!mightHoldCaption(paragraph)) return paragraph;
  const sentences = splitParagraph(paragraph);
  if (sentences.length < 2) return paragraph;
  const kept = sentences.filter((s) => !isCaptionSentence(s, ctx));
  return kept.length === sentences.length ? paragraph : kept.join(' ');
}

/** The same words, whatever the case, punctuation and spacing (alt text and caption rarely match exactly). */
function sameWords(a: string | undefined, b: string): boolean {
  if (a === undefined || Math.abs(a.length - b.length) > 12) return false;
  const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return a === b || key(a) === key(b);
}

function isCredit(b: TextBlock): boolean {
  return isCreditLine(b.text, b.rule);
}
