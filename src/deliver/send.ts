/**
 * Deliver one edition to every active subscriber, exactly once per address, in five named steps
 * that share nothing but the ledger (one row per edition × address):
 *   plan        (./plan.ts)        freeze the recipients on the first run (`queued`); pick the rows still to do
 *   personalise (./personalise.ts) a row → that subscriber's own message, or why they get nothing (`skipped`)
 *   claim       (./ledger.ts)      attempts + 1 and the Message-ID, written before the message is handed to SMTP
 *   transmit    (./transmit.ts)    once a connection is free for it, read the reader's status again (`skipped` if they
 *                                  left meanwhile), hand it to the server, retrying what may pass later; `sent` written on its 250
 *   record      (./record.ts)      `failed` (permanent only for a recipient-level 5xx) into the ledger
 * A later run only looks at rows that are `queued` or retryable `failed`; `sent` and `skipped` rows
 * are terminal and never sent again (markAttempt refuses them as a last guard).
 *
 * Crash policy (kill -9 between claim and record): such a row is `queued` with attempts > 0 and its
 * outcome is unknown — the server may have answered 250 just before the process died, or (far more
 * likely, as the whole SMTP exchange happens in that window) it never got the message's end. We resend
 * it with the same deterministic Message-ID, so a message the server never accepted is delivered, and
 * the only possible duplicate (from the moment between the server's 250 and the ledger write) carries
 * the Message-ID of the first copy, which mailbox providers and clients collapse. The summary counts
 * these as `resentAfterCrash`. A connection dropped while waiting for the answer is the same unknown.
 *
 * To keep that window small, the `sent` row of an accepted message is written the moment the answer is
 * read, before any other work (the next message is personalised while the current one is on the wire, not
 * after its answer); claims of workers whose answers came in together share one transaction.
 * A failed ledger write stops the run (see ./ledger.ts), and so does a session failure
 * of the SMTP server (login, sender, TLS; see ./classify.ts): neither ever counts against an address.
 *
 * Recipients are frozen when the edition is first sent: someone who subscribes later does not get an
 * old edition by a re-run; someone who unsubscribes in between is skipped, also in the run under way: messages
 * are personalised and claimed ahead, but wait for a free connection outside the SMTP pool (./transport.ts), and
 * the status read at that moment decides. With nobody to send to, the edition is not recorded at all and stays due.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DigestConfig, Edition, SentItemRef } from '../types.js';
import { UserError, oneLine } from '../errors.js';
import { editionWebUrl, type RenderedEdition } from '../render/index.js';
import { canonicalUrl } from '../parse/index.js';
import type { Delivery, Subscriber } from '../store/types.js';
import type { DiskReserve } from './disk-reserve.js';
import { ASIDE_FILE, acceptedAside, clearAside, readAside } from './accepted-aside.js';
import { Ledger } from './ledger.js';
import { personaliser, stillWantedIn, type Job } from './personalise.js';
import { isDeferred, isGivenUp, planDryRun, planSend } from './plan.js';
import { record } from './record.js';
import { REFUSAL_RUNS, refusesMessage } from './refusals.js';
import { deferredByReader, lifetimeText, softBounceText } from './deferrals.js';
import { bouncePolicy } from '../store/bounce-signals.js';
import { RunControl } from './run-control.js';
import type { SendStore } from './send-store.js';
import { emptySummary, Tally, type SendSummary } from './summary.js';
import { transmit, type TransmitContext } from './transmit.js';
import type { MailSender } from './transport.js';
import { makeFolder, outSetting } from '../config/folders.js';

export type { SendSummary, FailureNote } from './summary.js';

export interface SendOptions {
  store: SendStore;
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
  /** disk space kept free for the ledger, freed when a write fails mid-send (see ./disk-reserve.ts) */
  reserve?: DiskReserve;
  /** attempts per message within one run (default 4) */
  maxAttempts?: number;
  /** first retry delay, doubled each time (default 1000 ms, capped at 30 s) */
  backoffMs?: number;
  /** hard failures in a row (across editions) after which an address is `bounced` (default 3) */
  bounceAfter?: number;
  /** messages in flight at once (default: 2 × connections) */
  concurrency?: number;
  /** stop the run when this many temporary failures happen in a row with no success (default 20) */
  circuitBreaker?: number;
  /** called after each message with the running summary (progress display) */
  onProgress?: (summary: Readonly<SendSummary>) => void;
  /**
   * try once more the messages of this edition given up (refused on several runs, deferred past the lifetime) once the
   * cause is fixed; one refused or deferred again is given up again at once. Sent rows stay sent: each reader at most once.
   */
  retryGivenUp?: boolean;
  /**
   * only the messages the readers' servers deferred (4xx, within the lifetime): an edition left behind by a newer one
   * (src/schedule/left-behind.ts), whose deferred messages are retried, as a mail queue would, and no one else's sent
   */
  onlyDeferred?: boolean;
  /** stop (SIGINT/SIGTERM): messages handed to the server finish and are recorded; nothing else goes out, claimed or not */
  signal?: AbortSignal;
  now?: () => Date;
  log?: (line: string) => void;
}

export async function sendEdition(o: SendOptions): Promise<SendSummary> {
  const { store, config, edition } = o;
  const editionId = edition.edition.id;
  const dryRun = o.dryRunOutbox !== undefined;
  const clock = o.now ?? (() => new Date());

  // An edition without stories goes to nobody, and leaves no trace: a later build may fill it.
  if (!edition.sections.some((sec) => sec.stories.length > 0)) {
    return { ...emptySummary(editionId, dryRun, o.dryRunOutbox), stoppedEarly: 'the edition has no stories; nothing to send' };
  }
  if (!dryRun && !o.sender) throw new Error('sendEdition: a sender is required unless dryRunOutbox is set');

  const asideFile = path.join(config.state, ASIDE_FILE);
  if (!dryRun) {
    // accepted by the server in a run whose ledger could not record them (./accepted-aside.ts): sent, before anything is planned
    const aside = readAside(asideFile, editionId);
    if (aside.length > 0) {
      const adopting = new Ledger(store, editionId, editionSentItems(edition), clock);
      if (!adopting.adoptAside(aside)) throw nothingSent(adopting);
      clearAside(asideFile, editionId);
    }
  }
  let retried = 0;
  if (o.retryGivenUp) {
    if (dryRun) retried = store.deliveries(editionId).filter(isGivenUp).length;
    else {
      const reopening = new Ledger(store, editionId, editionSentItems(edition), clock);
      const n = reopening.reopenGivenUp();
      if (n === null) throw nothingSent(reopening);
      retried = n;
    }
  }
  const planned = dryRun ? planDryRun(store, editionId, acceptedAside(config.state, editionId), o.retryGivenUp) : planSend(store, editionId, edition.edition.generatedAt);
  if ('noRecipients' in planned) {
    return {
      ...emptySummary(editionId, dryRun, o.dryRunOutbox),
      noRecipients: true,
      stoppedEarly: `no active subscribers: nothing sent, and edition ${editionId} stays due (add one with \`digest subscribers add\`)`,
    };
  }
  const { plan } = planned;
  if (o.onlyDeferred) plan.pending = plan.pending.filter(isDeferred);
  const tally = new Tally(editionId, dryRun, plan, o.dryRunOutbox);
  tally.summary.retried = retried;
  const { personalise } = personaliser({
    store,
    config,
    edition,
    rendered: o.rendered,
    webUrl: o.webUrl ?? editionWebUrl(config, editionId),
    secret: o.secret,
    clock,
  });
  const control = new RunControl({ transientInARow: o.circuitBreaker ?? 20, refusedInARow: 3 }, o.signal);

  if (dryRun) {
    makeFolder(o.dryRunOutbox!, outSetting(o.dryRunOutbox!, config.out));
    for (const row of plan.pending) {
      const job = personalise(row);
      if ('skip' in job) tally.skipped(job.skip);
      else {
        writeFileSync(path.join(o.dryRunOutbox!, emlName(job.subscriber)), job.raw);
        tally.written();
      }
    }
    return tally.summary;
  }

  const ledger = new Ledger(store, editionId, editionSentItems(edition), clock, o.reserve, asideFile);
  // also at the start, in case a crash fell between a message's `sent` row and this
  if (plan.sentBefore > 0) ledger.recordItems();
  const t: TransmitContext = {
    messenger: o.sender!,
    ledger,
    control,
    maxAttempts: Math.max(1, o.maxAttempts ?? 4),
    backoffMs: o.backoffMs ?? 1000,
    senderSetting: config.mailbox ? 'mailbox.address' : 'email.from',
    stillWanted: stillWantedIn(store),
  };
  const bounceAfter = o.bounceAfter ?? 3;
  const log = o.log ?? (() => {});

  /** The next row with something to send, personalised; rows with nothing to send are recorded as skipped. */
  const queue = plan.pending[Symbol.iterator]();
  const nextJob = (): Job | null => {
    for (let it = queue.next(); !it.done; it = queue.next()) {
      const row = it.value;
      if (control.stopped() || ledger.failure) {
        tally.undelivered();
        continue;
      }
      try {
        const job = personalise(row);
        if ('skip' in job) {
          ledger.skipped(row, job.skip);
          tally.skipped(job.skip);
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
    ledger.failed(row, reason, false);
    tally.add({ kind: 'failed', note: { email: row.email, reason, permanent: false }, bounced: false });
  };

  // messages the server refused in this run (not their addresses): counted once the run is over (./refusals.ts)
  const refused: Delivery[] = [];
  // messages the reader's server deferred in this run: given up once the run is over when deferred too long (./deferrals.ts)
  const deferred: Delivery[] = [];
  const worker = async () => {
    let job = nextJob();
    while (job) {
      if (job.row.status === 'queued' && job.row.attempts > 0) tally.resent();
      const sending = transmit(job, t);
      const next = nextJob(); // personalised while this one is on the wire
      try {
        const result = await sending;
        const outcome = record(ledger, job, result, bounceAfter);
        if (result.kind === 'failed' && refusesMessage(result.failure) && !ledger.failure) refused.push(job.row);
        // with this run's answer, the evidence of the soft bounce it counts as once given up
        if (result.kind === 'failed' && deferredByReader(result.failure) && !ledger.failure) deferred.push({ ...job.row, lastError: result.failure.reason });
        tally.add(outcome);
        if (outcome.kind === 'failed') log(`failed ${job.row.email}: ${outcome.note.reason}`);
      } catch (err) {
        unexpected(job.row, err);
      }
      if (ledger.failure) control.stop(ledger.failure);
      o.onProgress?.(tally.summary);
      job = next;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency(o), Math.max(1, plan.pending.length)) }, worker));
  ledger.flush();
  if (refused.length > 0 && !control.refusedEverything && !ledger.failure) {
    for (const { email, runs } of ledger.refusedRun(refused, REFUSAL_RUNS)) {
      tally.givenUp(email, runs);
      log(`gave up on ${email}: the server refused its message on ${runs} runs; not tried again for this edition (the address stays subscribed)`);
    }
  }
  if (deferred.length > 0 && !control.deferredEverything && !ledger.failure) {
    for (const { email, since, counted } of ledger.expireDeferred(deferred, new Date(clock().getTime() - config.delivery.deferralLifetimeMs), bouncePolicy(config))) {
      tally.expired(email, since, config.delivery.deferralLifetimeMs, softBounceText(counted));
      log(`gave up on ${email}: the reader's server has deferred its message since ${since}, over ${lifetimeText(config.delivery.deferralLifetimeMs)}; not tried again for this edition (${softBounceText(counted)})`);
    }
  }
  tally.summary.unrecorded = ledger.unwritten;
  tally.summary.setAside = ledger.setAside;
  tally.summary.stoppedEarly = ledger.failure ?? control.stopped();
  return tally.summary;
}

function concurrency(o: SendOptions): number {
  return Math.max(1, o.concurrency ?? 2 * Math.max(1, o.config.delivery.connections));
}

/** Every item key (`feed:guid`) the edition carries. */
/** The items an edition carries, as `already-sent` knows them (src/select/sent.ts). */
export function editionSentItems(edition: Edition): SentItemRef[] {
  const refs: SentItemRef[] = [];
  for (const section of edition.sections) {
    for (const story of section.stories) {
      for (const it of story.items) refs.push({ feed: it.feed, guid: it.guid, link: it.url ? canonicalUrl(it.url) : null, title: it.title });
    }
  }
  return refs;
}

function emlName(s: Subscriber): string {
  return `${String(s.id).padStart(6, '0')}-${s.email.replace(/[^A-Za-z0-9@._+-]/g, '_')}.eml`;
}

/** A ledger write failed before anything was planned: its line, saying nothing was sent. */
function nothingSent(ledger: Ledger): UserError {
  return new UserError(`${ledger.failure!.replace(/; nothing more was sent$/, '')}; nothing was sent`, 1);
}
