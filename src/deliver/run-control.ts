// When a send stops before the end: interrupted (SIGINT/SIGTERM), a session failure that retrying
// cannot fix, too many temporary failures or refused messages in a row, or a ledger write that failed.
import type { SmtpFailure } from './classify.js';

export interface StopLimits {
  /** temporary failures in a row, with no success between, after which the run stops */
  transientInARow: number;
  /**
   * messages refused (5xx at DATA, or for policy at RCPT TO) in a row, with no success between, after which the run
   * stops, once they went to two domains or more
   */
  refusedInARow: number;
}

export class RunControl {
  private reason: string | null = null;
  /** the run stopped because the server refused message after message (a relay's setting, not the messages) */
  refusedEverything = false;
  /** the run stopped because the server deferred message after message (the relay's trouble, not the readers') */
  deferredEverything = false;
  private transient = 0;
  private refused = 0;
  /** the recipients' domains of the refusals in a row */
  private refusedDomains = new Set<string>();
  /** pauses to cut short when the run stops */
  private sleepers = new Set<() => void>();

  constructor(
    private readonly limits: StopLimits,
    private readonly signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => this.wake(), { once: true });
  }

  /** why the run is stopping, or null to go on */
  stopped(): string | null {
    if (!this.reason && this.signal?.aborted) this.reason = 'interrupted';
    return this.reason;
  }

  stop(reason: string): void {
    this.reason ??= reason;
    this.wake();
  }

  /**
   * Wait `ms` (a retry's backoff), or less when the run stops meanwhile: a SIGTERM must not sleep on into the
   * SIGKILL that follows it (docker stop's 10 s), with the message's row claimed and its outcome unknown.
   */
  pause(ms: number): Promise<void> {
    if (this.stopped()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private wake(): void {
    for (const done of [...this.sleepers]) done();
  }

  succeeded(): void {
    this.transient = 0;
    this.refused = 0;
    this.refusedDomains.clear();
  }

  /** count a failure that is not the address's fault (a halting session failure stops the run in ./transmit.ts); may stop the run */
  notePassingFailure(f: SmtpFailure, recipient: string): void {
    // only a 5xx refuses the message; a 4xx at DATA (a throttle, "try again later") is waited out like any deferral
    if (f.scope === 'message' && (f.code ?? 0) >= 500) {
      this.refusedDomains.add(recipient.slice(recipient.lastIndexOf('@') + 1).toLowerCase());
      // a relay refusing everything refuses every domain; one company's filter refusing its readers (neighbours in the
      // list when they subscribed together) must not stop the send to everyone else, at every run
      if (++this.refused >= this.limits.refusedInARow && this.refusedDomains.size >= 2) {
        if (!this.reason) this.refusedEverything = true;
        return this.stop(`the SMTP server refused ${this.refused} messages in a row (last: ${f.reason})`);
      }
    }
    if (++this.transient >= this.limits.transientInARow) {
      if (!this.reason) this.deferredEverything = true;
      this.stop(`stopped after ${this.transient} temporary failures in a row (last: ${f.reason})`);
    }
  }
}
