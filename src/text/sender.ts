// The digest's sender, `email.from`: checked when the config is read, used for headers and Message-IDs when mail is made.
import { domainToASCII } from 'node:url';
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

/** A display name RFC 5322 lets stand without quotes: words of letters, digits and the few marks an atom may hold. */
const PLAIN_NAME = /^[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~ ]*$/u;
/** `Name <address>` as people write it, the name perhaps with a colon or a full stop ("Ukraine: Seven Days"). */
const NAMED = /^([^<>"]*?)\s*<([^<>]+)>$/;

/** `text` in RFC 5322 quotes, its quotes and backslashes escaped. */
function quoted(text: string): string {
  return `"${text.replace(/(["\\])/g, '\\$1')}"`;
}

/** A display name as a header may carry it: as it is where RFC 5322 lets it stand, else quoted (":" would make it a group). */
export function displayName(name: string): string {
  return PLAIN_NAME.test(name) ? name : quoted(name);
}

/** "Name <address>", the name quoted when it holds a character that may only stand in quotes. */
export function mailbox(name: string, address: string): string {
  const n = name.trim();
  return n ? `${displayName(n)} <${address}>` : address;
}

type Parsed = { local: string; domain: string };

function parseMailbox(input: string): Parsed | null {
  const parsed = emailAddresses.parseOneAddress({ input, startAt: 'mailbox', rfc6532: true, commaInDisplayName: true });
  return parsed && parsed.type === 'mailbox' && parsed.local && parsed.domain ? { local: parsed.local, domain: parsed.domain } : null;
}

/** The config key a sender is read from, for messages, and what it expects. */
export interface SenderField {
  key: string;
  expected: string;
}

const FROM_FIELD: SenderField = { key: 'email.from', expected: 'one sender like "Diplomacy Watch <digest@example.org>"' };
export const REPLY_TO_FIELD: SenderField = { key: 'email.replyTo', expected: 'one address like "editor@example.org" or "Editors <editor@example.org>"' };

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A plain address (name@domain, already checked) as mail headers and SMTP carry it: its domain in ASCII (punycode)
 * when written in another script; a mailbox name that is not ASCII is a UserError naming `field`.
 */
export function asciiAddress(address: string, field: SenderField): string {
  const at = address.lastIndexOf('@');
  const [local, domain] = [address.slice(0, at), address.slice(at + 1)];
  const ascii = asciiDomain(local, domain, address, field);
  return ascii === domain ? address : `${local}@${ascii}`;
}

/** The domain of `local@domain` (written in `shown`) as punycode when it is in another script; a non-ASCII `local` is refused. */
function asciiDomain(local: string, domain: string, shown: string, field: SenderField): string {
  if (!ASCII.test(local)) throw new UserError(`${field.key}: ${JSON.stringify(shown)}: the part before the @ must be in ASCII letters; expected ${field.expected}`);
  if (ASCII.test(domain)) return domain;
  const ascii = domainToASCII(domain);
  if (!ascii) throw new UserError(`${field.key}: expected ${field.expected}, got ${JSON.stringify(shown)}`);
  return ascii;
}

/**
 * Parse `email.from` into its address and domain (Message-IDs live on the sender's domain). `from` comes back as it
 * will be sent: a display name written without the quotes its colon or full stop needs ("Ukraine: Seven Days
 * <digest@example.org>") is quoted, as a user means it; a list or a group ("Editors: a@x.example;") is refused.
 * A domain in another script is written as its ASCII (punycode) form, the same address to every server; a
 * mailbox name in one is refused, since mail headers here are ASCII (it would need SMTPUTF8 on every hop).
 */
export function parseSender(from: string, field: SenderField = FROM_FIELD): Sender {
  // One mailbox, nothing else: no list, no group. UTF-8 (RFC 6532) and unquoted commas in the display name are allowed.
  let parsed = parseMailbox(from);
  let normalised = from;
  if (!parsed) {
    const m = NAMED.exec(from.trim());
    const address = m ? parseMailbox(m[2].trim()) : null;
    if (m && address && m[1].trim()) {
      parsed = address;
      normalised = mailbox(m[1], m[2].trim());
    }
  }
  if (!parsed) throw new UserError(`${field.key}: expected ${field.expected}, got ${JSON.stringify(from)}`);
  const ascii = asciiDomain(parsed.local, parsed.domain, from, field);
  if (ascii !== parsed.domain) {
    const at = normalised.lastIndexOf(`@${parsed.domain}`);
    normalised = `${normalised.slice(0, at)}@${ascii}${normalised.slice(at + 1 + parsed.domain.length)}`;
    parsed = { local: parsed.local, domain: ascii };
  }
  const local = DOT_ATOM.test(parsed.local) ? parsed.local : quoted(parsed.local);
  return { from: normalised, address: `${local}@${parsed.domain}`, domain: parsed.domain.toLowerCase() };
}
