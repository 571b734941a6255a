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
  return HTML_TAG.test(s) || s.includes('<!--');
}

// Compiled once: compiling the selectors per call costs more than converting a typical item.
const convert = compile(OPTIONS);

function htmlToText(html: string): string {
  // A blank line inside HTML (plain text wrapped in one <p>) still means a new paragraph.
  return convert(html.replace(HTML_COMMENT, ' ').replace(/\n[ \t\r]*\n\s*/g, '<br><br>'));
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
  if (looksLikeHtml(text)) text = text.split('\n').map((line) => (looksLikeHtml(line) ? htmlToText(line) : line)).join('\n');
  // Entities left (&amp;amp;, or a legacy one without its semicolon, &GT): decoded until nothing changes.
  for (let round = 0; round < MAX_ENTITY_ROUNDS && MAYBE_ENTITY.test(text); round++) {
    const decoded = decodeHTML(text);
    if (decoded === text) break;
    text = decoded;
  }
  // Escaped three times or more: give up on structure, but never let a tag through.
  while (looksLikeHtml(text)) text = text.replace(new RegExp(HTML_TAG.source, 'gi'), ' ').replaceAll('<!--', ' ');
  return text;
}

/** Plain text → non-empty normalised lines. */
export function toLines(input: string): string[] {
  return toPlainText(input)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(normalizeLine)
    .filter((line) => line.length > 0);
}
