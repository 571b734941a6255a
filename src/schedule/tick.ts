// One scheduler step, shared by `digest tick` (cron, systemd timers) and `digest run` (own scheduler):
// take the lock, decide whether an edition is due, and move it along its lifecycle (src/store/lifecycle.ts):
//  - review: none      build it, approve it as built, send it (or resume the approved copy part-way out);
//  - review: required  build a draft and tell the editors; send it once approved; at the review
//                      deadline send the draft as it stands, or skip the edition.
// Safe to run twice or twice at once: the lock admits one step, the ledger sends each address once.
// A dry run decides the same way and says what it would do, touching nothing.
import path from 'node:path';
import { DateTime } from 'luxon';
import type { DigestConfig, Edition, ReviewConfig } from '../types.js';
import { UserError } from '../errors.js';
import { openStore, openStoreToRead, type SqliteStore } from '../store/index.js';
import { EditionLifecycle, type EditionEntry } from '../store/lifecycle.js';
import { decideDue } from './due.js';
import { inspectLock, tryLockFile } from '../store/lock-file.js';
import { withEditionLock } from '../desk/edition-lock.js';
import type { DiskReserve } from '../deliver/disk-reserve.js';
import { acceptedAside } from '../deliver/accepted-aside.js';
import { stillToSend } from '../deliver/plan.js';
import { givenUpNote } from '../deliver/summary.js';
import type { SendSummary } from '../deliver/send.js';
import type { MailSender } from '../deliver/transport.js';

export interface TickOptions {
  now: DateTime;
  outDir: string;
  /** not needed for a dry run */
  smtpUrl?: string;
  secret?: string;
  /** say what would happen; change nothing */
  dryRun?: boolean;
  signal?: AbortSignal;
  log?: (event: string, data: Record<string, unknown>) => void;
}

export type TickOutcome = StepOutcome & {
  /** editions left behind by a newer one (src/store/lifecycle.ts): what the step did about them, one line each */
  leftBehind?: string[];
};

type StepOutcome =
  /** `holder`: who holds the schedule lock, when a live process does */
  | { kind: 'busy'; holder: { pid: number; host: string; since: string | null } | null }
  | { kind: 'not-due'; reason: string; next: string | null }
  /** due, but nobody to send it to: nothing sent, the edition stays due (and approved, if it was) */
  | { kind: 'no-subscribers'; editionId: string; next: string | null; approved?: boolean }
  | {
      kind: 'sent';
      editionId: string;
      reason: string;
      sent: number;
      failed: number;
      undelivered: number;
      /** why the send stopped before the end (SMTP session failure, full disk, interrupted) */
      stoppedEarly: string | null;
      /** messages given up for this edition by this send (refused on several runs, deferred past the lifetime): why, one line each */
      givenUp: string[];
      next: string | null;
      reused: boolean;
    }
  | {
      kind: 'awaiting-approval';
      editionId: string;
      reason: string;
      next: string | null;
      built: boolean;
      notified: string[];
      deadline: string | null;
      /** older drafts nobody approved before this edition was due: closed unsent (skipped), this one replaces them */
      replaced?: string[];
    }
  | { kind: 'skipped'; editionId: string; reason: string; next: string | null }
  /** `untold`: the editors were to hear the draft is empty and none could be told (why); the next step tries again */
  | { kind: 'empty'; editionId: string; reason: string; next: string | null; untold?: string }
  | {
      kind: 'dry-run';
      editionId: string | null;
      reason: string;
      next: string | null;
      plan: string[];
      /** what the step would do with the due edition, for `digest status` (null: nothing due) */
      step: DryRunStep | null;
      /** missed firings the due edition also covers */
      missed: number;
      /** of the recipients a send already planned, how many it has not reached (null: no send begun) */
      left: { left: number; planned: number } | null;
    };

export type DryRunStep = 'send-approved' | 'resume' | 'wait-for-approval' | 'skip-at-deadline' | 'send-at-deadline' | 'no-subscribers' | 'build-draft' | 'build-and-send';

export const SCHEDULE_LOCK = 'schedule.lock';

const NO_REVIEW: ReviewConfig = { mode: 'none', editors: [], deadlineMs: null, onDeadline: 'send' };

export async function runTick(config: DigestConfig, opts: TickOptions): Promise<TickOutcome> {
  if (opts.dryRun) return dryRunTick(config, opts);
  const got = tryLockFile(config.state, SCHEDULE_LOCK);
  if (!('lock' in got)) {
    const seen = got.heldBy !== null ? inspectLock(config.state, SCHEDULE_LOCK) : null;
    return { kind: 'busy', holder: seen && got.heldBy !== null && seen.pid === got.heldBy ? { pid: got.heldBy, host: seen.host, since: seen.since } : null };
  }
  const lock = got.lock;
  const store = openStore(config.state);
  try {
    const outcome = await step(config, store, opts);
    const behind = await leftBehindStep(config, store, opts);
    return behind.length > 0 ? { ...outcome, leftBehind: behind } : outcome;
  } finally {
    store.close();
    lock.release();
  }
}

function review(config: DigestConfig): ReviewConfig {
  return config.review ?? NO_REVIEW;
}

function decide(config: DigestConfig, book: EditionLifecycle, now: DateTime) {
  const required = review(config).mode === 'required';
  const closed = book.list().filter((e) => e.state === 'sent' || e.state === 'skipped' || e.sentAt !== null);
  const newest = closed.reduce<(typeof closed)[number] | null>((max, e) => (max === null || e.id > max.id ? e : max), null);
  return decideDue({
    schedule: config.schedule,
    timezone: config.timezone,
    window: config.window,
    catchUp: config.catchUp,
    now,
    isSent: (id) => {
      const s = book.get(id)?.state;
      return s === 'sent' || s === 'skipped';
    },
    newestClosed: newest?.id ?? null,
    newestClosedEnd: newest?.windowEnd ?? null,
    // a draft built by hand is not a start; one the schedule built for review is
    isStarted: (id) => {
      const e = book.get(id);
      return e !== null && (e.state !== 'draft' || (required && e.notifiedAt !== null));
    },
  });
}

/** due.ts calls every closed edition sent; say so when it was skipped. */
function closedReason(book: EditionLifecycle, reason: string): string {
  return reason.replace(/edition (\S+) was already sent/, (m, id: string) => (book.get(id)?.state === 'skipped' ? `edition ${id} was skipped` : m));
}

function deadlineOf(config: DigestConfig, entry: EditionEntry): DateTime | null {
  const ms = review(config).deadlineMs;
  const from = entry.notifiedAt ?? entry.builtAt;
  return ms === null || !from ? null : DateTime.fromISO(from).plus(ms).setZone(config.timezone);
}

async function step(config: DigestConfig, store: SqliteStore, opts: TickOptions): Promise<TickOutcome> {
  // the step's clock (--now) stamps what it records, so review deadlines follow the same clock
  const book = new EditionLifecycle(store, () => opts.now.toJSDate());
  const decision = decide(config, book, opts.now);
  const next = decision.next?.toISO() ?? null;
  if (!decision.due) return { kind: 'not-due', reason: closedReason(book, decision.reason), next };
  const id = decision.editionId;
  const reason = decision.reason;
  opts.log?.('due', { edition: id, start: decision.start.toISO(), end: decision.end.toISO(), missed: decision.missed });
  const entry = book.get(id);
  const r = review(config);

  // approved, or part-way out: its frozen copy
  if (entry && book.snapshot(id)) return send(config, store, opts, id, { reason, next, reused: true });
  // part-way out before approvals were kept: the copy on disk, as it was then
  if (entry && (entry.state === 'sending' || entry.state === 'sent')) return resumeFromDisk(config, store, opts, id, { reason, next });

  const { approveFromDisk, storyTotal } = await import('../desk/approve.js');
  if (r.mode === 'required' && entry?.state === 'draft' && entry.notifiedAt) {
    const deadline = deadlineOf(config, entry);
    if (!deadline || opts.now < deadline) {
      return { kind: 'awaiting-approval', editionId: id, reason: `${reason}; waiting for an editor to approve it`, next, built: false, notified: [], deadline: deadline?.toISO() ?? null };
    }
    const why = `nobody approved edition ${id} by the review deadline (${deadline.toISO()})`;
    // not while an editor's correction rebuilds it or an approval is under way: after, as it then is
    const closed = await withEditionLock(config.state, id, async () => {
      const now = book.get(id);
      if (now?.state !== 'draft') return null; // approved at the last minute: sent below as approved
      if (r.onDeadline === 'skip' || !now.dir || (now.stories ?? 0) === 0) {
        const { readDraft } = await import('../desk/edit.js');
        book.skip(id, `${why}; skipped`, (readDraft(now)?.corrections ?? []).map((c) => c.id));
        opts.log?.('skipped', { edition: id });
        return 'skipped' as const;
      }
      // a draft whose email no longer renders as it was written (the templates or the config changed, or Roundup was
      // upgraded while it waited) is built again in its own window from the feeds' copies, with its corrections, as a
      // correction would rebuild it: refusing it would leave the edition unsent at every tick
      const { rebuildIfStale } = await import('../desk/draft.js');
      const { dir, rebuilt } = await rebuildIfStale(config, now);
      if (rebuilt) opts.log?.('rebuilt', { edition: id, why: 'its email no longer rendered as written (templates, config or Roundup changed)' });
      await approveFromDisk(config, store, { dir, id, by: 'review deadline (onDeadline: send)' });
      return 'approved' as const;
    });
    if (closed === 'skipped') return { kind: 'skipped', editionId: id, reason: `${why}; skipped`, next };
    if (closed === null) return step(config, store, opts);
    return send(config, store, opts, id, { reason: `${why}; sending the draft as it stands`, next, reused: true });
  }

  // Nobody to send to. Without review, do not build (every few minutes) an edition no one receives; with
  // review, the editors still get the draft once, told that no reader would receive it as things stand.
  const readers = store.listSubscribers({ status: 'active' }).length;
  if (readers === 0 && r.mode !== 'required') return { kind: 'no-subscribers', editionId: id, next };

  // an older draft the editors were told of and nobody approved: this edition replaces it (the desk shows the newest
  // draft only); it is closed unsent, as at a review deadline with onDeadline: skip, and its corrections stay with it
  const replaced = r.mode === 'required' ? await closeReplacedDrafts(config, book, id, opts) : [];

  // build it now, for the firing's window
  const { buildEdition } = await import('../pipeline/index.js');
  const { writeEdition } = await import('../pipeline/write.js');
  const { recordDraft } = await import('../desk/draft.js');
  // one build of the edition at a time (src/desk/edition-lock.ts): a draft built or corrected by hand meanwhile is
  // not written over by this build, nor this one by theirs; approved while this step waited, it is sent as approved
  const made = await withEditionLock(config.state, id, async () => {
    if (book.snapshot(id)) return null;
    const built = await buildEdition(config, { now: decision.end, start: decision.start, seenAt: opts.now });
    const edition = built.edition;
    if (edition.feeds.length > 0 && edition.feeds.every((f) => f.status === 'error')) {
      throw new UserError(`all ${edition.feeds.length} feeds failed; edition ${id} not built, nothing sent`, 1);
    }
    const written = await writeEdition(opts.outDir, edition, built.rendered, config);
    recordDraft(store, edition, written.dir);
    const stories = storyTotal(edition);
    opts.log?.('built', { edition: id, stories });
    // review: none approves it as built, before another rebuild can replace it
    if (stories > 0 && r.mode !== 'required') await approveFromDisk(config, store, { dir: written.dir, id, by: 'schedule (review: none)' });
    return { edition, stories };
  });
  if (made === null) return send(config, store, opts, id, { reason, next, reused: true });
  const { edition, stories } = made;
  const closed = replaced.length > 0 ? `; ${replacedLine(replaced, id)}` : '';
  if (stories === 0) {
    const { emptyDraftWhy } = await import('../desk/empty-draft.js');
    // the editors hear of it once, at the schedule's first build of the edition, not at every tick that builds it again;
    // a mail no editor's server took is tried again by the next step, as the draft-ready mail is (recorded in the store)
    const tell = r.mode === 'required' && (entry === null || book.said(id, EMPTY_TOLD) === UNTOLD);
    const told = tell ? await tellEditorsEmpty(config, opts, book, edition, id) : { phrase: '' };
    const empty = `its draft was built and holds no story: ${emptyDraftWhy(edition)}; nothing to send (the next tick builds it again)`;
    return { kind: 'empty', editionId: id, reason: `${reason}${closed}; ${empty}${told.phrase}`, next, ...(told.untold ? { untold: told.untold } : {}) };
  }

  if (r.mode === 'required') {
    const { notifyEditors } = await import('../desk/notify.js');
    const { senderForConfig } = await import('../deliver/transport.js');
    const sender = senderForConfig(config, requireSmtp(opts));
    const deadline = r.deadlineMs === null ? null : opts.now.plus(r.deadlineMs).setZone(config.timezone).toISO();
    try {
      const notified = await notifyEditors(sender, config, edition, { deadline, readers, next, replaced });
      book.markNotified(id);
      opts.log?.('notified', { edition: id, editors: notified, readers });
      const nobody = readers === 0 ? ' (no active subscribers: no reader would receive it as things stand)' : '';
      return { kind: 'awaiting-approval', editionId: id, reason: `${reason}${closed}; draft built, editors told${nobody}`, next, built: true, notified, deadline, replaced };
    } finally {
      sender.close();
    }
  }

  return send(config, store, opts, id, { reason, next, reused: false });
}

/** What the store says of an edition's "draft empty" mail: UNTOLD while no editor's server took it, else when it went. */
const EMPTY_TOLD = 'draft-empty';
const UNTOLD = 'untold';

/**
 * The "draft empty" mail to the editors; what became of it, as a phrase for the step's line, and, when no editor could
 * be told, why (recorded, so the next step tries again; once one was told, never again).
 */
async function tellEditorsEmpty(
  config: DigestConfig,
  opts: TickOptions,
  book: EditionLifecycle,
  edition: Edition,
  id: string,
): Promise<{ phrase: string; untold?: string }> {
  const { emptyDraftNotice } = await import('../desk/empty-draft.js');
  const { deskUrl, mailEditors } = await import('../desk/notify.js');
  const { senderForConfig } = await import('../deliver/transport.js');
  const { subject, lines } = emptyDraftNotice(config.title, edition, deskUrl(config));
  const sender = senderForConfig(config, requireSmtp(opts));
  let told: string[];
  let failed: string[];
  try {
    ({ accepted: told, errors: failed } = await mailEditors(sender, config, { subject, lines, idPrefix: `draft-empty.${id}` }));
  } finally {
    sender.close();
  }
  opts.log?.('notified-empty', { edition: id, editors: told });
  const fails = failed.length ? `could not tell ${failed.join('; ')}` : '';
  if (told.length === 0 && failed.length > 0) {
    book.markSaid(id, EMPTY_TOLD, UNTOLD);
    return { phrase: `; ${fails}`, untold: fails };
  }
  book.markSaid(id, EMPTY_TOLD, opts.now.toUTC().toISO()!);
  return { phrase: told.length ? `; editors told it is empty (${told.join(', ')})${fails ? `; ${fails}` : ''}` : '' };
}

/** An edition left part-way out behind a newer one: how many of its readers' servers deferred it, how many it never reached. */
interface LeftBehind {
  behind: EditionEntry;
  newer: EditionEntry;
  head: string;
  /** deferred by the readers' servers, and retried by each step: the edition is approved (its frozen copy is what goes) */
  deferred: number;
  retried: boolean;
  never: number;
}

async function leftBehindEditions(book: EditionLifecycle, store: SqliteStore): Promise<LeftBehind[]> {
  const { isDeferred, isPending } = await import('../deliver/plan.js');
  return book.leftBehind().map(({ behind, newer }) => {
    const pending = store.deliveries(behind.id).filter(isPending);
    const deferred = pending.filter(isDeferred).length;
    const head = `edition ${behind.id}, left behind by edition ${newer.id} (${newer.state === 'skipped' ? 'skipped' : newer.state === 'sent' ? 'sent' : 'sending'})`;
    return { behind, newer, head, deferred, retried: deferred > 0 && book.snapshot(behind.id) !== null, never: pending.length - deferred };
  });
}

const readers = (n: number) => (n === 1 ? 'reader' : `${n} readers`);

function neverReachedLine(l: LeftBehind): string {
  return `${l.head}: ${l.never} of its readers not reached are not sent it after edition ${l.newer.id}; \`digest send --edition ${l.behind.id}\` sends it to them`;
}

/**
 * Editions left part-way out behind a newer one that went out. The messages their readers' servers deferred are tried
 * again, as a mail queue retries them (Postfix for its 5 days), until the lifetime gives them up (one soft bounce): the
 * reader asked for later, not never, and the newer edition does not carry the older one's news. Readers it never
 * reached (a send cut short, then a newer edition went out) are not sent last week's news after this week's
 * unasked: the line says how to send it to them, once, and again only when their number changed (`digest status`
 * says it every time), so a tick every ten minutes does not repeat it into a cron mailbox. Nothing goes out twice:
 * the ledger sends each address once.
 */
async function leftBehindStep(config: DigestConfig, store: SqliteStore, opts: TickOptions): Promise<string[]> {
  const book = new EditionLifecycle(store, () => opts.now.toJSDate());
  const lines: string[] = [];
  for (const l of await leftBehindEditions(book, store)) {
    const { behind, head, deferred } = l;
    if (l.retried) {
      try {
        const { deliverApproved } = await import('../desk/deliver.js');
        const summary = await withSender(config, opts, (sender, reserve) =>
          deliverApproved(config, store, behind.id, { secret: opts.secret!, sender, reserve, signal: opts.signal, now: stepClock(opts), onlyDeferred: true, log: (line) => opts.log?.('send', { line }) }).then((r) => r.summary),
        );
        const givenUp = summary.failed.flatMap((f) => (givenUpNote(f) ? [`; gave up on ${f.email}: ${f.reason} (${givenUpNote(f)})`] : []));
        lines.push(`${head}: tried again the ${readers(deferred)} whose server deferred it: sent ${summary.sent}, failed ${summary.failed.length}${givenUp.join('')}`);
      } catch (err) {
        lines.push(`${head}: could not try again the readers whose server deferred it: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (l.never > 0 && book.said(behind.id, 'never-reached') !== String(l.never)) {
      lines.push(neverReachedLine(l));
      book.markSaid(behind.id, 'never-reached', String(l.never));
    }
  }
  return lines;
}

/** What a step would do about the editions left behind, for a dry run: the same, in the plan's words. */
async function leftBehindPlan(book: EditionLifecycle, store: SqliteStore): Promise<string[]> {
  const plan: string[] = [];
  for (const l of await leftBehindEditions(book, store)) {
    if (l.retried) plan.push(`try again ${l.head}, for the ${readers(l.deferred)} whose server deferred it`);
    if (l.never > 0) plan.push(`not send ${l.head}, to the ${l.never === 1 ? 'reader' : `${l.never} readers`} it never reached; \`digest send --edition ${l.behind.id}\` sends it to them`);
  }
  return plan;
}

/** The drafts before edition `id` the editors were told of and nobody approved, skipped; their ids, oldest first. */
async function closeReplacedDrafts(config: DigestConfig, book: EditionLifecycle, id: string, opts: TickOptions): Promise<string[]> {
  const older = book.list().filter((e) => e.id < id && e.state === 'draft' && e.notifiedAt !== null);
  const closed: string[] = [];
  for (const e of older.reverse()) {
    // not while an editor's correction rebuilds it or an approval is under way: after, as it then is
    const done = await withEditionLock(config.state, e.id, async () => {
      const now = book.get(e.id);
      if (now?.state !== 'draft') return false;
      const { readDraft } = await import('../desk/edit.js');
      book.skip(e.id, `not approved before edition ${id} was due, which replaces it; not sent`, (readDraft(now)?.corrections ?? []).map((c) => c.id));
      return true;
    });
    if (!done) continue;
    opts.log?.('replaced', { edition: e.id, by: id });
    closed.push(e.id);
  }
  return closed;
}

function replacedLine(ids: string[], by: string): string {
  return `edition ${ids.join(', ')}, never approved, ${ids.length === 1 ? 'is' : 'are'} closed unsent (skipped): edition ${by} replaces ${ids.length === 1 ? 'it' : 'them'}`;
}

function requireSmtp(opts: TickOptions): string {
  if (!opts.smtpUrl || !opts.secret) throw new Error('runTick: smtpUrl and secret are required unless dryRun');
  return opts.smtpUrl;
}

async function send(
  config: DigestConfig,
  store: SqliteStore,
  opts: TickOptions,
  id: string,
  o: { reason: string; next: string | null; reused: boolean },
): Promise<TickOutcome> {
  const { deliverApproved } = await import('../desk/deliver.js');
  const summary = await withSender(config, opts, (sender, reserve) =>
    deliverApproved(config, store, id, { secret: opts.secret!, sender, reserve, signal: opts.signal, now: stepClock(opts), log: (line) => opts.log?.('send', { line }) }).then(
      (r) => r.summary,
    ),
  );
  return outcomeOf(summary, id, o);
}

async function resumeFromDisk(config: DigestConfig, store: SqliteStore, opts: TickOptions, id: string, o: { reason: string; next: string | null }): Promise<TickOutcome> {
  const { readEditionFile } = await import('../pipeline/read-edition.js');
  const { renderEdition } = await import('../render/index.js');
  const { sendEdition } = await import('../deliver/send.js');
  const edition = readEditionFile(path.resolve(opts.outDir, id, 'digest.json'), id);
  const rendered = await renderEdition(edition, config);
  const summary = await withSender(config, opts, (sender, reserve) =>
    sendEdition({ store, config, edition, rendered, secret: opts.secret!, sender, reserve, signal: opts.signal, now: stepClock(opts), log: (line) => opts.log?.('send', { line }) }),
  );
  new EditionLifecycle(store).settle(id);
  return outcomeOf(summary, id, { ...o, reused: true });
}

/**
 * The step's clock for its send (--now fixes it): what the send stamps (when the edition went out, since when a reader's
 * server defers) and how long it has deferred (src/deliver/deferrals.ts) follow the clock the step decides by. It runs
 * on from the step's start.
 */
function stepClock(opts: TickOptions): () => Date {
  const offset = opts.now.toMillis() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** The send lock, the disk kept free for the ledger, and an SMTP pool, for the length of one send. */
async function withSender<T>(config: DigestConfig, opts: TickOptions, send: (sender: MailSender, reserve: DiskReserve) => Promise<T>): Promise<T> {
  const { senderForConfig } = await import('../deliver/transport.js');
  const { acquireSendLock } = await import('../deliver/lock.js');
  const { reserveDiskSpace } = await import('../deliver/disk-reserve.js');
  const sendLock = acquireSendLock(config.state);
  let reserve: DiskReserve;
  try {
    reserve = reserveDiskSpace(config.state);
  } catch (err) {
    sendLock.release();
    throw err;
  }
  const sender = senderForConfig(config, requireSmtp(opts));
  try {
    return await send(sender, reserve);
  } finally {
    reserve.release();
    sender.close();
    sendLock.release();
  }
}

function outcomeOf(summary: SendSummary, id: string, o: { reason: string; next: string | null; reused: boolean }): TickOutcome {
  if (summary.noRecipients) return { kind: 'no-subscribers', editionId: id, next: o.next, approved: true };
  return {
    kind: 'sent',
    editionId: id,
    reason: o.reason,
    sent: summary.sent,
    failed: summary.failed.length,
    undelivered: summary.undelivered + summary.unrecorded.length,
    stoppedEarly: summary.stoppedEarly,
    givenUp: summary.failed.flatMap((f) => {
      const note = givenUpNote(f);
      return note ? [`${f.email}: ${f.reason} (${note})`] : [];
    }),
    next: o.next,
    reused: o.reused,
  };
}

/** The same decision, read-only: which edition, its window, how many recipients, what would be done. */
async function dryRunTick(config: DigestConfig, opts: TickOptions): Promise<TickOutcome> {
  // no store yet: reason over an empty one, and create nothing
  const store = openStoreToRead(config.state);
  try {
    const book = new EditionLifecycle(store);
    const decision = decide(config, book, opts.now);
    const next = decision.next?.toISO() ?? null;
    // a real step also sees to the editions left behind, due or not
    const behind = await leftBehindPlan(book, store);
    if (!decision.due) return { kind: 'dry-run', editionId: null, reason: `nothing due: ${closedReason(book, decision.reason)}`, next, plan: behind, step: null, missed: 0, left: null };
    const id = decision.editionId;
    const entry = book.get(id);
    const r = review(config);
    const active = store.listSubscribers({ status: 'active' }).length;
    // a message accepted while the ledger could not record it is sent: the real step records it so first
    const accepted = acceptedAside(config.state, id);
    const left = store.deliveries(id, ['queued', 'failed']).filter((d) => stillToSend(d, accepted)).length;
    const planned = store.deliveries(id).length;
    const recipients = planned > 0 ? `${left} recipient(s) left of the ${planned} planned` : `${active} active subscriber(s)`;
    const window = `window ${decision.start.toISO()} – ${decision.end.toISO()}`;
    const plan: string[] = [];
    let step: DryRunStep;
    if (entry && book.snapshot(id)) {
      step = 'send-approved';
      plan.push(`send the approved copy of edition ${id} (approved by ${entry.approvedBy ?? '?'}) to ${recipients}`);
    } else if (entry && (entry.state === 'sending' || entry.state === 'sent')) {
      step = 'resume';
      plan.push(`resume edition ${id} from ${path.resolve(opts.outDir, id)} for ${recipients}`);
    } else if (r.mode === 'required' && entry?.state === 'draft' && entry.notifiedAt) {
      const deadline = deadlineOf(config, entry);
      step = !deadline || opts.now < deadline ? 'wait-for-approval' : r.onDeadline === 'skip' ? 'skip-at-deadline' : 'send-at-deadline';
      if (!deadline || opts.now < deadline) plan.push(`wait: draft ${id} awaits an editor's approval${deadline ? ` until ${deadline.toISO()}` : ''}`);
      else if (r.onDeadline === 'skip') plan.push(`skip edition ${id}: the review deadline ${deadline.toISO()} passed without an approval`);
      else plan.push(`send draft ${id} as it stands (review deadline ${deadline.toISO()} passed) to ${recipients}`);
    } else if (active === 0 && r.mode !== 'required') {
      step = 'no-subscribers';
      plan.push('build nothing and send nothing: there are no active subscribers (the edition stays due)');
    } else if (r.mode === 'required') {
      step = 'build-draft';
      const older = book.list().filter((e) => e.id < id && e.state === 'draft' && e.notifiedAt !== null).map((e) => e.id).reverse();
      if (older.length > 0) plan.push(`close edition ${older.join(', ')} unsent (never approved; skipped): draft ${id} replaces ${older.length === 1 ? 'it' : 'them'}`);
      plan.push(`build draft ${id} (${window}) into ${path.resolve(opts.outDir, id)}`);
      plan.push(
        `tell the editors (${r.editors.join(', ')})${active === 0 ? ', saying that no reader would receive it (no active subscribers),' : ''} and send it once approved` +
          `${r.deadlineMs !== null ? `, or at the review deadline ${r.onDeadline} it` : ''}`,
      );
    } else {
      step = 'build-and-send';
      plan.push(`build edition ${id} (${window}) into ${path.resolve(opts.outDir, id)}`);
      plan.push(`approve it as built and send it to ${recipients}`);
    }
    plan.push(...behind);
    return { kind: 'dry-run', editionId: id, reason: decision.reason, next, plan, step, missed: decision.missed, left: planned > 0 ? { left, planned } : null };
  } finally {
    store.close();
  }
}
