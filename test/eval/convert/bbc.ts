// BBC News (Greene & Cunningham 2006; articles © BBC, for research): 2,225 full-text articles in five
// topical sections. Input: the folder with business/ entertainment/ politics/ sport/ tech/ of NNN.txt,
// first line the headline. A deterministic sample of 1,000; no event labels.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SetItem, SetMeta } from '../set-format.js';
import { sample, spreadTime } from './write-split.js';

export const META: Omit<SetMeta, 'name' | 'role'> = {
  about: 'BBC News (Greene & Cunningham 2006): 1,000 of 2,225 full-text articles, 5 topical sections, no event labels.',
  now: '2005-03-11T00:00:00Z',
  window: '1d',
  title: 'The Daily Round',
  themes: [
    { id: 'business', title: 'Business & economy', description: 'Companies, markets, jobs, trade and the wider economy.',
      keywords: ['company', 'market', 'shares', 'economy', 'profits', 'sales', 'bank', 'jobs', 'trade', 'prices', 'investors', 'growth'] },
    { id: 'entertainment', title: 'Arts & entertainment', description: 'Films, music, television, theatre, celebrities and awards.',
      keywords: ['film', 'music', 'band', 'album', 'TV', 'show', 'actor', 'singer', 'award', 'festival', 'theatre', 'box office'] },
    { id: 'politics', title: 'Politics', description: 'Government, parliament, parties, elections and public policy.',
      keywords: ['government', 'minister', 'parliament', 'election', 'party', 'vote', 'policy', 'MPs', 'law', 'opposition', 'campaign'] },
    { id: 'sport', title: 'Sport', description: 'Football, rugby, tennis, athletics and other sports: matches, players and results.',
      keywords: ['football', 'match', 'team', 'player', 'coach', 'cup', 'championship', 'win', 'league', 'tennis', 'rugby', 'olympic'] },
    { id: 'tech', title: 'Technology', description: 'Computers, the internet, phones, games, gadgets and software.',
      keywords: ['technology', 'computer', 'internet', 'software', 'mobile', 'phone', 'online', 'digital', 'games', 'broadband', 'users', 'web'] },
  ],
  other: 'Other news',
};

export function convertBbc(dir: string, count = 1000): SetItem[] {
  const all: SetItem[] = [];
  for (const section of META.themes.map((t) => t.id)) {
    for (const file of readdirSync(path.join(dir, section)).filter((f) => f.endsWith('.txt')).sort()) {
      // the files are Latin-1 in some copies; a replacement character marks that
      let raw = readFileSync(path.join(dir, section, file), 'utf8');
      if (raw.includes('\uFFFD')) raw = readFileSync(path.join(dir, section, file), 'latin1');
      const [title, ...rest] = raw.replace(/\r/g, '').split('\n');
      const id = `bbc-${section}-${file.replace('.txt', '')}`;
      all.push({
        id,
        outlet: 'BBC News',
        title: title.trim(),
        text: rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).join('\n\n'),
        published: spreadTime('2005-03-10T06:00:00Z', id, 12),
        event: null,
        theme: section,
      });
    }
  }
  return sample(all, count, (i) => i.id);
}
