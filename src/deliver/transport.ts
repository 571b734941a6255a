// The SMTP side: a nodemailer pooled transport built from DIGEST_SMTP_URL and the config's
// delivery limits, behind a small interface so dry runs and benches can stand in.
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { UserError, readFailure } from '../errors.js';
import type { DigestConfig } from '../types.js';
import { dkimKey, signDkim, type DkimKey } from './dkim.js';

export interface OutgoingMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

export interface MailSender {
  send(m: OutgoingMessage): Promise<void>;
  /**
   * Wait until a connection can take `m` at once (and the rate allows it), and keep that place: `go()` hands it
   * over without its waiting in the pool's queue, so what the caller checks just before (is the reader still
   * subscribed?) still holds when the server gets it. `done()` gives the place back (after the answer is
   * recorded). A sender without it is just `send`.
   */
  place?(m: OutgoingMessage): Promise<Place>;
  close(): void;
}

export interface Place {
  go(): Promise<void>;
  /** idempotent */
  done(): void;
}

/** Read DIGEST_SMTP_URL or refuse with a clear message. */
export function requireSmtpUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DIGEST_SMTP_URL;
  if (!url) throw new UserError('DIGEST_SMTP_URL is not set: expected e.g. smtps://user:password@smtp.example.org:465');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // the part after the last ":" of the server ("smtp.example.org:submission", ":99999") is read as its port
    const port = /^smtps?:\/\/(?:[^@/]*@)?[^@/:]+:([^/]*)\/?$/i.exec(url)?.[1];
    if (port !== undefined && port !== '') {
      throw new UserError('DIGEST_SMTP_URL: its port is not a number from 1 to 65535: expected e.g. smtps://user:password@smtp.example.org:465');
    }
    throw new UserError('DIGEST_SMTP_URL is not a URL: expected e.g. smtps://user:password@smtp.example.org:465');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new UserError(`DIGEST_SMTP_URL: expected an smtp:// or smtps:// URL, got ${parsed.protocol}//…`);
  }
  // nodemailer would take a URL without a host ("smtp://", "smtp:user@") as this machine's port 587
  if (!parsed.hostname) {
    throw new UserError('DIGEST_SMTP_URL names no server: expected e.g. smtps://user:password@smtp.example.org:465');
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

/**
 * Log in to the SMTP server of `smtpUrl` (EHLO, STARTTLS or TLS, AUTH) and leave, sending nothing: `digest check
 * --connect`. Throws nodemailer's error (its `code`, `responseCode`) when the server cannot be reached or refuses.
 */
export async function verifySmtpLogin(smtpUrl: string): Promise<void> {
  const transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as Parameters<typeof nodemailer.createTransport>[0]);
  try {
    await transporter.verify();
  } finally {
    transporter.close();
  }
}

/**
 * Pooled SMTP. nodemailer's own requeue is off: every retry goes through our ledger instead. Its queue stays
 * empty too: a message goes to the pool only when a connection is free for it and the rate allows (Places),
 * so a message never sits claimed in a queue we cannot take it back from.
 */
export function createPoolSender(o: PoolOptions): MailSender {
  const connections = Math.max(1, o.connections);
  const transporter = nodemailer.createTransport({ pool: true, url: o.smtpUrl, maxConnections: connections, maxMessages: 1000, maxRequeues: 0 });
  const places = new Places(connections, o.rate);
  const key = o.dkim ? readDkimKey(o.dkim) : null;
  const place = async (m: OutgoingMessage): Promise<Place> => {
    // signed before waiting, so the connection is not kept idle by the signing
    const raw = key ? signDkim(m.raw, key) : m.raw;
    await places.take();
    let held = true;
    return {
      go: async () => {
        await transporter.sendMail({ envelope: m.envelope, raw });
      },
      done: () => {
        if (held) places.give();
        held = false;
      },
    };
  };
  return {
    place,
    async send(m) {
      const p = await place(m);
      try {
        await p.go();
      } finally {
        p.done();
      }
    },
    close() {
      places.close();
      transporter.close();
    },
  };
}

/**
 * Places on the wire: at most `slots` messages at once (one per pooled connection) and at most `rate` begun in
 * any one second (0: no limit), given in the order they were asked for.
 */
export class Places {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private windowStart = -Infinity;
  private inWindow = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    slots: number,
    private readonly rate: number,
  ) {
    this.free = slots;
  }

  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.serve();
    });
  }

  give(): void {
    this.free++;
    this.serve();
  }

  /** let every waiter through: the pool is closed and fails what they hand it */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const go of this.waiting.splice(0)) go();
  }

  private serve(): void {
    while (this.waiting.length > 0 && (this.closed || (this.free > 0 && this.timer === null))) {
      if (!this.closed && this.rate > 0) {
        const now = Date.now();
        if (now - this.windowStart >= 1000) {
          this.windowStart = now;
          this.inWindow = 0;
        }
        if (this.inWindow >= this.rate) {
          this.timer = setTimeout(() => {
            this.timer = null;
            this.serve();
          }, this.windowStart + 1000 - now);
          return;
        }
        this.inWindow++;
      }
      this.free--;
      this.waiting.shift()!();
    }
  }
}

export function readDkimKey(d: NonNullable<DigestConfig['email']['dkim']>): DkimKey {
  let pem: string;
  try {
    pem = readFileSync(d.keyFile, 'utf8');
  } catch (err) {
    throw new UserError(`email.dkim.keyFile: the key file ${d.keyFile} ${readFailure(err)}`);
  }
  try {
    if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) throw new Error('no PEM');
    return dkimKey(d.domain, d.selector, pem);
  } catch {
    throw new UserError(`email.dkim.keyFile: ${d.keyFile} is not a PEM private key`);
  }
}
