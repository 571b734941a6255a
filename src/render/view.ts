// The edition as the email shows it: bounded plain strings, safe links, dates in the digest's zone.
// Both the HTML template and the plain-text part are made from this one view, so they tell the same edition.

import { DateTime, Interval } from 'luxon';
import type { DigestConfig, Edition, Story } from '../types.js';
import { count, fill, isRtl, language, messages, type Messages } from '../text/catalogue.js';
import { storyLanguage } from '../text/script-language.js';
import { oneLineText, safeHttpUrl, sectionSlug } from './clean.js';
import { topStory } from './top-story.js';
import { hasVisibleText } from '../text/visible.js';
import { closeRun, firstLetterDirection } from '../text/direction.js';

/** The digest's locale (config `locale`, default English). */
export const localeOf = (config: Pick<DigestConfig, 'locale'>) => config.locale || 'en';

/** The locale dates are written in: British English for English (day before month, no commas), else the digest's. */
export function dateLocale(locale: string): string {
  return language(locale) === 'en' ? 'en-GB' : locale;
}
/** the most of a title, summary and intro the email shows (the desk refuses an editor's longer text: it would be cut) */
export const MAX_TITLE = 200;
export const MAX_SUMMARY = 700;
export const MAX_INTRO = 2000;
const MAX_SOURCE = 60;
const MAX_SECTION_TITLE = 80;
/** sources are all named while their line stays this short; else as many as fit, then "+N more" */
const SOURCES_LINE = 64;

export interface StoryView {
  title: string;
  /** http(s) only, else null */
  url: string | null;
  sourcesLabel: string;
  /**
   * the line under the title in parts, each to be kept whole on a line when it fits one (an outlet's name, "+2 more",
   * the date; `last` on the final one): "Policy Notes" or "Wed 18 Nov 2026" broken over two lines of a phone reads as
   * two things
   */
  meta: Array<{ text: string; last: boolean }>;
  summary: string;
  /** "Sat 21 Nov 2026", empty when the story has no valid date */
  date: string;
  dateIso: string;
  /** first story of its section (templates draw no separator above it) */
  first: boolean;
  /** the edition's top story (the one the subject leads with), wherever its section: labelled and drawn larger */
  lead: boolean;
  /** the language of its title and summary when it is not the digest's and their script tells it ("uk", "ja"), else "" */
  storyLang: string;
  /** "rtl" for a story in another language written right to left, else "auto" (the browser goes by its first letter) */
  storyDir: string;
  /** the side its title and its summary line up on, as their direction has it: "left" or "right" (alignFor) */
  titleAlign: string;
  summaryAlign: string;
}

export interface SectionView {
  /** marker id: [a-z0-9_-] */
  id: string;
  anchor: string;
  title: string;
  /** the side the title lines up on (alignFor) */
  titleAlign: string;
  /** all stories of the section, shown or not */
  total: number;
  storyCountLabel: string;
  stories: StoryView[];
  /** set when stories were held back to keep the email short */
  more: { count: number; label: string } | null;
  /** none of its stories is shown (a long edition kept short): the heading and the link to them */
  headingOnly: boolean;
}

/** The template's own words, in the digest's language (plain text; the template escapes them). */
export interface TemplateWords {
  inThisIssue: string;
  /** what screen readers call the email (MJML's own word is English "email") */
  emailRole: string;
  readInBrowser: string;
  viewInBrowser: string;
  readMore: string;
  leadStory: string;
  /** "You are receiving X because " … %%EMAIL%% … " subscribed to it." around the address token */
  receivingBefore: string;
  receivingAfter: string;
  chooseSections: string;
  unsubscribe: string;
  webCopy: string;
  subscribe: string;
}

export interface EditionView {
  lang: string;
  /** "ltr", or "rtl" for a right-to-left locale */
  dir: string;
  /** where lines start: "left", or "right" for a right-to-left locale */
  align: string;
  /** an arrow that points the way the text reads: "→", or "←" right to left ("Read more →") */
  forward: string;
  /** the email (true) or its web copy in the archive (false): email-only text shows only in the email */
  email: boolean;
  /** where the web copy's readers subscribe */
  subscribeUrl: string;
  /** the masthead image, when configured; `darkSrc` (else empty) is the one shown in dark mode */
  logo: { src: string; width: number; height: number; alt: string; darkSrc: string } | null;
  t: TemplateWords;
  title: string;
  /** the sides the title and the introduction line up on (alignFor) */
  titleAlign: string;
  /** the editors' introduction (empty when none) */
  intro: string;
  introAlign: string;
  dateRange: string;
  /**
   * "Diplomacy Watch · 16–23 November 2026": the page's <title> and what screen readers announce the email as; a title
   * in the other direction is closed (closeRun), as in the subject, so the date stays whole after it
   */
  documentTitle: string;
  address: string;
  sections: SectionView[];
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function inZone(iso: string, zone: string, locale = 'en'): DateTime | null {
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.isValid ? dt.setZone(zone).setLocale(dateLocale(locale)) : null;
}

/** "16–23 November 2026" (range of the edition's window in its zone), in the locale's words. */
export function formatDateRange(startIso: string, endIso: string, zone: string, locale = 'en'): string {
  const start = inZone(startIso, zone, locale);
  const end = inZone(endIso, zone, locale);
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
export function formatShortDate(iso: string, zone: string, locale = 'en'): string {
  const when = inZone(iso, zone, locale);
  if (!when) return '';
  return language(locale) === 'en' ? when.toFormat('d LLL yyyy') : when.toLocaleString(DateTime.DATE_MED);
}

/** "Sat 21 Nov 2026": a story's date. */
function storyDate(when: DateTime, locale: string): string {
  if (language(locale) === 'en') return when.toFormat('ccc d LLL yyyy');
  return when.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * "Wire One · Global Brief · Harbour Times", or as many as fit in a short line and "+2 more"; a name in the other
 * direction than the digest's language is closed (closeRun), so the count or the date after it stays in its place.
 */
export function sourcesLabel(sources: string[], locale = 'en'): string {
  return sourcesParts(sources, locale).join(' · ');
}

/** The parts of sourcesLabel: the names shown, then "+2 more" when some are not. */
function sourcesParts(sources: string[], locale: string): string[] {
  const dir = isRtl(locale) ? 'rtl' : 'ltr';
  const names = [...new Set(sources.map((s) => oneLineText(s, MAX_SOURCE)).filter(Boolean))].map((name) => closeRun(name, dir));
  if (Array.from(names.join(' · ')).length <= SOURCES_LINE) return names;
  const more = (n: number) => count(messages(locale).moreSources, n, locale);
  let shown = 1;
  while (shown + 1 < names.length && Array.from([...names.slice(0, shown + 1), more(names.length - shown - 1)].join(' · ')).length <= SOURCES_LINE) shown++;
  return [...names.slice(0, shown), more(names.length - shown)];
}

/**
 * Link text that still makes sense out of context (screen readers list links on their own): "Read 7 more stories …"
 * after the stories shown, "Read the 10 stories …" under a heading that shows none.
 */
export function moreLabel(hidden: number, sectionTitle: string, locale = 'en', shown = 1): string {
  const m = messages(locale);
  return count(shown > 0 ? m.moreInSection : m.allInSection, hidden, locale, { section: oneLineText(sectionTitle, MAX_SECTION_TITLE) });
}

/**
 * The side a text set with `dir` ("rtl", or "auto": by its first letter) lines up on: "right" or "left", else the
 * page's `align`. The template's align (inherited from MJML's own text-align:left in an English edition) would
 * otherwise hold for it too: an Arabic headline's lines would hang from the left edge, its last line stranded there.
 */
export function alignFor(text: string, dir: string, align: string): string {
  const direction = dir === 'rtl' || dir === 'ltr' ? dir : firstLetterDirection(text);
  return direction === 'rtl' ? 'right' : direction === 'ltr' ? 'left' : align;
}

/** `text`, or `fallback` when it shows nothing (an editor's title of blank characters). */
const visibleOr = (text: string, fallback: string) => (hasVisibleText(text) ? text : fallback);

/**
 * `declared`: the language the story's feeds declare (all of them the same one), if they do; its script's language
 * comes first (text/script-language.ts).
 */
export function storyView(story: Story, zone: string, locale = 'en', declared?: string): StoryView {
  const when = inZone(story.published, zone, locale);
  const own = storyLanguage(`${story.title}\n${story.summary}`, declared);
  const other = own && own.lang !== language(locale) ? own : null;
  const storyDir = other?.rtl ? 'rtl' : 'auto';
  const title = visibleOr(oneLineText(story.title, MAX_TITLE), messages(locale).untitled);
  const summary = oneLineText(story.summary, MAX_SUMMARY);
  const align = isRtl(locale) ? 'right' : 'left';
  const sources = sourcesParts(story.sources ?? [], locale);
  const date = when ? storyDate(when, locale) : '';
  const meta = [...sources, date].filter(Boolean);
  return {
    storyLang: other?.lang ?? '',
    storyDir,
    titleAlign: alignFor(title, storyDir, align),
    summaryAlign: alignFor(summary, storyDir, align),
    title,
    url: safeHttpUrl(story.url),
    sourcesLabel: sources.join(' · '),
    meta: meta.map((text, i) => ({ text, last: i === meta.length - 1 })),
    summary,
    date,
    dateIso: when?.toISO() ?? '',
    first: false,
    lead: false,
  };
}

/** The template's words for a digest titled `title`. */
export function templateWords(m: Messages, title: string): TemplateWords {
  const [receivingBefore, receivingAfter = ''] = fill(m.receiving, { title }).split('{email}');
  return {
    inThisIssue: m.inThisIssue,
    emailRole: m.emailRole,
    readInBrowser: m.readInBrowser,
    viewInBrowser: m.viewInBrowser,
    readMore: m.readMore,
    leadStory: m.leadStory,
    receivingBefore,
    receivingAfter,
    chooseSections: m.chooseSections,
    unsubscribe: fill(m.unsubscribeFrom, { title }),
    webCopy: fill(m.webCopy, { title }),
    subscribe: fill(m.subscribeTo, { title }),
  };
}

/** "12 stories", in the locale. */
export function storiesLabel(n: number, locale = 'en'): string {
  return count(messages(locale).stories, n, locale);
}

/** "12 stories from 7 sources", in the locale. */
export function countsLabel(stories: number, sources: number, locale = 'en'): string {
  return `${storiesLabel(stories, locale)} ${count(messages(locale).fromSources, sources, locale)}`;
}

/**
 * Build the view. `cap` limits stories shown per section (the rest become "N more stories in this section").
 * Empty sections are left out.
 */
export function buildView(edition: Edition, config: DigestConfig, cap = Infinity, opts: ViewOptions = {}): EditionView {
  return viewsByCap(edition, config, opts)(cap);
}

export interface ViewOptions {
  /** the archive's web copy rather than the email */
  web?: boolean;
}

/**
 * At most this many stories in every section (a number), or per section, by its place among the sections shown
 * (a function: the lengthiest editions show some sections' headings alone).
 */
export type Cap = number | ((section: number) => number);

/**
 * buildView for many caps of one edition (finding the cap that fits tries several): each story's view is
 * made once, when a cap first shows it, since formatting dates is the costly part.
 */
export function viewsByCap(edition: Edition, config: DigestConfig, opts: ViewOptions = {}): (cap: Cap) => EditionView {
  const zone = edition.edition.timezone || config.timezone || 'UTC';
  const locale = localeOf(config);
  const m = messages(locale);
  const title = oneLineText(edition.edition.title || config.title, MAX_SECTION_TITLE);
  const logo = config.email.logo;
  const topStoryOfEdition = topStory(edition);
  const feedLanguage = new Map((edition.feeds ?? []).map((f) => [f.id, f.language ?? '']));
  // the language the feeds of a story declare, when they all declare the same one
  const declaredLanguage = (story: Story) => {
    const langs = new Set(story.items.map((i) => feedLanguage.get(i.feed) ?? ''));
    return langs.size === 1 ? [...langs][0] || undefined : undefined;
  };
  const seen = new Set<string>();
  const heads = edition.sections
    .filter((section) => section.stories.length > 0)
    .map((section) => {
      let id = sectionSlug(section.id);
      while (seen.has(id)) id = `${id}-x`;
      seen.add(id);
      return { section, id, storyViews: [] as StoryView[] };
    });
  const align = isRtl(locale) ? 'right' : 'left';
  const intro = oneLineText(edition.intro ?? '', MAX_INTRO);
  const dateRange = formatDateRange(edition.edition.start, edition.edition.end, zone, locale);
  const top = {
    lang: locale,
    dir: isRtl(locale) ? 'rtl' : 'ltr',
    align,
    forward: isRtl(locale) ? '←' : '→',
    email: !opts.web,
    subscribeUrl: `${config.email.baseUrl.replace(/\/+$/, '')}/subscribe`,
    logo: logo
      ? { src: safeHttpUrl(logo.src) ?? '', width: logo.width, height: logo.height, alt: oneLineText(logo.alt, 200), darkSrc: safeHttpUrl(logo.darkSrc) ?? '' }
      : null,
    t: templateWords(m, title),
    title,
    titleAlign: alignFor(title, 'auto', align),
    intro,
    introAlign: alignFor(intro, 'auto', align),
    dateRange,
    documentTitle: dateRange ? `${closeRun(title, isRtl(locale) ? 'rtl' : 'ltr')} · ${dateRange}` : title,
    address: oneLineText(config.email.address ?? '', 300),
  };
  return (cap) => ({
    ...top,
    sections: heads.map(({ section, id, storyViews }, index): SectionView => {
      const shown = Math.min(section.stories.length, typeof cap === 'number' ? cap : cap(index));
      for (let i = storyViews.length; i < shown; i++) storyViews.push({ ...storyView(section.stories[i], zone, locale, declaredLanguage(section.stories[i])), first: i === 0, lead: section.stories[i] === topStoryOfEdition });
      const hidden = section.stories.length - shown;
      const title = oneLineText(section.title, MAX_SECTION_TITLE) || section.id;
      return {
        id,
        anchor: `section-${id}`,
        title,
        titleAlign: alignFor(title, 'auto', top.align),
        total: section.stories.length,
        storyCountLabel: storiesLabel(section.stories.length, locale),
        stories: storyViews.slice(0, shown),
        more: hidden > 0 ? { count: hidden, label: moreLabel(hidden, section.title, locale, shown) } : null,
        headingOnly: shown === 0,
      };
    }),
  });
}
