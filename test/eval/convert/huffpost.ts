// HuffPost News Category Dataset (Misra 2022, CC BY 4.0): headline + short description, with the
// site's own section. The sections that match the aggregator's four categories are read with the
// aggregator set's themes, so the entertainment and health sections (absent from uci-news dev.csv)
// are measured on headlines too. No event labels.
import { readFileSync } from 'node:fs';
import type { SetItem, SetMeta } from '../set-format.js';
import { UCI_THEMES } from '../sets.js';
import { sample, spreadTime } from './write-split.js';

const SECTIONS: Record<string, string> = {
  BUSINESS: 'business', MONEY: 'business',
  TECH: 'tech', SCIENCE: 'tech',
  ENTERTAINMENT: 'entertainment',
  WELLNESS: 'health',
};
const PER_SECTION = 120;

export const META: Omit<SetMeta, 'name' | 'role'> = {
  about: 'HuffPost News Category Dataset (Misra 2022): headline + short description of its business, money, tech, science, entertainment and wellness sections, read with the aggregator themes. No event labels.',
  now: '2022-09-24T00:00:00Z',
  window: '1d',
  title: 'Morning News',
  themes: UCI_THEMES,
  other: 'Other news',
};

/** Input: News_Category_Dataset_v3.json (one JSON object per line). Up to 120 items per section. */
export function convertHuffPost(jsonPath: string): SetItem[] {
  const rows = readFileSync(jsonPath, 'utf8').split('\n').map((line, n) => {
    if (!line.trim()) return {};
    try {
      return JSON.parse(line) as Record<string, string>;
    } catch {
      throw new Error(`${jsonPath} line ${n + 1}: expected one JSON object per line (News_Category_Dataset_v3.json)`);
    }
  });
  const bySection = new Map<string, SetItem[]>();
  rows.forEach((r, i) => {
    const theme = SECTIONS[r.category];
    if (!theme || !r.headline?.trim()) return;
    const id = `hp-${i + 1}`;
    const item: SetItem = {
      id,
      outlet: 'HuffPost',
      title: r.headline.trim(),
      text: (r.short_description ?? '').trim(),
      url: r.link,
      published: spreadTime('2022-09-23T06:00:00Z', id, 12),
      event: null,
      theme,
    };
    bySection.set(theme, [...(bySection.get(theme) ?? []), item]);
  });
  return [...bySection.values()].flatMap((items) => sample(items, PER_SECTION, (i) => i.id));
}
