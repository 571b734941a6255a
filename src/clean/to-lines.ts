// HTML (or plain text) → decoded, normalised lines; one line per paragraph-like block.
import { compile, type HtmlToTextOptions } from 'html-to-text';
import { decodeHTML } from 'entities';
import { normalizeLine } from './normalize-text.js';

/** Feed bodies beyond this are truncated before parsing: no real article is this long, and it bounds the work. */
export const MAX_INPUT_CHARS = 1_000_000;

/** Tags that mark a string as HTML (also catches HTML that a feed escaped twice). */
const HTML_TAG =
  /<\/?(?:p|div|span|a|img|br|hr|b|i|u|em|strong|small|sup|sub|script|style|iframe|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|figure|figcaption|picture|source|video|audio|svg|object|embed|form|input|button|link|meta|noscript|blockquote|section|article|header|footer|aside|nav|main|center|font|code|pre|cite|q|abbr|time|mark|del|ins)\b[^>]*>/i;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
/** Rounds of entity decoding after the first: enough for any escaping a feed does by mistake, bounded for a hostile one. */
const MAX_ENTITY_ROUNDS = 8;
/** What an entity starts with, with or without its semicolon ("&amp;", "&#8217;", "&GT"): text without it has none to decode. */
const MAYBE_ENTITY = /&(?:#|[a-z])/i;

// Elements whose content is never article text: code, media, forms, page chrome, and image blocks
// (a <figure> holds a picture and its caption and credit, which a digest never shows).
const SKIPPED = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'img', 'picture',
  'video', 'audio', 'source', 'figure', 'figcaption', 'form', 'button', 'input', 'select', 'textarea', 'nav', 'head', 'title',
];
// Blocks that blog platforms put inside feed content: image blocks and captions, share bars, related-post widgets.
const SKIPPED_BLOCKS = [
  '.wp-caption', '.wp-block-image', '.caption', '.image-credit', '.photo-credit', '.credit',
  // caption-like classes on small elements only: a wrapper named "…captioned…" may hold the whole article
  'p[class*="caption"]', 'span[class*="caption"]', 'small[class*="caption"]', 'div[class*="image-caption"]', 'div[class*="photo-caption"]',
  '.sharedaddy', '.jp-relatedposts', '.yarpp-related',
  '.addtoany_share_save_container', '.share-buttons', '.social-share', '.related-posts', '[hidden]',
];
/** WordPress caption shortcodes left in feed text: [caption id="…"]<img …> Caption text[/caption]. */
const CAPTION_SHORTCODE = /\[caption\b[^\]]{0,500}\][\s\S]{0,3000}?\[\/caption\]/gi;

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  decodeEntities: true,
  limits: { maxInputLength: MAX_INPUT_CHARS },
  formatters: {
    // A table cell is a word group, not a paragraph: keep cells apart with a space.
    cellInline(elem, walk, builder) {
      walk(elem.children, builder);
      builder.addInline(' ');
    },
  },
  selectors: [
    ...[...SKIPPED, ...SKIPPED_BLOCKS].map((selector) => ({ selector, format: 'skip' })),
    // Links keep their text only; an empty link therefore leaves nothing.
    { selector: 'a', options: { ignoreHref: true, hideLinkHrefIfSameAsText: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'blockquote', format: 'block' },
    { selector: 'ul', options: { itemPrefix: '• ' } },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'cellInline' },
    { selector: 'th', format: 'cellInline' },
    { selector: 'hr', format: 'skip' },
  ],
};

export function looksLikeHtml(s: string): boolean {
  return HTML_TAG.test(throughLast(s, '>')[0]) || s.includes('<!--');
}

/**
 * The text through the last `end`, and the rest. A tag or comment ends with `end`, so it can only be found in the
 * first part, and searching the rest would scan to the end from each "<" (quadratic on "<b <b <b …").
 */
function throughLast(s: string, end: string): [string, string] {
  const at = s.lastIndexOf(end) + end.length;
  return at < end.length ? ['', s] : [s.slice(0, at), s.slice(at)];
}

// Compiled once: compiling the selectors per call costs more than converting a typical item.
const convert = compile(OPTIONS);

function htmlToText(html: string): string {
  // A blank line inside HTML (plain text wrapped in one <p>) still means a new paragraph.
  const [commented, rest] = throughLast(html, '-->');
  const prepared = (commented.replace(HTML_COMMENT, ' ') + rest).replace(/\n[ \t\r]*\n\s*/g, '<br><br>');
  return nestsTooDeep(prepared) ? stripTags(prepared) : convert(prepared);
}

/**
 * Elements open at once beyond which HTML is read by `stripTags`: htmlparser2's cost per tag grows with the depth
 * (400,000 nested <b> took a minute), and html-to-text runs out of call stack at about 2,000; articles nest a few dozen.
 */
const MAX_HTML_DEPTH = 500;
/** A tag, its attributes read up to the next < or > (so a "<" without ">" costs nothing more). */
const TAG = /<(\/?)([a-z][a-z0-9:-]*)[^<>]*>/gi;
/** For the depth: a tag's start, and its end if it comes before another "<" (an HTML parser opens "<b <b <b>" too). */
const TAG_START = /<(\/?)([a-z][a-z0-9:-]*)([^<>]*>)?/gi;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Tags an opening of the same name closes (<p><p> is two paragraphs side by side, not one inside the other). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

/** Whether the HTML opens more than MAX_HTML_DEPTH elements at once, estimated as an HTML parser keeps them, in one pass. */
function nestsTooDeep(html: string): boolean {
  const open: string[] = [];
  const count = new Map<string, number>();
  for (const m of html.matchAll(TAG_START)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name)) continue;
    if (m[1]) {
      if (!m[3]) continue; // a closing tag counts only when whole: the estimate errs high
      // a closing tag closes the innermost open element of its name and those inside it
      if (!count.get(name)) continue;
      const at = open.lastIndexOf(name);
      for (let i = at; i < open.length; i++) count.set(open[i], count.get(open[i])! - 1);
      open.length = at;
    } else if (!(SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1] === name)) {
      open.push(name);
      count.set(name, (count.get(name) ?? 0) + 1);
      if (open.length > MAX_HTML_DEPTH) return true;
    }
  }
  return false;
}

const SKIPPED_CONTENT = new Set(SKIPPED.filter((name) => !VOID.has(name)));
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr',
  'section', 'article', 'header', 'footer', 'aside', 'main', 'center', 'hr',
]);

/** HTML read in one pass: tags dropped (a block's ends become line breaks), skipped elements dropped with their content, entities decoded. */
function stripTags(html: string): string {
  const parts: string[] = [];
  let from = 0;
  let skipping: string | null = null;
  for (const m of html.matchAll(TAG)) {
    const name = m[2].toLowerCase();
    if (skipping) {
      if (m[1] && name === skipping) [skipping, from] = [null, m.index + m[0].length];
      continue;
    }
    parts.push(html.slice(from, m.index));
    from = m.index + m[0].length;
    if (!m[1] && SKIPPED_CONTENT.has(name) && !m[0].endsWith('/>')) skipping = name;
    else parts.push(BLOCKS.has(name) ? '\n' : name === 'td' || name === 'th' ? ' ' : '');
  }
  if (!skipping) parts.push(html.slice(from).replace(/<\/?(?:[a-z][^<>]*)?$/i, '')); // a tag cut off at the end
  return decodeHTML(parts.join(''));
}

/**
 * Turn a feed body into plain text, undoing double escaping (one extra round of markup at most; entities until none
 * is left, so that cleaning what was cleaned changes nothing: "&amp;GT" is ">" at once, not "&GT" and then ">").
 */
export function toPlainText(input: string): string {
  let text = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  if (text.includes('[caption')) text = text.replace(CAPTION_SHORTCODE, '\n');
  text = looksLikeHtml(text) ? htmlToText(text) : decodeHTML(text);
  // Escaped twice (&lt;p&gt; or &amp;#8217;): what came out is still markup or entities.
  // Line by line, so the paragraphs the first round found stay apart.
  if (looksLikeHtml(text)) text = text.split('\n').map((line) => (looksLikeHtml(line) ? htmlToText(withoutUnclosedSkipped(line)) : line)).join('\n');
  // Entities left (&amp;amp;, or a legacy one without its semicolon, &GT): decoded until nothing changes.
  for (let round = 0; round < MAX_ENTITY_ROUNDS && MAYBE_ENTITY.test(text); round++) {
    const decoded = decodeHTML(text);
    if (decoded === text) break;
    text = decoded;
  }
  // Escaped three times or more: give up on structure, but never let a tag through.
  while (looksLikeHtml(text)) {
    const [tagged, rest] = throughLast(text, '>');
    text = (tagged.replace(new RegExp(HTML_TAG.source, 'gi'), ' ') + rest).replaceAll('<!--', ' ');
  }
  return text;
}

/**
 * A line of decoded text with the openings of skipped elements (script, style, iframe …) that it never closes taken
 * out. Text that names a tag (`say "&lt;script&gt;" tags are…`, `the &lt;style&gt; element`) reads as markup once
 * decoded, and read as markup, the element ran to the end of the line and took the rest of the paragraph with it;
 * markup escaped twice closes what it opens, and keeps its script or style out as before.
 */
function withoutUnclosedSkipped(line: string): string {
  const lowered = line.toLowerCase();
  const lastClose = new Map<string, number>(); // one search per element name, not per tag: a long line stays linear
  return line.replace(/<([a-z][a-z0-9]*)\b[^<>]*>/gi, (tag, name: string, at: number) => {
    const lower = name.toLowerCase();
    if (!SKIPPED_CONTENT.has(lower) || tag.endsWith('/>')) return tag;
    if (!lastClose.has(lower)) lastClose.set(lower, lowered.lastIndexOf(`</${lower}`));
    return lastClose.get(lower)! > at ? tag : ' ';
  });
}

/** Plain text → non-empty normalised lines. */
export function toLines(input: string): string[] {
  return toPlainText(input)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(normalizeLine)
    .filter((line) => line.length > 0);
}
