// The feeds a draft was built without: editors are told (in the "draft ready" mail and on the desk) before
// they approve an edition that is missing a source's news, not left to find it in the report. A failed feed read
// from its last good copy is named too, with the copy's time: its news is there only as of then.
import type { Edition, FeedReport } from '../types.js';
import { feedFailureText } from '../report/model.js';

/** One line naming the feeds that failed in this build, with why; null when every feed was read. */
export function failedFeedsNote(edition: Edition): string | null {
  const failed = edition.feeds.filter((f) => f.status === 'error');
  if (failed.length === 0) return null;
  const of = `${failed.length} of ${edition.feeds.length} feed${edition.feeds.length === 1 ? '' : 's'}`;
  if (failed.every((f) => !f.usedCopy)) {
    return `${of} failed in this build, so the draft has none of ${failed.length === 1 ? 'its' : 'their'} news: ${failed.map((f) => `${f.name} (${f.error ?? 'failed'})`).join('; ')}`;
  }
  return `${of} failed in this build: ${failed.map(failure).join('; ')}`;
}

function failure(f: FeedReport): string {
  return `${f.name} (${feedFailureText(f)}${f.usedCopy ? ': the draft has its news as of then' : ': the draft has none of its news'})`;
}
