// Long editions are cut to fit the clipping budget with a few MJML renders of capped editions, not by
// rendering every story first; the cut is the largest that fits, and the same edition always gets the same cut.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  editionWebUrl,
  encodedSize,
  HTML_BUDGET_BYTES,
  MAX_MJML_RENDERS,
  personalize,
  RENDER_BUDGET_BYTES,
  renderEdition,
  type RenderOptions,
  widestCopySize,
} from '../../src/render/index.js';
import { BUILT_IN_TEMPLATES, loadTemplate } from '../../src/render/template.js';
import { renderHtml } from '../../src/render/html.js';
import { buildView, viewsByCap } from '../../src/render/view.js';
import { topStory } from '../../src/render/top-story.js';
import type { Edition } from '../../src/types.js';
import { makeConfig, makeEdition, makeStory, sampleRecipient } from './fixtures.js';

const config = makeConfig();
const webUrl = editionWebUrl(config, '2026-11-23');
type RenderInfo = Parameters<NonNullable<RenderOptions['onMjmlRender']>>[0];

async function renderCounting(edition: Edition) {
  const renders: RenderInfo[] = [];
  const rendered = await renderEdition(edition, config, { onMjmlRender: (info) => renders.push(info) });
  return { rendered, renders };
}

/** Stories shown per section, read from the HTML: h3 headings inside the section's markers (the last pair; the first is its contents entry). */
function shownPerSection(html: string, edition: Edition): number[] {
  return edition.sections.map((s) => {
    const start = html.lastIndexOf(`<!--%%SECTION:${s.id}%%-->`);
    const end = html.indexOf(`<!--%%/SECTION:${s.id}%%-->`, start);
    return parseHTML(`<div>${html.slice(start, end)}</div>`).document.querySelectorAll('h3').length;
  });
}

/** The size of the widest reader's copy of the edition drawn with `cap` stories per section (what renderEdition chose between). */
async function sizeAtCap(edition: Edition, cap: number): Promise<number> {
  return widestCopySize(edition, config)(await renderHtml(loadTemplate({ builtIn: BUILT_IN_TEMPLATES }), buildView(edition, config, cap)));
}

/** Invented Ukrainian headlines, so the HTML part goes out base64-encoded. */
function ukrainianEdition(perSection: number[]): Edition {
  const edition = makeEdition(perSection);
  for (const section of edition.sections) {
    section.stories = section.stories.map((story, i) =>
      makeStory(i, {
        ...story,
        title: `Делегації знову зустрілися, щоб обговорити постачання протиповітряної оборони, раунд ${i + 1}`,
        summary: 'Посадовці кількох столиць домовилися про нові поставки та про умови спостереження за можливим перемир’ям; наступна зустріч — за місяць.',
      }),
    );
  }
  return edition;
}

describe('a 2,000-story edition', () => {
  const edition = makeEdition([800, 600, 400, 200]);

  it('fits the budget with "more stories" links, in a few renders of capped editions', async () => {
    const { rendered, renders } = await renderCounting(edition);

    expect(renders.length).toBeGreaterThan(1);
    expect(renders.length).toBeLessThanOrEqual(MAX_MJML_RENDERS);
    // never the whole edition, never more than a small multiple of what fits
    const shown = shownPerSection(rendered.html, edition);
    const shownTotal = shown.reduce((a, b) => a + b, 0);
    for (const r of renders) {
      expect(r.cap).not.toBeNull();
      expect(r.stories).toBeLessThanOrEqual(3 * shownTotal);
    }

    const mail = personalize(rendered, edition, sampleRecipient, webUrl)!;
    expect(encodedSize(mail.html)).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    const links = [...parseHTML(mail.html).document.querySelectorAll('a')].filter((a) => /more stories in this section/.test(a.textContent!));
    expect(links).toHaveLength(4);
    for (const [i, section] of edition.sections.entries()) {
      const link = links.find((a) => a.getAttribute('href') === `${webUrl}#section-${section.id}`)!;
      const hidden = Number(link.textContent!.match(/^Read (\d+) more stories/)![1]);
      expect(shown[i] + hidden).toBe(section.stories.length);
    }
    expect(mail.text).toContain(`${webUrl}#section-${edition.sections[3].id}`);
  });

  it('shows as many stories per section as fit: one more would not', async () => {
    const { rendered } = await renderCounting(edition);
    const cap = Math.max(...shownPerSection(rendered.html, edition));
    expect(widestCopySize(edition, config)(rendered.html)).toBeLessThanOrEqual(RENDER_BUDGET_BYTES);
    expect(await sizeAtCap(edition, cap + 1)).toBeGreaterThan(RENDER_BUDGET_BYTES);
  });

  it('renders byte-identical parts each time, also from a copy of the edition', async () => {
    const first = await renderEdition(edition, config);
    const again = await renderEdition(structuredClone(edition), config);
    expect(again.html).toBe(first.html);
    expect(again.text).toBe(first.text);
  });
});

describe('cutting editions to size', () => {
  it('renders an edition that fits once, whole', async () => {
    const edition = makeEdition([12, 10, 10, 8]);
    const { rendered, renders } = await renderCounting(edition);
    expect(renders).toEqual([expect.objectContaining({ cap: null, stories: 40 })]);
    expect(rendered.html).not.toMatch(/more stor(y|ies) in this section/);
  });

  it('cuts an edition just over the budget to the largest cap that fits', async () => {
    const edition = makeEdition([60, 45, 30, 5]);
    const { rendered, renders } = await renderCounting(edition);
    expect(renders.length).toBeLessThanOrEqual(MAX_MJML_RENDERS);
    const shown = shownPerSection(rendered.html, edition);
    const cap = Math.max(...shown);
    expect(shown).toEqual(edition.sections.map((s) => Math.min(cap, s.stories.length)));
    expect(widestCopySize(edition, config)(rendered.html)).toBeLessThanOrEqual(RENDER_BUDGET_BYTES);
    expect(await sizeAtCap(edition, cap + 1)).toBeGreaterThan(RENDER_BUDGET_BYTES);
  });

  it('cuts a long edition in another script (base64-encoded HTML) as tightly, as few times', async () => {
    const edition = ukrainianEdition([700, 500, 300]);
    const { rendered, renders } = await renderCounting(edition);
    expect(renders.length).toBeLessThanOrEqual(MAX_MJML_RENDERS);
    expect(rendered.html).toContain('Делегації знову зустрілися');
    const cap = Math.max(...shownPerSection(rendered.html, edition));
    expect(cap).toBeGreaterThan(1);
    expect(widestCopySize(edition, config)(rendered.html)).toBeLessThanOrEqual(RENDER_BUDGET_BYTES);
    expect(await sizeAtCap(edition, cap + 1)).toBeGreaterThan(RENDER_BUDGET_BYTES);
  });
});

/** `sections` sections of ten stories, each with a title and summary as long as the email shows them. */
function manyLongSections(sections: number): Edition {
  const edition = makeEdition(Array(sections).fill(10));
  for (const section of edition.sections) {
    section.stories = section.stories.map((story) => ({
      ...story,
      title: `${story.title}: what the delegations agreed, what they left open and what comes next`.slice(0, 200),
      summary: `${story.summary} `.repeat(5).trim().slice(0, 700),
    }));
  }
  return edition;
}

describe('an edition whose every section with one story is over the budget', () => {
  const edition = manyLongSections(20);

  it('keeps every heading, with one story in the first sections and the heading and its link alone in the rest: one more story would not fit', async () => {
    const { rendered, renders } = await renderCounting(edition);
    expect(renders.length).toBeLessThanOrEqual(2 * MAX_MJML_RENDERS);
    const shown = shownPerSection(rendered.html, edition);
    const k = shown.filter((n) => n === 1).length;
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(20);
    // the top story's section first (the subject leads with it), then the sections in order
    const top = topStory(edition)!;
    const lead = edition.sections.findIndex((s) => s.stories.includes(top));
    expect(lead).toBeGreaterThan(0);
    const order = [lead, ...edition.sections.map((_, i) => i).filter((i) => i !== lead)];
    expect(shown).toEqual(edition.sections.map((_, i) => (order.indexOf(i) < k ? 1 : 0)));
    const size = widestCopySize(edition, config);
    expect(size(rendered.html)).toBeLessThanOrEqual(RENDER_BUDGET_BYTES);
    const withOneMore = viewsByCap(edition, config)((i) => (order.indexOf(i) <= k ? 1 : 0));
    expect(size(await renderHtml(loadTemplate({ builtIn: BUILT_IN_TEMPLATES }), withOneMore))).toBeGreaterThan(RENDER_BUDGET_BYTES);
    // every heading and the footer, and the shortened edition is said to be
    const mail = personalize(rendered, edition, sampleRecipient, webUrl)!;
    const { document } = parseHTML(mail.html);
    expect(document.querySelectorAll('h2[id^="section-"]')).toHaveLength(20);
    expect(mail.html).toContain(sampleRecipient.unsubscribeUrl);
    expect(rendered.shortened!.sections.map((s) => s.shown)).toEqual(shown);
  });

  it('words the link under a heading alone in the digest\'s language', async () => {
    const words: Record<string, RegExp> = {
      en: /Read the 10 stories in this section: /,
      uk: /Читати 10 історій у розділі «/,
      de: /Die 10 Meldungen der Rubrik „/,
      ar: /اقرأ أخبار قسم «.*» \(10\)/,
    };
    for (const [locale, wording] of Object.entries(words)) {
      const rendered = await renderEdition(edition, makeConfig({ locale }));
      expect(rendered.html, locale).toMatch(wording);
      expect(rendered.text, locale).toMatch(wording);
    }
  });
});

