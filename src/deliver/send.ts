/**
 * Deliver one edition to every active subscriber, exactly once per address.
 *
 * The ledger (one row per edition × address) is written before and after every message:
 *   plan    → `queued`, attempts 0          (all recipients, frozen in one transaction on the first run)
 *   before  → attempts + 1, Message-ID      (still `queued`: "handed to SMTP, outcome unknown")
 *   after   → `sent` | `failed` (+ permanent flag) | `skipped`
 * A later run only looks at rows that are `queued` or retryable `failed`; `sent` and `skipped` rows
 * are terminal and never sent again (markAttempt refuses them as a last guard).
 *
 * Crash policy (kill -9 between "before" and "after"): such a row is `queued` with attempts > 0 and
 * its outcome is unknown — the server may have answered 250 just before the process died, or (far
 * more likely, as the whole SMTP exchange happens in that window) it never got the message's end.
 * We resend it, with the same deterministic Message-ID, so:
 *  - a message the server never accepted is delivered (nothing is lost);
 *  - the only possible duplicate comes from the microseconds between the server's 250 reaching us
 *    and the synchronous SQLite write, and it carries the same Message-ID as the first copy, which
 *    mailbox providers and clients collapse.
 * We chose this at-least-once-for-the-unknown-window over at-most-once because losing a whole
 * in-flight batch (up to `concurrency` messages per crash) is far likelier than that window.
 * The summary counts these as `resentAfterCrash`. A connection dropped while waiting for the
 * server's answer is the same unknown, and is retried the same way.
 *
 * To keep that window small and the ledger cheap, each worker composes its next message while the
 * current one is on the wire; when the server answers 250, the `sent` row and the next message's
 * attempt row are committed together at once (one transaction), then the next message goes out.
 *
 * Recipients are frozen when the edition is first sent: someone who subscribes later does not get
 * an old edition by a re-run; someone who unsubscribes in between is skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DigestConfig, Edition } from '../types.js';
import { oneLine } from '../errors.js';
import { editionWebUrl, type RenderedEdition } from '../render/index.js';
import type { Delivery, Store, Subscriber } from '../store/types.js';
import { backoffDelay, classifySmtpError } from './classify.js';
import { listHeaders, messageIdFor, parseSender, preferencesUrl, unsubscribeUrl } from './headers.js';
import { Tokens } from './tokens.js';
import type { MailSender } from './transport.js';
import { EditionComposer } from './mime.js';
import { PersonalCopies, type EncodedCopy } from './personal.js';

export interface SendOptions {
  store: Store;
  config: DigestConfig;
  edition: Edition;
  rendered: RenderedEdition;
  /** web address of this edition (the "view in browser" link); default: its archive page under email.baseUrl */
  webUrl?: string;
  secret: string;
  /** where messages go; omitted with dryRun */
  sender?: MailSender;
  /** write each message as .eml into this folder instead of sending; the ledger is not touched */
  dryRunOutbox?: string;
  /** attempts per message within one run (default 4) */
  maxAttempts?: number;
  /** first retry delay, doubled each time (default 1000 ms, capped at 30 s) */
  backoffMs?: number;
  /** hard failures in a row (across editions) after which an address is `bounced` (default 3) */
  bounceAfter?: number;
  /** messages in flight at once (default: 2 × connections) */
  concurrency?: number;
  /** stop the run when this many transient failures happen in a row with no success (default 20) */
  circuitBreaker?: number;
  /** called after each message with the running summary (progress display) */
  onProgress?: (summary: Readonly<SendSummary>) => void;
  /** stop taking new messages (SIGINT/SIGTERM); messages in flight finish and are recorded */
  signal?: AbortSignal;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface FailureNote {
  email: string;
  reason: string;
  permanent: boolean;
}

export interface SendSummary {
  editionId: string;
  dryRun: boolean;
  /** rows in the ledger for this edition (the frozen recipient list) */
  recipients: number;
  /** sent by this run */
  sent: number;
  /** already sent or skipped by an earlier run */
  alreadyDone: number;
  /** `queued` rows from an interrupted run, resent with their original Message-ID */
  resentAfterCrash: number;
  /** skipped by this run, by reason */
  skipped: Record<string, number>;
  /** failed in this run (after retries) */
  failed: FailureNote[];
  /** addresses that became `bounced` in this run */
  bounced: string[];
  /** retryable mail left undelivered (a re-run will try again); > 0 means the run failed */
  undelivered: number;
  /** set when the run stopped early (SMTP server unreachable) */
  stoppedEarly: string | null;
  outbox?: string;
}

interface Job {
  row: Delivery;
  raw?: Buffer;
  subscriber: Subscriber;
  copy: EncodedCopy;
  messageId: string;
  unsubscribeUrl: string;
}

export async function sendEdition(o: SendOptions): Promise<SendSummary> {
  const { store, config, edition } = o;
  const editionId = edition.edition.id;
  const dryRun = o.dryRunOutbox !== undefined;
  const log = o.log ?? (() => {});
  const clock = o.now ?? (() => new Date());
  const sender = parseSender(config.email.from);
  const tokens = new Tokens(o.secret);
  const composer = new EditionComposer();
  const copies = new PersonalCopies(o.rendered, edition, o.webUrl ?? editionWebUrl(config, editionId), composer);
  const headersFor = listHeaders({ title: config.title, baseUrl: config.email.baseUrl, sender });
  const maxAttempts = Math.max(1, o.maxAttempts ?? 4);
  const backoffMs = o.backoffMs ?? 1000;
  const bounceAfter = o.bounceAfter ?? 3;
  const concurrency = Math.max(1, o.concurrency ?? 2 * Math.max(1, config.delivery.connections));
  const breakerLimit = o.circuitBreaker ?? 20;

  const summary: SendSummary = {
    editionId,
    dryRun,
    recipients: 0,
    sent: 0,
    alreadyDone: 0,
    resentAfterCrash: 0,
    skipped: {},
    failed: [],
    bounced: [],
    undelivered: 0,
    stoppedEarly: null,
    outbox: o.dryRunOutbox,
  };
  const skip = (reason: string) => (summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1);

  // An edition without stories goes to nobody, and leaves no trace: a later build may fill it.
  if (!edition.sections.some((sec) => sec.stories.length > 0)) {
    summary.stoppedEarly = 'the edition has no stories; nothing to send';
    return summary;
  }
  const rows = dryRun ? dryRunRows(store, editionId) : planRows(store, editionId, edition.edition.generatedAt);
  summary.recipients = rows.total;
  summary.alreadyDone = rows.done;
  if (dryRun) mkdirSync(o.dryRunOutbox!, { recursive: true });
  if (!dryRun && !o.sender) throw new Error('sendEdition: a sender is required unless dryRunOutbox is set');

  // Idempotent; also run at the start, in case a crash fell between a message's `sent` and this.
  let itemsRecorded = false;
  const recordWhatWentOut = () => {
    if (itemsRecorded || dryRun) return;
    itemsRecorded = true;
    store.transaction(() => {
      store.recordSentItems(editionId, editionItemKeys(edition));
      store.markEditionSent(editionId, clock().toISOString());
    });
  };
  if (!dryRun && rows.sentBefore > 0) recordWhatWentOut();

  /** Build the personal copy, or say why this row gets nothing. */
  const prepare = (row: Delivery): Job | string => {
    const subscriber = row.subscriberId !== null ? store.getSubscriber(row.subscriberId) : null;
    if (!subscriber) return 'removed from the list';
    if (subscriber.status !== 'active') return `now ${subscriber.status}`;
    const unsub = unsubscribeUrl(config.email.baseUrl, tokens.sign(subscriber.id, 'unsubscribe'));
    const copy = copies.make({
      email: subscriber.email,
      name: subscriber.name,
      sections: subscriber.sections,
      unsubscribeUrl: unsub,
      preferencesUrl: preferencesUrl(config.email.baseUrl, tokens.sign(subscriber.id, 'preferences')),
    });
    if (!copy) return 'chosen sections empty this edition';
    return { row, subscriber, copy, messageId: messageIdFor(editionId, subscriber.email.toLowerCase(), sender.domain), unsubscribeUrl: unsub };
  };

  let transientStreak = 0;
  let stop: string | null = null;

  /** The next row that has something to send, prepared and composed; rows with nothing to send are recorded as skipped. */
  const takeJob = (queue: Iterator<Delivery>): Job | null => {
    for (let it = queue.next(); !it.done; it = queue.next()) {
      const row = it.value;
      if (o.signal?.aborted && !stop) stop = 'interrupted';
      if (stop) {
        summary.undelivered++;
        continue;
      }
      try {
        const job = prepare(row);
        if (typeof job === 'string') {
          if (!dryRun) store.markSkipped(editionId, row.email, job);
          skip(job);
          continue;
        }
        job.raw = composer.composeEncoded(
          {
            from: config.email.from,
            to: job.subscriber.email,
            subject: job.copy.subject,
            date: clock(),
            messageId: job.messageId,
            headers: headersFor(job.unsubscribeUrl),
          },
          job.copy.encodedText,
          job.copy.encodedHtml,
        );
        if (dryRun) {
          writeFileSync(path.join(o.dryRunOutbox!, emlName(job.subscriber)), job.raw);
          summary.sent++;
          continue;
        }
        return job;
      } catch (err) {
        unexpected(row, err);
      }
    }
    return null;
  };

  // a bug or an unreadable message must not stop the others; the row stays retryable
  const unexpected = (row: Delivery, err: unknown) => {
    const reason = oneLine(err);
    if (!dryRun) store.markFailed(editionId, row.email, reason, false);
    summary.failed.push({ email: row.email, reason, permanent: false });
    summary.undelivered++;
  };

  const recordSent = (job: Job) => {
    store.markSent(editionId, job.row.email, job.messageId);
    // a success proves the address works: bouncing needs hard failures in a row
    if (job.subscriber.hardFailures > 0) store.resetHardFailures(job.subscriber.id);
    recordWhatWentOut();
    summary.sent++;
    o.onProgress?.(summary);
  };

  /**
   * Send one message with retries. `unrecorded` is the previous message of this worker: accepted by
   * the server, its `sent` row is written in the same transaction as this message's attempt row.
   * Resolves true when the server accepted the message (its `sent` row is then the caller's to write).
   */
  const transmit = async (job: Job, unrecorded: Job | null): Promise<boolean> => {
    const { row } = job;
    if (row.status === 'queued' && row.attempts > 0) summary.resentAfterCrash++;
    for (let attempt = 1; ; attempt++) {
      if (o.signal?.aborted && !stop) stop = 'interrupted';
      if (stop) {
        if (unrecorded) recordSent(unrecorded);
        summary.undelivered++;
        return false;
      }
      store.transaction(() => {
        if (unrecorded) recordSent(unrecorded);
        store.markAttempt(editionId, row.email, job.messageId);
      });
      unrecorded = null;
      try {
        await o.sender!.send({ envelope: { from: sender.address, to: [job.subscriber.email] }, raw: job.raw! });
        transientStreak = 0;
        return true;
      } catch (err) {
        const f = classifySmtpError(err);
        store.markFailed(editionId, row.email, f.reason, f.permanent);
        if (f.permanent) {
          summary.failed.push({ email: row.email, reason: f.reason, permanent: true });
          if (store.recordHardFailure(job.subscriber.id) >= bounceAfter) {
            store.updateSubscriber(job.subscriber.id, { status: 'bounced' });
            summary.bounced.push(row.email);
          }
          log(`failed ${row.email}: ${f.reason}`);
          return false;
        }
        transientStreak++;
        if (transientStreak >= breakerLimit && !stop) stop = `stopped after ${transientStreak} temporary failures in a row (last: ${f.reason})`;
        if (attempt >= maxAttempts || stop) {
          summary.failed.push({ email: row.email, reason: f.reason, permanent: false });
          summary.undelivered++;
          log(`failed ${row.email} after ${attempt} attempt(s): ${f.reason}`);
          return false;
        }
        await sleep(backoffDelay(attempt, backoffMs, 30_000));
      }
    }
  };

  // Each worker composes its next message while the current one is on the wire, so the `sent`
  // row of a message is written right after the server's answer, together with the next attempt.
  const queue = rows.pending[Symbol.iterator]();
  const worker = async () => {
    let job = takeJob(queue);
    let unrecorded: Job | null = null;
    while (job) {
      const sending = transmit(job, unrecorded);
      unrecorded = null;
      const next = takeJob(queue);
      let accepted = false;
      try {
        accepted = await sending;
      } catch (err) {
        unexpected(job.row, err);
      }
      if (accepted) {
        if (next && !stop) unrecorded = job;
        else recordSent(job);
      }
      job = next;
    }
    if (unrecorded) recordSent(unrecorded);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, rows.pending.length)) }, worker));

  summary.stoppedEarly = stop;
  return summary;
}

/** First run: freeze the recipient list. Every run: the rows still to do. */
interface PlannedRows {
  pending: Delivery[];
  total: number;
  done: number;
  sentBefore: number;
}

function planRows(store: Store, editionId: string, builtAt: string): PlannedRows {
  store.transaction(() => {
    store.recordEdition(editionId, builtAt);
    const c = store.deliveryCounts(editionId);
    if (c.queued + c.sent + c.failed + c.skipped === 0) store.planDeliveries(editionId);
  });
  const all = store.deliveries(editionId);
  const pending = all.filter((r) => r.status === 'queued' || (r.status === 'failed' && !r.permanent));
  const done = all.filter((r) => r.status === 'sent' || r.status === 'skipped').length;
  return { pending, total: all.length, done, sentBefore: all.filter((r) => r.status === 'sent').length };
}

/** Dry run: what a real run would send now, without writing anything. */
function dryRunRows(store: Store, editionId: string): PlannedRows {
  const ledger = store.deliveries(editionId);
  if (ledger.length > 0) {
    const pending = ledger.filter((r) => r.status === 'queued' || (r.status === 'failed' && !r.permanent));
    return { pending, total: ledger.length, done: ledger.length - pending.length, sentBefore: 0 };
  }
  const at = new Date(0).toISOString();
  const pending = store.listSubscribers({ status: 'active' }).map(
    (s): Delivery => ({ editionId, email: s.email, subscriberId: s.id, status: 'queued', attempts: 0, messageId: null, lastError: null, permanent: false, createdAt: at, updatedAt: at }),
  );
  return { pending, total: pending.length, done: 0, sentBefore: 0 };
}

/** Every item key (`feed:guid`) the edition carries. */
export function editionItemKeys(edition: Edition): string[] {
  const keys: string[] = [];
  for (const section of edition.sections) for (const story of section.stories) for (const it of story.items) keys.push(`${it.feed}:${it.guid}`);
  return keys;
}

function emlName(s: Subscriber): string {
  return `${String(s.id).padStart(6, '0')}-${s.email.replace(/[^A-Za-z0-9@._+-]/g, '_')}.eml`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
