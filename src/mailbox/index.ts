// `digest mail` and the mail step of tick/run: read the bounce mailbox once, apply what it says, move
// the handled messages to the handled folder, leave the rest (unknown, or not tied to a delivery) in place.
import { BounceAddresses } from '../deliver/verp.js';
import type { SqliteStore } from '../store/sqlite.js';
import type { DigestConfig, MailboxConfig } from '../types.js';
import { handleMessage, type Handled } from './handle.js';
import { MAX_MESSAGE_BYTES, MailboxSession, leftKeyword } from './imap.js';
import { leaveLinkSender } from './leave-mail.js';

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
}

export async function readMailbox(o: MailRunOptions): Promise<MailRun> {
  const m = o.config.mailbox;
  const digestId = o.store.digestId();
  const bounces = new BounceAddresses(o.secret, m.address, digestId);
  const session = await MailboxSession.open(o.imapUrl);
  const leaveLink = leaveLinkSender(o.config, o.secret, o.env ?? process.env);
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
