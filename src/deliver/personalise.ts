// Step 2 of a send, personalise: one ledger row → that subscriber's own message, ready for the wire
// (sections they chose, their unsubscribe and preference links, a Message-ID fixed per edition and
// address), or the reason they get nothing this time.
import type { DigestConfig, Edition } from '../types.js';
import type { RenderedEdition } from '../render/index.js';
import type { Delivery, Subscriber, SubscriberStatus } from '../store/types.js';
import { AUTO_SUBMITTED, listHeaders, messageIdFor, replyToHeader, parseSender, preferencesUrl, unsubscribeUrl, type Sender } from './headers.js';
import { Tokens, tokenScope } from './tokens.js';
import { BounceAddresses } from './verp.js';
import { MessageComposer } from '../render/compose.js';
import { sectionSlug } from '../render/clean.js';
import { PersonalCopies } from './personal.js';
import type { SendStore } from './send-store.js';
import { shownAddress } from '../store/email.js';

export interface Job {
  row: Delivery;
  subscriber: Subscriber;
  messageId: string;
  /** SMTP MAIL FROM: the per-message bounce address with a mailbox, else the sender */
  envelopeFrom: string;
  /** the complete RFC 5322 message */
  raw: Buffer;
}

export interface PersonaliseContext {
  store: Pick<SendStore, 'getSubscriber' | 'digestId' | 'unscopedLinksUpTo'>;
  config: DigestConfig;
  edition: Edition;
  rendered: RenderedEdition;
  webUrl: string;
  secret: string;
  clock: () => Date;
}

/** A job, or the reason (a `skipped` ledger note) this row gets nothing. */
export type Personalised = Job | { skip: string };

const REMOVED = 'removed from the list';

/**
 * Why a subscriber in this status (null: no longer on the list) gets nothing, as a `skipped` ledger note, or
 * null when they are still to be sent to. Asked when a row is personalised and again right before its message
 * is handed over (./transmit.ts), with the same words, so the summary counts both under one reason.
 */
export function notSendingTo(status: SubscriberStatus | null): string | null {
  if (status === null) return REMOVED;
  return status === 'active' ? null : `now ${status}`;
}

/** notSendingTo the job's subscriber as the store has them now: one indexed read (serve, the CLI, the mailbox write from other processes). */
export function stillWantedIn(store: Pick<SendStore, 'subscriberStatus'>): (job: Job) => string | null {
  return (job) => notSendingTo(store.subscriberStatus(job.subscriber.id));
}

/**
 * The sections a reader chose that the config still has. A reader whose every choice was renamed or removed from the
 * config gets every section, as a reader who never chose: not nothing, week after week, with nobody told.
 */
function chosenSections(config: DigestConfig): (sections: string[] | null) => string[] | null {
  const known = new Set([...config.themes.map((t) => t.id), ...(config.other === false ? [] : ['other'])].map(sectionSlug));
  return (sections) => {
    if (!sections) return null;
    const still = sections.filter((id) => known.has(sectionSlug(id)));
    return still.length > 0 ? still : null;
  };
}

export function personaliser(c: PersonaliseContext): { sender: Sender; personalise: (row: Delivery) => Personalised } {
  const { config } = c;
  const editionId = c.edition.edition.id;
  const sender = parseSender(config.email.from);
  const tokens = new Tokens(c.secret, tokenScope(c.store));
  const composer = new MessageComposer();
  const copies = new PersonalCopies(c.rendered, c.edition, c.webUrl, composer);
  const headersFor = listHeaders({ title: config.title, baseUrl: config.email.baseUrl, sender });
  const replyTo = replyToHeader(config.email.replyTo);
  const sectionsOf = chosenSections(config);
  const digestId = c.store.digestId();
  const bounces = config.mailbox ? new BounceAddresses(c.secret, config.mailbox.address, digestId) : null;

  const personalise = (row: Delivery): Personalised => {
    const subscriber = row.subscriberId !== null ? c.store.getSubscriber(row.subscriberId) : null;
    if (!subscriber) return { skip: REMOVED };
    const why = notSendingTo(subscriber.status);
    if (why !== null) return { skip: why };
    const unsub = unsubscribeUrl(config.email.baseUrl, tokens.sign(subscriber.id, 'unsubscribe'));
    const copy = copies.make({
      email: shownAddress(subscriber.email),
      name: subscriber.name,
      sections: sectionsOf(subscriber.sections),
      unsubscribeUrl: unsub,
      preferencesUrl: preferencesUrl(config.email.baseUrl, tokens.sign(subscriber.id, 'preferences')),
    });
    if (!copy) return { skip: 'chosen sections empty this edition' };
    // a row claimed before keeps the Message-ID it was claimed with (a resend after a crash is the same message)
    const messageId = row.messageId ?? messageIdFor(digestId, editionId, subscriber.email.toLowerCase(), sender.domain, c.secret);
    const raw = composer.assemble(
      { from: config.email.from, to: subscriber.email, subject: copy.subject, date: c.clock(), messageId, headers: { ...replyTo, ...AUTO_SUBMITTED, ...headersFor(unsub, bounces?.unsubscribeFor(subscriber.id)) } },
      copy.text,
      copy.html,
    );
    const envelopeFrom = bounces ? bounces.envelopeFor(editionId, subscriber.id) : sender.address;
    return { row, subscriber, messageId, envelopeFrom, raw };
  };
  return { sender, personalise };
}
