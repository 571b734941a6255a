// The SMTP side: a nodemailer pooled transport built from DIGEST_SMTP_URL and the config's
// delivery limits, behind a one-method interface so dry runs and benches can stand in.
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { UserError } from '../errors.js';
import type { DigestConfig } from '../types.js';
import { dkimKey, signDkim, type DkimKey } from './dkim.js';

export interface OutgoingMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

export interface MailSender {
  send(m: OutgoingMessage): Promise<void>;
  close(): void;
}

/** Read DIGEST_SMTP_URL or refuse with a clear message. */
export function requireSmtpUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DIGEST_SMTP_URL;
  if (!url) throw new UserError('DIGEST_SMTP_URL is not set: expected e.g. smtps://user:password@smtp.example.org:465');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError('DIGEST_SMTP_URL is not a URL: expected e.g. smtps://user:password@smtp.example.org:465');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new UserError(`DIGEST_SMTP_URL: expected an smtp:// or smtps:// URL, got ${parsed.protocol}//…`);
  }
  return url;
}

export interface PoolOptions {
  smtpUrl: string;
  /** messages per second; 0 = unlimited */
  rate: number;
  connections: number;
  dkim?: DigestConfig['email']['dkim'];
}

export const UNSIGNED_WARNING =
  'digest: warning: mail goes out without a DKIM signature (email.dkim): Gmail and Yahoo may junk or refuse it; see docs/operations.md';

/** The pool an edition goes out through: the config's rate, connection count and DKIM key. */
export function senderForConfig(config: DigestConfig, smtpUrl: string): MailSender {
  // Gmail and Yahoo expect bulk mail signed: say so each time mail goes out without a signature.
  if (!config.email.dkim) process.stderr.write(`${UNSIGNED_WARNING}\n`);
  return createPoolSender({ smtpUrl, rate: config.delivery.rate, connections: config.delivery.connections, dkim: config.email.dkim });
}

/** Pooled SMTP. nodemailer's own requeue is off: every retry goes through our ledger instead. */
export function createPoolSender(o: PoolOptions): MailSender {
  const transporter = nodemailer.createTransport({
    pool: true,
    url: o.smtpUrl,
    maxConnections: Math.max(1, o.connections),
    maxMessages: 1000,
    maxRequeues: 0,
    ...(o.rate > 0 ? { rateDelta: 1000, rateLimit: o.rate } : {}),
  });
  const key = o.dkim ? readDkimKey(o.dkim) : null;
  return {
    async send(m) {
      await transporter.sendMail({ envelope: m.envelope, raw: key ? signDkim(m.raw, key) : m.raw });
    },
    close() {
      transporter.close();
    },
  };
}

function readDkimKey(d: NonNullable<DigestConfig['email']['dkim']>): DkimKey {
  let pem: string;
  try {
    pem = readFileSync(d.keyFile, 'utf8');
  } catch (err) {
    throw new UserError(`email.dkim.keyFile: cannot read ${d.keyFile} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) throw new Error('no PEM');
    return dkimKey(d.domain, d.selector, pem);
  } catch {
    throw new UserError(`email.dkim.keyFile: ${d.keyFile} is not a PEM private key`);
  }
}
