// Expected feed/item titles for a corpus file, from whatever the corpus provides:
// gofeed JSON ({title, items:[{title}]}), rss-parser output ({feed:{title, items}}), feed-rs serde JSON
// ({title:{content}, entries:[{title:{content}}]}), or feedparser `Expect:` comments (feed['title'] == '…').
import fs from 'node:fs';
import path from 'node:path';
import { plainText } from '../../src/parse/text.js';

export interface ExpectedTitles {
  feedTitle?: string;
  items: { index: number; title: string }[];
  source: 'gofeed' | 'rss-parser' | 'feed-rs' | 'feedparser';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function titleValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObj(v) && typeof v.content === 'string') return v.content; // feed-rs Text
  return undefined;
}

function fromJson(doc: unknown, source: ExpectedTitles['source']): ExpectedTitles | null {
  let feed: unknown = doc;
  if (source === 'rss-parser' && isObj(doc) && isObj(doc.feed)) feed = doc.feed;
  if (!isObj(feed)) return null;
  const out: ExpectedTitles = { items: [], source };
  const t = titleValue(feed.title);
  if (t !== undefined) out.feedTitle = t;
  const list = Array.isArray(feed.items) ? feed.items : Array.isArray(feed.entries) ? feed.entries : [];
  list.forEach((it, index) => {
    const title = isObj(it) ? titleValue(it.title) : undefined;
    if (title !== undefined) out.items.push({ index, title });
  });
  return out.feedTitle !== undefined || out.items.length ? out : null;
}

/** a Python string expression: 'a' + u"b\u2019" … → its value, or null if it is something else */
function pythonString(expr: string): { value: string; rest: string } | null {
  let rest = expr.trimStart();
  let value = '';
  let any = false;
  for (;;) {
    const m = /^[uU]?([rR]?)(['"])/.exec(rest);
    if (!m) break;
    const raw = m[1] !== '';
    const quote = m[2];
    let i = m[0].length;
    let s = '';
    for (; i < rest.length && rest[i] !== quote; i++) {
      const c = rest[i];
      if (c !== '\\' || raw) {
        s += c;
        continue;
      }
      const n = rest[++i];
      const hex = (len: number) => {
        const h = rest.slice(i + 1, i + 1 + len);
        i += len;
        return String.fromCodePoint(parseInt(h, 16));
      };
      if (n === 'n') s += '\n';
      else if (n === 't') s += '\t';
      else if (n === 'r') s += '\r';
      else if (n === 'x') s += hex(2);
      else if (n === 'u') s += hex(4);
      else if (n === 'U') s += hex(8);
      else s += n;
    }
    if (i >= rest.length) return null;
    value += s;
    any = true;
    rest = rest.slice(i + 1).trimStart();
    if (rest.startsWith('+')) rest = rest.slice(1).trimStart();
    else break;
  }
  return any ? { value, rest } : null;
}

function fromExpectComment(head: string): ExpectedTitles | null {
  const expect = /Expect:\s*([^\n]*)/.exec(head)?.[1];
  if (!expect) return null;
  const out: ExpectedTitles = { items: [], source: 'feedparser' };
  const re = /(feed|entries\[(\d+)\])(?:\.title|\[['"]title['"]\])\s*==\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expect))) {
    const str = pythonString(expect.slice(m.index + m[0].length));
    if (!str) continue;
    if (m[1] === 'feed') out.feedTitle = str.value;
    else out.items.push({ index: Number(m[2]), title: str.value });
  }
  return out.feedTitle !== undefined || out.items.length ? out : null;
}

/** expected titles for a manifest row, or null when the corpus has none for it */
export function expectedTitles(corpusDir: string, row: { path: string; source: string; expected: string }): ExpectedTitles | null {
  try {
    if (row.expected === 'expect-comment') {
      const head = fs.readFileSync(path.join(corpusDir, row.path)).subarray(0, 8192).toString('utf8');
      return fromExpectComment(head);
    }
    if (!row.expected) return null;
    const doc = JSON.parse(fs.readFileSync(path.join(corpusDir, row.expected), 'utf8'));
    const source = row.source === 'rss-parser' ? 'rss-parser' : row.source === 'feed-rs' ? 'feed-rs' : 'gofeed';
    return fromJson(doc, source);
  } catch {
    return null;
  }
}

/** both sides go through the same plain-text normalisation; U+FFFD in an expected value (a reference parser
 *  that decoded the bytes wrongly) matches any one character */
export function titlesMatch(expected: string, actual: string | null): boolean {
  const want = plainText(expected);
  const got = plainText(actual ?? '');
  if (!want.includes('\uFFFD')) return want === got;
  const pattern = want.split('\uFFFD').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.');
  return new RegExp(`^${pattern}$`, 's').test(got);
}

/** HTTP context a feedparser test declares in its comment ("Header: Content-type: …", "Content-Location: …") */
export function declaredHttpContext(bytes: Buffer): { contentType: string | null; baseUrl: string | null } {
  const head = bytes.subarray(0, 2048).toString('latin1').replace(/\0/g, '');
  const contentType = /Header:\s*Content-type:\s*([^\n]*)/i.exec(head)?.[1]?.trim() ?? null;
  const baseUrl = /Header:\s*Content-Location:\s*(\S+)/i.exec(head)?.[1] ?? null;
  return { contentType, baseUrl };
}
