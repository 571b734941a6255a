// The email of an edition: render once (MJML → HTML, plain text, subject, preheader), then personalise per
// subscriber with string work only, then compose an RFC 5322 message.

import type { DigestConfig, Edition } from '../types.js';
import { loadTemplate, BUILT_IN_TEMPLATES, escapeValue, type Expanded, type Template } from './template.js';
import { viewsByCap, countsLabel, localeOf } from './view.js';
import { renderFilled, fillTemplate, encodedSize, HTML_BUDGET_BYTES, checkTemplate } from './html.js';
import { findCap } from './fit.js';
import { renderText } from './text.js';
import { buildPreheader, fillSubject, leadTitles, subjectFields, type SubjectFields } from './subject.js';
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

// Room left for the tokens' values (URLs, address, preheader) once personalised.
const TOKEN_ALLOWANCE = 2 * 1024;

/** What the rendered (not yet personalised) HTML is fitted to: the clipping budget less room for token values. */
export const RENDER_BUDGET_BYTES = HTML_BUDGET_BYTES - TOKEN_ALLOWANCE;

/** At most this many MJML renders per edition, however long (see fit.ts for how the cap is found). */
export const MAX_MJML_RENDERS = 6;

// Filling the template with this many stories takes a few ms, a tenth of rendering them with MJML.
const CHEAP_TO_FILL = 300;

export interface RenderOptions {
  /** Called after each MJML render of the edition: the cap it was rendered at (null: uncapped) and its size. */
  onMjmlRender?: (info: { cap: number | null; stories: number; bytes: number }) => void;
}

/**
 * Render once per edition. The HTML and text carry personalisation tokens (`%%UNSUBSCRIBE_URL%%` …) and
 * section markers that personalize() fills or drops. A long edition shows fewer stories per section
 * (with "N more stories" links) so the encoded HTML stays under the Gmail clipping budget.
 * Throws UserError naming the template file and line for a broken template.
 */
export async function renderEdition(edition: Edition, config: DigestConfig, options: RenderOptions = {}): Promise<RenderedEdition> {
  const template = loadTemplate({ user: config.templates, builtIn: BUILT_IN_TEMPLATES });
  await checkTemplate(template);
  return renderWithTemplate(template, edition, config, options);
}

/**
 * renderEdition with a template already loaded and checked. Shows the largest number of stories per section
 * whose HTML fits the budget, found with a few renders of capped editions (fit.ts states the rule).
 */
export async function renderWithTemplate(template: Template, edition: Edition, config: DigestConfig, options: RenderOptions = {}): Promise<RenderedEdition> {
  const maxCap = largestSection(edition);
  const views = viewsByCap(edition, config);
  const viewAt = (cap: number) => views(cap >= maxCap ? Infinity : cap);
  // each cap's filled template is made once: its size is the estimate, and MJML renders it if it is measured
  const filled = new Map<number, Expanded>();
  const fill = (cap: number) => {
    let f = filled.get(cap);
    if (!f) filled.set(cap, (f = fillTemplate(template, viewAt(cap))));
    return f;
  };
  const { result } = await findCap({
    maxCap,
    budget: RENDER_BUDGET_BYTES,
    maxRenders: MAX_MJML_RENDERS,
    wholeEstimateIsCheap: edition.sections.reduce((n, s) => n + s.stories.length, 0) <= CHEAP_TO_FILL,
    // raw bytes of the filled MJML: cheap, and the encoded HTML grows with it nearly in step
    estimate: (cap) => Buffer.byteLength(fill(cap).text),
    measure: async (cap) => {
      const view = viewAt(cap);
      const html = await renderFilled(template, fill(cap));
      const bytes = encodedSize(html);
      options.onMjmlRender?.({ cap: cap >= maxCap ? null : cap, stories: view.sections.reduce((n, s) => n + s.stories.length, 0), bytes });
      return { view, html, bytes };
    },
  });
  const fields = subjectFields(edition, config);
  return {
    html: result.html,
    text: renderText(result.view),
    subject: fillSubject(fields, edition),
    preheader: buildPreheader(leadTitles(edition)),
    locale: localeOf(config),
    subjectFields: fields,
  };
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
  const preheader = chosen ? buildPreheader(leadTitles(edition, (id) => keep(sectionSlug(id)))) : r.preheader;
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
