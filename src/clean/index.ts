// Cleaning stage: item title + HTML/text body → plain title, clean paragraphs and a short lead.
// All items of one feed are cleaned together so that the feed's template lines can be recognised.
import { toLines } from './to-lines.js';
import { stripFurniture } from './strip-furniture.js';
import { findTemplateLines } from './template-lines.js';
import { makeLead } from './lead.js';
import { splitSentences } from '../text/sentences.js';
import { cleanTitle } from './title.js';
import { truncateAtWord } from './truncate.js';
import { normalizeLine } from './normalize-text.js';
import { splitHeadlineMarks } from '../text/headline-marks.js';

export { cleanTitle } from './title.js';
export { extractArticle } from './article.js';
export { isTeaser } from './teaser.js';
export { withoutSiteName } from './site-name.js';
export { FURNITURE_RULES, type FurnitureRule } from '../text/furniture.js';

export interface CleanInput {
  title: string;
  html: string;
  /** ISO date the feed gives the item, if any: photo captions often carry a date of another year */
  published?: string | null;
}

export interface CleanOutput {
  title: string;
  text: string;
  lead: string;
  /**
   * A wire service's topic slug in front of the headline ("UKRAINE-STRIKE/ENERGY - …"), cut from the title: the
   * desk's filing of the item, as a feed's categories are (text/headline-marks.ts). Absent when there is none.
   */
  filedAs?: string[];
}

/**
 * Clean all items of ONE feed together (so lines repeated across the feed's items are detected as
 * template furniture). Pure and deterministic; never throws; same order as input.
 */
export function cleanFeedItems(items: CleanInput[]): CleanOutput[] {
  const list = Array.isArray(items) ? items : [];
  const lines = list.map((item) => safe(() => toLines(asString(item?.html)), () => fallbackLines(item?.html)));
  const template = safe(() => findTemplateLines(lines), () => new Set<string>());
  return list.map((item, i) => safe(() => cleanOne(item, lines[i], template), () => fallbackItem(item)));
}

function cleanOne(item: CleanInput, lines: string[], template: Set<string>): CleanOutput {
  const { headline: title, topics } = splitHeadlineMarks(cleanTitle(asString(item?.title)));
  const text = stripFurniture(lines, { title, template, year: yearOf(item?.published) }).join('\n\n');
  if (title) return { title, text, lead: makeLead(text, title), ...(topics.length > 0 ? { filedAs: topics } : {}) };
  // Untitled items (allowed in RSS and JSON Feed) are headed by their first sentence, as readers show them.
  const first = splitSentences(text)[0] ?? '';
  const derived = truncateAtWord(first, UNTITLED_MAX_CHARS);
  return { title: derived, text, lead: makeLead(text, derived) };
}

/** A headline made from an untitled item's first sentence is kept about headline length. */
const UNTITLED_MAX_CHARS = 110;

function yearOf(iso: unknown): number | undefined {
  const year = typeof iso === 'string' ? Number(iso.slice(0, 4)) : NaN;
  return Number.isInteger(year) && year > 0 ? year : undefined;
}

function asString(v: unknown): string {
  return typeof v === 'string' ? v : v == null ? '' : String(v);
}

function safe<T>(run: () => T, fallback: () => T): T {
  try {
    return run();
  } catch {
    return fallback();
  }
}

// Last resort if a library throws on some pathological input: strip anything tag-like, keep the words.
function fallbackLines(html: unknown): string[] {
  return asString(html)
    .replace(/<[^>]*>?/g, '\n')
    .replace(/&[#\w]+;/g, ' ')
    .split('\n')
    .map(normalizeLine)
    .filter(Boolean);
}

function fallbackItem(item: CleanInput): CleanOutput {
  const title = safe(() => cleanTitle(asString(item?.title)), () => '');
  const text = fallbackLines(item?.html).join('\n\n');
  return { title, text, lead: safe(() => makeLead(text, title), () => '') };
}
