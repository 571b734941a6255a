// Turns a set into what a user would have: one JSON Feed 1.1 file per outlet (guid = item id) and a
// digest config that reads them, in a folder of its own.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { EvalSet, SetItem } from './set-format.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function feedItem(item: SetItem) {
  const paragraphs = item.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return {
    id: item.id,
    ...(item.url ? { url: item.url } : {}),
    title: item.title,
    ...(paragraphs.length ? { content_html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') } : {}),
    date_published: item.published,
  };
}

/** Writes feeds/<id>.json and config.yaml under `dir`; returns the config's path. */
export function materialise(set: EvalSet, dir: string): string {
  const feedsDir = path.join(dir, 'feeds');
  mkdirSync(feedsDir, { recursive: true });
  const byOutlet = new Map<string, SetItem[]>();
  for (const item of set.items) {
    const list = byOutlet.get(item.outlet);
    if (list) list.push(item);
    else byOutlet.set(item.outlet, [item]);
  }
  const feeds = [];
  for (const [outlet, items] of byOutlet) {
    const id = set.feedIds.get(outlet)!;
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: outlet, items: items.map(feedItem) };
    writeFileSync(path.join(feedsDir, `${id}.json`), JSON.stringify(feed));
    feeds.push({ name: outlet, id, path: `feeds/${id}.json` });
  }
  const { meta } = set;
  const config = {
    title: meta.title,
    timezone: meta.timezone ?? 'UTC',
    window: meta.window,
    ...(meta.scope ? { scope: { include: meta.scope.include, exclude: meta.scope.exclude ?? [] } } : {}),
    feeds,
    themes: meta.themes.map((t) => ({ id: t.id, title: t.title, description: t.description, keywords: t.keywords })),
    other: meta.other,
    // the scores count every story the machine makes: a reader's cap on stories would hide some as over-limit
    maxStories: 10000,
    email: { from: `${meta.title} <digest@example.org>`, subject: '{title} · {date}: {lead}', baseUrl: 'https://digest.example.org' },
    state: 'state',
  };
  const configPath = path.join(dir, 'config.yaml');
  writeFileSync(configPath, `# Written by npm run eval for the set "${meta.name}".\n${stringify(config)}`);
  return configPath;
}
