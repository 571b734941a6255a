// Every YAML example in the README and docs/ is a config (or a part of one) a new user copies as written: each must
// load, so the docs cannot drift from the schema. A whole config (it has `title:`) is read as it is; a part is added
// to a small valid config. Loading is shown by `digest build --offline` getting past the config to the feeds.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'templates/README.md', 'feeds/README.md'];

/** each ```yaml block of a Markdown file, with the line it starts on */
function yamlBlocks(file: string): { name: string; yaml: string }[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const blocks: { name: string; yaml: string }[] = [];
  let start = -1;
  lines.forEach((l, i) => {
    if (start < 0 && /^\s*```ya?ml\s*$/.test(l)) start = i;
    else if (start >= 0 && /^\s*```\s*$/.test(l)) {
      const indent = /^\s*/.exec(lines[start])![0].length;
      blocks.push({ name: `${file}:${start + 1}`, yaml: lines.slice(start + 1, i).map((x) => x.slice(indent)).join('\n') + '\n' });
      start = -1;
    }
  });
  return blocks;
}

const BASE = `title: Docs Example
feeds:
  - name: Local
    path: local.xml
themes:
  - id: news
    title: News
`;

const examples = DOCS.flatMap(yamlBlocks);

describe('the YAML examples of the README and docs', () => {
  it('are found (the README holds the full configuration)', () => {
    expect(examples.filter((e) => e.name.startsWith('README.md:') && /^title:/m.test(e.yaml))).toHaveLength(1);
  });

  it.each(examples.map((e) => [e.name, e.yaml]))('%s loads as a config', async (name, yaml) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-doc-example-'));
    const file = path.join(dir, 'digest.config.yaml');
    writeFileSync(file, /^title:/m.test(yaml) ? yaml : BASE + yaml);
    const r = await runCli(['build', '--config', file, '--offline', '--out', path.join(dir, 'out')], { cwd: dir });
    // past the config: the feeds are read (none is there offline), so the run fails at them, not at a key
    expect(r.stderr, name).not.toMatch(/^digest: digest\.config\.yaml/m);
    expect(r.stderr, name).toMatch(/feeds? failed; no edition written/);
    expect(r.code, name).toBe(1);
  });
});
