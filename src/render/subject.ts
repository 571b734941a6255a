// Subject line and preheader: short, one line, no control characters. Folding and UTF-8 encoding of the
// header happen in composeMessage (nodemailer encodes non-ASCII words and folds at 76 columns).

import type { DigestConfig, Edition } from '../types.js';
import { oneLineText, truncate } from './clean.js';
import { formatShortDate, localeOf } from './view.js';
import { topStory } from './top-story.js';
import { isRtl } from '../text/catalogue.js';
import { closeRun } from '../text/direction.js';

const MAX_LEAD = 70;
const MAX_SUBJECT = 160;
const MAX_PREHEADER = 150;
export const DEFAULT_SUBJECT = '{title} · {date}: {lead}';

export function countStories(edition: Edition, keep?: (sectionId: string) => boolean): number {
  return edition.sections.reduce((n, s) => n + (!keep || keep(s.id) ? s.stories.length : 0), 0);
}

/** What a subject is made of besides the stories (plain data: it is stored with the rendered edition). */
export interface SubjectFields {
  template: string;
  title: string;
  date: string;
  /** the direction of the digest's language (absent in editions approved before it was stored: left to right) */
  dir?: 'ltr' | 'rtl';
}

export function subjectFields(edition: Edition, config: DigestConfig): SubjectFields {
  const zone = edition.edition.timezone || config.timezone || 'UTC';
  return {
    template: config.email?.subject || DEFAULT_SUBJECT,
    title: oneLineText(edition.edition.title || config.title, 80),
    date: formatShortDate(edition.edition.end, zone, localeOf(config)),
    dir: isRtl(localeOf(config)) ? 'rtl' : 'ltr',
  };
}

/**
 * Fill `{title}`, `{date}`, `{lead}`, `{count}` in one pass, so values are never expanded again. With `keep`
 * (a reader who chose sections) the lead and count come from the sections that reader receives.
 */
export function buildSubject(edition: Edition, config: DigestConfig, keep?: (sectionId: string) => boolean): string {
  return fillSubject(subjectFields(edition, config), edition, keep);
}

export function fillSubject(fields: SubjectFields, edition: Edition, keep?: (sectionId: string) => boolean): string {
  const template = fields.template;
  const values: Record<string, string> = {
    title: fields.title,
    date: fields.date,
    lead: truncate(oneLineText(topStory(edition, keep)?.title ?? '', 300), MAX_LEAD),
    count: String(countStories(edition, keep)),
  };
  // a value that ends in the other direction's letters (an Arabic title in an English subject) is closed, so the
  // date after it stays whole
  const filled = template.replace(/\{(title|date|lead|count)\}/g, (_, key: string) => closeRun(values[key], fields.dir ?? 'ltr'));
  // A template like "{title}: {lead}" with no stories would end in ": "; tidy the dangling separator (and a mark
  // that closes nothing).
  return oneLineText(filled, MAX_SUBJECT).replace(/[\s:·|–—\u200e\u200f-]+$/, '');
}

/** Hidden preview text shown by mail clients after the subject: these titles, as many as fit. */
export function buildPreheader(titles: string[]): string {
  return truncate(titles.join(' · '), MAX_PREHEADER);
}

/**
 * The preview line of a reader's copy (`keep`: the sections they get): the first story of each section, except the
 * story the subject leads with (`template` has {lead}), whose section names its next story instead. Inboxes show
 * the subject and the preview on one line, where the same headline twice tells the reader nothing more. With no
 * other story to name, the lead story's summary.
 */
export function preheaderOf(edition: Edition, template: string, keep?: (sectionId: string) => boolean): string {
  const lead = template.includes('{lead}') ? topStory(edition, keep) : null;
  const titles = edition.sections
    .filter((s) => !keep || keep(s.id))
    .map((s) => s.stories.find((story) => story !== lead))
    .map((story) => oneLineText(story?.title, 300))
    .filter(Boolean);
  return buildPreheader(titles.length === 0 && lead ? [oneLineText(lead.summary, 300)] : titles);
}
