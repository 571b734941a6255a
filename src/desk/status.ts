// `digest status`: the digest at a glance — schedule and next firing, the current draft and its state,
// the last edition that went out, subscribers, and feeds that are failing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { DateTime } from 'luxon';
import type { DigestConfig, Edition } from '../types.js';
import { readHealth } from '../fetch/index.js';
import { openStoreToRead } from '../store/index.js';
import { SUBSCRIBER_STATUSES, type DeliveryCounts, type SubscriberStatus } from '../store/types.js';
import { EditionLifecycle, type EditionEntry } from '../store/lifecycle.js';
import { acceptedAside } from '../deliver/accepted-aside.js';
import { countsWithAside, isDeferred, stillToSend } from '../deliver/plan.js';
import { emptyDraftWhy } from './empty-draft.js';

export interface DigestStatus {
  title: string;
  schedule: string;
  timezone: string;
  /** ISO in the digest's zone, null if the schedule never fires again */
  nextFiring: string | null;
  review: NonNullable<DigestConfig['review']>;
  /** the current draft; `corrections` and `vanished` count those in its digest.json, `pending` those made since, `undone` those in it taken back since */
  draft:
    | (EditionEntry & {
        corrections: number;
        vanished: number;
        pending: number;
        undone: number;
        deadline: string | null;
        /** review: required, the editors told and nobody approved yet: since when */
        waitingSince: string | null;
        /** the schedule's next firing after the draft's: the next edition's draft replaces it, unsent */
        replacedAt: string | null;
        /** that firing has passed and the draft still waits: longer than one schedule period (the scheduler not running?) */
        overdue: boolean;
        /** the draft holds no story: why (all items left out, no item, feeds failed); null when it holds some */
        empty: string | null;
      })
    | null;
  /** corrections waiting for the next draft when there is none */
  pendingCorrections: number;
  /** `refused`: of the failed, those whose message the server refused on `runs` runs, no longer tried */
  /** `expired`: of the failed, those the readers' servers deferred past the lifetime (src/deliver/deferrals.ts), no longer tried */
  lastSent: (EditionEntry & { counts: DeliveryCounts; refused: { count: number; runs: number }; expired: number }) | null;
  /**
   * editions part-way out (readers not reached yet) older than one that went out in full or was skipped: neither the
   * scheduler nor `digest send` resumes them after it; `digest send --edition ID` does. `deferred`: of the readers
   * left, those whose server deferred the message, which the scheduler retries until the lifetime gives them up
   */
  leftBehind: { id: string; left: number; planned: number; newer: string; deferred: number }[];
  /** `delivery.deferralLifetime`: past it a reader's server's deferral is given up */
  deferralLifetimeMs: number;
  subscribers: Record<SubscriberStatus, number>;
  failingFeeds: { id: string; name: string; error: string | null; runs: number; lastSuccess: string | null }[];
}

export async function digestStatus(config: DigestConfig, now: DateTime = DateTime.now()): Promise<DigestStatus> {
  const review = config.review ?? { mode: 'none', editors: [], deadlineMs: null, onDeadline: 'send' };
  const cron = new Cron(config.schedule, { timezone: config.timezone, paused: true });
  const next = cron.nextRun(now.toJSDate());
  const health = await readHealth(config.state);
  const store = openStoreToRead(config.state);
  try {
    const book = new EditionLifecycle(store);
    const current = book.current();
    const pendingIds = book.pendingCorrections().map((c) => c.id);
    const pending = pendingIds.length;
    let draft: DigestStatus['draft'] = null;
    if (current) {
      const onDisk = readEdition(current.dir);
      const listed = onDisk?.corrections ?? [];
      const from = current.notifiedAt ?? current.builtAt;
      draft = {
        ...current,
        corrections: listed.length,
        vanished: listed.filter((c) => c.status === 'vanished').length,
        // made since the draft on disk was written (e.g. in the preview): a rebuild takes them in
        pending: current.state === 'draft' ? pendingIds.filter((id) => !listed.some((c) => c.id === id)).length : 0,
        // taken back since it was written (an undo whose rebuild failed or is running): `digest approve` refuses it so
        undone: current.state === 'draft' ? listed.filter((c) => book.correction(c.id)?.withdrawn).length : 0,
        empty: current.stories === 0 && onDisk ? emptyDraftWhy(onDisk) : null,
        // an empty draft the editors were not asked to approve has no deadline: the schedule builds it again
        deadline: review.mode === 'required' && review.deadlineMs !== null && from && current.state === 'draft' && (current.stories !== 0 || current.notifiedAt !== null)
          ? DateTime.fromISO(from).plus(review.deadlineMs).setZone(config.timezone).toISO()
          : null,
        ...waiting(current, review.mode === 'required', cron, now, config.timezone),
      };
    }
    const last = book.lastSent();
    const leftBehind = book.leftBehind().map(({ behind: e, newer }) => {
      const rows = store.deliveries(e.id);
      const accepted = acceptedAside(config.state, e.id);
      const left = rows.filter((r) => stillToSend(r, accepted));
      return { id: e.id, left: left.length, deferred: left.filter(isDeferred).length, planned: rows.length, newer: newer.id };
    }).filter((b) => b.left > 0);
    const subscribers = Object.fromEntries(SUBSCRIBER_STATUSES.map((s) => [s, 0])) as Record<SubscriberStatus, number>;
    for (const s of store.listSubscribers()) subscribers[s.status]++;
    const failingFeeds = config.feeds
      .map((f) => ({ f, h: health.feeds[f.id] }))
      .filter(({ h }) => h && h.consecutiveFailures > 0)
      .map(({ f, h }) => ({ id: f.id, name: f.name, error: h!.error, runs: h!.consecutiveFailures, lastSuccess: h!.lastSuccess }));
    return {
      title: config.title,
      schedule: config.schedule,
      timezone: config.timezone,
      nextFiring: next ? DateTime.fromJSDate(next).setZone(config.timezone).toISO() : null,
      review,
      draft,
      pendingCorrections: pending,
      lastSent: last ? { ...last, counts: countsWithAside(store.deliveries(last.id), acceptedAside(config.state, last.id)), refused: store.refusedForGood(last.id), expired: store.expiredForGood(last.id) } : null,
      leftBehind,
      deferralLifetimeMs: config.delivery.deferralLifetimeMs,
      subscribers,
      failingFeeds,
    };
  } finally {
    store.close();
  }
}

/** How long a draft the schedule built for review has waited, and when the next edition replaces it. */
function waiting(e: EditionEntry, required: boolean, cron: Cron, now: DateTime, zone: string): { waitingSince: string | null; replacedAt: string | null; overdue: boolean } {
  if (!required || e.state !== 'draft' || !e.notifiedAt || !e.windowEnd) return { waitingSince: null, replacedAt: null, overdue: false };
  const after = cron.nextRun(DateTime.fromISO(e.windowEnd).toJSDate());
  const replacedAt = after ? DateTime.fromJSDate(after).setZone(zone) : null;
  return {
    waitingSince: DateTime.fromISO(e.notifiedAt).setZone(zone).toISO(),
    replacedAt: replacedAt?.toISO() ?? null,
    overdue: replacedAt !== null && replacedAt <= now,
  };
}

function readEdition(dir: string | null): Edition | null {
  if (!dir) return null;
  try {
    return JSON.parse(readFileSync(path.join(dir, 'digest.json'), 'utf8')) as Edition;
  } catch {
    return null;
  }
}
