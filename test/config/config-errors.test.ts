// Every kind of config mistake gets one clear line naming the file, the key path and what is expected; exit code 2.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-config-'));

const VALID = `title: Diplomacy Watch
timezone: Europe/Kyiv
window: 7d
feeds:
  - name: Wire One
    url: https://wire.example/rss
themes:
  - id: arms
    title: Weapons & strikes
    keywords: [missiles]
`;

async function buildWith(name: string, yaml: string) {
  const file = path.join(dir, name);
  writeFileSync(file, yaml);
  return runCli(['build', '--config', file, '--offline', '--out', path.join(dir, 'out')]);
}

function expectConfigError(r: { code: number; stderr: string; stdout: string }, ...parts: (string | RegExp)[]) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  for (const p of parts) expect(lines[0]).toMatch(p);
}

describe('config errors', () => {
  it('names a non-http feed URL with its index', async () => {
    const r = await buildWith('ftp.yaml', VALID.replace('https://wire.example/rss', 'ftp://wire.example/rss'));
    expectConfigError(r, 'ftp.yaml', 'feeds[0].url', 'expected an http(s) URL', '"ftp://wire.example/rss"');
  });

  // the config is read as written: "${STATE_DIR}" would be a folder of that name, with an empty list in it
  it.each([
    ['state: ${STATE_DIR}\n', 'state', '${STATE_DIR}'],
    ['email:\n  from: "Diplomacy Watch <${SENDER}>"\n', 'email.from', 'Diplomacy Watch <${SENDER}>'],
    ['editors: [$EDITOR_ADDRESS]\n', 'editors[0]', '$EDITOR_ADDRESS'],
  ])('names a value that refers to an environment variable, which the config does not expand: %s', async (extra, key, value) => {
    const work = mkdtempSync(path.join(tmpdir(), 'roundup-env-ref-'));
    const file = path.join(work, 'digest.config.yaml');
    writeFileSync(file, VALID + extra);
    const r = await runCli(['subscribers', 'add', 'ana@reader.example', '--config', file], { cwd: work, env: { STATE_DIR: path.join(work, 'state') } });
    expectConfigError(r);
    expect(r.stderr).toBe(
      `digest: ${path.relative(work, file)}: ${key}: ${JSON.stringify(value)} names an environment variable, which the config does not read; ` +
        'expected the value itself (only secrets come from the environment: DIGEST_SMTP_URL, DIGEST_SECRET …)\n',
    );
    expect(readdirSync(work), 'no state folder made, under either name').toEqual(['digest.config.yaml']);
  });

  it('rejects unknown keys by name', async () => {
    const r = await buildWith('unknown.yaml', VALID + 'colour: blue\n');
    expectConfigError(r, 'unknown.yaml', 'unknown key `colour`');
  });

  it('rejects unknown keys inside a feed with its path', async () => {
    const r = await buildWith('unknown-feed.yaml', VALID.replace('    url: https://wire.example/rss', '    url: https://wire.example/rss\n    tags: [a]'));
    expectConfigError(r, 'feeds[0]', 'unknown key `tags`');
  });

  it('checks the time zone', async () => {
    const r = await buildWith('zone.yaml', VALID.replace('Europe/Kyiv', 'Europe/Kyev'));
    expectConfigError(r, 'timezone', '"Europe/Kyev" is not an IANA time zone');
  });

  it.each([
    ['signups: {total: 0}', 'signups.total', 'expected a number of sign-ups per 10 minutes ≥ 1'],
    ['signups: {total: 2.5}', 'signups.total', 'expected a number of sign-ups per 10 minutes'],
    ['signups: {perDomain: "ten"}', 'signups.perDomain', 'expected a number of sign-ups per 10 minutes'],
    ['signups: {total: 20, perDomain: 50}', 'signups.perDomain', 'expected at most signups.total (20), got 50'],
    ['signups: {perDomain: 50}', 'signups.perDomain', 'expected at most signups.total (30, the default), got 50'],
    ['signups: {perIp: 5}', 'signups', 'unknown key `perIp`'],
  ])('checks the subscribe form limits: %s', async (line, at, expected) => {
    const r = await buildWith('signups.yaml', `${VALID}${line}\n`);
    expectConfigError(r, 'signups.yaml', at, expected);
  });

  // YAML reads `title: 1984` as a number: the line says what it read, and quotes only where the text would do
  it.each([
    ['title: 1984', 'title: Diplomacy Watch', 'title: expected a digest title, got the number 1984; write it in quotes ("1984")'],
    ['keywords: [missiles, 2024]', 'keywords: [missiles]', 'themes[0].keywords[1]: expected a keyword, got the number 2024; write it in quotes ("2024")'],
    ['window: 7', 'window: 7d', 'window: expected a duration such as 7d, 36h or P7D, got the number 7'],
    ['maxStories: ten', 'window: 7d', 'maxStories: expected a number of stories per edition, got the text "ten"'],
    ['scope: {include: Ukraine}', 'window: 7d', 'scope.include: expected a list of terms, got the text "Ukraine"'],
    ['fetch: {timeout: true}', 'window: 7d', 'fetch.timeout: expected seconds, e.g. 20 or "20s", got the value true'],
    ['catchUp: maybe', 'window: 7d', 'catchUp: expected "latest" or "skip", got the text "maybe"'],
    ['maxStories: 0', 'window: 7d', 'maxStories: expected a number of stories per edition ≥ 1, got the number 0'],
  ])('says what a value of the wrong kind was: %s', async (line, replaces, expected) => {
    const r = await buildWith('kind.yaml', VALID.replace(replaces, replaces === 'window: 7d' && !line.startsWith('window') ? `window: 7d\n${line}` : line));
    expectConfigError(r);
    expect(r.stderr).toBe(`digest: ${path.join(dir, 'kind.yaml')}: ${expected}\n`);
  });

  it('checks the window', async () => {
    const r = await buildWith('window.yaml', VALID.replace('window: 7d', 'window: a week'));
    expectConfigError(r, 'window', 'expected a duration such as 7d, 36h or P7D', '"a week"');
  });

  it.each(['36h', 'P7D', 'PT36H', '2w'])('accepts window %s', async (w) => {
    const r = await buildWith(`window-${w}.yaml`, VALID.replace('window: 7d', `window: ${w}`));
    // valid config: the run goes on and fails only because the offline URL feed has no cached copy
    expect(r.stderr).not.toMatch(/window/);
    expect(r.code).toBe(1);
  });

  it('requires the title', async () => {
    const r = await buildWith('notitle.yaml', VALID.replace('title: Diplomacy Watch\n', ''));
    expectConfigError(r, 'title', 'missing', 'expected a digest title');
  });

  it('requires at least one feed', async () => {
    const r = await buildWith('nofeeds.yaml', VALID.replace(/feeds:[\s\S]*?themes:/, 'feeds: []\nthemes:'));
    expectConfigError(r, 'feeds', 'expected at least one feed');
  });

  it('requires at least one theme', async () => {
    const r = await buildWith('nothemes.yaml', VALID.replace(/themes:[\s\S]*$/, 'themes: []\n'));
    expectConfigError(r, 'themes', 'expected at least one theme');
  });

  it('requires exactly one of url or path', async () => {
    const r = await buildWith('both.yaml', VALID.replace('    url: https://wire.example/rss', '    url: https://wire.example/rss\n    path: feeds/x.xml'));
    expectConfigError(r, 'feeds[0]', 'expected exactly one of url or path');
  });

  it('rejects duplicate feed ids', async () => {
    const r = await buildWith('dup.yaml', VALID.replace('themes:', '  - name: Wire One\n    url: https://other.example/rss\nthemes:'));
    expectConfigError(r, 'feeds[1]', 'duplicate id "wire-one"');
  });

  // a theme copied and its id changed, its title not: two "Weapons & strikes" headings splitting the stories
  it('rejects two sections under one title, and theme ids that differ only in letter case', async () => {
    const twoTheme = (id: string, title: string) => VALID.replace('    keywords: [missiles]\n', `    keywords: [missiles]\n  - id: ${id}\n    title: ${title}\n`);
    const title = await buildWith('title-twice.yaml', twoTheme('arms2', 'weapons & strikes'));
    expectConfigError(title, 'themes[1].title: "weapons & strikes" is the title of themes[0] too; expected each section\'s title once');
    const other = await buildWith('title-other.yaml', twoTheme('rest', 'Other news'));
    expectConfigError(other, 'themes[1].title: "Other news" is the title of the `other` section too; expected each section\'s title once');
    // a reader's sections are chosen by lower-case id: "Arms" and "arms" would be one section to them
    const id = await buildWith('id-case.yaml', twoTheme('Arms', 'Arms deals'));
    expectConfigError(id, 'themes[1]: duplicate id "Arms"; expected unique theme ids (letter case aside)');
  });

  it('rejects the same feed twice, by url or by path', async () => {
    const byUrl = await buildWith('dupurl.yaml', VALID.replace('themes:', '  - name: Wire Two\n    url: https://WIRE.example/rss\nthemes:'));
    expectConfigError(byUrl, 'feeds[1].url: the same as feeds[0] ("Wire One"); expected each feed once');
    const byPath = await buildWith('duppath.yaml', VALID.replace('themes:', '  - name: Local\n    path: feeds/x.xml\n  - name: Local again\n    path: ./feeds/x.xml\nthemes:'));
    expectConfigError(byPath, 'feeds[2].path: the same as feeds[1] ("Local"); expected each feed once');
  });

  it('rejects a User-Agent that cannot be sent as an HTTP header, instead of failing every feed', async () => {
    for (const ua of ['"Roundup ✓ digest"', '"Дайджест/1.0"', '"Roundup\\r\\nX-Extra: 1"']) {
      const r = await buildWith('ua.yaml', `${VALID}fetch:\n  userAgent: ${ua}\n`);
      expectConfigError(r, 'fetch.userAgent: expected a User-Agent string of printable ASCII characters (it is sent as an HTTP header), on one line');
    }
  });

  it('checks the cron schedule', async () => {
    const r = await buildWith('cron.yaml', VALID + 'schedule: "every monday"\n');
    expectConfigError(r, 'schedule', 'expected a cron expression');
  });

  // a config not written yet, or not a config: what was found, and what writes one
  it.each([
    ['empty', '', 'the file is empty (or only comments)'],
    ['comments', '# title: My digest\n', 'the file is empty (or only comments)'],
    ['list', '- https://wire.example/rss\n', 'got a list'],
    ['text', 'https://wire.example/rss\n', 'got the text "https://wire.example/rss"'],
  ])('a file that holds no mapping (%s) says what it holds', async (name, yaml, got) => {
    const r = await buildWith(`${name}.yaml`, yaml);
    expectConfigError(r);
    expect(r.stderr).toBe(`digest: ${path.join(dir, `${name}.yaml`)}: expected a YAML mapping with title, feeds and themes, ${got}; \`digest init\` writes a starter config\n`);
  });

  it('reports YAML syntax errors with a line number', async () => {
    const r = await buildWith('syntax.yaml', 'title: [unclosed\nfeeds: x\n');
    expectConfigError(r, /syntax\.yaml:\d+:\d+: not valid YAML/);
  });

  // yaml places an unclosed quote at the end of the file, lines from the quote, and a repeated key without its name
  it('places an unclosed quote where it opens', async () => {
    const r = await buildWith('quote.yaml', VALID.replace('title: Diplomacy Watch', 'title: "Diplomacy Watch'));
    expect(r.stderr).toBe(`digest: ${path.join(dir, 'quote.yaml')}:1:8: not valid YAML (this quote is never closed; expected a closing ")\n`);
    expect(r.code).toBe(2);
  });

  it('names a key written twice in one mapping, and where it was first', async () => {
    const r = await buildWith('twice.yaml', VALID.replace('    keywords: [missiles]', '    keywords: [missiles]\n    title: Arms'));
    expect(r.stderr).toBe(`digest: ${path.join(dir, 'twice.yaml')}:11:5: not valid YAML (the key "title" again, first at line 9; expected each key once)\n`);
    expect(r.code).toBe(2);
  });

  it('wrong type names what is expected', async () => {
    const r = await buildWith('type.yaml', VALID.replace('keywords: [missiles]', 'keywords: missiles'));
    expectConfigError(r, 'themes[0].keywords', 'expected a list of keywords');
  });

  it('an id YAML reads as a number is named, with what to write instead', async () => {
    const feed = await buildWith('num-feed-id.yaml', VALID.replace('    url: https://wire.example/rss', '    id: 404\n    url: https://wire.example/rss'));
    expectConfigError(feed, 'feeds[0].id', 'got the number 404; write it in quotes ("404")');
    const theme = await buildWith('num-theme-id.yaml', VALID.replace('id: arms', 'id: 12'));
    expectConfigError(theme, 'themes[0].id', 'expected a theme id, got the number 12');
  });

  it('email.baseUrl with a query or a fragment, which would swallow every link made from it, is refused', async () => {
    for (const url of ['https://digest.example.org/path?x=1', 'https://digest.example.org/#top']) {
      const r = await buildWith('base-url.yaml', `${VALID}email:\n  from: "Diplomacy Watch <digest@example.org>"\n  baseUrl: "${url}"\n`);
      expectConfigError(r, 'email.baseUrl', 'without a query or fragment', JSON.stringify(url));
    }
  });

  it('a missing config file is a clear error', async () => {
    const r = await runCli(['build', '--config', path.join(dir, 'nope.yaml')]);
    expectConfigError(r, 'nope.yaml', 'config file not found');
    // what to do next: `digest init`, not a copy of the sample, whose feeds and state are relative to feeds/
    expect(r.stderr).toBe(`digest: ${path.join(dir, 'nope.yaml')}: config file not found (pass --config FILE, or write one with \`digest init\`)\n`);
  });

  it('a bad --now is a usage error', async () => {
    writeFileSync(path.join(dir, 'ok.yaml'), VALID);
    const r = await runCli(['build', '--config', path.join(dir, 'ok.yaml'), '--now', 'monday']);
    expectConfigError(r, '--now', 'ISO 8601');
  });

  // "2026-11-23" ends in what looks like an offset (-23); a date with a time but no offset names no instant either
  it.each([['build'], ['preview'], ['tick'], ['status']])('digest %s: a --now without a time and an offset is a usage error', async (command) => {
    writeFileSync(path.join(dir, 'ok.yaml'), VALID);
    for (const now of ['2026-11-23', '2026-11-23T07:00:00']) {
      const r = await runCli([command, '--config', path.join(dir, 'ok.yaml'), '--now', now]);
      expectConfigError(r, `--now: expected an ISO 8601 time with an offset or Z (e.g. 2026-11-23T07:00:00+02:00), got "${now}"`);
    }
  });
});

describe('config templates', () => {
  it('a `templates:` that is no folder of templates names the file, the key and what is expected, before any fetch', async () => {
    const expected = 'expected a folder of email templates (digest.mjml, partials/*.mjml or welcome.txt, welcome.<language>.txt; copy templates/ to start)';
    writeFileSync(path.join(dir, 'a-file.mjml'), '<mjml></mjml>');
    mkdirSync(path.join(dir, 'empty-templates'), { recursive: true });
    writeFileSync(path.join(dir, 'empty-templates', 'notes.md'), 'my templates, soon');
    const cases: [string, string][] = [
      ['no-such-templates', '"no-such-templates" does not exist'],
      ['a-file.mjml', '"a-file.mjml" is a file'],
      ['empty-templates', '"empty-templates" holds no templates'],
    ];
    for (const [value, what] of cases) {
      const r = await buildWith('templates.yaml', VALID + `templates: ${value}\n`);
      expectConfigError(r);
      expect(r.stderr).toBe(`digest: ${path.join(dir, 'templates.yaml')}: templates: ${what}; ${expected}\n`);
    }
    // a folder holding one template is enough: the others come from the built-in folder
    mkdirSync(path.join(dir, 'my-templates/partials'), { recursive: true });
    writeFileSync(path.join(dir, 'my-templates/partials/story.mjml'), readFileSync(path.join(ROOT, 'templates/partials/story.mjml')));
    const ok = await buildWith('templates-ok.yaml', VALID + 'templates: my-templates\n');
    expect(ok.stderr).not.toMatch(/templates/);
  });
});

describe('config terms', () => {
  it('a keyword with no letters or digits is named with its path', async () => {
    const r = await buildWith('badterm.yaml', VALID.replace('keywords: [missiles]', 'keywords: [missiles, "—"]'));
    expectConfigError(r, 'themes[0].keywords[1]');
  });
});

describe('config email', () => {
  it('email.from must be one address', async () => {
    const r = await buildWith('from.yaml', VALID + 'email:\n  from: "Digest <a@x.example>, b@y.example"\n');
    expectConfigError(r, 'email.from', 'expected one sender');
  });
});
