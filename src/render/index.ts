// The email of an edition: render once (MJML → HTML, plain text, subject, preheader), then personalise per
// subscriber with string work only, then compose an RFC 5322 message.

import type { DigestConfig, Edition } from '../types.js';
import { loadTemplate, BUILT_IN_TEMPLATES, escapeValue, type Expanded, type Template } from './template.js';
import { viewsByCap, countsLabel, localeOf, type EditionView } from './view.js';
import { topStory } from './top-story.js';
import { renderFilled, fillTemplate, encodedSize, HTML_BUDGET_BYTES, checkTemplate } from './html.js';
import { findCap } from './fit.js';
import { renderText } from './text.js';
import { DEFAULT_SUBJECT, fillSubject, preheaderOf, subjectFields, type SubjectFields } from './subject.js';
import { compile, fill, type Segment } from './tokens.js';
import { sectionSlug, oneLineText } from './clean.js';
export { composeMessage, MessageComposer, type MessageInput } from './compose.js';
export { encodeBody, type EncodedBody } from './encoding.js';
export { HTML_BUDGET_BYTES, encodedSize } from './html.js';
export { loadTemplate, BUILT_IN_TEMPLATES } from './template.js';

export interface RenderedEdition {
  html: string;
  text: string;
  /** the subject of a reader who gets every section */
  subject: string;
  preheader: string;
  /** the digest's locale (absent in editions approved before locales: English) */
  locale?: string;
  /** to make the subject of a reader who chose sections (absent in older approved editions: `subject` for all) */
  subjectFields?: SubjectFields;
  /** how the email was shortened to stay under the clipping budget; absent when it shows every story */
  shortened?: Shortened;
}

export interface Recipient {
  email: string;
  name?: string | null;
  sections?: string[] | null;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

/** Web URL of an edition: `${baseUrl}/archive/${edition.id}` */
export function editionWebUrl(config: DigestConfig, editionId: string): string {
  return `${config.email.baseUrl.replace(/\/+$/, '')}/archive/${encodeURIComponent(editionId)}`;
}

function largestSection(edition: Edition): number {
  return Math.max(0, ...edition.sections.map((s) => s.stories.length));
}

/** What the fitted HTML is measured against: its size with every token filled as widely as any reader's copy fills it. */
export const RENDER_BUDGET_BYTES = HTML_BUDGET_BYTES;

/** At most this many MJML renders per edition, however long (see fit.ts for how the cap is found). */
export const MAX_MJML_RENDERS = 6;

// Filling the template with this many stories takes a few ms, a tenth of rendering them with MJML.
const CHEAP_TO_FILL = 300;

// A subscriber's own links are the web app's base URL, a path and a signed token (`/u/…`, `/preferences/…`, 55
// characters of token): this many characters past the base is more than either takes.
const LINK_TAIL = 80;
// The longest address the subscriber list takes (store/email.ts). An address with `&` or `'` in it grows when
// escaped, and one whose domain is shown in its own script (shownAddress: at most four bytes a character of its
// ASCII form) when encoded; the 12 KB between this budget and Gmail's 102 KB covers those rare cases.
const MAX_ADDRESS = 254;

/**
 * The tokens filled as widely as any reader's copy can fill them: the longest address and links, this edition's web
 * address, and the preheader and counts of a reader who gets every section (a reader who chose sections gets a
 * shorter copy: a dropped section takes more bytes than its words ever add to those two).
 */
function widestValues(edition: Edition, config: DigestConfig): Record<string, string> {
  const base = config.email.baseUrl.replace(/\/+$/, '');
  const link = `${base}/${'x'.repeat(LINK_TAIL)}`;
  const values: Record<string, string> = {
    EMAIL: 'x'.repeat(MAX_ADDRESS),
    UNSUBSCRIBE_URL: link,
    PREFERENCES_URL: link,
    WEB_URL: editionWebUrl(config, edition.edition.id),
    PREHEADER: preheaderOf(edition, subjectFields(edition, config).template),
    COUNTS: countsFor(edition, () => true, localeOf(config)),
  };
  for (const k of Object.keys(values)) values[k] = escapeValue(values[k]);
  return values;
}

/**
 * The size a rendered HTML part of this edition takes as sent (encoded) to the reader with the longest address and
 * links: no reader's copy is larger. The renderer fits editions to this.
 */
export function widestCopySize(edition: Edition, config: DigestConfig): (html: string) => number {
  const widest = widestValues(edition, config);
  return (html) => encodedSize(fill(compile(html), () => true, widest));
}

/** How a section of an edition the renderer shortened shows in the email. */
export interface SectionShown {
  id: string;
  title: string;
  /** stories the email shows; the rest are linked in the web copy */
  shown: number;
  total: number;
}

/** Set on an edition whose email shows fewer stories than it has, to keep the HTML part under the clipping budget. */
export interface Shortened {
  /** the HTML part's size as sent to the reader with the longest address and links, bytes */
  bytes: number;
  budget: number;
  sections: SectionShown[];
}

export interface RenderOptions {
  /** Called after each MJML render of the edition: the cap it was rendered at (null: uncapped) and its size. */
  onMjmlRender?: (info: { cap: number | null; stories: number; bytes: number }) => void;
}

/**
 * Render once per edition. The HTML and text carry personalisation tokens (`%%UNSUBSCRIBE_URL%%` …) and
 * section markers that personalize() fills or drops. A long edition shows fewer stories per section
 * (with "N more stories" links) so the encoded HTML of every reader's copy stays under the Gmail clipping budget.
 * Throws UserError naming the template file and line for a broken template.
 */
export async function renderEdition(edition: Edition, config: DigestConfig, options: RenderOptions = {}): Promise<RenderedEdition> {
  const template = loadTemplate({ user: config.templates, builtIn: BUILT_IN_TEMPLATES });
  await checkTemplate(template);
  return renderWithTemplate(template, edition, config, options);
}

interface Fitted {
  view: EditionView;
  html: string;
  bytes: number;
}

/**
 * renderEdition with a template already loaded and checked. Shows the largest number of stories per section
 * whose HTML, as the widest reader's copy, fits the budget, found with a few renders of capped editions (fit.ts
 * states the rule). When one story a section is already too long (many sections, long stories), the sections
 * after the top story's show one story as long as they fit, and only their heading and the link to the rest after
 * that: every heading, the link to each section's stories and the footer always stay in the email.
 */
export async function renderWithTemplate(template: Template, edition: Edition, config: DigestConfig, options: RenderOptions = {}): Promise<RenderedEdition> {
  const maxCap = largestSection(edition);
  const views = viewsByCap(edition, config);
  const sentSize = widestCopySize(edition, config);
  // caps of one kind, each with its filled templates made once: their size is the estimate, and MJML renders one if it is measured
  const search = (viewAt: (cap: number) => EditionView, top: number, label: (cap: number) => number | null) => {
    const filled = new Map<number, Expanded>();
    const fillAt = (cap: number) => {
      let f = filled.get(cap);
      if (!f) filled.set(cap, (f = fillTemplate(template, viewAt(cap))));
      return f;
    };
    return findCap<Fitted>({
      maxCap: top,
      budget: RENDER_BUDGET_BYTES,
      maxRenders: MAX_MJML_RENDERS,
      wholeEstimateIsCheap: edition.sections.reduce((n, s) => n + Math.min(s.stories.length, top), 0) <= CHEAP_TO_FILL,
      // raw bytes of the filled MJML: cheap, and the encoded HTML grows with it nearly in step
      estimate: (cap) => Buffer.byteLength(fillAt(cap).text),
      measure: async (cap) => {
        const view = viewAt(cap);
        const html = await renderFilled(template, fillAt(cap));
        const bytes = sentSize(html);
        options.onMjmlRender?.({ cap: label(cap), stories: view.sections.reduce((n, s) => n + s.stories.length, 0), bytes });
        return { view, html, bytes };
      },
    });
  };
  let { result } = await search((cap) => views(cap >= maxCap ? Infinity : cap), maxCap, (cap) => (cap >= maxCap ? null : cap));
  if (result.bytes > RENDER_BUDGET_BYTES) {
    // Level k (1 … sections): the first k - 1 sections in `order` show their first story, the rest their heading alone.
    const order = sectionOrder(edition);
    const rank = new Map(order.map((section, place) => [section, place]));
    const levelView = (k: number) => views((section) => ((rank.get(section) ?? 0) < k - 1 ? 1 : 0));
    ({ result } = await search(levelView, order.length, () => 0));
  }
  const fields = subjectFields(edition, config);
  const shownTotal = result.view.sections.reduce((n, s) => n + s.stories.length, 0);
  const total = result.view.sections.reduce((n, s) => n + s.total, 0);
  return {
    html: result.html,
    text: renderText(result.view),
    subject: fillSubject(fields, edition),
    preheader: preheaderOf(edition, fields.template),
    locale: localeOf(config),
    subjectFields: fields,
    ...(shownTotal < total
      ? { shortened: { bytes: result.bytes, budget: RENDER_BUDGET_BYTES, sections: result.view.sections.map((s) => ({ id: s.id, title: s.title, shown: s.stories.length, total: s.total })) } }
      : {}),
  };
}

/**
 * The sections shown (those with stories), by their place in the view, in the order they keep a story when not every
 * one can: the top story's section first (the subject leads with that story), then the rest in the edition's order.
 */
function sectionOrder(edition: Edition): number[] {
  const shown = edition.sections.filter((s) => s.stories.length > 0);
  const top = topStory(edition);
  const lead = shown.findIndex((s) => top !== null && s.stories.includes(top));
  const places = shown.map((_, i) => i);
  return lead > 0 ? [lead, ...places.filter((i) => i !== lead)] : places;
}

interface Compiled {
  html: string;
  text: string;
  htmlSegments: Segment[];
  textSegments: Segment[];
}

// personalize() is called once per subscriber with the same RenderedEdition: split its parts once.
const compiledCache = new WeakMap<RenderedEdition, Compiled>();

function compiled(r: RenderedEdition): Compiled {
  const hit = compiledCache.get(r);
  if (hit && hit.html === r.html && hit.text === r.text) return hit;
  const fresh = { html: r.html, text: r.text, htmlSegments: compile(r.html), textSegments: compile(r.text) };
  compiledCache.set(r, fresh);
  return fresh;
}

function countsFor(edition: Edition, keep: (id: string) => boolean, locale: string): string {
  let stories = 0;
  const sources = new Set<string>();
  for (const section of edition.sections) {
    if (!keep(sectionSlug(section.id))) continue;
    stories += section.stories.length;
    for (const story of section.stories) for (const source of story.sources ?? []) sources.add(source);
  }
  return countsLabel(stories, sources.size, locale);
}

/**
 * Fill the tokens for one subscriber and drop the sections they did not choose. Cheap string work only.
 * Returns null when the recipient's chosen sections are all empty in this edition.
 */
export function personalize(
  r: RenderedEdition,
  edition: Edition,
  to: Recipient,
  webUrl: string,
): { html: string; text: string; subject: string } | null {
  const chosen = to.sections ? new Set(to.sections.map(sectionSlug)) : null;
  const keep = (id: string) => !chosen || chosen.has(id);
  if (!edition.sections.some((s) => s.stories.length > 0 && keep(sectionSlug(s.id)))) return null;
  const c = compiled(r);
  const preheader = chosen ? preheaderOf(edition, r.subjectFields?.template ?? DEFAULT_SUBJECT, (id) => keep(sectionSlug(id))) : r.preheader;
  const values: Record<string, string> = {
    EMAIL: oneLineText(to.email, 320),
    UNSUBSCRIBE_URL: to.unsubscribeUrl,
    PREFERENCES_URL: to.preferencesUrl,
    WEB_URL: webUrl,
    PREHEADER: preheader,
    COUNTS: countsFor(edition, keep, r.locale ?? 'en'),
  };
  const htmlValues: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) htmlValues[k] = escapeValue(v);
  return {
    html: fill(c.htmlSegments, keep, htmlValues),
    // dropped sections leave their blank lines behind
    text: fill(c.textSegments, keep, values).replace(/\n{3,}/g, '\n\n'),
    subject: chosen && r.subjectFields ? fillSubject(r.subjectFields, edition, (id) => keep(sectionSlug(id))) : r.subject,
  };
}
