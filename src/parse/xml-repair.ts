// Small, safe repairs that let a strict XML parser read what real feeds send.
// Valid XML passes through unchanged, except that inline markup in text elements is escaped (see escapeInlineMarkup).
// Each function takes an optional `found` set into which it puts a short label for each kind of fault it repaired
// (`unescaped "&"`, `unclosed <b>`), so a feed read only after repair is reported as such; valid XML adds none.
import { decodeHTML } from 'entities';
import { escapeHtml } from '../text/escape.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// chars XML 1.0 forbids even as references
const FORBIDDEN_RAW = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const NEEDS_REPAIR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&(?!(?:amp|lt|gt|quot|apos);)|<(?=[\s\d=<])/;
const MAX_ENTITIES = 64;
const MAX_ENTITY_VALUE = 2000;
/** characters all declared-entity references of one document may expand to, together; later ones expand to nothing */
export const MAX_ENTITY_EXPANSION = 1_000_000;

/**
 * The labels of `found` as the feed's report shows them: labels of one kind with an example each
 * (`HTML entity &nbsp;`, `unclosed <b>`) grouped as `HTML entity &nbsp; &mdash;`, at most 3 examples a kind.
 */
export function describeRepairs(found: Set<string>): string[] {
  const groups = new Map<string, string[]>();
  for (const label of found) {
    const m = /^(HTML entity|unknown entity|unclosed|stray) (\S+)$/.exec(label);
    const [kind, example] = m ? [m[1], m[2]] : [label, null];
    const list = groups.get(kind) ?? [];
    if (example !== null) list.push(example);
    groups.set(kind, list);
  }
  return [...groups].map(([kind, examples]) => (examples.length === 0 ? kind : `${kind} ${examples.slice(0, 3).join(' ')}${examples.length > 3 ? ' …' : ''}`));
}

function validCodePoint(cp: number): boolean {
  return (cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff));
}

/** simple `<!ENTITY name "value">` declarations of an internal DTD subset (no parameter or external entities) */
function declaredEntities(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(text.slice(0, 200_000));
  if (!doctype) return found;
  const re = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(doctype[1])) && found.size < MAX_ENTITIES) {
    const value = (m[2] ?? m[3] ?? '').slice(0, MAX_ENTITY_VALUE);
    // values are used as text once, never expanded recursively (no "billion laughs")
    found.set(m[1], decodeHTML(value.replace(/&(?:[A-Za-z_][\w.-]*);/g, (ref) => (ref === '&amp;' ? ref : ''))));
  }
  return found;
}

function fixReferences(segment: string, custom: Map<string, string>, budget: { left: number }, found?: Set<string>): string {
  // the five XML entities are by far the most common references and need nothing: the lookahead skips them cheaply
  return segment.replace(/&(?!(?:amp|lt|gt|quot|apos);)(?:#(\d{1,8});|#[xX]([0-9A-Fa-f]{1,8});|([A-Za-z_][\w.-]*);)?/g, (ref, dec, hex, name) => {
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? Number(dec) : parseInt(hex, 16);
      if (validCodePoint(cp)) return ref;
      found?.add('invalid character reference');
      return '';
    }
    if (name === undefined) {
      found?.add('unescaped "&"');
      return '&amp;'; // bare ampersand
    }
    if (XML_ENTITIES.has(name)) return ref;
    if (custom.has(name)) {
      // a small feed repeating one entity 260,000 times must not grow into gigabytes
      const value = custom.get(name)!;
      if (value.length > budget.left) return '';
      budget.left -= value.length;
      return escapeHtml(value);
    }
    const decoded = decodeHTML(ref);
    found?.add(decoded !== ref ? `HTML entity ${ref}` : `unknown entity ${ref}`);
    if (decoded !== ref) return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
    return `&amp;${name};`;
  });
}

/** apply `fix` to the text outside CDATA sections, comments, processing instructions and the DOCTYPE */
function outsideMarkupBlocks(text: string, fix: (s: string) => string): string {
  const blocks = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<!DOCTYPE(?:[^[><]|\[[^\]]*(?:\]|$))*(?:>|$)/gi;
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = blocks.exec(text))) {
    out += fix(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
    if (m[0].length === 0) blocks.lastIndex++;
  }
  return out + fix(text.slice(last));
}

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/**
 * CDATA sections nested in CDATA, as a CMS writes when it wraps an item's HTML in CDATA without looking inside and the
 * HTML holds a section of its own: XML ends the outer section at the inner "]]>", and the inner "<![CDATA[" left in the
 * HTML read as a comment to its end, losing the rest of the article. Each such section becomes one, its inner markers
 * dropped (HTML has no CDATA: their text is the text). A section whose nesting does not close, or would close only
 * past an item's end, is left as it is.
 */
export function unnestCdata(text: string, found?: Set<string>): string {
  let open = text.indexOf(CDATA_OPEN);
  if (open < 0) return text;
  let out = '';
  let copied = 0;
  while (open >= 0) {
    // walk the section: an inner open goes one level down, a close one level up; the markers of inner levels are kept
    const markers: [number, number][] = [];
    let depth = 1;
    let at = open + CDATA_OPEN.length;
    while (depth > 0) {
      const close = text.indexOf(CDATA_CLOSE, at);
      if (close < 0) return copied === 0 ? text : out + text.slice(copied);
      const inner = text.indexOf(CDATA_OPEN, at);
      if (inner >= 0 && inner < close) {
        depth++;
        markers.push([inner, CDATA_OPEN.length]);
        at = inner + CDATA_OPEN.length;
      } else {
        depth--;
        if (depth > 0) markers.push([close, CDATA_CLOSE.length]);
        at = close + CDATA_CLOSE.length;
      }
    }
    if (markers.length > 0) {
      let content = '';
      let from = open + CDATA_OPEN.length;
      for (const [marker, length] of markers) {
        content += text.slice(from, marker);
        from = marker + length;
      }
      content += text.slice(from, at - CDATA_CLOSE.length);
      if (!/<\/?(?:[\w-]+:)?(?:item|entry)[\s>]/.test(content)) {
        out += text.slice(copied, open) + CDATA_OPEN + content + CDATA_CLOSE;
        copied = at;
        found?.add('nested CDATA');
      }
    }
    open = text.indexOf(CDATA_OPEN, at);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** make the XML text acceptable to a strict parser without changing what a lenient reader would see */
export function repairXml(text: string, found?: Set<string>): string {
  const firstTag = text.indexOf('<');
  const start = firstTag > 0 ? text.slice(firstTag) : text; // junk or whitespace before the prolog
  // whitespace before the prolog is common and harmless; anything else there is a fault worth naming
  if (found && firstTag > 0 && /\S/.test(text.slice(0, firstTag).replace(FORBIDDEN_RAW, ''))) found.add('text before the XML');
  // nothing to fix (the usual case): one scan finds no forbidden character, no reference other than the five XML
  // ones and no stray "<"
  if (!NEEDS_REPAIR.test(start)) return start;
  let s = text.replace(FORBIDDEN_RAW, '');
  if (found && s.length !== text.length) found.add('control characters');
  const tagAt = s.indexOf('<');
  if (tagAt > 0) s = s.slice(tagAt);
  if (!/&(?!(?:amp|lt|gt|quot|apos);)|<(?=[\s\d=<])/.test(s)) return s;
  const custom = /<!DOCTYPE/i.test(s.slice(0, 8192)) ? declaredEntities(s) : new Map<string, string>();
  // "<" that cannot start markup (followed by space, digit, "=" or "<") is text: escape it
  const budget = { left: MAX_ENTITY_EXPANSION };
  return outsideMarkupBlocks(s, (seg) => {
    const fixed = fixReferences(seg, custom, budget, found);
    if (!/<(?=[\s\d=<])/.test(fixed)) return fixed;
    found?.add('unescaped "<"');
    return fixed.replace(/<(?=[\s\d=<])/g, '&lt;');
  });
}

const TEXT_CONSTRUCT = /<((?:atom:)?(?:title|description|summary|content|subtitle|rights|tagline|copyright|info)|content:encoded)(\s(?:[^<>"']|"[^"<]*"|'[^'<]*')*)?>/g;

/** does this element content hold a child element (outside CDATA)? Scans without building strings. */
function hasChildElement(inner: string): boolean {
  // indexOf jumps over CDATA (usually the whole body) far faster than a lazy regex walks it
  for (let i = inner.indexOf('<'); i >= 0; i = inner.indexOf('<', i + 1)) {
    if (inner.startsWith('<![CDATA[', i)) {
      const end = inner.indexOf(']]>', i + 9);
      if (end < 0) return false;
      i = end + 2;
      continue;
    }
    const c = inner.charCodeAt(i + 1) | 0x20; // lower-cased letter
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/**
 * xml2js keeps an element's text apart from its child elements, so inline markup (Atom type="xhtml", or HTML
 * pasted unescaped into an RSS <description>) would come back out of order: "Long-range debate" + "<b>missiles</b>".
 * Turn such inner markup into escaped text (type="html") before parsing, which keeps it in order.
 */
export function escapeInlineMarkup(xml: string, found?: Set<string>): string {
  let out = '';
  let last = 0;
  TEXT_CONSTRUCT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TEXT_CONSTRUCT.exec(xml))) {
    const [open, name] = m;
    const attrs = m[2] ?? '';
    if (attrs.trimEnd().endsWith('/')) continue;
    const innerStart = m.index + open.length;
    const close = xml.indexOf(`</${name}`, innerStart);
    if (close < 0) break;
    const inner = xml.slice(innerStart, close);
    TEXT_CONSTRUCT.lastIndex = close;
    if (!hasChildElement(inner)) continue;
    // well-formed markup (Atom xhtml) is valid XML read our way; markup a strict parser would refuse is a repair
    if (found) unbalancedTags(inner, found);
    const markup = inner
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(/<(\/?)[\w.-]+:/g, '<$1') // xhtml:div → div
      .replace(/\sxmlns(?::[\w.-]+)?\s*=\s*("[^"]*"|'[^']*')/g, '');
    const newAttrs = /\s(type|mode)\s*=/.test(attrs) ? attrs.replace(/(\s(?:type|mode)\s*=\s*)("[^"]*"|'[^']*')/g, '$1"html"') : attrs;
    out += xml.slice(last, m.index) + `<${name}${newAttrs}>` + escapeHtml(markup);
    last = close;
  }
  return out + xml.slice(last);
}

const INNER_TAG = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)(?:[^<>"']|"[^"<]*"|'[^'<]*')*?(\/?)>/g;

/** adds `unclosed <b>` / `stray </b>` for the tags of `inner` that do not nest as XML needs */
function unbalancedTags(inner: string, found: Set<string>): void {
  const stack: string[] = [];
  INNER_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INNER_TAG.exec(inner))) {
    const [, endName, startName, selfClose] = m;
    if (startName !== undefined) {
      if (!selfClose) stack.push(startName);
    } else if (endName !== undefined) {
      const at = stack.lastIndexOf(endName);
      if (at < 0) found.add(`stray </${endName}>`);
      else while (stack.length > at) {
        const open = stack.pop()!;
        if (open !== endName) found.add(`unclosed <${open}>`);
      }
    }
  }
  for (const open of stack) found.add(`unclosed <${open}>`);
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!DOCTYPE(?:[^[><]|\[[^\]]*(?:\]|$))*(?:>|$)|<\/([A-Za-z_][\w:.-]*)\s*(>|$)|<([A-Za-z_][\w:.-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*?)(\/?)(>|$)/g;

/**
 * Second chance for XML that a strict parser refused: close what was left open (a truncated download,
 * "</rss" without ">"), drop end tags that close nothing, and close inner elements an outer end tag skips.
 * Only used after a strict parse failed.
 */
export function balanceTags(xml: string, found?: Set<string>): string {
  const stack: string[] = [];
  // where in `out` each open element starts, so an unfinished item can be cut off whole
  const starts: number[] = [];
  let out = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml))) {
    out += xml.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0].length === 0) {
      TOKEN.lastIndex++;
      continue;
    }
    const [token, endName, endGt, startName, , selfClose, startGt] = m;
    if (endName !== undefined) {
      const at = stack.lastIndexOf(endName);
      if (at < 0) {
        found?.add(`stray </${endName}>`);
        continue; // closes nothing: drop it
      }
      while (stack.length > at + 1) {
        const open = stack.pop()!;
        starts.pop();
        found?.add(`unclosed <${open}>`);
        out += `</${open}>`;
      }
      stack.pop();
      starts.pop();
      if (!endGt) found?.add('truncated document');
      out += endGt ? token : `${token}>`;
    } else if (startName !== undefined) {
      if (!startGt) break; // truncated start tag at the very end
      if (!selfClose) {
        stack.push(startName);
        starts.push(out.length);
      }
      out += token;
    } else {
      if (!token.endsWith('>')) break; // truncated comment/CDATA at the end
      out += token;
    }
  }
  if (last < xml.length && !m) out += xml.slice(last).replace(/<[^>]*$/, '');
  // elements still open at the end: the download (or the file) stops before the document does
  if (stack.length) found?.add('truncated document');
  // the item it stops inside is unfinished (a headline cut mid-word, no link, a sentence cut short): left out whole
  let unfinished = stack.length - 1;
  while (unfinished >= 0 && !ITEM_ELEMENT.test(stack[unfinished])) unfinished--;
  if (unfinished >= 0) {
    out = out.slice(0, starts[unfinished]);
    stack.length = unfinished;
    found?.add('unfinished last item left out');
  }
  while (stack.length) out += `</${stack.pop()}>`;
  return out;
}

/** an RSS item or an Atom entry, with any prefix */
const ITEM_ELEMENT = /^(?:[\w.-]+:)?(?:item|entry)$/;

