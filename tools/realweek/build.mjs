#!/usr/bin/env node
// Builds the real-week evaluation sets (docs/evaluation.md, "Sets of one's own") from the public feed archive
// orx365/rss-arch and the hand-made labels committed under test/eval/realweek/<set>/. The archive's texts are
// never committed: only each set's set.json (the digest it is read with) and labels.tsv (item id → event, theme).
//
//   node tools/realweek/build.mjs --archive <git dir of orx365/rss-arch> [--out /work/eval-data/local] [--unlabelled]
//
// Every commit of the archive from a week before the earliest set to its last commit is read; an item is one guid
// (or, without a guid, one link), in whichever feed first gave it, its date the earliest it was ever given, its text the first
// snapshot's. It belongs to the set whose 7-day window holds that date. --unlabelled writes items with
// event and theme null and a labels.todo.tsv to fill in; without it every item must have a label line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { decodeHTML } from 'entities';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SETS = path.join(ROOT, 'test/eval/realweek');
// in the archive's (alphabetical) order, which decides the feed of an article two feeds gave in one snapshot
const FEEDS = {
  'output/economist.xml': 'The Economist',
  'output/ft-home.xml': 'Financial Times',
  'output/nyt_econ.xml': 'NYT Economy',
  'output/wsj_econ.xml': 'WSJ Economy',
  'output/wsj_world.xml': 'WSJ World News',
};
const DAY = 86_400_000;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The archive links through archive.is; the outlet's own address is what a reader's feed would give. */
const ownUrl = (link) => (link ?? '').replace(/^https?:\/\/archive\.[a-z]+\/newest\//, '');

/**
 * Plain text of a description: FT's last line is a link to the reader's followed topic ("Markets"), the template's
 * furniture rather than the item's, so it is cut before the tags go.
 */
function plainText(html) {
  const body = (html ?? '').replace(/(<br\s*\/?>\s*)?<a\b[^>]*>[^<]*<\/a>\s*$/i, '');
  return decodeHTML(body.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ' '))
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function git(archive, ...args) {
  return execFileSync('git', ['--git-dir', archive, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

function readSets() {
  return readdirSync(SETS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(SETS, e.name, 'set.json')))
    .map((e) => {
      const meta = JSON.parse(readFileSync(path.join(SETS, e.name, 'set.json'), 'utf8'));
      const end = Date.parse(meta.now);
      return { dir: e.name, meta, from: end - 7 * DAY, to: end };
    });
}

function readLabels(dir) {
  const file = path.join(SETS, dir, 'labels.tsv');
  const labels = new Map();
  if (!existsSync(file)) return labels;
  readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [key, event, theme] = line.split('\t');
    if (theme === undefined) throw new Error(`${file}:${n + 1}: expected "feed-id:guid<TAB>event<TAB>theme"`);
    labels.set(key, { event: event === '-' ? null : event, theme: theme === '-' ? null : theme });
  });
  return labels;
}

async function main() {
  const archive = arg('--archive');
  const out = path.resolve(arg('--out', '/work/eval-data/local'));
  const unlabelled = process.argv.includes('--unlabelled');
  if (!archive) throw new Error('--archive: expected the git directory of orx365/rss-arch (the fetch tool brings it)');
  const sets = readSets();
  const since = new Date(Math.min(...sets.map((s) => s.from)) - 7 * DAY).toISOString();
  const until = new Date(Math.max(...sets.map((s) => s.to)) + 7 * DAY).toISOString();
  const commits = git(archive, 'log', '--reverse', '--format=%H %cI', `--since=${since}`, `--until=${until}`, 'HEAD')
    .trim().split('\n').filter(Boolean).map((l) => l.split(' '));
  const parser = new Parser();
  const items = new Map(); // guid → item
  for (const [sha, when] of commits) {
    for (const [file, outlet] of Object.entries(FEEDS)) {
      let xml;
      try { xml = git(archive, 'show', `${sha}:${file}`); } catch { continue; }
      let feed;
      try { feed = await parser.parseString(xml); } catch { continue; }
      for (const it of feed.items) {
        const url = ownUrl(it.link);
        const id = (it.guid ?? '').trim() || url;
        if (!id || !it.title) continue;
        const key = id; // one article in two feeds (WSJ World and WSJ Economy) is one item, of the feed first seen
        const date = Date.parse(it.isoDate ?? it.pubDate ?? '') || Date.parse(when);
        const seen = items.get(key);
        if (seen) { seen.date = Math.min(seen.date, date); continue; }
        items.set(key, { id, outlet, title: decodeHTML(it.title).replace(/\s+/g, ' ').trim(), text: plainText(it.content), url, date });
      }
    }
  }
  // one link under two guids is one item: the one first seen
  const byLink = new Set();
  for (const [key, it] of items) {
    if (it.url && byLink.has(it.url)) items.delete(key); else byLink.add(it.url);
  }
  const feedId = (outlet) => outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  for (const set of sets) {
    const labels = readLabels(set.dir);
    if (!labels.size && !unlabelled) {
      console.log(`${set.dir}: no labels.tsv yet, skipped (--unlabelled writes it unlabelled)`);
      continue;
    }
    const week = [...items.values()].filter((it) => it.date >= set.from && it.date < set.to).sort((a, b) => a.date - b.date);
    const lines = [];
    const todo = [];
    for (const it of week) {
      const key = `${feedId(it.outlet)}:${it.id}`;
      const label = labels.get(key);
      if (!label && !unlabelled) throw new Error(`${set.dir}/labels.tsv: no line for ${key} ("${it.title}")`);
      if (!label) todo.push([key, '-', '-', it.title].join('\t'));
      lines.push(JSON.stringify({ id: it.id, outlet: it.outlet, title: it.title, text: it.text, url: it.url || undefined,
        published: new Date(it.date).toISOString(), event: label?.event ?? null, theme: label?.theme ?? null }));
    }
    const dir = path.join(out, set.dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'set.json'), `${JSON.stringify(set.meta, null, 2)}\n`);
    writeFileSync(path.join(dir, 'items.jsonl'), `${lines.join('\n')}\n`);
    if (todo.length) writeFileSync(path.join(dir, 'labels.todo.tsv'), `${todo.join('\n')}\n`);
    const perOutlet = {};
    for (const it of week) perOutlet[it.outlet] = (perOutlet[it.outlet] ?? 0) + 1;
    console.log(`${set.dir}: ${week.length} items (${Object.entries(perOutlet).map(([o, n]) => `${o} ${n}`).join(', ')})${todo.length ? `, ${todo.length} unlabelled` : ''} → ${dir}`);
  }
}

main().catch((err) => {
  console.error(`realweek: ${err.message}`);
  process.exit(1);
});
