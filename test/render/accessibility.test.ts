// Issue 6.5: strict MJML, and the accessibility basics of the HTML. (Contrast is measured in a real
// browser, light and dark, in browser.test.ts.)

import mjml2html from 'mjml';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { editionWebUrl, personalize, renderEdition } from '../../src/render/index.js';
import { buildMjml } from '../../src/render/html.js';
import { BUILT_IN_TEMPLATES, loadTemplate } from '../../src/render/template.js';
import { buildView } from '../../src/render/view.js';
import { makeConfig, makeEdition, sampleRecipient, twelveStoryEdition } from './fixtures.js';

const config = makeConfig();
let document: Document;
let html: string;

beforeAll(async () => {
  // a long edition too, so that the "more stories" links are checked as well
  const edition = makeEdition([30, 30, 30, 30]);
  const rendered = await renderEdition(edition, config);
  html = personalize(rendered, edition, sampleRecipient, editionWebUrl(config, edition.edition.id))!.html;
  document = parseHTML(html).document as unknown as Document;
});

describe('accessibility of the HTML part', () => {
  it('passes MJML validation at strict level', async () => {
    const mjml = buildMjml(loadTemplate({ builtIn: BUILT_IN_TEMPLATES }), buildView(twelveStoryEdition(), config));
    const result = await mjml2html(mjml, { validationLevel: 'strict', fonts: {} });
    expect(result.errors).toEqual([]);
  });

  it('declares its language, a title and both colour schemes', () => {
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelector('head > title')!.textContent!.trim()).toMatch(/^Diplomacy Watch · /);
    const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
    expect(meta('color-scheme')).toBe('light dark');
    expect(meta('supported-color-schemes')).toBe('light dark');
  });

  it('marks every layout table as presentation, also in the Outlook-only markup', () => {
    const tables = html.match(/<table\b[^>]*>/g)!;
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) expect(table).toContain('role="presentation"');
  });

  it('has one h1 and headings that do not skip a level', () => {
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    expect(headings.filter((l) => l === 1)).toHaveLength(1);
    expect(headings[0]).toBe(1);
    headings.forEach((level, i) => i && expect(level - headings[i - 1]).toBeLessThanOrEqual(1));
  });

  it('needs no images, so nothing is lost when a client blocks them (templates.test.ts: images need alt)', () => {
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(html).not.toMatch(/background(-image)?\s*[:=]\s*["']?url\(/i);
  });

  it('has link texts that make sense on their own', () => {
    // "Read more →" repeats the title's link for sighted readers; it is hidden from screen readers and the tab order
    const hidden = [...document.querySelectorAll('a[aria-hidden="true"]')];
    expect(hidden.length).toBeGreaterThan(10);
    for (const a of hidden) expect(a.getAttribute('tabindex')).toBe('-1');
    const links = [...document.querySelectorAll('a:not([aria-hidden="true"])')].map((a) => ({ text: a.textContent!.replace(/\s+/g, ' ').trim(), href: a.getAttribute('href')! }));
    expect(links.length).toBeGreaterThan(20);
    const vague = /^(click here|here|read more|more|link|this|learn more|view|\d+ more stories in this section)$/i;
    const hrefsByText = new Map<string, Set<string>>();
    for (const { text, href } of links) {
      expect(text.length, href).toBeGreaterThan(2);
      expect(text).not.toMatch(vague);
      hrefsByText.set(text, (hrefsByText.get(text) ?? new Set()).add(href));
    }
    // the same words never lead to two different places
    for (const [text, hrefs] of hrefsByText) expect([...hrefs], text).toHaveLength(1);
  });
});
