// The digest's sender, `email.from`: checked when the config is read, used for headers and Message-IDs when mail is made.
import emailAddresses from 'email-addresses';
import { UserError } from '../errors.js';

export interface Sender {
  /** as configured, e.g. "Diplomacy Watch <digest@example.org>" */
  from: string;
  address: string;
  domain: string;
}

/** RFC 5322 dot-atom: a local part that needs no quotes. */
const DOT_ATOM = /^[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~]+(\.[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~]+)*$/u;

/** Parse `email.from` into its address and domain (Message-IDs live on the sender's domain). */
export function parseSender(from: string): Sender {
  // One mailbox, nothing else: no list, no group. UTF-8 (RFC 6532) and unquoted commas in the display name are allowed.
  const parsed = emailAddresses.parseOneAddress({ input: from, startAt: 'mailbox', rfc6532: true, commaInDisplayName: true });
  if (!parsed || parsed.type !== 'mailbox' || !parsed.local || !parsed.domain) {
    throw new UserError(`email.from: expected one sender like "Diplomacy Watch <digest@example.org>", got ${JSON.stringify(from)}`);
  }
  const local = DOT_ATOM.test(parsed.local) ? parsed.local : `"${parsed.local.replace(/(["\\])/g, '\\$1')}"`;
  return { from, address: `${local}@${parsed.domain}`, domain: parsed.domain.toLowerCase() };
}
