// `digest init`: a starter config from the example, with the title and the feeds of the addresses given, through the
// CLI against a site served on 127.0.0.1.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Edition } from '../../src/types.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { rssItem, serveSite, type ServedSite } from '../helpers/served-feeds.js';

// several CLI runs per test, and fetches with retries: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

let site: ServedSite;
beforeAll(async () => {
  // a subject far from the example's (the war in Ukraine): its scope must not empty the user's digest
  site = await serveSite('Bread Notes', rssItem(1, 'A new wood-fired bread oven opens in Lyon', '<p>The bakery on Rue Mercière lit its oven on Friday, and the first loaves sold out by noon.</p>'));
});
afterAll(() => site.close());

const fresh = () => mkdtempSync(path.join(tmpdir(), 'roundup-init-'));

describe('digest init', () => {
  it("writes a starter config from the example with the title and the feed a site advertises, leaves out an address without one, and says what to run next", async () => {
    const dir = fresh();
    const r = await runCli(['init', '--title', 'Bread Watch', '--allow-private-networks', `${site.base}/site`, `${site.base}/plain`], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`+ Bread Notes <${site.base}/feed.xml> (from ${site.base}/site), 1 item\n`);
    expect(r.stdout).toContain(`the page also advertises ${site.base}/comments.atom`);
    expect(r.stderr).toBe(`${site.base}/plain: no feed (a web page that advertises none: no <link rel="alternate"> to RSS, Atom or JSON Feed); left out\n`);
    expect(r.stdout).toMatch(/^wrote digest\.config\.yaml \("Bread Watch", 1 feed\); next:$/m);
    expect(r.stdout).toMatch(/^ {2}npx digest feeds check +# /m);
    expect(r.stdout).toMatch(/^ {2}npx digest preview +# /m);

    const text = readFileSync(path.join(dir, 'digest.config.yaml'), 'utf8');
    expect(text).toMatch(/^title: Bread Watch$/m);
    expect(text).toContain(`feeds:\n  - name: Bread Notes\n    url: ${site.base}/feed.xml\n`);
    expect(text).not.toContain('kyivindependent.com');
    // the example's comments still teach the options
    const example = readFileSync(path.join(ROOT, 'digest.config.example.yaml'), 'utf8');
    for (const line of example.split('\n').filter((l) => /^# (The feeds to read|Sections of the email|When `digest run`)/.test(l))) expect(text).toContain(line);
    // the example's scope (its own subject) stays only as a comment
    expect(text).toMatch(/^# scope:$/m);
    expect(text).not.toMatch(/^scope:/m);

    // what it says to run next works on it: the feed is ok, and an edition has the story
    const check = await runCli(['feeds', 'check'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^bread-notes\s+ok\s+200\s+1\s/m);
    const build = await runCli(['build', '--now', '2026-11-23T07:00:00Z', '--out', 'out'], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    const out = path.join(dir, 'out');
    const edition = JSON.parse(readFileSync(path.join(out, readdirSync(out)[0], 'digest.json'), 'utf8')) as Edition;
    expect(edition.sections.flatMap((s) => s.stories.map((st) => st.title))).toEqual(['A new wood-fired bread oven opens in Lyon']);
  });

  it('refuses to overwrite an existing config: one line naming it, exit 2, the file untouched', async () => {
    const dir = fresh();
    const file = path.join(dir, 'mine.yaml');
    writeFileSync(file, '# my own work\ntitle: Mine\n');
    const r = await runCli(['init', '--config', 'mine.yaml', '--allow-private-networks', `${site.base}/feed.xml`], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^digest: mine\.yaml: already exists; not overwritten \(.*\)\n$/);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('# my own work\ntitle: Mine\n');
  });

  it('keeps an address that does not answer, marked in the config as not checked, next to the feeds that do', async () => {
    const dir = fresh();
    const down = await closedPort();
    const r = await runCli(['init', '--allow-private-networks', `${site.base}/feed.xml`, `http://127.0.0.1:${down}/rss`], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${down}/rss: not checked \\(.+\\); written as given, marked in the config\\n$`));
    const text = readFileSync(path.join(dir, 'digest.config.yaml'), 'utf8');
    expect(text).toMatch(new RegExp(`  - name: Bread Notes\\n    url: ${site.base}/feed\\.xml\\n  # not checked by digest init: .+\\n  - name: 127\\.0\\.0\\.1\\n    url: http://127\\.0\\.0\\.1:${down}/rss\\n`));
    // the config reads, and feeds check names the one that fails
    const check = await runCli(['feeds', 'check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toBe('digest: 1 of 2 feeds are failing\n');
  });

  it('writes nothing when no address gives a feed (exit 1), nor for a mistyped address (exit 2)', async () => {
    const dir = fresh();
    const none = await runCli(['init', '--allow-private-networks', `${site.base}/plain`, `${site.base}/gone.xml`], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr.split('\n')).toEqual([
      `${site.base}/plain: no feed (a web page that advertises none: no <link rel="alternate"> to RSS, Atom or JSON Feed); left out`,
      `${site.base}/gone.xml: no feed (HTTP 404); left out`,
      'digest: no feed found at any of the addresses given; digest.config.yaml not written',
      '',
    ]);
    const typo = await runCli(['init', 'example.org/feed'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('digest: "example.org/feed": expected an http(s) URL of a feed or a web page\n');
    expect(existsSync(path.join(dir, 'digest.config.yaml'))).toBe(false);
  });

  it('without addresses writes the example with the title, a config that reads, and says how to add feeds', async () => {
    const dir = fresh();
    const r = await runCli(['init', '--title', 'Quiet Watch', '--config', 'q.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}npx digest feeds add URL --config q\.yaml +# /m);
    const text = readFileSync(path.join(dir, 'q.yaml'), 'utf8');
    expect(text).toMatch(/^title: Quiet Watch$/m);
    expect(text).toMatch(/^ {2}# from: Quiet Watch <digest@example\.org> +# yours: digest send, tick, run and serve need it$/m);
    expect(text).toMatch(/^scope:$/m);
    const status = await runCli(['status', '--config', 'q.yaml'], { cwd: dir });
    expect(status.code, status.stderr).toBe(0);
  });

  it("leaves the example's sender, web address and postal address as comments, so nothing mails with them until the operator writes their own", async () => {
    const dir = fresh();
    expect((await runCli(['init', '--title', 'Quiet Watch'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(path.join(dir, 'digest.config.yaml'), 'utf8');
    for (const placeholder of ['digest@example.org', 'https://digest.example.org', 'Roundup sample']) {
      expect(text.split('\n').filter((l) => l.includes(placeholder) && !/^\s*#/.test(l)), placeholder).toEqual([]);
    }
    const env = { DIGEST_SECRET: 'init-test-secret-0123456789abcdef', DIGEST_SMTP_URL: 'smtp://127.0.0.1:9' };
    const needs =
      'needs email.from (e.g. "Diplomacy Watch <digest@example.org>"), email.baseUrl (the public https:// address of `digest serve`), ' +
      'email.address (your postal address, shown in every footer)\n';
    for (const command of ['send', 'tick', 'serve']) {
      const r = await runCli([command], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`digest: digest.config.yaml: digest ${command} ${needs}`);
    }
    // status, where one looks to see that all is set, says so before a firing fails on it
    const status = await runCli(['status'], { cwd: dir, env });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toBe(`warning: digest.config.yaml: digest send, tick, run and serve ${needs.replace(/^needs/, 'need')}`);
    // written in, the digest mails
    const own = text
      .replace(/^ {2}# from: .*$/m, '  from: "Quiet Watch <digest@quiet.test>"')
      .replace(/^ {2}# baseUrl: .*$/m, '  baseUrl: https://quiet.test')
      .replace(/^ {2}# address: .*$/m, '  address: "2 Quiet Lane, Lviv"');
    writeFileSync(path.join(dir, 'digest.config.yaml'), own);
    expect((await runCli(['status'], { cwd: dir, env })).stderr).toBe('');
    const dry = await runCli(['tick', '--dry-run', '--now', '2026-11-23T07:05:00+02:00'], { cwd: dir, env });
    expect(dry.code, dry.stderr).toBe(0);
  });
});

/** a port on 127.0.0.1 that nothing listens on (taken, then let go) */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
