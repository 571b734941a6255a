// Address validation and normalisation. Deliberately strict: one plain address per field,
// nothing that could smuggle a second recipient or a header (CR/LF, commas, angle brackets, quotes).
import { domainToASCII, domainToUnicode } from 'node:url';

export type EmailCheck = { ok: true; email: string; key: string } | { ok: false; reason: string };

// RFC 5322 dot-atom characters for the local part (ASCII only: SMTPUTF8 is not assumed of relays).
const ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Validate one address; on success give the normalised form and its case-insensitive key. */
export function checkEmail(input: string): EmailCheck {
  if (typeof input !== 'string') return { ok: false, reason: 'not text' };
  if (/[\r\n]/.test(input)) return { ok: false, reason: 'contains a line break' };
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'empty address' };
  if (/[,;<>"\s()\[\]\\]/.test(raw)) return { ok: false, reason: 'expected a single plain address like name@example.org' };
  const at = raw.lastIndexOf('@');
  if (at < 0) return { ok: false, reason: 'missing "@"' };
  if (raw.indexOf('@') !== at) return { ok: false, reason: 'more than one "@"' };
  const local = raw.slice(0, at);
  const domainIn = raw.slice(at + 1);
  if (local === '') return { ok: false, reason: 'nothing before "@"' };
  if (local.length > 64) return { ok: false, reason: 'part before "@" is longer than 64 characters' };
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..') || !local.split('.').every((p) => ATOM.test(p))) {
    return { ok: false, reason: `invalid characters or dots before "@" in "${local}"` };
  }
  if (domainIn === '') return { ok: false, reason: 'nothing after "@"' };
  // IDN: domainToASCII applies UTS #46 (lower-cases, maps, punycodes); '' means invalid.
  const domain = domainToASCII(domainIn.replace(/\.$/, ''));
  if (!domain) return { ok: false, reason: `"${domainIn}" is not a valid domain` };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) {
    return { ok: false, reason: `"${domainIn}" is not a valid domain (expected e.g. example.org)` };
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return { ok: false, reason: `"${domainIn}" is an IP address, expected a domain name` };
  const email = `${local}@${domain}`;
  if (email.length > 254) return { ok: false, reason: 'address is longer than 254 characters' };
  return { ok: true, email, key: email.toLowerCase() };
}

/**
 * An address as its owner wrote it, for the words a reader reads ("you subscribed as …"): its domain in its own
 * script (user@bücher.de), where the stored and mailed form has the ASCII one (user@xn--bcher-kva.de).
 */
export function shownAddress(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const domain = domainToUnicode(email.slice(at + 1));
  return domain ? `${email.slice(0, at)}@${domain}` : email;
}
