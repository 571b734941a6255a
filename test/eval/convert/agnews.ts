// AG News (Zhang et al. 2015, from Gulli's AG corpus; non-commercial research use): headline + one
// line of description, four sections. Input: its test.csv (label,title,description with a header, or
// without one as originally shipped). A deterministic sample of 1,000; no event labels.
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { SetItem, SetMeta } from '../set-format.js';
import { sample, spreadTime } from './write-split.js';

const LABELS: Record<string, string> = { '1': 'world', '2': 'sports', '3': 'business', '4': 'scitech' };

export const META: Omit<SetMeta, 'name' | 'role'> = {
  about: 'AG News (Zhang et al. 2015): 1,000 of the 7,600 test items, headline + one line, 4 sections, no event labels.',
  now: '2004-09-02T00:00:00Z',
  window: '1d',
  title: 'News in Brief',
  themes: [
    { id: 'world', title: 'World news', description: 'International affairs, conflicts, governments and elections around the world.',
      keywords: ['government', 'president', 'minister', 'election', 'war', 'troops', 'police', 'killed', 'country', 'talks', 'united nations', 'attack'] },
    { id: 'sports', title: 'Sports', description: 'Games, teams, players, scores and tournaments.',
      keywords: ['game', 'team', 'player', 'season', 'coach', 'win', 'league', 'cup', 'match', 'championship', 'score', 'olympics'] },
    { id: 'business', title: 'Business', description: 'Companies, markets, earnings, oil prices and the economy.',
      keywords: ['company', 'shares', 'stocks', 'market', 'profit', 'earnings', 'economy', 'prices', 'oil', 'sales', 'deal', 'bank'] },
    { id: 'scitech', title: 'Science & technology', description: 'Computers, software, the internet, space and science.',
      keywords: ['technology', 'software', 'computer', 'internet', 'microsoft', 'space', 'scientists', 'research', 'online', 'web', 'phone', 'nasa'] },
  ],
  other: 'Other news',
};

// the corpus escapes some characters: "#36;" for "$", "\" for a line break, "quot;" and the like
const unescape = (s: string) => s.replace(/#36;/g, '$').replace(/#39;/g, "'").replace(/quot;/g, '"').replace(/&lt;|lt;/g, '<').replace(/&gt;|gt;/g, '>').replace(/&amp;|amp;/g, '&').replace(/\\/g, ' ').replace(/\s+/g, ' ').trim();

export function convertAgNews(csvPath: string, count = 1000): SetItem[] {
  const rows = parseCsv(readFileSync(csvPath, 'utf8'), { relax_quotes: true }) as string[][];
  const body = rows[0][0] === 'label' || rows[0][0] === 'Class Index' ? rows.slice(1) : rows;
  const all: SetItem[] = body.map((r, i) => {
    const id = `ag-${i + 1}`;
    return {
      id,
      outlet: 'AG News',
      title: unescape(r[1]),
      text: unescape(r[2] ?? ''),
      published: spreadTime('2004-09-01T06:00:00Z', id, 12),
      event: null,
      theme: LABELS[r[0]] ?? null,
    };
  });
  return sample(all, count, (i) => i.id);
}
