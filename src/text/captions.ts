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
  if (POSITION.test(s) || PICTURE_OPENING.test(s) || CREDIT_TAIL.test(s)) return true;
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
}

export function toTextBlocks(texts: string[]): TextBlock[] {
  return texts.map((text) => ({ text, rule: matchFurniture(text) }));
}

/**
 * Indexes of the blocks (paragraphs or lines) that are captions or credits:
 * - a standalone credit ("Reuters", "REUTERS/Name") and the short block just above it, with the copies
 *   of that block themes print twice (alt text and caption) — unless no article text follows: a credit
 *   after the last paragraph is the story's source line, not a photo's;
 * - a block whose every sentence is a caption (repeated blocks and the item's first block count extra).
 */
export function captionBlocks(blocks: TextBlock[], ctx: CaptionContext = {}): Set<number> {
  const captions = new Set<number>();
  const firstContent = blocks.findIndex((b) => b.rule === null);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (isCredit(b)) {
      captions.add(i);
      if (i === 0 || !blocks.slice(i + 1).some((l) => l.rule === null && !isCredit(l))) continue;
      const above = blocks[i - 1];
      if (above.rule !== null || above.text.length > MAX_CAPTION) continue;
      for (let j = i - 1; j >= 0 && blocks[j].rule === null && sameWords(blocks[j].text, above.text); j--) captions.add(j);
      continue;
    }
    if (b.rule !== null || b.text.length > MAX_CAPTION + 100 || captions.has(i)) continue;
    const doubled = sameWords(blocks[i - 1]?.text, b.text) || sameWords(blocks[i + 1]?.text, b.text);
    const first = i === firstContent && blocks.length > i + 1;
    const sentences = splitParagraph(b.text);
    if (sentences.length > 0 && sentences.every((s) => isCaptionSentence(s, { ...ctx, first, doubled }))) captions.add(i);
  }
  return captions;
}

/** A cheap test that a paragraph might hold a caption sentence, before it is split. */
const MIGHT_HOLD_CAPTION = /\(|\d{4}|\/|:|photo|picture|image|getty/i;

/**
 * A paragraph without the caption sentences glued into it ("… (C) speaks … on April 1, 2016. Russia said
 * on Tuesday …"), or the paragraph as it was when it holds none.
 */
export function withoutCaptionSentences(paragraph: string, ctx: CaptionContext = {}): string {
  if (!MIGHT_HOLD_CAPTION.test(paragraph)) return paragraph;
  const sentences = splitParagraph(paragraph);
  if (sentences.length < 2) return paragraph;
  const kept = sentences.filter((s) => !isCaptionSentence(s, ctx));
  return kept.length === sentences.length ? paragraph : kept.join(' ');
}

/** The same words, whatever the case, punctuation and spacing (alt text and caption rarely match exactly). */
function sameWords(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return a === b || key(a) === key(b);
}

function isCredit(b: TextBlock): boolean {
  return b.rule ? b.rule.kind === 'credit' : isCreditLine(b.text);
}
