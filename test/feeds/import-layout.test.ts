// `digest feeds import` keeps the config as the user wrote it: spacing, comments, blank lines and flow
// entries stay byte for byte; the new feeds are the only added lines, after the last feed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

const CONFIG = `title:   Layout Watch   # spaced on purpose
feeds:
  - name: Wire
    path: wire.xml   # local

  - {name: Second, path: b.xml}
# themes follow
themes:
  - id: arms
    title: Arms
`;

describe('feeds import', () => {
  it('adds only the new feeds, leaving every other byte of the config alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-import-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(cfg, CONFIG);
    const opml = path.join(dir, 'list.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="New One" type="rss" xmlUrl="https://one.example/feed.xml"/>
<outline text="Wire" type="rss" xmlUrl="https://two.example/rss"/>
</body></opml>`);
    const r = await runCli(['feeds', 'import', opml, '--config', cfg], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(cfg, 'utf8');
    const [head, tail] = CONFIG.split('# themes follow\n');
    expect(after.startsWith(head.trimEnd())).toBe(true);
    expect(after.endsWith(`# themes follow\n${tail}`)).toBe(true);
    const addedLines = after.slice(head.trimEnd().length, after.length - `# themes follow\n${tail}`.length).replace(/^\n+|\n+$/g, '').split('\n');
    expect(addedLines).toEqual(['- name: New One', '  url: https://one.example/feed.xml', '- name: Wire (2)', '  url: https://two.example/rss'].map((l) => `  ${l}`));
  });

  it('writes the names and URLs the OPML means, its escaped characters decoded', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-import-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(cfg, CONFIG);
    const opml = path.join(dir, 'list.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Arms &amp; Armour &lt;weekly&gt; &quot;AA&quot;" xmlUrl="https://example.org/y?a=1&amp;b=2"/>
<outline text="Literally &amp;amp;" xmlUrl="https://example.org/z?q=&amp;lt;"/>
</body></opml>`);
    const r = await runCli(['feeds', 'import', opml, '--config', cfg], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(cfg, 'utf8');
    expect(after).toContain('  - name: Arms & Armour <weekly> "AA"\n    url: https://example.org/y?a=1&b=2\n');
    expect(after).toContain('  - name: Literally &amp;\n    url: https://example.org/z?q=&lt;\n');
    expect(r.stdout).toContain('+ Arms & Armour <weekly> "AA" <https://example.org/y?a=1&b=2>');
  });

  it("reads an OPML file as older readers export it: in ISO-8859-1, with HTML entities, with a BOM, an xmlURL attribute", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-import-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(cfg, CONFIG);
    const latin = path.join(dir, 'latin.opml');
    writeFileSync(latin, Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><opml version="1.1"><body>
<outline text="Zürich Zeitung" xmlUrl="https://zuerich.example/rss"/></body></opml>`, 'latin1'));
    const r1 = await runCli(['feeds', 'import', latin, '--config', cfg], { cwd: dir });
    expect(r1.code, r1.stderr).toBe(0);
    const bom = path.join(dir, 'bom.opml');
    writeFileSync(bom, `\uFEFF<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><body>
<outline text="Caf&eacute;&nbsp;Kyiv &amp;eacute;" xmlUrl="https://cafe.example/rss"/>
<outline text="Shouting" type="rss" xmlURL="https://upper.example/rss"/></body></opml>`);
    const r2 = await runCli(['feeds', 'import', bom, '--config', cfg], { cwd: dir });
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stdout).toMatch(/^added 2 feeds$/m);
    const after = readFileSync(cfg, 'utf8');
    for (const [name, url] of [['Zürich Zeitung', 'https://zuerich.example/rss'], ['Café Kyiv &eacute;', 'https://cafe.example/rss'], ['Shouting', 'https://upper.example/rss']]) {
      expect(after).toContain(`  - name: ${name}\n    url: ${url}\n`);
    }
  });

  it('reads every good outline: a name folded to one line, a blank one from the URL, a bad URL skipped and named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-import-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(cfg, CONFIG);
    const opml = path.join(dir, 'list.opml');
    const long = 'A name long enough that a YAML writer would fold it over two lines, which broke the list';
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Folder"><outline text="Line&#10;Break&#9;here" xmlUrl="https://nl.example/feed"/></outline>
<outline title="   " text="" xmlUrl="https://blank.example:8443/rss"/>
<outline text="Empty host" xmlUrl="http://"/>
<outline text="${long}" xmlUrl="https://long.example/rss"/>
<outline text="Fine" xmlUrl="https://fine.example/rss"/>
</body></opml>`);
    const r = await runCli(['feeds', 'import', opml, '--config', cfg], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([`${opml}: outline 4 "Empty host" skipped: expected an http(s) URL, got "http://"`]);
    expect(r.stdout).toMatch(/^added 4 feeds, 1 outline skipped$/m);
    const after = readFileSync(cfg, 'utf8');
    for (const [name, url] of [['Line Break here', 'https://nl.example/feed'], ['blank.example', 'https://blank.example:8443/rss'], [long, 'https://long.example/rss'], ['Fine', 'https://fine.example/rss']]) {
      expect(after).toContain(`  - name: ${name}\n    url: ${url}\n`);
    }
  });
});
