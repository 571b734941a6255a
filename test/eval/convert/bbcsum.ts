// BBC News Summary (Kaggle "BBC News Summary", P. Sharif, 2018): the 2,225 BBC articles of Greene &
// Cunningham (2006), each with a reference summary made of the article's own sentences. Input: the
// folder with `News Articles/<section>/NNN.txt` (first line the headline) and `Summaries/<section>/NNN.txt`.
// Every article is an event of its own, so each story's summary is scored against its article's reference.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SetItem, SetMeta } from '../set-format.js';
import { META as BBC } from './bbc.js';
import { sample, spreadTime } from './write-split.js';

export const META: Omit<SetMeta, 'name' | 'role'> = {
  ...BBC,
  about: 'BBC News Summary: 600 of 2,225 full-text BBC articles (5 sections), each with an extractive reference summary.',
};

/**
 * The half an article goes to: the one the `bbc` set puts it in (same articles, same hash of
 * `BBC News:bbc-<section>-<nnn>`), so that no article tunes here and is held out there, or back.
 */
export function bbcHalfGroup(item: SetItem): string {
  return `${item.outlet}:${item.id.replace(/^bbcsum-/, 'bbc-')}`;
}

export interface Converted {
  items: SetItem[];
  /** event → reference summaries */
  summaries: Map<string, string[]>;
}

/** The summaries run sentences together without a space ("…$10.9bn.For the full-year…"): put it back. */
export function spaceSentences(text: string): string {
  return text.replace(/([a-z0-9%)][.!?]["'”’]?)(?=["'“‘]?[A-Z])/g, '$1 ').replace(/\s+/g, ' ').trim();
}

function readText(file: string): string {
  // some copies are Latin-1; a replacement character marks that
  const raw = readFileSync(file, 'utf8');
  return (raw.includes('\uFFFD') ? readFileSync(file, 'latin1') : raw).replace(/\r/g, '');
}

export function convertBbcSummary(dir: string, count = 600): Converted {
  const all: { item: SetItem; reference: string }[] = [];
  for (const section of META.themes.map((t) => t.id)) {
    const articles = path.join(dir, 'News Articles', section);
    for (const file of readdirSync(articles).filter((f) => f.endsWith('.txt')).sort()) {
      const [title, ...rest] = readText(path.join(articles, file)).split('\n');
      const reference = spaceSentences(readText(path.join(dir, 'Summaries', section, file)));
      if (!title.trim() || !reference) continue;
      const id = `bbcsum-${section}-${file.replace('.txt', '')}`;
      all.push({
        item: {
          id,
          outlet: 'BBC News',
          title: title.trim(),
          text: rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).join('\n\n'),
          published: spreadTime('2005-03-10T06:00:00Z', id, 12),
          event: id,
          theme: section,
        },
        reference,
      });
    }
  }
  const chosen = sample(all, count, (a) => a.item.id);
  return { items: chosen.map((a) => a.item), summaries: new Map(chosen.map((a) => [a.item.id, [a.reference]])) };
}
