// NewsWCL50 (Hamborg et al. 2019, CC BY-SA 4.0): 10 US political events of April 2018, each told by up
// to five outlets from left to right, full text. Input: the folder of raw articles (event_N/N_X.txt)
// and urls.tsv (event, outlet code, URL). The articles carry no headline, so the title is the URL's
// slug in words; the publication day comes from the URL when it has one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SetItem, SetMeta } from '../set-format.js';
import { spreadTime } from './write-split.js';

const OUTLETS: Record<string, string> = { LL: 'HuffPost', L: 'The New York Times', M: 'USA Today', R: 'Fox News', RR: 'Breitbart' };

// Sections labelled by event, by hand: relations with other countries vs. politics and justice at home.
const THEME_OF: Record<string, string> = { '0': 'world', '2': 'world', '4': 'world', '5': 'world', '7': 'world', '9': 'world', '1': 'home', '3': 'home', '6': 'home', '8': 'home' };

export const META: Omit<SetMeta, 'name' | 'role'> = {
  about: 'NewsWCL50 (Hamborg et al. 2019, CC BY-SA 4.0): 10 US political events, April 2018, ~5 outlets each, full text; titles from URL slugs.',
  now: '2018-05-03T00:00:00Z',
  window: '21d',
  title: 'Washington Weekly',
  themes: [
    { id: 'world', title: 'America and the world', description: "The president's dealings with other countries: visits, summits, trade disputes, nuclear programmes and treaties.",
      keywords: ['summit', 'visit', 'foreign', 'treaty', 'nuclear', 'allies', 'trade', 'tariffs', 'diplomacy', 'sanctions', 'leader'] },
    { id: 'home', title: 'Politics at home', description: 'Investigations, courts, Congress, the parties, immigration and policy inside the United States.',
      keywords: ['investigation', 'court', 'lawsuit', 'Congress', 'Democrats', 'Republicans', 'FBI', 'election', 'border', 'immigration', 'lawyers'] },
  ],
  other: 'Other news',
};

function titleFromUrl(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  const slug = parts.reverse().find((p) => /[a-z]+-[a-z]+-[a-z]+/i.test(p)) ?? parts[0];
  const words = slug.replace(/\.html?$/, '').replace(/_us_[0-9a-f]+$|_uk_[0-9a-f]+$/, '').split('-').filter((w) => !/^\d+$/.test(w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function convertNewsWcl50(articlesDir: string, urlsTsv: string): SetItem[] {
  const urls = new Map<string, string>();
  for (const line of readFileSync(urlsTsv, 'utf8').split('\n').slice(1)) {
    const [event, code, url] = line.trim().split('\t');
    if (url) urls.set(`${event}_${code}`, url);
  }
  const items: SetItem[] = [];
  for (const dir of readdirSync(articlesDir).filter((d) => /^event_\d+$/.test(d)).sort()) {
    const event = dir.slice('event_'.length);
    for (const file of readdirSync(path.join(articlesDir, dir)).sort()) {
      const m = /^(\d+)_([LMR]{1,2})\.txt/.exec(file);
      if (!m) continue;
      const url = urls.get(`${m[1]}_${m[2]}`);
      if (!url) continue;
      const day = /\/(20\d\d)\/(\d\d)\/(\d\d)\//.exec(url);
      const body = readFileSync(path.join(articlesDir, dir, file), 'utf8').replace(/\r/g, '').trim();
      const id = `wcl-${m[1]}-${m[2]}`;
      // an undated URL (one outlet's wire copies) takes the day of the event's first dated article
      const dated = [...urls.entries()].filter(([k]) => k.startsWith(`${event}_`)).map(([, u]) => /\/(20\d\d\/\d\d\/\d\d)\//.exec(u)?.[1]).filter(Boolean).sort()[0];
      const date = day ? `${day[1]}-${day[2]}-${day[3]}` : dated!.replace(/\//g, '-');
      items.push({
        id,
        outlet: OUTLETS[m[2]],
        title: titleFromUrl(url),
        text: body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).join('\n\n'),
        url,
        published: spreadTime(`${date}T12:00:00Z`, id, 8),
        event: `wcl-${event}`,
        theme: THEME_OF[event],
      });
    }
  }
  return items;
}
