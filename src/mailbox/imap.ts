// The IMAP side of `digest mail` (imapflow): log in with DIGEST_IMAP_URL, read the messages of one folder,
// move the handled ones to another. Nothing here ever deletes a message.
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { UserError, oneLine } from '../errors.js';

/** The IMAP keyword on messages a run left in the folder for a person: one per digest, as digests may share a mailbox. */
export function leftKeyword(digestId: string): string {
  return `$RoundupLeft-${digestId}`;
}

/**
 * Larger than any bounce, complaint or unsubscribe request about a digest (a returned copy included): such a
 * message is left unread, so mail that a hostile sender makes big cannot exhaust the memory of a tick.
 */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export type MailboxMessage =
  | { uid: number; raw: Buffer }
  /** over MAX_MESSAGE_BYTES: not fetched */
  | { uid: number; raw: null; size: number; subject: string };

/** Read DIGEST_IMAP_URL (`imaps://user:password@imap.example.org`) or refuse with a clear message. */
export function requireImapUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DIGEST_IMAP_URL;
  const example = 'expected e.g. imaps://bounces%40example.org:password@imap.example.org';
  if (!url) throw new UserError(`DIGEST_IMAP_URL is not set: ${example}`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`DIGEST_IMAP_URL is not a URL: ${example}`);
  }
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:') throw new UserError(`DIGEST_IMAP_URL: expected an imap:// or imaps:// URL, got ${u.protocol}//…`);
  if (!u.username || !u.password) throw new UserError(`DIGEST_IMAP_URL: expected a user name and password in the URL (${example})`);
  // a "%" that starts no escape ("50%off") cannot be decoded: name the part, never its value
  for (const [part, value] of [['user name', u.username], ['password', u.password]] as const) {
    try {
      decodeURIComponent(value);
    } catch {
      throw new UserError(`DIGEST_IMAP_URL: the ${part} holds a "%" that starts no escape; expected each "%" in it written as %25, e.g. imaps://bounces%40example.org:50%25off@imap.example.org`);
    }
  }
  return url;
}

/** Connection options: imaps:// is TLS from the start; imap:// must upgrade with STARTTLS except on loopback. */
export function imapOptions(url: string): ImapFlowOptions {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    ...(secure || loopback ? {} : { doSTARTTLS: true }),
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  };
}

export class MailboxSession {
  private constructor(private readonly client: ImapFlow, private readonly where: string) {}

  static async open(url: string): Promise<MailboxSession> {
    const o = imapOptions(url);
    const where = `${o.secure ? 'imaps' : 'imap'}://${o.host}:${o.port}`;
    const client = new ImapFlow(o);
    // a dropped connection is reported by the command that was running; never as an unhandled event
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (err) {
      const e = err as { authenticationFailed?: boolean; responseText?: string; code?: string };
      const why = e.authenticationFailed ? `login refused for ${o.auth?.user}${e.responseText ? ` (${e.responseText})` : ''}` : (e.code ?? oneLine(err));
      throw new UserError(`DIGEST_IMAP_URL: cannot open the mailbox at ${where}: ${why}`, 1);
    }
    return new MailboxSession(client, where);
  }

  /**
   * The messages of `folder` to read this run (at most `limit`, oldest first), read without setting \Seen:
   * those not yet left for a person first, then those left before (marked `left`, ../leftKeyword). Otherwise 500
   * messages left in the folder (spam, questions) would be all that is ever read, and a bounce behind them never.
   */
  async *messages(folder: string, limit: number, left: string): AsyncGenerator<MailboxMessage> {
    const lock = await this.lock(folder);
    try {
      const exists = this.client.mailbox ? this.client.mailbox.exists : 0;
      if (exists === 0) return;
      const fresh = (await this.client.search({ unKeyword: left }, { uid: true })) || [];
      const before = fresh.length >= limit ? [] : (await this.client.search({ keyword: left }, { uid: true })) || [];
      const uids = [...[...fresh].sort((a, b) => a - b), ...[...before].sort((a, b) => a - b)].slice(0, limit);
      if (uids.length === 0) return;
      // sizes first, then one message at a time: memory holds one message, not a run's 500
      const sizes = new Map<number, { size: number; subject: string }>();
      for (const m of await this.client.fetchAll(uids.join(','), { uid: true, size: true, envelope: true }, { uid: true })) {
        sizes.set(m.uid, { size: m.size ?? 0, subject: m.envelope?.subject ?? '' });
      }
      for (const uid of uids) {
        const info = sizes.get(uid);
        if (!info) continue; // expunged meanwhile
        if (info.size > MAX_MESSAGE_BYTES) {
          yield { uid, raw: null, ...info };
          continue;
        }
        const m = await this.client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        if (m && m.source) yield { uid, raw: m.source };
      }
    } finally {
      lock.release();
    }
  }

  /** Mark these messages as left for a person, so the next run reads newer ones first (no-op where keywords are not kept). */
  async markLeft(folder: string, uids: number[], left: string): Promise<void> {
    if (uids.length === 0) return;
    const lock = await this.lock(folder);
    try {
      await this.client.messageFlagsAdd(uids.join(','), [left], { uid: true });
    } finally {
      lock.release();
    }
  }

  /** Move these messages of `folder` to `to`, creating it when missing. */
  async move(folder: string, uids: number[], to: string): Promise<void> {
    if (uids.length === 0) return;
    await this.client.mailboxCreate(to);
    const lock = await this.lock(folder);
    try {
      const moved = await this.client.messageMove(uids.join(','), to, { uid: true });
      if (!moved) throw new UserError(`${this.where}: could not move ${uids.length} handled message(s) from ${folder} to ${to}`, 1);
    } finally {
      lock.release();
    }
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => this.client.close());
  }

  private async lock(folder: string) {
    try {
      return await this.client.getMailboxLock(folder);
    } catch (err) {
      throw new UserError(`${this.where}: cannot open the folder ${JSON.stringify(folder)} (${(err as { responseText?: string }).responseText ?? oneLine(err)})`, 1);
    }
  }
}
