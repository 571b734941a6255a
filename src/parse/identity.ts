// Stable item identity, the same across builds:
//   1. the feed's own id (RSS <guid>, Atom <id>, RDF rdf:about, JSON Feed "id"), trimmed, when not empty;
//   2. else the canonical link (see canonicalUrl);
//   3. else "h:" + the first 16 hex digits of sha1(title + "\n" + published), published being the ISO date or "".
// A document that gives one id to items with different links (a broken feed: every item's guid the site's home
// page) has those items identified by 2 and 3 instead (itemIdentities), as FreshRSS does for feeds with bad guids.
import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical.js';

type Identified = { guid: string | null; link: string | null; title: string; published: string | null };

export function itemIdentity(item: Identified): string {
  const guid = item.guid?.trim();
  if (guid) return guid;
  return linkIdentity(item);
}

/** the identity of an item without its id: canonical link, else the hash of title and date */
function linkIdentity(item: Identified): string {
  const link = item.link ? canonicalUrl(item.link) : null;
  if (link) return link;
  const digest = createHash('sha1').update(`${item.title}\n${item.published ?? ''}`).digest('hex');
  return `h:${digest.slice(0, 16)}`;
}

/**
 * The identities of one document's items, in order. An id shared by items whose links differ names none of them:
 * each of those items is identified by its link (else title and date) instead, which gives the same identities each
 * time the same document is read. An item repeated whole (same id, same link) keeps the id, so it stays one item;
 * the ids of feeds whose ids are unique never change. `shared` counts the items identified by link instead.
 */
export function itemIdentities(items: Identified[]): { ids: string[]; shared: number } {
  const ids = items.map(itemIdentity);
  const links = new Map<string, Set<string>>();
  items.forEach((item, i) => {
    if (!item.guid?.trim()) return;
    const set = links.get(ids[i]) ?? new Set<string>();
    set.add(linkIdentity(item));
    links.set(ids[i], set);
  });
  let shared = 0;
  items.forEach((item, i) => {
    if (!item.guid?.trim() || links.get(ids[i])!.size < 2) return;
    ids[i] = linkIdentity(item);
    shared++;
  });
  return { ids, shared };
}
