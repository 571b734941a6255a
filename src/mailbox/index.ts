// `digest mail` and the mail step of tick/run: read the bounce mailbox once, apply what it says, move
// the handled messages to the handled folder, leave the rest (unknown, or not tied to a delivery) in place.
import { BounceAddresses } from '../deliver/verp.js';
import { UserError } from '../errors.js';
import { lockWithin } from '../store/lock-wait.js';
import type { SqliteStore } from '../store/sqlite.js';
import type { DigestConfig, MailboxConfig } from '../types.js';
import { handleMessage, type Handled } from './handle.js';
import { MAX_MESSAGE_BYTES, MailboxSession, leftKeyword } from './imap.js';
import { leaveLinkSender } from './leave-mail.js';
import { tokenScope } from '../deliver/tokens.js';

export { requireImapUrl } from './imap.js';

/** Messages read in one run at most; the rest wait for the next. */
export const MAX_PER_RUN = 500;

export interface MailRun {
  folder: string;
  handledFolder: string;
  dryRun: boolean;
  messages: (Handled & { uid: number })[];
  /** handled messages moved to the handled folder */
  moved: number;
}

export interface MailRunOptions {
  config: DigestConfig & { mailbox: MailboxConfig };
  store: SqliteStore;
  secret: string;
  imapUrl: string;
  /** DIGEST_SMTP_URL, for the links that confirm unsubscribe requests nothing vouches for */
  env?: NodeJS.ProcessEnv;
  dryRun?: boolean;
  now?: () => Date;
  /** how long to wait for another run reading the mailbox (default MAILBOX_LOCK_WAIT_MS) */
  lockWaitMs?: number;
}

/** how long a run waits for another reading the same mailbox (`digest mail`, the mail step of tick or run) */
export const MAILBOX_LOCK_WAIT_MS = 60_000;
const MAILBOX_LOCK = 'mailbox.lock';

/**
 * One reader of the mailbox at a time per state folder: two at once read the same messages before either had moved
 * them, and each acted on them, so a reader asking to leave got the link to confirm twice (each run checked the
 * history before the other had written it). The second waits for the first, then finds them handled. A dry run
 * changes nothing and takes no lock.
 */
export async function readMailbox(o: MailRunOptions): Promise<MailRun> {
  if (o.dryRun) return readLocked(o);
  const waitMs = o.lockWaitMs ?? MAILBOX_LOCK_WAIT_MS;
  const by = (pid: number | null) => `another process${pid !== null ? ` (pid ${pid})` : ''}`;
  const got = await lockWithin(o.config.state, MAILBOX_LOCK, {
    waitMs,
    onWait: (pid) => process.stderr.write(`note: the bounce mailbox is being read by ${by(pid)}; waiting for it (up to ${Math.round(waitMs / 1000)} s)\n`),
  });
  if (!('lock' in got)) throw new UserError(`the bounce mailbox is being read by ${by(got.heldBy)} (digest mail, tick or run); try again when it is done`, 1);
  try {
    return await readLocked(o);
  } finally {
    got.lock.release();
  }
}

async function readLocked(o: MailRunOptions): Promise<MailRun> {
  const m = o.config.mailbox;
  const digestId = o.store.digestId();
  const bounces = new BounceAddresses(o.secret, m.address, digestId);
  const session = await MailboxSession.open(o.imapUrl);
  const leaveLink = leaveLinkSender(o.config, o.secret, tokenScope(o.store), o.env ?? process.env);
  try {
    const messages: MailRun['messages'] = [];
    for await (const msg of session.messages(m.folder, MAX_PER_RUN, leftKeyword(digestId))) {
      if (msg.raw === null) {
        const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
        const about = msg.subject ? ` ${JSON.stringify(msg.subject.slice(0, 70))}` : '';
        const line = `left${about}: ${mb(msg.size)}, more than the ${mb(MAX_MESSAGE_BYTES)} a notice about a digest can be; not read`;
        messages.push({ uid: msg.uid, outcome: 'left', kind: 'unknown', line });
        continue;
      }
      const h = await handleMessage(msg.raw, {
        store: o.store,
        bounces,
        policy: { softBounces: m.softBounces },
        authservIds: m.authservIds,
        leaveLink,
        now: (o.now ?? (() => new Date()))(),
        dryRun: o.dryRun,
      });
      messages.push({ uid: msg.uid, ...h });
    }
    const handled = messages.filter((x) => x.outcome === 'handled').map((x) => x.uid);
    if (!o.dryRun) {
      await session.move(m.folder, handled, m.handledFolder);
      // not those that failed for a passing reason (kind error): they are read again first next time
      await session.markLeft(m.folder, messages.filter((x) => x.outcome === 'left' && x.kind !== 'error').map((x) => x.uid), leftKeyword(digestId));
    }
    return { folder: m.folder, handledFolder: m.handledFolder, dryRun: !!o.dryRun, messages, moved: o.dryRun ? 0 : handled.length };
  } finally {
    leaveLink.close();
    await session.close();
  }
}

/** One line: how many read, handled, left. */
export function summarizeRun(r: MailRun): string {
  const left = r.messages.filter((x) => x.outcome === 'left').length;
  const handled = r.messages.length - left;
  return (
    `${r.folder}: ${r.messages.length} message${r.messages.length === 1 ? '' : 's'}; ${handled} handled` +
    (r.dryRun ? ' (dry run: nothing changed or moved)' : ` (moved to ${r.handledFolder})`) +
    `; ${left} left in ${r.folder}`
  );
}
