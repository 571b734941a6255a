// A story told only in headlines (feeds with no description) has no sentence to summarise; its other
// outlets' headlines are its summary, up to two, each adding what the title does not say. Questions, labels
// of a few words, cut headlines, an opinion piece's headline and repeats of the title are not used; a story of one
// headline has none.
// Nor is a question the story's title while another headline says what happened.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-headline-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One outlet's feed of bare headlines (no description), published on 17 November 2026. */
function feed(name: string, titles: string[]): string {
  const file = `${name}.xml`;
  const items = titles
    .map((t, i) => `<item><title>${t}</title><link>https://${name}.test.example/${i}</link><guid>${name}-${i}</guid><pubDate>Tue, 17 Nov 2026 0${i + 8}:00:00 +0000</pubDate></item>`)
    .join('\n');
  writeFileSync(path.join(dir, file), `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name}.test.example/</link>\n${items}\n</channel></rss>`);
  return file;
}

const feeds = {
  wire: feed('wire', ['Dutch government sends the last F-16 jets to Ukraine', 'Kyiv zoo welcomes twin lion cubs']),
  courier: feed('courier', ['Netherlands completes F-16 deliveries to Ukraine with final six jets']),
  daily: feed('daily', ['F-16 jets for Ukraine: what next?']),
  herald: feed('herald', ['Dutch defence minister hands over last F-16 jets at Volkel air base']),
  post: feed('post', ['F-16s delivered']),
  tribune: feed('tribune', ['Opinion | Dutch government was right to send the last F-16 jets to Ukraine from Volkel air base']),
};
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Jets Watch\ntimezone: UTC\nwindow: 7d\nfeeds:\n${Object.entries(feeds).map(([n, f]) => `  - name: ${n}\n    path: ${f}`).join('\n')}\n` +
    `themes:\n  - id: arms\n    title: Weapons\n    keywords: [jets, F-16]\nother: Other news\nstate: state\n`,
);

describe('a story told only in headlines', () => {
  it('is summed up by its other outlets\' headlines, each adding to the title; a one-headline story has no summary', async () => {
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', cfg, '--now', '2026-11-18T07:00:00Z', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const edition = JSON.parse(readFileSync(path.join(out, '2026-11-18', 'digest.json'), 'utf8')) as Edition;
    const stories = edition.sections.flatMap((s) => s.stories);
    const jets = stories.find((s) => s.items.length > 1)!;
    expect(jets.items).toHaveLength(6);
    // the most central headline asks; one that reports is the title
    expect(jets.title).not.toMatch(/what next/);
    expect(jets.summary).not.toBe('');
    const sentences = jets.summary.split(/(?<=\.)\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    // each is one of the story's headlines, as a sentence, other than its title
    const headlines = jets.items.map((i) => i.title);
    for (const s of sentences) {
      expect(headlines.map((h) => `${h}.`)).toContain(s);
      expect(s).not.toBe(`${jets.title}.`);
    }
    // never the question, the three-word label, the column or the title's own words again
    expect(jets.summary).not.toMatch(/what next|F-16s delivered|Opinion|was right/);
    const zoo = stories.find((s) => s.title.includes('lion cubs'))!;
    expect(zoo.summary).toBe('');
    // the plain-text email shows the summary under the title
    expect(readFileSync(path.join(out, '2026-11-18', 'digest.txt'), 'utf8')).toContain(sentences[0]);
  });
});
