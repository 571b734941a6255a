// Step 4 of a send, transmit: hand one personal message to the SMTP server, claiming its ledger row
// before every attempt and writing its `sent` row the moment the server accepts it, retrying what may
// pass later (4xx, a dropped connection) with backoff. Only a recipient-level 5xx is the address's
// fault; see ./classify.ts. Right before each hand-over, once a connection is free for it, the run and the reader's
// status are read again: a stop (SIGTERM) or an unsubscribe (a bounce, a removal) that came while the message waited
// its turn stops it.
import { backoffDelay, classifySmtpError, sessionStopReason, type SmtpFailure } from './classify.js';
import type { Ledger } from './ledger.js';
import type { Job } from './personalise.js';
import type { RunControl } from './run-control.js';
import type { MailSender } from './transport.js';

export type Transmitted =
  | { kind: 'accepted' }
  /** the server refused the address for good (RCPT TO 5xx) */
  | { kind: 'rejected'; failure: SmtpFailure }
  /** not delivered this run; a later run tries again */
  | { kind: 'failed'; failure: SmtpFailure }
  /** the run stopped before this message went out */
  | { kind: 'not-sent' }
  /** the reader stopped being one (unsubscribed, bounced, removed) before the message was handed over */
  | { kind: 'skipped'; reason: string };

export interface TransmitContext {
  messenger: MailSender;
  ledger: Ledger;
  control: RunControl;
  /** attempts per message within one run */
  maxAttempts: number;
  /** first retry delay, doubled each time, capped at 30 s */
  backoffMs: number;
  /** the setting the envelope sender comes from, for the line a refused sender stops the run with (default email.from) */
  senderSetting?: string;
  /** asked right before the message is handed over: why this reader gets nothing after all (./personalise.ts notSendingTo), or null */
  stillWanted: (job: Job) => string | null;
}

export async function transmit(job: Job, t: TransmitContext): Promise<Transmitted> {
  // some attempt may have reached the server (a connection dropped mid-message): its claim must stand
  let reachedServer = false;
  const message = { envelope: { from: job.envelopeFrom, to: [job.subscriber.email] }, raw: job.raw };
  for (let attempt = 1; ; attempt++) {
    if (t.control.stopped() || !(await t.ledger.claim(job))) return { kind: 'not-sent' };
    // the claim is written ahead (claims are batched); the status is read once a connection is free for it
    const place = t.messenger.place ? await t.messenger.place(message) : null;
    let err: unknown;
    try {
      // stopped (SIGTERM, a failed write) while it waited for a connection: this attempt handed nothing over, so
      // its claim goes and a re-run sends it as if this run had never reached it
      if (t.control.stopped()) {
        if (!reachedServer) t.ledger.unclaim(job);
        return { kind: 'not-sent' };
      }
      const why = t.stillWanted(job);
      if (why !== null) {
        // as if they had left before the send: the claim goes, unless an earlier attempt may have reached the server
        t.ledger.withdrawn(job, why, !reachedServer);
        return { kind: 'skipped', reason: why };
      }
      try {
        await (place ? place.go() : t.messenger.send(message));
      } catch (e) {
        err = e ?? new Error('unknown SMTP error');
      }
      if (err === undefined) {
        // first, before any other work: the window for a double send is the server's 250 → this write
        t.ledger.accepted(job);
        t.control.succeeded();
        return { kind: 'accepted' };
      }
    } finally {
      // only now may the next message take this place: its status read and hand-over come after this `sent` row
      place?.done();
    }
    const failure = classifySmtpError(err);
    if (failure.scope === 'recipient' && failure.permanent) return { kind: 'rejected', failure };
    // login, sender, TLS: no message reached the server and none will in this run; nobody's failure
    if (failure.scope === 'session' && failure.halts) {
      t.ledger.unclaim(job);
      t.control.stop(sessionStopReason(failure, job.envelopeFrom, t.senderSetting ?? 'email.from'));
      return { kind: 'not-sent' };
    }
    // a connection that never opened handed nothing over: the row goes back to how it was, so a later run
    // does not count this message as resent after an interrupted run
    if (neverConnected(err) && !reachedServer) t.ledger.unclaim(job);
    else reachedServer = true;
    t.control.notePassingFailure(failure, job.row.email);
    // a refused message is not retried in this run; a connection failure that used up the attempts stops it
    if (failure.scope === 'message' && (failure.code ?? 0) >= 500) return { kind: 'failed', failure };
    if (attempt >= t.maxAttempts) {
      if (failure.scope === 'session') {
        // a server that answers 4xx was reached: it keeps deferring (a rate limit, too many connections)
        const why = failure.code === null ? 'could not be reached' : 'kept answering "try again later"';
        t.control.stop(`the SMTP server ${why}: ${failure.reason}`);
      }
      return { kind: 'failed', failure };
    }
    await t.control.pause(backoffDelay(attempt, t.backoffMs, 30_000));
    // stopped before or during the backoff (SIGTERM): this attempt's failure is its outcome for this run, recorded as
    // such, so the row is not left claimed (outcome unknown: counted as resent after an interrupted run by the next)
    if (t.control.stopped()) return { kind: 'failed', failure };
  }
}

/** The socket never connected (refused, unreachable, no such host); nodemailer says "CONN" of a dropped connection too. */
function neverConnected(err: unknown): boolean {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  return e.code === 'EDNS' || (typeof e.message === 'string' && /^connect E[A-Z]+\b/.test(e.message));
}
