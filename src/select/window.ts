// The edition's time window in the digest's zone. Days are calendar days of the zone (luxon), so
// a 7-day window across a DST change is 167 or 169 hours long.
import { DateTime, type DurationLike } from 'luxon';

export interface EditionWindow {
  start: DateTime;
  end: DateTime;
}

export function editionWindow(now: DateTime, window: DurationLike, timezone: string): EditionWindow {
  const end = now.setZone(timezone);
  return { start: end.minus(window), end };
}

/** start < published ≤ end: an item published exactly at a cut-off belongs to the edition that ends there */
export function inWindow(publishedIso: string, w: EditionWindow): boolean {
  const t = DateTime.fromISO(publishedIso).toMillis();
  return t > w.start.toMillis() && t <= w.end.toMillis();
}

/** When an item is placed in a window: its date, or when it was first seen if that is earlier (src/pipeline/normalize.ts). */
export function placedAt(item: { published: string; seen?: string }): string {
  return item.seen ?? item.published;
}
