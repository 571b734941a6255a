// Stable item identity, the same across builds:
//   1. the feed's own id (RSS <guid>, Atom <id>, RDF rdf:about, JSON Feed "id"), trimmed, when not empty;
//   2. else the canonical link (see canonicalUrl);
//   3. else "h:" + the first 16 hex digits of sha1(title + "\n" + published), published being the ISO date or "".
import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical.js';

export function itemIdentity(item: { guid: string | null; link: string | null; title: string; published: string | null }): string {
  const guid = item.guid?.trim();
  if (guid) return guid;
  const link = item.link ? canonicalUrl(item.link) : null;
  if (link) return link;
  const digest = createHash('sha1').update(`${item.title}\n${item.published ?? ''}`).digest('hex');
  return `h:${digest.slice(0, 16)}`;
}
