// When each item was first seen, kept in the state folder. An undated item is placed in a window by it, so its date
// stays put across runs; a dated one by it when its date is later (a date ahead of the edition, an archive republished
// with fresh dates: the item was in the feed then, whatever its date says). Kept under the item's key, with the article
// it was (its link and title, and what its text opened with: src/select/opening.ts, so that a wire story sent under
// one outlet's link is known under another's): a feed that keeps one guid for every new article (a feed of the latest
// alert under its home page) gives a new article under a known key, and that one is first seen when it appears. An
// article with its link or its title kept (a corrected headline, a changed slug) is the same one, as already-sent
// reads it (src/select/sent.ts).
// A busy digest sees many items (50 feeds of 30 items a day: over half a million in a year, all kept 400 days), and
// every build reads and writes the whole record, so each item is kept small: its key, page and title as short hashes
// (only ever compared), the time as a number. As the item's text, its URL and title in full, the record was some 370
// bytes an item, 200 MB after a year, and a build spent 40 s and 1.6 GB reading and writing it.

import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asStorageError } from '../store/faults.js';
import { makeFolder } from '../config/folders.js';
import { samePage, sameText, sameTitle, type TextPrint } from '../select/index.js';

/**
 * When an item was first seen (ms since the epoch), and what it was then: its page and title, hashed with its feed
 * (null when it had no link), and its text's fingerprints. A time alone: seen without its article.
 */
type Seen = [at: number] | [at: number, page: string | null, title: string, opening: string | null, sentences: string | null];

/** The article under a key, to tell a new one from the one first seen there. */
export interface SeenArticle {
  link: string | null;
  title: string;
  /** what its text opens with (src/select/opening.ts), for telling a wire story sent under another outlet's link */
  opening?: string | null;
  /** its first sentences' fingerprints (src/select/opening.ts), for the same, and for telling a series' parts apart */
  sentences?: string | null;
}

/** An item out of every feed this long is forgotten, so the record does not grow for ever (Miniflux, too, forgets). */
const FORGET_AFTER_DAYS = 400;
/** the record's format: 2, hashed and numbered; before it, an object of ISO times or { at, link, title, opening } */
const VERSION = 2;

export class FirstSeen {
  private dirty = false;
  /** hashed keys asked for in this build: in a feed now, never forgotten */
  private readonly asked = new Set<string>();
  /** what was seen of each article (feed, page, title) under any key; built when first needed */
  private byArticle: Map<string, Seen[]> | null = null;
  private constructor(
    private readonly file: string,
    private readonly times: Record<string, Seen>,
  ) {}

  static open(stateDir: string): FirstSeen {
    const file = path.join(stateDir, 'first-seen.json');
    let times: Record<string, Seen> = {};
    let upgraded = false;
    try {
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isRecord(data) && data.version === VERSION && isRecord(data.items)) times = data.items as Record<string, Seen>;
      else if (isRecord(data)) {
        times = upgrade(data);
        upgraded = true;
      }
    } catch {
      // missing or unreadable: start afresh (only undated items lose their first-seen time)
    }
    const record = new FirstSeen(file, times);
    record.dirty = upgraded;
    return record;
  }

  get(key: string, now: string, article?: SeenArticle): string {
    const id = hashOf(key);
    this.asked.add(id);
    const known = this.times[id];
    const seen = article ? seenAs(key, Date.parse(now), article) : null;
    if (known && !(seen && anotherArticle(known, seen))) {
      // the article as it is now (a time recorded alone; a headline corrected since), so the next change is read against it
      if (seen && (known.length === 1 || seen.some((v, i) => i > 0 && v !== known[i]))) this.record(id, seenAt(known[0], seen));
      return iso(known[0]);
    }
    // a new key on an article the feed gave before (a CMS that gave every item a new guid, its archive republished
    // with fresh dates): the article was seen then
    const earlier = !known && seen ? this.earliestSeen(seen) : undefined;
    if (earlier !== undefined && earlier < Date.parse(now)) {
      this.record(id, seenAt(earlier, seen!));
      return iso(earlier);
    }
    this.record(id, seen ?? [Date.parse(now)]);
    return now;
  }

  /**
   * When this feed first gave the article (its page and title) under another key, if it did; not when the texts tell
   * two articles (a headline a page gives every week, "Ukraine war: what we know", each time over new text).
   */
  private earliestSeen(seen: Seen): number | undefined {
    if (seen.length === 1 || !seen[1]) return undefined;
    if (!this.byArticle) {
      this.byArticle = new Map();
      for (const entry of Object.values(this.times)) {
        if (entry.length === 1 || !entry[1]) continue;
        const article = `${entry[1]}${entry[2]}`;
        const known = this.byArticle.get(article);
        if (known) known.push(entry);
        else this.byArticle.set(article, [entry]);
      }
    }
    let earliest: number | undefined;
    for (const entry of this.byArticle.get(`${seen[1]}${seen[2]}`) ?? []) {
      if (sameText(textOf(entry), textOf(seen)) === false) continue;
      if (earliest === undefined || entry[0] < earliest) earliest = entry[0];
    }
    return earliest;
  }

  /** What the text of the item under `key` was when last seen (its opening and sentences); undefined when not known. */
  text(key: string): TextPrint | undefined {
    const known = this.times[hashOf(key)];
    return known ? textOf(known) : undefined;
  }

  private record(id: string, seen: Seen): void {
    this.times[id] = seen;
    this.dirty = true;
  }

  /** Write the record, without items first seen long before `now` that no feed gave in this build. */
  save(now?: string): void {
    if (now) {
      const before = Date.parse(now) - FORGET_AFTER_DAYS * 86_400_000;
      for (const id in this.times) {
        if (this.times[id][0] < before && !this.asked.has(id)) {
          delete this.times[id];
          this.dirty = true;
        }
      }
    }
    if (!this.dirty) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      makeFolder(path.dirname(this.file), 'state');
      // an item a line, so the file reads (and diffs) as a list
      const lines: string[] = [];
      for (const id in this.times) lines.push(`${JSON.stringify(id)}:${JSON.stringify(this.times[id])}`);
      writeFileSync(tmp, `{"version":${VERSION},"items":{\n${lines.join(',\n')}\n}}\n`);
      renameSync(tmp, this.file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw asStorageError(err, this.file, 'record when undated items were first seen');
    }
    this.dirty = false;
  }
}

/** What was seen, as first seen at `at`. */
function seenAt(at: number, seen: Seen): Seen {
  return seen.length === 1 ? [at] : [at, seen[1], seen[2], seen[3], seen[4]];
}

function textOf(seen: Seen): TextPrint | undefined {
  return seen.length > 1 ? { opening: seen[3] ?? null, sentences: seen[4] ?? null } : undefined;
}

/** What an item is, as the record keeps it: page and title hashed with its feed (the key's first part). */
function seenAs(key: string, at: number, article: SeenArticle): Seen {
  const feed = key.slice(0, key.indexOf(':'));
  return [at, article.link ? hashOf(`${feed}\n${samePage(article.link)}`) : null, hashOf(`${feed}\n${sameTitle(article.title)}`), article.opening ?? null, article.sentences ?? null];
}

/** Another article under the same key: its page and its title both differ from what was first seen there. */
function anotherArticle(known: Seen, now: Seen): boolean {
  if (known.length === 1 || now.length === 1 || !known[1] || !now[1]) return false;
  return known[1] !== now[1] && known[2] !== now[2];
}

/** The record of an earlier version (key → ISO time, or { at, link, title, opening }), as this one keeps it. */
function upgrade(data: Record<string, unknown>): Record<string, Seen> {
  const out: Record<string, Seen> = {};
  for (const [key, value] of Object.entries(data)) {
    const at = typeof value === 'string' ? Date.parse(value) : isRecord(value) && typeof value.at === 'string' ? Date.parse(value.at) : NaN;
    if (Number.isNaN(at)) continue;
    const old = value as { link?: string | null; title?: string; opening?: string | null };
    out[hashOf(key)] = typeof value === 'string' || typeof old.title !== 'string' ? [at] : seenAs(key, at, { link: old.link ?? null, title: old.title, opening: old.opening ?? null });
  }
  return out;
}

/** A short hash (66 bits, base64url): keys, pages and titles are only compared, never shown. */
function hashOf(s: string): string {
  return createHash('sha1').update(s).digest('base64url').slice(0, 11);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
