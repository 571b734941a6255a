// Subject line and preheader: short, one line, no control characters. Folding and UTF-8 encoding of the
// header happen in composeMessage (nodemailer encodes non-ASCII words and folds at 76 columns).

import type { DigestConfig, Edition } from '../types.js';
import { oneLineText, truncate } from './clean.js';
import { formatShortDate } from './view.js';
import { leadStory } from '../theme/rank.js';

const MAX_LEAD = 70;
const MAX_SUBJECT = 160;
const MAX_PREHEADER = 150;
export const DEFAULT_SUBJECT = '{title} · {date}: {lead}';

/** Titles of the lead story of each non-empty section, in order (the first one is the edition's lead). */
export function leadTitles(edition: Edition, keep?: (sectionId: string) => boolean): string[] {
  return edition.sections
    .filter((s) => s.stories.length > 0 && (!keep || keep(s.id)))
    .map((s) => oneLineText(s.stories[0].title, 300))
    .filter(Boolean);
}

export function countStories(edition: Edition): number {
  return edition.sections.reduce((n, s) => n + s.stories.length, 0);
}

/** Fill `{title}`, `{date}`, `{lead}`, `{count}` in one pass, so values are never expanded again. */
export function buildSubject(edition: Edition, config: DigestConfig): string {
  const template = config.email?.subject || DEFAULT_SUBJECT;
  const zone = edition.edition.timezone || config.timezone || 'UTC';
  const values: Record<string, string> = {
    title: oneLineText(edition.edition.title || config.title, 80),
    date: formatShortDate(edition.edition.end, zone),
    // the top-ranked story of the whole edition (most sources, then most recent), wherever its section
    lead: truncate(oneLineText(leadStory(edition.sections.flatMap((s) => s.stories))?.title ?? '', 300), MAX_LEAD),
    count: String(countStories(edition)),
  };
  const filled = template.replace(/\{(title|date|lead|count)\}/g, (_, key: string) => values[key]);
  // A template like "{title}: {lead}" with no stories would end in ": "; tidy the dangling separator.
  return oneLineText(filled, MAX_SUBJECT).replace(/[\s:·|–—-]+$/, '');
}

/** Hidden preview text shown by mail clients after the subject: the lead stories. */
export function buildPreheader(titles: string[]): string {
  return truncate(titles.join(' · '), MAX_PREHEADER);
}
