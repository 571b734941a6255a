// The sentences of an item that a summary may use, in reading order, with what the choice needs to
// know about each: its content words, facts and names.
import type { Item } from '../types.js';
import { tokenize } from '../text/tokens.js';
import { contentStems, wordStem } from '../text/words.js';
import { CREDIT_AFTER_REPORT, isCaptionBlock, isCaptionSentence, sentencesOf, type TextBlock } from '../text/captions.js';
import { stripDateline } from '../text/furniture.js';
import { withoutLeadingPictographs } from '../text/pictographs.js';
import { endsLikeSentence, fullStopFor, toBlocks } from '../text/sentences.js';
import { hasSentenceShapeWithoutStop, looksLikeProse } from './prose.js';

/**
 * How much of each article is read: enough for what it is mostly about (a typical news article of
 * 300–450 words whole), not a long read's every page, so builds stay fast.
 */
const MAX_TEXT_CHARS = 6000;
const MAX_SENTENCES_PER_ITEM = 20;
/** marks numbers among a sentence's facts */
export const NUMBER = '#';

export interface Candidate {
  text: string;
  stems: Set<string>;
  /** stems plus numbers: what a paraphrase of the same fact would share */
  facts: Set<string>;
  /** who, where and how many (see namesOf); computed when first asked for */
  names?: Set<string>;
  /** meaning vector of the sentence's words (src/text/meaning); computed when first asked for */
  meaning?: Float32Array;
  /** lower-cased words joined by spaces, to compare with the title */
  key: string;
  item: number;
  /** index among the item's usable sentences: 0 is its lead */
  position: number;
  score: number;
}

/** What a summary reads of one item: its usable sentences, and the content words of every sentence read. */
export interface ItemReading {
  /** the sentences a summary may use, in order */
  candidates: Candidate[];
  /**
   * content stems of every sentence read, usable or not (a quotation running over several sentences,
   * a short line): what the item's text is about includes them
   */
  sentences: Set<string>[];
  /**
   * The excerpt's last sentence when the feed cut it short ("… the shadow fleet of tankers carrying its oil to…"):
   * never a candidate, as it breaks off mid-sentence; a summary of nothing else may still quote it. Null when none.
   */
  cut: string | null;
}

/**
 * A list item's bullet: "• " (as the clean stage writes an HTML list's), a plain text's "- ", "* ", "– ", or an ordered
 * list's number ("1. ", as the clean stage writes an HTML <ol>'s items, "2) ").
 */
const LIST_MARKER = /^(?:[•▪◦‣●*]|[-–—]|\d{1,2}[.)])\s+(?=\S)/u;

/**
 * A question ("Can the air defences hold out this winter?") asks what the report goes on to tell: it says nothing of
 * what happened, so it is read (its words count) but never a summary's sentence, as a headline that asks is none.
 */
const isQuestion = (text: string) => /[?？؟]["'”’»)]*$/u.test(text);

/** A label over a list ("Key points:", "Summary"): it leaves a list the text opens on opening it. */
const isListLabel = (text: string) => /:$/u.test(text) || (text.split(' ').length <= 3 && !endsLikeSentence(text));

/** An excerpt's mark after a whole sentence ("… the mayor said. […]", "said.…"): the sentence is whole, the mark goes. */
const MARK_AFTER_WHOLE_SENTENCE = /([.!?。！？؟]["'”’»)]*)\s*(?:…|\.\.\.)$/u;

/** An excerpt cut short by its feed ends in an ellipsis ("…", "...", "[…]" made "…" by the clean stage). */
const CUT_SHORT = /(?:…|\.\.\.)$/u;

/** Reads one item: its usable sentences in order, and the words of all the sentences read on the way. */
export function readItem(item: Item, itemIndex: number): ItemReading {
  // Cleaned text: the furniture lines are gone already (clean stage), and a credit left over is known by its words.
  const lines = toBlocks(headOf(item.text || item.lead));
  // a list's items are read as sentences without their bullets ("• Repairs will take three days, the city said."), and
  // a reported sentence without the photo credit a feed put after it
  const listItem = lines.map((line) => LIST_MARKER.test(line));
  const blocks: TextBlock[] = lines.map((line) => ({ text: line.replace(LIST_MARKER, '').replace(CREDIT_AFTER_REPORT, '$1'), rule: null }));
  const ctx = { year: Number(item.published.slice(0, 4)) || undefined };
  const out: Candidate[] = [];
  const read: Set<string>[] = [];
  let firstContent = true;
  /** the text opens on a list (key points: "• Residents queued for water on Sunday…"), maybe under a label, and this block is of it */
  let openingList = true;
  let cut: string | null = null;
  const last = blocks.length - 1;
  for (let bi = 0; bi < blocks.length && out.length < MAX_SENTENCES_PER_ITEM; bi++) {
    if (isCaptionBlock(blocks, bi, ctx)) continue;
    openingList &&= listItem[bi] || isListLabel(blocks[bi].text);
    const sentences = sentencesOf(blocks[bi]);
    for (let si = 0; si < sentences.length && out.length < MAX_SENTENCES_PER_ITEM; si++) {
      // a messaging channel's "⚡️" before a paragraph is no part of its first sentence
      let text = stripDateline(withoutLeadingPictographs(sentences[si])).replace(MARK_AFTER_WHOLE_SENTENCE, '$1');
      // A standfirst (the opening block) is a complete thought even when the feed left off its full stop, and
      // so is each key point of a list the text opens on.
      if ((firstContent || openingList) && si === sentences.length - 1 && isStandfirstWithoutStop(text)) text += fullStopFor(text);
      const words = tokenize(text).words;
      const stems = new Set(contentStems(words));
      if (stems.size === 0) continue;
      read.push(stems);
      if (bi === last && si === sentences.length - 1 && CUT_SHORT.test(text)) {
        cut = text;
        continue;
      }
      if (!looksLikeProse(text) || isCaptionSentence(text) || isQuestion(text)) continue;
      out.push({ text, stems, facts: factsOf(stems, words), key: words.join(' '), item: itemIndex, position: out.length, score: 0 });
    }
    firstContent = false;
  }
  return { candidates: out, sentences: read, cut };
}

/** What a paraphrase of the same fact would share: the content stems, and the numbers (marked). */
export function factsOf(stems: Set<string>, words: string[]): Set<string> {
  return new Set([...stems, ...words.filter((w) => /^\d/.test(w)).map((w) => NUMBER + w)]);
}

function isStandfirstWithoutStop(text: string): boolean {
  return !endsLikeSentence(text) && !/[:;,–—-]$/u.test(text) && hasSentenceShapeWithoutStop(text);
}

const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)$/;
const CALENDAR = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** The candidate's names and numbers, worked out once. */
export function namesIn(c: Candidate): Set<string> {
  return (c.names ??= namesOf(c.text));
}

/**
 * The names and numbers of a sentence: capitalised words after the first (its first word is
 * capitalised anyway), digits and number words, lower-cased and stemmed ("Palestinians" = "Palestinian").
 * Months and weekdays are dates, not names.
 */
export function namesOf(text: string): Set<string> {
  const names = new Set<string>();
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  words.forEach((w, i) => {
    const lower = w.toLowerCase().replace(/['’]s$/u, '');
    if (/^\d/.test(lower) || NUMBER_WORD.test(lower)) names.add(lower);
    else if (i > 0 && /^\p{Lu}/u.test(w) && !CALENDAR.test(lower)) names.add(wordStem(lower));
  });
  return names;
}

function headOf(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_TEXT_CHARS);
  return text.slice(0, cut > 0 ? cut : MAX_TEXT_CHARS);
}
