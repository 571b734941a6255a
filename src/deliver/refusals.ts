// A message the server refuses for good that is not the address's fault (5xx in answer to DATA, or a policy 5.7.x at
// RCPT TO for that reader alone: a filter, a block list) may pass on a later run (the block list delists the sender,
// the filter is retuned), so it is tried again, but on a bounded number of runs: then it is failed for that reader
// and this edition only (never counted against the address), as Mailchimp records a block and listmonk gives up on an
// error, instead of keeping the edition `sending` and every tick failing for ever. Refusals in a run stopped because
// the server refused message after message (a relay that will not relay) count for nobody: the setting is wrong.
import type { SmtpFailure } from './classify.js';

/** runs on which a message may be refused before it is given up for its edition */
export const REFUSAL_RUNS = 3;

/** the server refused this message (not the session, not the address): counted per run */
export function refusesMessage(f: SmtpFailure): boolean {
  return f.scope === 'message' && (f.code ?? 0) >= 500;
}
