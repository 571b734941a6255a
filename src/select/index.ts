// Keep only what belongs in this edition: its time window, nothing already sent, the digest's scope,
// and only single articles (no navigation fragments, no newsletters bundling many events).
// Every item leaves with either a place in `kept` or an exclusion reason, never both, never neither.
import type { Excluded, Item } from '../types.js';
import { compileTerms } from '../text/terms.js';
import { inWindow, type EditionWindow } from './window.js';
import { judgeForm, lowerCaseFeeds } from './form.js';

export { editionWindow, inWindow, type EditionWindow } from './window.js';

export interface SelectOptions {
  window: EditionWindow;
  scope: { include: string[]; exclude: string[] };
  /** `${feed}:${guid}` of items in editions already sent */
  sentKeys: ReadonlySet<string>;
}

export interface Selection {
  kept: Item[];
  excluded: Excluded[];
}

export function selectItems(items: Item[], opts: SelectOptions): Selection {
  // "air defence" also finds an American outlet's "air defense"
  const include = opts.scope.include.length > 0 ? compileTerms(opts.scope.include, { spellings: true }) : null;
  const exclude = opts.scope.exclude.length > 0 ? compileTerms(opts.scope.exclude, { spellings: true }) : null;
  const kept: Item[] = [];
  const excluded: Excluded[] = [];
  const lowerCase = lowerCaseFeeds(items);
  for (const item of items) {
    const out = (reason: Excluded['reason'], detail: string) => excluded.push(exclusion(item, reason, detail));
    if (!inWindow(item.published, opts.window)) {
      out('outside-window', `${item.undated ? 'undated, first seen' : 'published'} ${item.published}, window ${opts.window.start.toISO()} – ${opts.window.end.toISO()}`);
      continue;
    }
    if (opts.sentKeys.has(item.key)) {
      out('already-sent', 'in an edition already sent');
      continue;
    }
    const haystack = `${item.title}\n\n${item.text}`;
    const banned = exclude?.find(haystack) ?? [];
    if (banned.length > 0) {
      out('out-of-scope', `matches exclude term ${banned.map((t) => JSON.stringify(t)).join(', ')}`);
      continue;
    }
    if (include && !include.test(haystack)) {
      out('out-of-scope', 'matches no include term');
      continue;
    }
    const form = judgeForm(item, { lowerCaseFeed: lowerCase.has(item.feed) });
    if (form) {
      out(form.reason, form.detail);
      continue;
    }
    kept.push(item);
  }
  return { kept, excluded };
}

export function exclusion(item: Item, reason: Excluded['reason'], detail?: string): Excluded {
  return { feed: item.feed, guid: item.guid, title: item.title, url: item.url, reason, ...(detail ? { detail } : {}) };
}
