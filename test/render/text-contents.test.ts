// The plain-text part's "In this issue" list, as `digest build` writes it, for sections whose titles are longer than a
// line (a German compound of 106 letters, a title of many words): each entry starts with its dash and text on one
// line, not a dash alone on a line, and its further lines are indented under its text within the 76 columns the
// part keeps to. Sample text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const COMPOUND = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftsvorsitzenderstellvertreter';
const WORDY = 'Ceasefire talks, prisoner exchanges and the long road to a settlement in Geneva';

async function buildText(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-text-contents-'));
  const item = (i: number, title: string, text: string) =>
    `<item><title>${title}</title><link>https://wire.test.example/${i}</link><guid>${i}</guid><pubDate>Wed, 18 Nov 2026 1${i}:00:00 GMT</pubDate><description>${text}</description></item>`;
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
${item(1, 'Grain terminal reopens after repairs', 'The northern terminal handled its first ship since the summer.')}
${item(2, 'Ceasefire talks resume in Geneva', 'Delegations met again on Wednesday to discuss a ceasefire.')}</channel></rss>`,
  );
  writeFileSync(
    path.join(dir, 'digest.config.yaml'),
    `title: Diplomacy Watch\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n` +
      `  - id: grain\n    title: ${COMPOUND}\n    keywords: [terminal]\n  - id: talks\n    title: ${WORDY}\n    keywords: [ceasefire]\n`,
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(path.join(out, '2026-11-23', 'digest.txt'), 'utf8');
}

describe('the plain-text contents with section titles longer than a line', () => {
  it('start each entry beside its dash and indent its further lines within 76 columns', async () => {
    const text = await buildText();
    const lines = text.split('\n');
    const from = lines.indexOf('In this issue') + 3;
    const to = lines.indexOf('', from);
    const contents = lines.slice(from, to);
    expect(contents.length, text).toBeGreaterThan(2);
    expect(contents.filter((l) => l.trim() === '-'), 'a dash alone on a line').toEqual([]);
    expect(contents.filter((l) => Array.from(l).length > 76), 'lines over 76 columns').toEqual([]);
    // each entry: "- " and text, then lines indented two spaces under it; all the words of both titles are there
    expect(contents.every((l) => /^(- |  )\S/.test(l)), contents.join('\n')).toBe(true);
    const entries = contents.join('\n').split(/\n(?=- )/).map((e) => e.replace(/^- /, '').replace(/\n {2}/g, ' '));
    expect(entries).toHaveLength(2);
    expect(entries[0].replace(/\s+/g, '')).toMatch(/^Donaudampf\S*…\(1story\)$/);
    expect(entries[1]).toBe(`${WORDY} (1 story)`);
  }, 60_000);
});
