// Template + view → MJML → HTML, validated strictly. MJML's complaints are mapped back to the template
// file and line that caused them.

import mjml2html from 'mjml';
import path from 'node:path';
import { UserError, oneLine } from '../errors.js';
import { encodedBodySize } from './encoding.js';
import { lintMjml } from './lint.js';
import { displayPath, expand, type Expanded, type Origin, type Template } from './template.js';
import { messages } from '../text/catalogue.js';
import { templateWords, type EditionView } from './view.js';

/** Gmail clips messages at about 102 KB; stay well below with the encoded HTML part. */
export const HTML_BUDGET_BYTES = 90 * 1024;

interface MjmlIssue {
  line?: number;
  message?: string;
  formattedMessage?: string;
}

function describe(issues: MjmlIssue[], origins: Origin[], fallback: string): string {
  // A mistake in a partial repeats once per story: report each template line once.
  const distinct = [
    ...new Set(
      issues.map((issue) => {
        const origin = issue.line ? origins[issue.line - 1] : undefined;
        const where = origin ? `${displayPath(origin.file)} line ${origin.line}` : fallback;
        return `${where}: ${oneLine(issue.message ?? issue.formattedMessage ?? 'invalid MJML')}`;
      }),
    ),
  ];
  const more = distinct.length > 1 ? ` (and ${distinct.length - 1} more problem${distinct.length > 2 ? 's' : ''})` : '';
  return `${distinct[0]}${more}`;
}

/** The MJML document for a view (the template filled with the edition's data). */
export function buildMjml(template: Template, view: EditionView): string {
  return expand(template, view as unknown as Record<string, unknown>).text;
}

/** Render the view through the template. Throws UserError naming the template file and line when MJML rejects it. */
export async function renderHtml(template: Template, view: EditionView): Promise<string> {
  return renderFilled(template, fillTemplate(template, view));
}

/** The template filled with a view: the MJML document and where each of its lines came from. */
export function fillTemplate(template: Template, view: EditionView): Expanded {
  return expand(template, view as unknown as Record<string, unknown>);
}

/** renderHtml for a template already filled (when its size was needed first). */
export async function renderFilled(template: Template, expanded: Expanded): Promise<string> {
  lintMjml(expanded);
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(expanded.text, {
      validationLevel: 'strict',
      // system fonts only: no web-font <link>s for names that appear in the font stack
      fonts: {},
      keepComments: true,
      // our loader has inlined MJML partials; css/html includes are left to MJML, relative to the layout
      ignoreIncludes: false,
      filePath: path.dirname(template.file),
    });
  } catch (err) {
    const issues = (err as { errors?: MjmlIssue[] }).errors;
    if (Array.isArray(issues) && issues.length) throw new UserError(describe(issues, expanded.origins, displayPath(template.file)));
    throw new UserError(`${displayPath(template.file)}: MJML could not render the template: ${oneLine(err)}`);
  }
  // MJML indents its output and breaks lines inside tags; that whitespace is a fifth of the bytes and means
  // nothing to a mail client (no <pre> in the email; feed text has its `<`/`>` escaped), while Gmail clips long messages.
  return result.html
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/<([a-z][a-z0-9]*)\n/g, '<$1 ')
    .replace(/\n>/g, '>');
}

/** Size of the HTML part as sent (encoded as compose.ts encodes it), which is what Gmail's clipping counts. */
export function encodedSize(html: string): number {
  return encodedBodySize(html);
}

const PROBE_STORY = { title: 'Probe story', url: 'https://example.org/probe', sourcesLabel: 'Probe source', meta: [{ text: 'Probe source', last: false }, { text: 'Mon 1 Jan 2024', last: true }], summary: 'Probe summary.', date: 'Mon 1 Jan 2024', dateIso: '2024-01-01T00:00:00.000Z', first: true, lead: true, storyLang: 'uk', storyDir: 'auto', titleAlign: 'left', summaryAlign: 'left' };

/** A view that takes every branch of a template: lists with items, optional parts set and unset. */
function probeView(): EditionView {
  return {
    lang: 'en',
    dir: 'ltr',
    align: 'left',
    forward: '→',
    email: true,
    subscribeUrl: 'https://example.org/subscribe',
    logo: { src: 'https://example.org/logo.png', width: 120, height: 40, alt: 'Probe', darkSrc: 'https://example.org/logo-dark.png' },
    t: templateWords(messages('en'), 'Probe'),
    title: 'Probe',
    titleAlign: 'left',
    intro: 'Probe introduction.',
    introAlign: 'left',
    dateRange: '1–8 January 2024',
    documentTitle: 'Probe · 1–8 January 2024',
    address: 'Probe address',
    sections: [
      {
        id: 'probe',
        anchor: 'section-probe',
        title: 'Probe section',
        titleAlign: 'left',
        total: 3,
        storyCountLabel: '3 stories',
        stories: [PROBE_STORY, { ...PROBE_STORY, url: null, date: '', dateIso: '', first: false, lead: false, storyLang: '' }],
        more: { count: 1, label: 'Read 1 more story in this section: Probe section' },
        headingOnly: false,
      },
      {
        id: 'probe-2',
        anchor: 'section-probe-2',
        title: 'Probe section shown as its heading',
        titleAlign: 'left',
        total: 2,
        storyCountLabel: '2 stories',
        stories: [],
        more: { count: 2, label: 'Read the 2 stories in this section: Probe section shown as its heading' },
        headingOnly: true,
      },
    ],
  };
}

/**
 * Check every branch of the template once, so a mistake in a rarely used part (the "more stories" link
 * of a long edition) is reported when the template is first used rather than on the day it matters.
 */
export async function checkTemplate(template: Template): Promise<void> {
  if (checked.has(template.signature)) return;
  await renderHtml(template, probeView());
  // the web copy, without a logo, address or sections
  expand(template, { ...probeView(), email: false, logo: null, address: '', sections: [] } as unknown as Record<string, unknown>);
  checked.add(template.signature);
}

// Templates already checked in this process (a long-running `serve` or `run` renders many editions).
const checked = new Set<string>();
