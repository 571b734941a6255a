// The edition as the email shows it: bounded plain strings, safe links, dates in the digest's zone.
// Both the HTML template and the plain-text part are made from this one view, so they tell the same edition.

import { DateTime, Interval } from 'luxon';
import type { DigestConfig, Edition, Story } from '../types.js';
import { oneLineText, safeHttpUrl, sectionSlug } from './clean.js';

export const LOCALE = 'en-GB';
const MAX_TITLE = 200;
const MAX_SUMMARY = 700;
const MAX_INTRO = 2000;
const MAX_SOURCE = 60;
const MAX_SECTION_TITLE = 80;
const SOURCES_SHOWN = 2;

export interface StoryView {
  title: string;
  /** http(s) only, else null */
  url: string | null;
  sourcesLabel: string;
  summary: string;
  /** "Sat 21 Nov 2026", empty when the story has no valid date */
  date: string;
  dateIso: string;
  /** first story of its section (templates draw no separator above it) */
  first: boolean;
}

export interface SectionView {
  /** marker id: [a-z0-9_-] */
  id: string;
  anchor: string;
  title: string;
  /** all stories of the section, shown or not */
  total: number;
  storyCountLabel: string;
  stories: StoryView[];
  /** set when stories were held back to keep the email short */
  more: { count: number; label: string } | null;
}

export interface EditionView {
  lang: string;
  title: string;
  /** the editors' introduction (empty when none) */
  intro: string;
  dateRange: string;
  address: string;
  sections: SectionView[];
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function inZone(iso: string, zone: string): DateTime | null {
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.isValid ? dt.setZone(zone).setLocale(LOCALE) : null;
}

/** "16–23 November 2026" (range of the edition's window in its zone). */
export function formatDateRange(startIso: string, endIso: string, zone: string): string {
  const start = inZone(startIso, zone);
  const end = inZone(endIso, zone);
  if (!start || !end) return '';
  if (end <= start) return end.toLocaleString(DateTime.DATE_FULL);
  // ICU puts thin spaces around the dash, even between two numbers ("16 – 23"); house style is
  // "16–23 November" and plain spaces elsewhere ("25 November – 1 December").
  return Interval.fromDateTimes(start, end)
    .toLocaleString(DateTime.DATE_FULL)
    .replace(/\s+/gu, ' ')
    .replace(/(\d) – (\d)/u, '$1–$2');
}

/** "23 Nov 2026": the edition's end date in its zone, for the subject. */
export function formatShortDate(iso: string, zone: string): string {
  return inZone(iso, zone)?.toFormat('d LLL yyyy') ?? '';
}

/** "Wire One · Global Brief · +2 more" */
export function sourcesLabel(sources: string[]): string {
  const names = [...new Set(sources.map((s) => oneLineText(s, MAX_SOURCE)).filter(Boolean))];
  if (names.length <= SOURCES_SHOWN + 1) return names.join(' · ');
  return [...names.slice(0, SOURCES_SHOWN), `+${names.length - SOURCES_SHOWN} more`].join(' · ');
}

/** Link text that still makes sense out of context (screen readers list links on their own). */
export function moreLabel(hidden: number, sectionTitle: string): string {
  return `Read ${plural(hidden, 'more story', 'more stories')} in this section: ${oneLineText(sectionTitle, MAX_SECTION_TITLE)}`;
}

export function storyView(story: Story, zone: string): StoryView {
  const when = inZone(story.published, zone);
  return {
    title: oneLineText(story.title, MAX_TITLE) || 'Untitled story',
    url: safeHttpUrl(story.url),
    sourcesLabel: sourcesLabel(story.sources ?? []),
    summary: oneLineText(story.summary, MAX_SUMMARY),
    date: when?.toFormat('ccc d LLL yyyy') ?? '',
    dateIso: when?.toISO() ?? '',
    first: false,
  };
}

/**
 * Build the view. `cap` limits stories shown per section (the rest become "N more stories in this section").
 * Empty sections are left out.
 */
export function buildView(edition: Edition, config: DigestConfig, cap = Infinity): EditionView {
  return viewsByCap(edition, config)(cap);
}

/**
 * buildView for many caps of one edition (finding the cap that fits tries several): each story's view is
 * made once, when a cap first shows it, since formatting dates is the costly part.
 */
export function viewsByCap(edition: Edition, config: DigestConfig): (cap: number) => EditionView {
  const zone = edition.edition.timezone || config.timezone || 'UTC';
  const seen = new Set<string>();
  const heads = edition.sections
    .filter((section) => section.stories.length > 0)
    .map((section) => {
      let id = sectionSlug(section.id);
      while (seen.has(id)) id = `${id}-x`;
      seen.add(id);
      return { section, id, storyViews: [] as StoryView[] };
    });
  const top = {
    lang: 'en',
    title: oneLineText(edition.edition.title || config.title, MAX_SECTION_TITLE),
    intro: oneLineText(edition.intro ?? '', MAX_INTRO),
    dateRange: formatDateRange(edition.edition.start, edition.edition.end, zone),
    address: oneLineText(config.email.address ?? '', 300),
  };
  return (cap) => ({
    ...top,
    sections: heads.map(({ section, id, storyViews }): SectionView => {
      const shown = Math.min(section.stories.length, cap);
      for (let i = storyViews.length; i < shown; i++) storyViews.push({ ...storyView(section.stories[i], zone), first: i === 0 });
      const hidden = section.stories.length - shown;
      return {
        id,
        anchor: `section-${id}`,
        title: oneLineText(section.title, MAX_SECTION_TITLE) || section.id,
        total: section.stories.length,
        storyCountLabel: plural(section.stories.length, 'story', 'stories'),
        stories: storyViews.slice(0, shown),
        more: hidden > 0 ? { count: hidden, label: moreLabel(hidden, section.title) } : null,
      };
    }),
  });
}
