// One message of the bounce mailbox, start to end: read it, classify it, find whose delivery it is about,
// apply it. The answer says whether it was handled (to be moved out of the way) or is left for a person,
// and why, in one line. Nothing here talks to the IMAP server.
import { createHash } from 'node:crypto';
import type { BounceAddresses } from '../deliver/verp.js';
import { oneLine } from '../errors.js';
import { SubscriberEvents } from '../store/events.js';
import type { SqliteStore } from '../store/sqlite.js';
import { applySignal, type Applied, type BouncePolicy, type SignalKind } from '../store/bounce-signals.js';
import { classify, type Verdict } from './classify.js';
import { offerLeaveLink, type LinkSender } from './confirm-leave.js';
import { identify } from './identify.js';
import { readNotice } from './parse.js';
import { senderTrust } from './sender-trust.js';

export interface Handled {
  /** handled: move it to the handled folder; left: stays where it is, for a person to read */
  outcome: 'handled' | 'left';
  kind: Verdict['kind'] | 'error';
  /** what was done or why it was left, one line */
  line: string;
  applied?: Applied;
}

export interface HandleContext {
  store: SqliteStore;
  bounces: BounceAddresses;
  policy: BouncePolicy;
  /** authserv-ids whose Authentication-Results may vouch for the From of an "unsubscribe" to the plain address */
  authservIds: string[];
  /** mails a reader the link that confirms such a request when nothing vouches for it */
  leaveLink: LinkSender;
  now: Date;
  /** classify and identify only; change nothing */
  dryRun?: boolean;
}

export async function handleMessage(raw: Buffer, c: HandleContext): Promise<Handled> {
  try {
    const notice = await readNotice(raw);
    const verdict = classify(notice, c.bounces);
    const about = notice.subject ? ` ${JSON.stringify(notice.subject.slice(0, 70))}` : '';
    switch (verdict.kind) {
      case 'unknown':
        return { outcome: 'left', kind: 'unknown', line: `left${about}: ${verdict.why}` };
      case 'auto-reply':
        return { outcome: 'handled', kind: 'auto-reply', line: `automatic reply${about} (${verdict.evidence}): ignored` };
      case 'no-action':
        return { outcome: 'handled', kind: 'no-action', line: `${verdict.evidence}: nothing to do` };
    }
    const events = new SubscriberEvents(c.store);
    const target = identify(notice, verdict, c.bounces, {
      getSubscriber: (id) => c.store.getSubscriber(id),
      findSubscriber: (e) => c.store.findSubscriber(e),
      deliveryByMessageId: (m) => events.deliveryByMessageId(m),
    });
    const what = verdict.kind === 'bounce' ? `${verdict.severity} bounce (${verdict.evidence})` : `${verdict.kind} (${verdict.evidence})`;
    if ('none' in target) return { outcome: 'left', kind: verdict.kind, line: `left${about}: a ${what}, but ${target.none}` };
    const kind: SignalKind = verdict.kind === 'bounce' ? verdict.severity : verdict.kind;
    const eventKey = `mailbox:${notice.messageId ?? sha256(raw)}`;
    let evidence = verdict.evidence;
    if (verdict.kind === 'unsubscribe' && !verdict.tagged) {
      // its From is all that names the reader, and anyone can write it: acted on only when the receiving server vouches
      const trust = senderTrust(notice, c.authservIds);
      if (!trust.vouched) {
        const a = await offerLeaveLink(c.store, { subscriber: target.subscriber, eventKey, evidence, why: trust.why, link: c.leaveLink, now: c.now, dryRun: c.dryRun });
        return { outcome: a.outcome, kind: a.passing ? 'error' : verdict.kind, line: a.outcome === 'left' ? `left${about}: ${a.line}` : a.line };
      }
      evidence = `${evidence}; ${trust.evidence}`;
    }
    if (c.dryRun) return { outcome: 'handled', kind: verdict.kind, line: `would apply ${what} to ${target.subscriber.email} (found by ${target.how})` };
    const applied = applySignal(
      c.store,
      { kind, subscriber: target.subscriber, source: 'mailbox', evidence, editionId: target.editionId, eventKey },
      c.policy,
      c.now,
    );
    return { outcome: 'handled', kind: verdict.kind, line: `${what}: ${applied.note}`, applied };
  } catch (err) {
    // a message that cannot be read or applied stays where it is, and the reason is shown
    return { outcome: 'left', kind: 'error', line: `left: could not be handled (${oneLine(err)})` };
  }
}

function sha256(b: Buffer): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`;
}
