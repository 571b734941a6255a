// `digest feeds add` and `digest feeds remove`: one feed in or out of the config, found from a site's address,
// never twice, the rest of the file byte for byte as written; through the CLI against a site served on 127.0.0.1.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rssItem, serveSite, type ServedSite } from '../helpers/served-feeds.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

let site: ServedSite;
beforeAll(async () => {
  site = await serveSite('Bread Notes', rssItem(1, 'A new bread oven opens in Lyon', '<p>The first loaves sold out by noon.</p>'));
});
afterAll(() => site.close());

const config = (wireUrl: string) => `# Our digest — keep this comment
title:   Layout Watch   # spaced on purpose
feeds:
  # the wire
  - name: Wire
    url: ${wireUrl}   # the agency

  # a local file, flow style
  - {name: Notes, path: notes.xml}
# themes follow
themes:
  - id: food
    title: Food
fetch:
  allowPrivateNetworks: true
  retries: 0
`;

function writeConfig(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-add-'));
  const file = path.join(dir, 'digest.config.yaml');
  writeFileSync(file, text);
  return { dir, file };
}

describe('digest feeds add', () => {
  it("adds the feed a site's page advertises, named by its title, as the only new lines of the file", async () => {
    const { dir, file } = writeConfig(config('https://wire.example/rss'));
    const before = readFileSync(file, 'utf8');
    const r = await runCli(['feeds', 'add', `${site.base}/site`], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`added Bread Notes <${site.base}/feed.xml> (from ${site.base}/site), 1 item\n  the page also advertises ${site.base}/comments.atom\n`);
    const lastFeed = '  - {name: Notes, path: notes.xml}\n';
    const at = before.indexOf(lastFeed) + lastFeed.length;
    expect(readFileSync(file, 'utf8')).toBe(`${before.slice(0, at)}  - name: Bread Notes\n    url: ${site.base}/feed.xml\n${before.slice(at)}`);
    // and it reads
    const check = await runCli(['feeds', 'check', '--json'], { cwd: dir });
    expect((JSON.parse(check.stdout) as { id: string; status: string }[]).find((f) => f.id === 'bread-notes')?.status).toBe('ok');
  });

  it('takes --name, and refuses an address that gives no feed without touching the file', async () => {
    const { dir, file } = writeConfig(config('https://wire.example/rss'));
    const before = readFileSync(file, 'utf8');
    const none = await runCli(['feeds', 'add', `${site.base}/plain`], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`digest: ${site.base}/plain: no feed added: a web page that advertises none: no <link rel="alternate"> to RSS, Atom or JSON Feed\n`);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const named = await runCli(['feeds', 'add', `${site.base}/feed.xml`, '--name', 'Lyon bakers'], { cwd: dir });
    expect(named.code, named.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(`  - name: Lyon bakers\n    url: ${site.base}/feed.xml\n# themes follow\n`);
  });

  // an id derived from a name without Latin letters is only the feed's place ("feed-3"): removing a feed above it
  // gave it another id, which keys its items in the send ledger (a Cyrillic name gives one, transliterated:
  // test/feeds/cyrillic-feed-id.test.ts)
  it('writes an id for a feed whose name gives none, so it keeps it when a feed above it is removed', async () => {
    const { dir, file } = writeConfig(config('https://wire.example/rss'));
    const added = await runCli(['feeds', 'add', `${site.base}/feed.xml`, '--name', 'Ειδήσεις ψωμιού'], { cwd: dir });
    expect(added.code, added.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(`  - name: Ειδήσεις ψωμιού\n    id: 127-0-0-1\n    url: ${site.base}/feed.xml\n`);
    const idOf = async () => {
      const check = await runCli(['feeds', 'check', '--json'], { cwd: dir });
      return (JSON.parse(check.stdout) as { id: string; name: string }[]).find((f) => f.name === 'Ειδήσεις ψωμιού')?.id;
    };
    expect(await idOf()).toBe('127-0-0-1');
    const removed = await runCli(['feeds', 'remove', 'wire'], { cwd: dir });
    expect(removed.code, removed.stderr).toBe(0);
    expect(await idOf()).toBe('127-0-0-1');
  });

  it('refuses a feed the config has, by its address after redirects and as written another way: one line naming the entry, exit 2', async () => {
    const { dir, file } = writeConfig(config(`${site.base}/feed.xml`));
    const before = readFileSync(file, 'utf8');
    const port = new URL(site.base).port;
    // the site's page leads to it; /old.xml redirects to it; the same address in capitals with a trailing slash
    for (const url of [`${site.base}/site`, `${site.base}/old.xml`, `HTTP://127.0.0.1:${port}/feed.xml/`]) {
      const r = await runCli(['feeds', 'add', url], { cwd: dir });
      expect(r.code, url).toBe(2);
      expect(r.stderr).toBe(`digest: ${url}: already in digest.config.yaml as feeds[0] "Wire" (id wire, ${site.base}/feed.xml)\n`);
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('knows a feed listed at an address that redirects, once it was fetched, and refuses its new address', async () => {
    const { dir, file } = writeConfig(config(`${site.base}/old.xml`));
    const check = await runCli(['feeds', 'check'], { cwd: dir }); // fetches /old.xml, which leads to /feed.xml
    expect(check.stdout).toMatch(/^wire\s+ok/m);
    const before = readFileSync(file, 'utf8');
    const r = await runCli(['feeds', 'add', `${site.base}/feed.xml`], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`digest: ${site.base}/feed.xml: already in digest.config.yaml as feeds[0] "Wire" (id wire, ${site.base}/old.xml)\n`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('digest feeds remove', () => {
  it('removes a feed by id or by url with the comment above it, every other byte of the file kept', async () => {
    const { dir, file } = writeConfig(config('https://wire.example/rss'));
    const before = readFileSync(file, 'utf8');
    const byId = await runCli(['feeds', 'remove', 'notes'], { cwd: dir });
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toBe(`removed Notes (id notes, ${path.join(dir, 'notes.xml')})\n`);
    expect(readFileSync(file, 'utf8')).toBe(before.replace('  # a local file, flow style\n  - {name: Notes, path: notes.xml}\n', ''));
    await runCli(['feeds', 'add', `${site.base}/feed.xml`], { cwd: dir });
    const added = readFileSync(file, 'utf8');
    const byUrl = await runCli(['feeds', 'remove', 'https://WIRE.example/rss/'], { cwd: dir });
    expect(byUrl.code, byUrl.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(added.replace('  # the wire\n  - name: Wire\n    url: https://wire.example/rss   # the agency\n', ''));
  });

  it('refuses a feed the config does not have, and its only feed: one line, exit 2, the file untouched', async () => {
    const { dir, file } = writeConfig(config('https://wire.example/rss'));
    const unknown = await runCli(['feeds', 'remove', 'gone'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('digest: gone: no feed of digest.config.yaml has this id or url (their ids: wire, notes)\n');
    await runCli(['feeds', 'remove', 'notes'], { cwd: dir });
    const before = readFileSync(file, 'utf8');
    const only = await runCli(['feeds', 'remove', 'wire'], { cwd: dir });
    expect(only.code).toBe(2);
    expect(only.stderr).toBe('digest: wire: the only feed of digest.config.yaml; a digest needs one (add another first)\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
