// Stable item identity, the same across builds:
//   1. the feed's own id (RSS <guid>, Atom <id>, RDF rdf:about, JSON Feed "id"), trimmed, when not empty;
//   2. else the canonical link (see canonicalUrl);
//   3. else "h:" + the first 16 hex digits of sha1(title + "\n" + published), published being the ISO date or "".
// A document that gives one id to items with different links (a broken feed: every item's guid the site's home
// page) has those items identified by 2 and 3 instead (itemIdentities), as FreshRSS does for feeds with bad guids; items
// that then still share an identity under different titles are identified by link and title.
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
 * Items that still share an identity but not a title (a feed giving every item the site's home page as guid and
 * link, or as link and no guid) are different articles: each is identified by its link and title, and counted in
 * `sharedLinks`; an item repeated under the same title stays one item.
 */
export function itemIdentities(items: Identified[]): { ids: string[]; shared: number; sharedLinks: number } {
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
  const titles = new Map<string, Set<string>>();
  items.forEach((item, i) => titles.set(ids[i], (titles.get(ids[i]) ?? new Set<string>()).add(item.title)));
  let sharedLinks = 0;
  items.forEach((item, i) => {
    if (titles.get(ids[i])!.size < 2) return;
    ids[i] = `h:${createHash('sha1').update(`${linkIdentity(item)}\n${item.title}`).digest('hex').slice(0, 16)}`;
    sharedLinks++;
  });
  return { ids, shared, sharedLinks };
}
