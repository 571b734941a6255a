// A reader's server that answers "not now" (4xx at RCPT TO or in answer to DATA: 452 mailbox full, greylisting that never
// lets go) is tried again on every run, but not for ever: once it has deferred the message for longer than the
// lifetime (`delivery.deferralLifetime`, 5 days unless set), the message is given up for that reader and this edition, as Postfix returns a message after its
// maximal_queue_lifetime (5 days by default) and listmonk gives up on an error, instead of the edition staying
// `sending`, and every tick retrying it, until the next edition is due. It counts as one soft bounce against the
// address (never a hard one), as the DSN such a relay returns would: an address that defers every edition for months
// is dropped after the soft-bounce limit (`mailbox.softBounces`), one that defers once is not. A run stopped because the
// server deferred message after message (the relay's trouble, not the readers') gives up nobody.
import type { SmtpFailure } from './classify.js';
import type { Applied } from '../store/bounce-signals.js';


/** the reader's server deferred this message (not the session: a refused connection, a 421 greeting, a throttled sender) */
export function deferredByReader(f: SmtpFailure): boolean {
  return (f.scope === 'recipient' || f.scope === 'message') && (f.code ?? 0) >= 400 && (f.code ?? 0) < 500;
}

/** "5 days", "36 hours": the lifetime (`delivery.deferralLifetime`), for the lines that say why a message was given up */
export function lifetimeText(ms: number): string {
  const [n, unit] = ms % 86_400_000 === 0 ? [ms / 86_400_000, 'day'] : [Math.round(ms / 3_600_000), 'hour'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** What counting a given-up message as a soft bounce did to its address, for the send's and the tick's lines. */
export function softBounceText(a: Applied | null): string {
  if (a === null) return 'the address is no longer on the list';
  const note = a.note.replace(/^\S+@\S+?:? /, '');
  if (a.result === 'bounced') return `counted as a soft bounce: the address is now bounced (${note})`;
  if (a.result === 'counted') return `counted as ${note}; the address stays subscribed`;
  return `not counted again: ${note}`;
}
