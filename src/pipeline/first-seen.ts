// When each item was first seen, kept in the state folder. An undated item is placed in a window by it, so its date
// stays put across runs; a dated one by it when its date is later (a date ahead of the edition, an archive republished
// with fresh dates: the item was in the feed then, whatever its date says). Kept under the item's key, with the article
// it was (its link and title, and what its text opened with: src/select/opening.ts, so that a wire story sent under
// one outlet's link is known under another's): a feed that keeps one guid for every new article (a feed of the latest
// alert under its home page) gives a new article under a known key, and that one is first seen when it appears. An
// article with its link or its title kept (a corrected headline, a changed slug) is the same one, as already-sent
// reads it (src/select/sent.ts).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asStorageError } from '../store/faults.js';
import { makeFolder } from '../config/folders.js';
import { samePage, sameTitle, type TextPrint } from '../select/index.js';

/** When an item was first seen, and what it was then (older files hold the time alone). */
type Seen = string | { at: string; link: string | null; title: string; opening?: string | null; sentences?: string | null };

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

export class FirstSeen {
  private dirty = false;
  /** keys asked for in this build: in a feed now, never forgotten */
  private readonly asked = new Set<string>();
  /** the earliest time each article (feed, page, title) was seen under any key; built when first needed */
  private byArticle: Map<string, string> | null = null;
  private constructor(
    private readonly file: string,
    private readonly times: Record<string, Seen>,
  ) {}

  static open(stateDir: string): FirstSeen {
    const file = path.join(stateDir, 'first-seen.json');
    let times: Record<string, Seen> = {};
    try {
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (data && typeof data === 'object' && !Array.isArray(data)) times = data as Record<string, Seen>;
    } catch {
      // missing or unreadable: start afresh (only undated items lose their first-seen time)
    }
    return new FirstSeen(file, times);
  }

  get(key: string, now: string, article?: SeenArticle): string {
    this.asked.add(key);
    const known = this.times[key];
    const at = typeof known === 'string' ? known : known?.at;
    if (at && !(article && typeof known === 'object' && anotherArticle(known, article))) {
      // the article as it is now (a time recorded alone by an older version; a headline corrected since), so the next
      // change is read against it
      if (article && (typeof known === 'string' || known.link !== article.link || known.title !== article.title || (known.opening ?? null) !== (article.opening ?? null) || (known.sentences ?? null) !== (article.sentences ?? null))) {
        this.record(key, { at, ...article });
      }
      return at;
    }
    // a new key on an article the feed gave before (a CMS that gave every item a new guid, its archive republished
    // with fresh dates): the article was seen then
    const earlier = !at && article ? this.earliestSeen(key, article) : undefined;
    if (earlier !== undefined && Date.parse(earlier) < Date.parse(now)) {
      this.record(key, { at: earlier, ...article! });
      return earlier;
    }
    this.record(key, article ? { at: now, ...article } : now);
    return now;
  }

  /** When this feed first gave the article (its page and title) under another key, if it did. */
  private earliestSeen(key: string, article: SeenArticle): string | undefined {
    if (!article.link) return undefined;
    if (!this.byArticle) {
      this.byArticle = new Map();
      for (const [k, seen] of Object.entries(this.times)) {
        if (typeof seen !== 'object' || !seen.link) continue;
        const id = articleId(k, seen.link, seen.title);
        const known = this.byArticle.get(id);
        if (!known || Date.parse(seen.at) < Date.parse(known)) this.byArticle.set(id, seen.at);
      }
    }
    return this.byArticle.get(articleId(key, article.link, article.title));
  }

  /** What the text of the item under `key` was when last seen (its opening and sentences); undefined when not known. */
  text(key: string): TextPrint | undefined {
    const known = this.times[key];
    return typeof known === 'object' ? { opening: known.opening ?? null, sentences: known.sentences ?? null } : undefined;
  }

  private record(key: string, seen: Seen): void {
    this.times[key] = seen;
    this.dirty = true;
  }

  /** Write the record, without items first seen long before `now` that no feed gave in this build. */
  save(now?: string): void {
    if (now) {
      const before = Date.parse(now) - FORGET_AFTER_DAYS * 86_400_000;
      for (const [key, seen] of Object.entries(this.times)) {
        const at = typeof seen === 'string' ? seen : seen.at;
        if (!this.asked.has(key) && Date.parse(at) < before) {
          delete this.times[key];
          this.dirty = true;
        }
      }
    }
    if (!this.dirty) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      makeFolder(path.dirname(this.file), 'state');
      writeFileSync(tmp, JSON.stringify(this.times, null, 1));
      renameSync(tmp, this.file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw asStorageError(err, this.file, 'record when undated items were first seen');
    }
    this.dirty = false;
  }
}

/** An article of one feed (the feed id is the key's first part), by its page and title as already-sent reads them. */
function articleId(key: string, link: string, title: string): string {
  return `${key.slice(0, key.indexOf(':'))}\n${samePage(link)}\n${sameTitle(title)}`;
}

/** Another article under the same key: its link and its title both differ from what was first seen there. */
function anotherArticle(seen: { link: string | null; title: string }, now: SeenArticle): boolean {
  if (!seen.link || !now.link) return false;
  return samePage(seen.link) !== samePage(now.link) && sameTitle(seen.title) !== sameTitle(now.title);
}
