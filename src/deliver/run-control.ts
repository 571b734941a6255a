// When a send stops before the end: interrupted (SIGINT/SIGTERM), a session failure that retrying
// cannot fix, too many temporary failures or refused messages in a row, or a ledger write that failed.
import type { SmtpFailure } from './classify.js';

export interface StopLimits {
  /** temporary failures in a row, with no success between, after which the run stops */
  transientInARow: number;
  /** messages refused at DATA in a row, with no success between, after which the run stops */
  refusedInARow: number;
}

export class RunControl {
  private reason: string | null = null;
  private transient = 0;
  private refused = 0;

  constructor(
    private readonly limits: StopLimits,
    private readonly signal?: AbortSignal,
  ) {}

  /** why the run is stopping, or null to go on */
  stopped(): string | null {
    if (!this.reason && this.signal?.aborted) this.reason = 'interrupted';
    return this.reason;
  }

  stop(reason: string): void {
    this.reason ??= reason;
  }

  succeeded(): void {
    this.transient = 0;
    this.refused = 0;
  }

  /** count a failure that is not the address's fault (a halting session failure stops the run in ./transmit.ts); may stop the run */
  notePassingFailure(f: SmtpFailure): void {
    if (f.scope === 'message' && ++this.refused >= this.limits.refusedInARow) {
      return this.stop(`the SMTP server refused ${this.refused} messages in a row (last: ${f.reason})`);
    }
    if (++this.transient >= this.limits.transientInARow) this.stop(`stopped after ${this.transient} temporary failures in a row (last: ${f.reason})`);
  }
}
