// What kind of document is this text? Looks at the first element only (cheap, and works on broken XML).

export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'json' }
  | { kind: 'html' }
  | { kind: 'rss' | 'rdf' | 'atom'; root: string; prefix: string }
  | { kind: 'not-feed'; what: string }
  | { kind: 'text' };

const RSS1_NS = /http:\/\/purl\.org\/rss\/1\.0\/?|http:\/\/(?:my|channel)\.netscape\.com\/rdf\/simple\/0\.9\/?/;
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** index just after the next `end` from `from`, or -1 */
function skipTo(text: string, end: string, from: number): number {
  const e = text.indexOf(end, from);
  return e < 0 ? -1 : e + end.length;
}

const START_TAG = /<([A-Za-z_][\w:.-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/y;

/**
 * The first start tag after the prolog (XML declaration, comments, PIs, DOCTYPE with its internal subset), or
 * null. A sequential scan, so hostile input (thousands of unclosed "<!DOCTYPE [") stays linear.
 */
export function firstStartTag(text: string): { name: string; attrs: string; index: number } | null {
  let i = 0;
  for (let steps = 0; steps < 10_000; steps++) {
    i = text.indexOf('<', i);
    if (i < 0) return null;
    let next = -2;
    if (text.startsWith('<?', i)) next = skipTo(text, '?>', i + 2);
    else if (text.startsWith('<!--', i)) next = skipTo(text, '-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) next = skipTo(text, ']]>', i + 9);
    else if (text[i + 1] === '!') {
      // DOCTYPE or another declaration; an internal subset [ … ] may contain ">"
      const gt = text.indexOf('>', i);
      const bracket = text.indexOf('[', i);
      next = bracket >= 0 && (gt < 0 || bracket < gt) ? skipTo(text, '>', Math.max(text.indexOf(']', bracket), bracket)) : gt < 0 ? -1 : gt + 1;
      if (bracket >= 0 && text.indexOf(']', bracket) < 0) next = -1;
    }
    if (next === -1) return null;
    if (next >= 0) {
      i = next;
      continue;
    }
    START_TAG.lastIndex = i;
    const m = START_TAG.exec(text);
    if (m) return { name: m[1], attrs: m[2] ?? '', index: i };
    i++;
  }
  return null;
}

const attrPatterns = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | null {
  let re = attrPatterns.get(name);
  if (!re) {
    if (attrPatterns.size > 100) attrPatterns.clear(); // names come from documents: keep the cache small
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : null;
}

export function sniffDocument(text: string): Sniffed {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (!head) return { kind: 'empty' };
  if (head.startsWith('{') || head.startsWith('[')) return { kind: 'json' };
  if (/^<!DOCTYPE\s+html/i.test(head) || /^<html[\s>]/i.test(head)) return { kind: 'html' };
  const tag = firstStartTag(text.slice(0, 65536));
  if (!tag) return head.includes('<') ? { kind: 'not-feed', what: 'XML without a root element' } : { kind: 'text' };
  const [prefix, local] = tag.name.includes(':') ? tag.name.split(':', 2) : ['', tag.name];
  const ns = attr(tag.attrs, prefix ? `xmlns:${prefix}` : 'xmlns');
  const name = local.toLowerCase();
  if (name === 'rss') return { kind: 'rss', root: tag.name, prefix };
  // any <feed>: pre-1.0 Atom drafts used several namespaces (purl.org/echo, necho, pie…)
  if (name === 'feed') return { kind: 'atom', root: tag.name, prefix };
  if (local === 'RDF' && (ns === RDF_NS || !ns)) {
    if (RSS1_NS.test(text.slice(0, 65536))) return { kind: 'rdf', root: tag.name, prefix };
    return { kind: 'not-feed', what: 'RDF document that is not RSS 1.0' };
  }
  if (name === 'html' || name === 'head' || name === 'body') return { kind: 'html' }; // browsers allow leaving out <html>
  if (name === 'entry') return { kind: 'not-feed', what: 'a single Atom entry, not a feed' };
  if (name === 'opml') return { kind: 'not-feed', what: 'OPML subscription list; add the feeds it lists instead' };
  if (name === 'service') return { kind: 'not-feed', what: 'Atom Publishing service document' };
  if (name === 'channel') {
    if (ns && /rss1\.1/.test(ns)) return { kind: 'not-feed', what: 'RSS 1.1 document; RSS 0.9x–2.0, RSS 1.0, Atom and JSON Feed are read' };
    return { kind: 'not-feed', what: '<channel> without <rss> or <rdf:RDF> around it' };
  }
  return { kind: 'not-feed', what: `XML document with root <${tag.name}>` };
}
