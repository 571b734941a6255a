// The feeds a draft was built without: editors are told (in the "draft ready" mail and on the desk) before
// they approve an edition that is missing a source's news, not left to find it in the report.
import type { Edition } from '../types.js';

/** One line naming the feeds that failed in this build, with why; null when every feed was read. */
export function failedFeedsNote(edition: Edition): string | null {
  const failed = edition.feeds.filter((f) => f.status === 'error');
  if (failed.length === 0) return null;
  const of = `${failed.length} of ${edition.feeds.length} feed${edition.feeds.length === 1 ? '' : 's'}`;
  return `${of} failed in this build, so the draft has none of ${failed.length === 1 ? 'its' : 'their'} news: ${failed.map((f) => `${f.name} (${f.error ?? 'failed'})`).join('; ')}`;
}
