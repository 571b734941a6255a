// One scheduler step, shared by `digest tick` (cron, systemd timers) and `digest run` (own scheduler):
// take the lock, decide whether an edition is due, build it (or reuse the one a stopped run left), send it.
// Safe to run twice or twice at once: the lock admits one step, the ledger sends each address once.
import type { DateTime } from 'luxon';
import type { DigestConfig } from '../types.js';
import { openStore, type Store } from '../store/index.js';
import { decideDue } from './due.js';
import { tryLockFile } from '../store/lock-file.js';

export interface TickOptions {
  now: DateTime;
  outDir: string;
  smtpUrl: string;
  secret: string;
  signal?: AbortSignal;
  log?: (event: string, data: Record<string, unknown>) => void;
}

export type TickOutcome =
  | { kind: 'busy' }
  | { kind: 'not-due'; reason: string; next: string | null }
  /** due, but nobody to send it to: nothing built or recorded, the edition stays due */
  | { kind: 'no-subscribers'; editionId: string; next: string | null }
  | {
      kind: 'sent';
      editionId: string;
      reason: string;
      sent: number;
      failed: number;
      undelivered: number;
      /** why the send stopped before the end (SMTP session failure, full disk, interrupted) */
      stoppedEarly: string | null;
      next: string | null;
      reused: boolean;
    };

export const SCHEDULE_LOCK = 'schedule.lock';

export async function runTick(config: DigestConfig, opts: TickOptions): Promise<TickOutcome> {
  const got = tryLockFile(config.state, SCHEDULE_LOCK);
  if (!('lock' in got)) return { kind: 'busy' };
  const lock = got.lock;
  const store = openStore(config.state);
  try {
    const decision = decideDue({
      schedule: config.schedule,
      timezone: config.timezone,
      window: config.window,
      catchUp: config.catchUp,
      now: opts.now,
      isSent: (id) => editionDone(store, id),
      isStarted: (id) => store.getEdition(id) !== null,
    });
    const next = decision.next?.toISO() ?? null;
    if (!decision.due) return { kind: 'not-due', reason: decision.reason, next };
    opts.log?.('due', { edition: decision.editionId, start: decision.start.toISO(), end: decision.end.toISO(), missed: decision.missed });
    // nobody to send to: do not build (every ten minutes) an edition no one receives
    if (!store.getEdition(decision.editionId) && store.listSubscribers({ status: 'active' }).length === 0) {
      return { kind: 'no-subscribers', editionId: decision.editionId, next };
    }

    const { editionToSend } = await import('../pipeline/edition-to-send.js');
    const { edition, rendered, resumed: reused } = await editionToSend(config, store, { now: decision.end, start: decision.start, outDir: opts.outDir });
    if (!reused) opts.log?.('built', { edition: edition.edition.id, stories: edition.sections.reduce((n, s) => n + s.stories.length, 0) });
    const { sendEdition } = await import('../deliver/send.js');
    const { senderForConfig } = await import('../deliver/transport.js');
    const { acquireSendLock } = await import('../deliver/lock.js');
    const { reserveDiskSpace } = await import('../deliver/disk-reserve.js');
    const sendLock = acquireSendLock(config.state);
    let reserve;
    try {
      reserve = reserveDiskSpace(config.state);
    } catch (err) {
      sendLock.release();
      throw err;
    }
    const sender = senderForConfig(config, opts.smtpUrl);
    try {
      const summary = await sendEdition({
        store,
        config,
        edition,
        rendered,
        secret: opts.secret,
        sender,
        reserve,
        signal: opts.signal,
        log: (line) => opts.log?.('send', { line }),
      });
      if (summary.noRecipients) return { kind: 'no-subscribers', editionId: edition.edition.id, next };
      return {
        kind: 'sent',
        editionId: edition.edition.id,
        reason: decision.reason,
        sent: summary.sent,
        failed: summary.failed.length,
        undelivered: summary.undelivered + summary.unrecorded.length,
        stoppedEarly: summary.stoppedEarly,
        next,
        reused,
      };
    } finally {
      reserve.release();
      sender.close();
      sendLock.release();
    }
  } finally {
    store.close();
    lock.release();
  }
}

/** An edition has gone out when its recipients were planned and none is left to try. */
function editionDone(store: Store, id: string): boolean {
  if (!store.getEdition(id)) return false;
  return store.deliveries(id, ['queued', 'failed']).every((d) => d.status === 'failed' && d.permanent);
}
