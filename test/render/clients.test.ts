// What the built-in templates may use, so the email reads the same in Gmail, Apple Mail, Outlook.com and
// Outlook for Windows (Word's engine): checked on a long personalised edition with every optional part
// (logo, intro, "more stories" links). Word ignores borders and padding on div and h1–h6, <time> and attribute
// selectors are unsupported in several clients, and opacity is not a way to hide the preheader everywhere.
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { editionWebUrl, personalize, renderEdition } from '../../src/render/index.js';
import { makeConfig, makeEdition, sampleRecipient } from './fixtures.js';

let html: string;
let document: Document;

beforeAll(async () => {
  const config = makeConfig({ email: { ...makeConfig().email, logo: { src: 'https://digest.example.org/logo.png', width: 160, height: 40, alt: 'Diplomacy Watch' } } });
  const edition = { ...makeEdition([40, 30, 20, 5]), intro: 'A note from the editors.' };
  html = personalize(await renderEdition(edition, config), edition, sampleRecipient, editionWebUrl(config, edition.edition.id))!.html;
  document = parseHTML(html).document as unknown as Document;
});

const styleOf = (el: Element) => el.getAttribute('style') ?? '';

describe('markup every client draws', () => {
  it('draws rules with cells and dividers, not with borders or padding on div and headings', () => {
    const offenders = [...document.querySelectorAll('div, h1, h2, h3, h4, p')]
      .filter((el) => el.tagName !== 'P' || !el.closest('td[class*="rd-rule"], td[class*="rd-strong"]'))
      .filter((el) => /(^|;)\s*(border(-top|-bottom)?|padding(-top|-bottom)?)\s*:/.test(styleOf(el)) && !/^border-top:solid \dpx #[0-9a-f]{6};font-size:1px;margin:0px auto;width:100%;?$/.test(styleOf(el)));
    expect(offenders.map((el) => `${el.tagName}: ${styleOf(el)}`)).toEqual([]);
    expect(html).toMatch(/<td class="rd-sep" style="border-top:1px solid #e2e1dc;padding-top:14px">/);
  });

  it('has no <time>, no attribute selectors in <style>, and hides the preheader without opacity', () => {
    expect(document.querySelectorAll('time')).toHaveLength(0);
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).not.toMatch(/\[[a-z-]+(=[^\]]*)?\]/i);
    for (const el of document.querySelectorAll('[style]')) expect(styleOf(el)).not.toMatch(/opacity/);
  });

  it('keeps its spacing without <style>: every heading and paragraph sets its margin inline', () => {
    const bare = [...document.querySelectorAll('h1, h2, h3, p, ul')].filter((el) => !el.closest('td[class*="rd-rule"], td[class*="rd-strong"]') && !/margin\s*:/.test(styleOf(el)));
    expect(bare.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  });

  it('shows the logo with its size and alt text', () => {
    const img = document.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('Diplomacy Watch');
    expect(img.getAttribute('width')).toBe('160');
  });
});
