// The SMTP side: a nodemailer pooled transport built from DIGEST_SMTP_URL and the config's
// delivery limits, behind a one-method interface so dry runs and benches can stand in.
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { UserError } from '../errors.js';
import type { DigestConfig } from '../types.js';

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

/** The pool an edition goes out through: the config's rate, connection count and DKIM key. */
export function senderForConfig(config: DigestConfig, smtpUrl: string): MailSender {
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
    ...(o.dkim ? { dkim: dkimOptions(o.dkim) } : {}),
  });
  return {
    async send(m) {
      await transporter.sendMail({ envelope: m.envelope, raw: m.raw });
    },
    close() {
      transporter.close();
    },
  };
}

function dkimOptions(d: NonNullable<DigestConfig['email']['dkim']>) {
  let privateKey: string;
  try {
    privateKey = readFileSync(d.keyFile, 'utf8');
  } catch (err) {
    throw new UserError(`email.dkim.keyFile: cannot read ${d.keyFile} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) {
    throw new UserError(`email.dkim.keyFile: ${d.keyFile} is not a PEM private key`);
  }
  return {
    domainName: d.domain,
    keySelector: d.selector,
    privateKey,
    // RFC 8058 §3.1: the signature must cover List-Unsubscribe and List-Unsubscribe-Post
    headerFieldNames: 'From:To:Subject:Date:Message-ID:MIME-Version:Content-Type:List-Id:List-Unsubscribe:List-Unsubscribe-Post',
  };
}
