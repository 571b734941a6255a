// The digest's sender, `email.from`: checked when the config is read, used for headers and Message-IDs when mail is made.
import addressparser from 'nodemailer/lib/addressparser';
import { UserError } from '../errors.js';

export interface Sender {
  /** as configured, e.g. "Diplomacy Watch <digest@example.org>" */
  from: string;
  address: string;
  domain: string;
}

/** Parse `email.from` into its address and domain (Message-IDs live on the sender's domain). */
export function parseSender(from: string): Sender {
  const parsed = addressparser(from, { flatten: true });
  const address = parsed.length === 1 ? parsed[0].address : '';
  const at = address.lastIndexOf('@');
  if (!address || at <= 0 || at === address.length - 1) {
    throw new UserError(`email.from: expected one sender like "Diplomacy Watch <digest@example.org>", got ${JSON.stringify(from)}`);
  }
  return { from, address, domain: address.slice(at + 1).toLowerCase() };
}
