// The part of the store a send needs, and nothing more (as listmonk's manager sees only a narrow Store):
// read the frozen recipient list, look a subscriber up, write the ledger and the hard-failure count.
import type { Store } from '../store/types.js';

export type SendStore = Pick<
  Store,
  | 'transaction'
  // plan
  | 'recordEdition'
  | 'deliveryCounts'
  | 'planDeliveries'
  | 'deliveries'
  | 'listSubscribers'
  // personalise
  | 'getSubscriber'
  | 'digestId'
  | 'unscopedLinksUpTo'
  // transmit: still subscribed right before the message is handed over?
  | 'subscriberStatus'
  // claim and record
  | 'markAttempt'
  | 'undoAttempt'
  | 'markSent'
  | 'markFailed'
  | 'markSkipped'
  | 'countRefusal'
  | 'markDeferred'
  | 'expireDeferral'
  | 'reopenGivenUp'
  | 'recordHardFailure'
  // a message given up after deferrals is one soft bounce against its address
  | 'applySignal'
  | 'resetHardFailures'
  | 'updateSubscriber'
  | 'recordSentItems'
  | 'markEditionSent'
> & {
  /** where the ledger lives (a file path), for messages about a failed write */
  readonly location?: string;
};
