// The plain-text part keeps a story's date and a section's story count on one line: "Tue 17" at the end of one line
// and "Nov 2026" at the start of the next, or "(4" and "Meldungen)", read as two broken things. Built with
// `digest build` from the bundled sample feeds, in English and in German.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

const LONG_THEME = 'Talks, negotiations, ceasefire proposals and the long road to peace';

/** `digest build` of the sample feeds in `locale`, one theme with a long title: digest.txt and digest.json. */
async function buildSample(locale: string): Promise<{ text: string; edition: Edition }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-keep-together-'));
  const feeds = path.join(ROOT, 'feeds');
  for (const f of readdirSync(feeds)) if (/\.(xml|atom|json|rdf)$/.test(f) && f !== 'labels.json') copyFileSync(path.join(feeds, f), path.join(dir, f));
  const config = readFileSync(path.join(feeds, 'example.config.yaml'), 'utf8').replace('title: Talks & diplomacy', `title: ${LONG_THEME}`).replace(/^timezone:/m, `locale: ${locale}\ntimezone:`).replace(/^state: .*$/m, 'state: .digest');
  writeFileSync(path.join(dir, 'digest.config.yaml'), config);
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00+02:00', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const read = (f: string) => readFileSync(path.join(out, '2026-11-23', f), 'utf8');
  return { text: read('digest.txt'), edition: JSON.parse(read('digest.json')) as Edition };
}

const stories = (e: Edition) => e.sections.reduce((n, s) => n + s.stories.length, 0);

describe('the plain-text part keeps together', () => {
  it('English: each story’s date, and each section’s count in the contents', async () => {
    const { text, edition } = await buildSample('en');
    const dated = edition.sections.flatMap((s) => s.stories).filter((s) => s.published).length;
    expect(dated).toBe(stories(edition));
    const whole = text.split('\n').filter((l) => /(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}$/.test(l));
    expect(whole.length, 'lines that end in a whole date').toBe(dated);
    const section = edition.sections.find((s) => s.title === LONG_THEME)!;
    expect(text.replace(/\n {2}/g, ' ')).toContain(`- ${LONG_THEME} (${section.stories.length} stories)`);
    expect(text).toMatch(new RegExp(`\\(${section.stories.length} stories\\)\\n`));
  }, 120_000);

  it('German: each story’s date, and each section’s count in the contents', async () => {
    const { text, edition } = await buildSample('de');
    const whole = text.split('\n').filter((l) => /(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+\.? \d{4}$/u.test(l));
    expect(whole.length, 'lines that end in a whole date').toBe(stories(edition));
    const section = edition.sections.find((s) => s.title === LONG_THEME)!;
    // the count and its noun on one line: "(4 Meldungen)", never "(4" then "Meldungen)"
    expect(text).toMatch(new RegExp(`\\(${section.stories.length} Meldungen\\)\\n`));
    expect(text).not.toMatch(/\(\d+\n/);
  }, 120_000);
});
