// Is an edition due, and which one? Pure: schedule + zone + clock + what was sent → a decision.
// An edition is named by its scheduled firing (its end), so the same firing always means the same edition,
// however late or often the scheduler wakes up.
import { Cron } from 'croner';
import { DateTime, type DurationLike } from 'luxon';

export interface DueInput {
  schedule: string;
  timezone: string;
  window: DurationLike;
  catchUp: 'latest' | 'skip';
  now: DateTime;
  /** has the edition with this id gone out completely? */
  isSent: (editionId: string) => boolean;
  /** has the edition with this id been started (built or partly sent)? */
  isStarted?: (editionId: string) => boolean;
  /** the newest edition that went out (or was skipped): nothing dated on or before it is due */
  newestClosed?: string | null;
  /** where that edition's window ended (ISO), when known: a catch-up reaches back to it */
  newestClosedEnd?: string | null;
  /** a fresh install does not send an edition whose firing is older than this (default 24 h) */
  freshGraceHours?: number;
}

export type DueDecision =
  | { due: true; editionId: string; end: DateTime; start: DateTime; missed: number; next: DateTime | null; reason: string }
  | { due: false; next: DateTime | null; reason: string };

/** How many earlier firings to look back through for the last sent edition. */
const LOOKBACK = 60;

export function decideDue(input: DueInput): DueDecision {
  const cron = new Cron(input.schedule, { timezone: input.timezone, paused: true });
  const now = input.now.setZone(input.timezone);
  const next = toDateTime(cron.nextRun(now.toJSDate()), input.timezone);
  // previousRuns gives firings strictly before the reference; a firing at exactly `now` is due now.
  const recent = cron.previousRuns(LOOKBACK, now.plus({ milliseconds: 1 }).toJSDate()).map((d) => toDateTime(d, input.timezone)!);
  const latest = recent[0];
  if (!latest) return { due: false, next, reason: 'the schedule has not fired yet' };

  const idOf = (t: DateTime) => t.toISODate()!;
  const latestId = idOf(latest);
  if (input.isSent(latestId)) return { due: false, next, reason: `edition ${latestId} was already sent` };
  // a clock that stepped back must not send an older edition after a newer one (ids are ISO dates)
  const newest = input.newestClosed ?? null;
  if (newest !== null && latestId < newest) {
    return { due: false, next, reason: `edition ${newest} was already sent, and edition ${latestId} is older (is the clock behind?)` };
  }

  // Firings since the last sent edition, newest first.
  const lastSentIndex = recent.findIndex((t) => input.isSent(idOf(t)));
  const started = input.isStarted?.(latestId) ?? false;
  const grace = input.freshGraceHours ?? 24;
  const late = now.diff(latest, 'hours').hours > grace;
  // an earlier edition went out, at least to some: not a fresh install (the latest's own partial send is no earlier one)
  const wentOutBefore = newest !== null && newest < latestId;
  // none went out completely in the look-back: where the one that went out partly lies in it (-1: before it)
  const closedIndex = lastSentIndex !== -1 ? lastSentIndex : wentOutBefore ? recent.findIndex((t) => idOf(t) <= newest) : -1;
  // an edition went out before the firings looked back through (a daily digest stopped for months)
  const sentLongAgo = lastSentIndex === -1 && wentOutBefore && closedIndex === -1;
  if (lastSentIndex === -1 && !started && !wentOutBefore) {
    if (late) {
      return { due: false, next, reason: `no edition sent yet and the last firing (${latest.toISO()}) is over ${grace} h old; waiting for the next` };
    }
  }
  const closedEnd = sentLongAgo && input.newestClosedEnd ? DateTime.fromISO(input.newestClosedEnd, { setZone: true }).setZone(input.timezone) : null;
  // past the look-back, the firings between the last edition that went out and this one, counted from that edition's
  // end; without it, at least every firing looked back through was missed
  const missed = sentLongAgo
    ? closedEnd?.isValid ? firingsBetween(cron, closedEnd, latest) : recent.length - 1
    : closedIndex === -1 ? 0 : closedIndex - 1;
  const normalStart = latest.minus(input.window);
  let start = normalStart;
  if (input.catchUp === 'latest' && lastSentIndex > 0) {
    // One edition covering everything since the last one that went out, not one per missed firing.
    const lastEnd = recent[lastSentIndex];
    if (lastEnd < normalStart) start = lastEnd;
  } else if (input.catchUp === 'latest' && lastSentIndex === -1 && wentOutBefore && input.newestClosedEnd) {
    // as far back as the last edition that went out, however many firings ago it was (docs/operations.md)
    const lastEnd = DateTime.fromISO(input.newestClosedEnd, { setZone: true }).setZone(input.timezone);
    if (lastEnd.isValid && lastEnd < normalStart) start = lastEnd;
  }
  if (input.catchUp === 'skip' && missed > 0 && !started && late) {
    return { due: false, next, reason: `skipping ${missed + 1} missed firing(s) (catchUp: skip); next edition at ${next?.toISO()}` };
  }
  return {
    due: true,
    editionId: latestId,
    end: latest,
    start,
    missed,
    next,
    // with catchUp: skip the window stays one edition long: the missed firings are dropped, not covered
    reason:
      missed === 0
        ? `edition ${latestId} is due`
        : input.catchUp === 'skip'
          ? `edition ${latestId} is due; ${missed} missed firing(s) before it skipped (catchUp: skip)`
          : `edition ${latestId} is due; it also covers ${missed} missed firing(s)`,
  };
}

/** How many firings lie strictly between `after` and `before`, counted up to a bound (an hourly schedule stopped for years). */
function firingsBetween(cron: Cron, after: DateTime, before: DateTime): number {
  let count = 0;
  for (let t = cron.nextRun(after.toJSDate()); t && t < before.toJSDate() && count < MAX_COUNTED; t = cron.nextRun(t)) count++;
  return count;
}

/** firings counted one by one at most (some 27 years of a daily digest) */
const MAX_COUNTED = 10_000;

function toDateTime(d: Date | null, zone: string): DateTime | null {
  return d ? DateTime.fromJSDate(d).setZone(zone) : null;
}
