// The zero-width non-joiner and joiner are part of how some words and emoji are written: Persian "می‌خواهیم" (without the
// non-joiner its letters join into a misspelling) and 👩‍👩‍👧 (without the joiners, three separate people). A feed's
// item keeps them all the way into the email; a keyword still matches its words, written with or without them; and
// next to ASCII, where they only hide a word from filters, they are dropped as before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildServedFeeds, rssItem, rssOf } from '../helpers/served-feeds.js';

vi.setConfig({ testTimeout: 120_000 });

const ZWNJ = '\u200c';
const ZWJ = '\u200d';
const persian = `ما مذاکرات را ادامه می${ZWNJ}دهیم`;
const family = `Families 👩${ZWJ}👩${ZWJ}👧 reunite after the prisoner exchange`;

describe('zero-width joiners in feed text', () => {
  it('reach the email as written, and keywords still match the words they sit in', async () => {
    const items = [
      rssItem(1, persian, `<p>دور تازه گفتگوها روز جمعه در ژنو برگزار شد و هر دو هیئت از پیشرفت سخن گفتند.</p><p>آتش${ZWNJ}بس در شهرهای مرزی برقرار ماند و گفتگوها هفته آینده ادامه می${ZWNJ}یابد.</p>`),
      rssItem(2, family, '<p>Dozens of families met again in Chernihiv on Friday after the exchange, officials said.</p>'),
      rssItem(3, `Grain ship${ZWJ}ments re${ZWNJ}sume from Odesa`, '<p>The first grain ships left Odesa on Friday, the port said.</p>'),
    ];
    const { run, folder, edition } = await buildServedFeeds({ Wire: rssOf('Wire', items.join('')) }, { keywords: ['میدهیم', 'exchange', 'shipments'] });
    expect(run.code, run.stderr).toBe(0);
    const stories = edition!.sections.flatMap((s) => s.stories);
    const byTitle = new Map(stories.map((s) => [s.title, s]));
    expect([...byTitle.keys()].sort()).toEqual([family, 'Grain shipments resume from Odesa', persian].sort());
    // a keyword written without the non-joiner matches the word written with it
    expect(byTitle.get(persian)!.why.join(' ')).toContain('keyword: میدهیم');
    expect(byTitle.get('Grain shipments resume from Odesa')!.why.join(' ')).toContain('keyword: shipments');
    expect(byTitle.get(persian)!.summary).toContain(`آتش${ZWNJ}بس`);

    const html = readFileSync(path.join(folder!, 'digest.html'), 'utf8');
    const text = readFileSync(path.join(folder!, 'digest.txt'), 'utf8');
    for (const part of [html, text]) {
      expect(part).toContain(persian);
      expect(part).toContain(family);
    }
  });
});
