// Public face of the parse stage: bytes of a feed → ParsedFeed, never throwing.
import { constants, gunzipSync } from 'node:zlib';
import type { ParsedFeed } from '../types.js';
import { decodeFeed } from './decode.js';
import { sniffDocument, type Sniffed } from './sniff.js';
import { parseXmlFeed } from './xml-feed.js';
import { JsonFeedError, parseJsonFeed } from './json-feed.js';
import { advertisedFeeds } from './advertised.js';
import { withoutLogin } from './canonical.js';

export { decodeFeed } from './decode.js';
export { canonicalUrl } from './canonical.js';
export { itemIdentity, itemIdentities } from './identity.js';
export { findAdvertisedFeeds } from './advertised.js';

export type ParseOutcome =
  | { ok: true; feed: ParsedFeed; format: 'rss' | 'atom' | 'rdf' | 'json' }
  | { ok: false; error: string };

const MAX_UNZIPPED = 64 * 1024 * 1024;

function oneLine(s: string, max = 240): string {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** sax/xml2js messages are "Reason\nLine: 3\nColumn: 7\nChar: x" → "Reason at line 3, column 7" */
function xmlErrorLine(message: string): string {
  const [reason, ...rest] = message.split('\n');
  const line = /Line:\s*(\d+)/.exec(rest.join(' '))?.[1];
  const col = /Column:\s*(\d+)/.exec(rest.join(' '))?.[1];
  return line ? `${reason.trim()} at line ${Number(line) + 1}, column ${col}` : reason.trim();
}

/** a gzip body the server forgot to label: decompress it rather than report garbage */
function maybeGunzip(body: Buffer): Buffer {
  if (body.length > 2 && body[0] === 0x1f && body[1] === 0x8b) {
    try {
      // a file cut off gives what it holds, read up to its last complete item (as the fetch does)
      return gunzipSync(body, { maxOutputLength: MAX_UNZIPPED, finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return body;
    }
  }
  return body;
}

/**
 * A feed behind markup printed before its XML declaration (a PHP notice: "<br />\n<b>Warning</b>: … on line 12<br />"
 * then "<?xml …"), for a document that does not read as a feed from its start: where it begins and its kind, or null.
 */
function feedAfterJunk(text: string): { at: number; doc: Sniffed } | null {
  const at = text.indexOf('<?xml', 1);
  if (at < 0 || at > 65_536) return null;
  const doc = sniffDocument(text.slice(at));
  return doc.kind === 'rss' || doc.kind === 'atom' || doc.kind === 'rdf' ? { at, doc } : null;
}

/** decode + detect format + parse + normalise items. Never throws; `error` is one clear line. */
export async function parseFeedBody(body: Buffer, opts: { contentType?: string | null; baseUrl?: string | null }): Promise<ParseOutcome> {
  try {
    if (!body || body.length === 0) return { ok: false, error: 'empty body' };
    let { text } = decodeFeed(maybeGunzip(body), opts.contentType);
    // the feed's address with its login (if any) left out: it must not travel in the items' links
    const baseUrl = withoutLogin(opts.baseUrl ?? null);
    let doc = sniffDocument(text);
    const behindJunk = doc.kind === 'html' || doc.kind === 'not-feed' || doc.kind === 'text' ? feedAfterJunk(text) : null;
    if (behindJunk) {
      doc = behindJunk.doc;
      text = text.slice(behindJunk.at);
    }
    switch (doc.kind) {
      case 'empty':
        return { ok: false, error: 'empty body' };
      case 'text':
        if (/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(text.slice(0, 512))) return { ok: false, error: 'not a feed (binary data)' };
        return { ok: false, error: `not a feed (plain text starting "${oneLine(text, 40)}")` };
      case 'html': {
        const feeds = advertisedFeeds(text, baseUrl);
        return { ok: false, error: feeds.length ? `not a feed (HTML page; it advertises ${feeds.slice(0, 3).join(', ')})` : 'not a feed (HTML page)' };
      }
      case 'not-feed':
        return { ok: false, error: `not a feed (${doc.what})` };
      case 'json':
        try {
          return { ok: true, feed: parseJsonFeed(text, baseUrl), format: 'json' };
        } catch (e) {
          if (e instanceof JsonFeedError) return { ok: false, error: oneLine(e.message) };
          throw e;
        }
      default:
        try {
          const feed = parseXmlFeed(text, doc.kind, doc.prefix, baseUrl);
          if (behindJunk) feed.repaired = ['text before the XML', ...(feed.repaired ?? [])];
          return { ok: true, feed, format: doc.kind };
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          if (e instanceof TypeError || e instanceof RangeError) throw e; // our bug or the XML parser's, not the feed's
          // sax errors carry a position; anything else is xml-tree.ts refusing the document's shape
          const error = /\nLine:/.test(message) ? `malformed XML: ${xmlErrorLine(message)}` : `not a feed (${message.replace(/\.$/, '')})`;
          return { ok: false, error: oneLine(error) };
        }
    }
  } catch (e) {
    return { ok: false, error: oneLine(`could not read feed (${e instanceof Error ? e.message : String(e)})`) };
  }
}
