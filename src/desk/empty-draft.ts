// A draft that holds no story: why, in one phrase, for `digest tick`, `digest status` and the editors' mail. The
// scheduler builds such an edition again at each step (news may still come); until then the editors and the operator
// are told what the build found, rather than "not built yet".
import type { Edition, ExclusionReason } from '../types.js';
import { outcomeLabel } from '../report/model.js';
import { failedFeedsNote } from './failed-feeds.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "its 3 items were all left out (2 outside window, 1 already sent)", "its feeds gave no item", with failed feeds. */
export function emptyDraftWhy(edition: Edition): string {
  const counts = new Map<ExclusionReason, number>();
  for (const x of edition.excluded) counts.set(x.reason, (counts.get(x.reason) ?? 0) + 1);
  const n = edition.excluded.length;
  const reasons = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r, k]) => `${k} ${outcomeLabel(r)}`);
  const feeds = plural(edition.feeds.length, 'feed');
  const what =
    n === 0
      ? `its ${feeds} gave no item`
      : `${n === 1 ? 'the one item' : `all ${n} items`} its ${feeds} gave ${n === 1 ? 'was' : 'were'} left out (${reasons.join(', ')})`;
  const failed = failedFeedsNote(edition);
  return failed ? `${what}; ${failed}` : what;
}

/** The mail the editors get once when the schedule's first build of an edition holds no story (review: required). */
export function emptyDraftNotice(title: string, edition: Edition, deskUrl: string): { subject: string; lines: string[] } {
  const id = edition.edition.id;
  return {
    subject: `Draft empty: ${title} · ${id} (no story)`,
    lines: [
      `The draft of ${title}, edition ${id}, was built and holds no story: ${emptyDraftWhy(edition)}.`,
      'Nothing is sent for it as things stand. The scheduler builds it again at each step and sends you the usual "draft ready" mail once it has a story; its report (report.html beside the draft) lists every item and why it was left out.',
      'The desk:',
      deskUrl,
    ],
  };
}
