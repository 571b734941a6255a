// From one item's lines to its article paragraphs: drop furniture lines, photo captions, repeated
// template lines and the repeated title; cut trailing teaser blocks.
import { matchFurniture, stripDateline, type FurnitureRule } from '../text/furniture.js';
import { captionBlocks, withoutCaptionSentences } from '../text/captions.js';
import { endsLikeSentence } from '../text/sentences.js';
import { lineKey } from './normalize-text.js';
import { applyLineEdits } from './line-edits.js';

interface Line {
  text: string;
  key: string;
  rule: FurnitureRule | null;
  /** why the line goes (rule id, 'caption', 'duplicate', 'template'), or null when it is article text */
  drop: string | null;
}

export interface StripOptions {
  /** the item's (clean) title: a first line repeating it goes */
  title?: string;
  /** line keys repeated across the feed (see template-lines.ts) */
  template?: Set<string>;
  /** the year the item was published (a caption's date is often of another year) */
  year?: number;
}

/** How many teaser paragraphs one teaser card may hold before its "keep reading" control. */
const MAX_TEASER_PARAGRAPHS = 4;
/** Longer lines without a full stop are cut-off paragraphs (truncated feed excerpts), not headlines. */
const MAX_HEADLINE = 150;

export function stripFurniture(rawLines: string[], opts: StripOptions = {}): string[] {
  const lines: Line[] = [];
  for (const raw of rawLines) {
    const rule = matchFurniture(raw);
    const text = rule ? raw : applyLineEdits(raw);
    if (text) lines.push({ text, key: lineKey(text), rule, drop: rule ? rule.id : null });
  }
  for (const i of captionBlocks(lines, { year: opts.year })) if (lines[i].drop === null) lines[i].drop = 'caption';
  markConsecutiveDuplicates(lines);
  if (opts.template?.size) markTemplate(lines, opts.template);

  const kept = lines.slice(0, findCut(lines)).filter((l) => l.drop === null);
  if (opts.title && kept.length > 0 && repeatsTitle(kept[0].key, lineKey(opts.title))) kept.shift();
  // captions glued into a paragraph go sentence by sentence
  const paragraphs = trimTrailingHeadlines(kept.map((l) => withoutCaptionSentences(l.text, { year: opts.year })));
  if (paragraphs.length > 0) paragraphs[0] = stripDateline(paragraphs[0]);
  return paragraphs.filter(Boolean);
}

function markConsecutiveDuplicates(lines: Line[]): void {
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].drop === null && lines[i].key === lines[i - 1].key) lines[i].drop = 'duplicate';
  }
}

/** Template lines go, unless nothing of the item would be left (then it is a duplicate item, not template). */
function markTemplate(lines: Line[], template: Set<string>): void {
  const content = lines.filter((l) => l.drop === null);
  if (content.every((l) => template.has(l.key))) return;
  for (const l of content) if (template.has(l.key)) l.drop = 'template';
}

function contentLength(lines: Line[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (lines[i].drop === null) n += lines[i].text.length;
  return n;
}

/** In the back half: at least as much article text before index i as after it. */
function isLate(lines: Line[], i: number): boolean {
  const before = contentLength(lines, 0, i);
  return before > 0 && before >= contentLength(lines, i + 1, lines.length);
}

/**
 * Near the top: less than a fifth of the article text comes before index i. A "Trending" or
 * "More from" heading there belongs to navigation above the article, not to a block after it.
 */
function isEarly(lines: Line[], i: number): boolean {
  const before = contentLength(lines, 0, i);
  return before === 0 || before * 4 < contentLength(lines, i + 1, lines.length);
}

/** Index where a trailing teaser block starts (lines.length when there is none). */
function findCut(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const action = lines[i].rule?.action;
    if (action === 'cut' && !isEarly(lines, i)) return i;
    if (action === 'cut-if-late' && isLate(lines, i)) return i;
    if (action === 'teaser-control') {
      const start = teaserBlockStart(lines, i);
      if (start !== null && isLate(lines, start)) return start;
    }
  }
  return lines.length;
}

/**
 * A teaser card reads: [headline / label / image credit]… then a few paragraphs, then "keep reading".
 * Walk back from the control over the paragraphs, then over the headline-like lines above them
 * (including earlier cards' headlines); the block starts at the first of those.
 */
function teaserBlockStart(lines: Line[], control: number): number | null {
  let i = control - 1;
  let paragraphs = 0;
  while (i >= 0 && lines[i].drop === null && endsLikeSentence(lines[i].text) && paragraphs < MAX_TEASER_PARAGRAPHS) {
    i--;
    paragraphs++;
  }
  let start: number | null = null;
  while (i >= 0 && (lines[i].drop !== null || isHeadlineLike(lines[i].text))) start = i--;
  return start;
}

/**
 * Whether a leading line is the title again: the same words, or the title minus a site suffix
 * ("Headline | Site"), or the headline with such a suffix.
 */
function repeatsTitle(lineKeyText: string, titleKey: string): boolean {
  if (!lineKeyText || !titleKey) return false;
  if (lineKeyText === titleKey) return true;
  const [short, long] = lineKeyText.length < titleKey.length ? [lineKeyText, titleKey] : [titleKey, lineKeyText];
  return short.length >= 20 && long.startsWith(short + ' ') && short.length >= 0.6 * long.length;
}

/** Headline-sized and not a sentence; list items are not headlines. */
function isHeadlineLike(text: string): boolean {
  return text.length <= MAX_HEADLINE && !endsLikeSentence(text) && !/^(?:•|\d+[.)])\s/u.test(text);
}

/** Headlines dangling at the end are teasers for other articles; keep them if they are all there is. */
function trimTrailingHeadlines(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  while (end > 0 && isHeadlineLike(paragraphs[end - 1])) end--;
  return end === 0 ? paragraphs : paragraphs.slice(0, end);
}
