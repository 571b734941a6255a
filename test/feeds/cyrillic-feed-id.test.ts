// A feed named in Cyrillic ("Укрінформ") and given no `id:` had the id of its place in the list ("feed-2"): removing
// a feed above it gave it another, which keys its items in the send ledger, its cache and its health. Its name,
// transliterated (KMU 2010, as Ukraine writes its names in Latin letters), gives it one that stays: "ukrinform". A
// name in a script without such a table (Greek) keeps its place, as before; so does a transliteration another feed
// already has as its id, so that no config that loaded before is refused now. `digest feeds add` writes no id for a
// Cyrillic name: the one derived from it stays.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rssItem, serveSite, type ServedSite } from '../helpers/served-feeds.js';

let site: ServedSite;
beforeAll(async () => {
  site = await serveSite('Bread Notes', rssItem(1, 'A new bread oven opens in Lyon', '<p>The first loaves sold out by noon.</p>'));
});
afterAll(() => site.close());

function writeConfig(feeds: [string, string][]): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-cyrillic-id-'));
  const file = path.join(dir, 'digest.config.yaml');
  const lines = feeds.flatMap(([name, url]) => [`  - name: ${name}`, `    url: ${url}`]);
  writeFileSync(file, ['title: Id Watch', 'feeds:', ...lines, 'themes:', '  - { id: food, title: Food }', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', ''].join('\n'));
  return { dir, file };
}

const idsOf = async (dir: string) => {
  const check = await runCli(['feeds', 'check', '--json'], { cwd: dir });
  return (JSON.parse(check.stdout) as { id: string; name: string }[]).map((f) => [f.name, f.id]);
};

describe('a feed named in Cyrillic, without an id', () => {
  it('has its name transliterated as its id, which stays when a feed above it is removed', async () => {
    const feed = `${site.base}/feed.xml`;
    const { dir } = writeConfig([
      ['Wire', `${feed}?wire`],
      ['Укрінформ', `${feed}?ukrinform`],
      ['Ειδήσεις', `${feed}?greek`],
      ['Радіо Свобода', `${feed}?svoboda`],
      ['ukrinform', `${feed}?latin`],
    ]);
    expect(await idsOf(dir)).toEqual([
      ['Wire', 'wire'],
      // another feed's id already: its place, as before
      ['Укрінформ', 'feed-2'],
      ['Ειδήσεις', 'feed-3'],
      ['Радіо Свобода', 'radio-svoboda'],
      ['ukrinform', 'ukrinform'],
    ]);
    const removed = await runCli(['feeds', 'remove', 'wire'], { cwd: dir });
    expect(removed.code, removed.stderr).toBe(0);
    expect((await idsOf(dir)).find(([name]) => name === 'Радіо Свобода')).toEqual(['Радіо Свобода', 'radio-svoboda']);
  }, 180_000);

  it('is added by digest feeds add without an id line, its transliterated name its id', async () => {
    const { dir, file } = writeConfig([['Wire', 'https://wire.example/rss']]);
    const added = await runCli(['feeds', 'add', `${site.base}/feed.xml`, '--name', 'Хлібні новини'], { cwd: dir });
    expect(added.code, added.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(`  - name: Хлібні новини\n    url: ${site.base}/feed.xml\n`);
    expect(await idsOf(dir)).toEqual([
      ['Wire', 'wire'],
      ['Хлібні новини', 'khlibni-novyny'],
    ]);
  }, 180_000);
});
