// "A draft is ready": the short mail editors get when `review: required` and the schedule built a draft —
// the story count, the sections, the desk's address, and what happens at the deadline.
import { DateTime } from 'luxon';
import type { DigestConfig, Edition } from '../types.js';
import { sendPlainNotice } from '../deliver/notices.js';
import type { MailSender } from '../deliver/transport.js';
import { storyTotal } from './approve.js';
import { failedFeedsNote } from './failed-feeds.js';
import { vanishedCorrections, vanishedLine } from './vanished.js';

export function deskUrl(config: DigestConfig): string {
  return `${config.email.baseUrl.replace(/\/+$/, '')}/desk`;
}

/** `readers`: active subscribers now; with none, the notice says that no reader would receive the edition. */
/**
 * `next`: the next firing of the schedule; without a review deadline, an unapproved draft is replaced by that
 * edition's. `replaced`: older drafts nobody approved, closed unsent as this one was built.
 */
export function draftNotice(
  config: DigestConfig,
  edition: Edition,
  deadline: string | null,
  readers?: number,
  o: { next?: string | null; replaced?: string[] } = {},
): { subject: string; lines: string[] } {
  const n = storyTotal(edition);
  const stories = `${n} ${n === 1 ? 'story' : 'stories'}`;
  const when = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(config.timezone).toFormat('ccc d LLL HH:mm ZZZZ');
  const onDeadline = config.review?.onDeadline === 'skip' ? 'this edition is skipped' : 'it is sent as it stands';
  const lines = [
    `The draft of ${config.title}, edition ${edition.edition.id}, is ready for review: ${stories} in ${edition.sections.length} ${edition.sections.length === 1 ? 'section' : 'sections'}.`,
    ...edition.sections.map((s) => `- ${s.title}: ${s.stories.length}`),
    ...[failedFeedsNote(edition)].filter((n): n is string => n !== null).map((n) => `${n}.`),
    // a correction made before this build that it found nothing to apply to: the editor who made it reads the draft
    // without it, not as corrected
    ...vanishedCorrections(edition).map((c) => `${vanishedLine(c).replace(/^c/, 'C')}.`),
    'Read it, correct it and approve it on the desk:',
    deskUrl(config),
    'or on the server: `digest edit list`, `digest edit …`, `digest approve`.',
    deadline
      ? `If nobody approves it by ${when(deadline)}, ${onDeadline}.`
      : `Nothing is sent until an editor approves it${o.next ? `; if nobody has when the next edition is due (${when(o.next)}), that edition's draft replaces it and this one is not sent` : ''}.`,
    ...(o.replaced?.length
      ? [`Edition ${o.replaced.join(', ')} was not approved before this one was due: ${o.replaced.length === 1 ? 'it is' : 'they are'} closed unsent, and this draft replaces ${o.replaced.length === 1 ? 'it' : 'them'}.`]
      : []),
    ...(readers === 0
      ? ['There are no active subscribers: as things stand no reader would receive this edition, even once approved (it stays approved until someone subscribes).']
      : []),
  ];
  return { subject: `Draft ready for review: ${config.title} · ${edition.edition.id} (${stories})`, lines };
}

/** One message per editor; resolves with the addresses the server accepted, throws if none did. */
export async function notifyEditors(
  sender: MailSender,
  config: DigestConfig,
  edition: Edition,
  o: { deadline: string | null; date?: Date; readers?: number; next?: string | null; replaced?: string[] },
): Promise<string[]> {
  const { subject, lines } = draftNotice(config, edition, o.deadline, o.readers, { next: o.next, replaced: o.replaced });
  const { accepted, errors } = await mailEditors(sender, config, { subject, lines, date: o.date, idPrefix: `draft.${edition.edition.id}` });
  if (accepted.length === 0 && errors.length > 0) throw new Error(`could not tell the editors: ${errors.join('; ')}`);
  return accepted;
}

/** A notice to each editor, with the desk's link: the addresses the server accepted, and one line per one it did not. */
export async function mailEditors(
  sender: MailSender,
  config: DigestConfig,
  notice: { subject: string; lines: string[]; idPrefix: string; date?: Date },
): Promise<{ accepted: string[]; errors: string[] }> {
  const accepted: string[] = [];
  const errors: string[] = [];
  for (const to of config.review?.editors ?? []) {
    try {
      await sendPlainNotice(sender, config, to, { ...notice, link: deskUrl(config), locale: 'en' });
      accepted.push(to);
    } catch (err) {
      errors.push(`${to}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { accepted, errors };
}
