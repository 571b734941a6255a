// Keep only what belongs in this edition: its time window, nothing already sent, the digest's scope,
// and only single articles (no navigation fragments, no newsletters bundling many events).
// Every item leaves with a place in `kept`, an exclusion reason, or a place in `unscoped`, never two, never none.
// A headline or a teaser that names none of the scope's terms is not judged alone: it often leaves its
// subject to the story it belongs to ("Deadly night in Zaporizhzhia"), so it waits in `unscoped` until
// clustering says whether it tells a story that is in scope (src/cluster/scope.ts). An article whose text
// never names the subject is not about it.
import type { Excluded, Item } from '../types.js';
import { compileTerms } from '../text/terms.js';
import { scanWords } from '../text/tokens.js';
import { inWindow, placedAt, type EditionWindow } from './window.js';
import { judgeForm, lowerCaseFeeds } from './form.js';
import { SENT_DETAIL, sentAs, type SentItems } from './sent.js';

export { editionWindow, inWindow, placedAt, type EditionWindow } from './window.js';
export { editedHeadline, refSentAs, samePage, sameTitle, sentItems, type SentItems } from './sent.js';
export { openingOf, sameText, sentencesOf, type TextPrint } from './opening.js';

export interface SelectOptions {
  window: EditionWindow;
  scope: { include: string[]; exclude: string[] };
  /** items of editions already sent */
  sent: SentItems;
}

export interface Selection {
  kept: Item[];
  excluded: Excluded[];
  /** headlines and teasers that pass every test but name no include term: in scope only if their story is */
  unscoped: Item[];
  /** per feed id, its items in the window that name no include term (unscoped, or left out as out-of-scope) */
  unnamed: Map<string, number>;
}

/** At most this many words of text (a teaser, a feed's description) and an item's scope is its story's. */
export const BRIEF_WORDS = 60;

/** Why an unscoped item is left out when its story is not in scope either. */
export const NO_INCLUDE_TERM = 'matches no include term';

export function selectItems(items: Item[], opts: SelectOptions): Selection {
  // "air defence" also finds an American outlet's "air defense"
  const include = opts.scope.include.length > 0 ? compileTerms(opts.scope.include, { spellings: true }) : null;
  const exclude = opts.scope.exclude.length > 0 ? compileTerms(opts.scope.exclude, { spellings: true }) : null;
  const kept: Item[] = [];
  const excluded: Excluded[] = [];
  const unscoped: Item[] = [];
  const unnamed = new Map<string, number>();
  const lowerCase = lowerCaseFeeds(items);
  for (const item of items) {
    const out = (reason: Excluded['reason'], detail: string) => excluded.push(exclusion(item, reason, detail));
    if (!inWindow(placedAt(item), opts.window)) {
      // dated in the window but seen before it (republished with a fresh date): most often it went out then, and says so
      const sentThen = item.seen && inWindow(item.published, opts.window) ? sentAs(item, opts.sent) : null;
      if (sentThen) {
        out('already-sent', SENT_DETAIL[sentThen]);
        continue;
      }
      const when = item.undated ? `undated, first seen ${item.published}` : `published ${item.published}${item.seen ? `, first seen ${item.seen}` : ''}`;
      out('outside-window', `${when}, window ${opts.window.start.toISO()} – ${opts.window.end.toISO()}`);
      continue;
    }
    const sentBefore = sentAs(item, opts.sent);
    if (sentBefore) {
      out('already-sent', SENT_DETAIL[sentBefore]);
      continue;
    }
    const haystack = `${item.title}\n\n${item.text}`;
    const banned = exclude?.find(haystack) ?? [];
    if (banned.length > 0) {
      out('out-of-scope', `matches exclude term ${banned.map((t) => JSON.stringify(t)).join(', ')}`);
      continue;
    }
    const named = !include || include.test(haystack);
    if (!named) unnamed.set(item.feed, (unnamed.get(item.feed) ?? 0) + 1);
    if (!named && !isBrief(item)) {
      out('out-of-scope', NO_INCLUDE_TERM);
      continue;
    }
    const form = judgeForm(item, { lowerCaseFeed: lowerCase.has(item.feed) });
    if (form) {
      // out of scope first: a fragment that names no scope term is reported as such, as before
      if (named) out(form.reason, form.detail);
      else out('out-of-scope', NO_INCLUDE_TERM);
      continue;
    }
    (named ? kept : unscoped).push(item);
  }
  return { kept, excluded, unscoped, unnamed };
}

/** A headline alone, or with a teaser of a few sentences. */
function isBrief(item: Item): boolean {
  let words = 0;
  scanWords(item.text, () => void words++);
  return words <= BRIEF_WORDS;
}

export function exclusion(item: Item, reason: Excluded['reason'], detail?: string): Excluded {
  return { feed: item.feed, guid: item.guid, title: item.title, url: item.url, reason, ...(detail ? { detail } : {}) };
}
