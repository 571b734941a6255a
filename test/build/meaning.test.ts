// Stories and sections by meaning, through `digest build`: the same event in other words and other names
// for one country is one story; the same actors doing something else that week stay apart; a close call
// between two themes keeps the story (in the better theme, the runner-up named), even with `other: false`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-meaning-'));

interface FeedItem {
  id: string;
  title: string;
  text: string;
  date: string;
}

function feed(name: string, items: FeedItem[]): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: name,
      items: items.map((i) => ({ id: i.id, url: `https://${name}.example/${i.id}`, title: i.title, content_text: i.text, date_published: i.date })),
    }),
  );
  return file;
}

async function build(name: string, feeds: Record<string, string>, themes: string, other: string): Promise<Edition> {
  const cfg = path.join(dir, `${name}.yaml`);
  writeFileSync(
    cfg,
    `title: Meaning Watch
timezone: UTC
window: 7d
feeds:
${Object.entries(feeds).map(([n, p]) => `  - { name: ${n}, path: ${p} }`).join('\n')}
themes:
${themes}
other: ${other}
state: state-${name}
`,
  );
  const out = path.join(dir, `out-${name}`);
  const r = await runCli(['build', '--config', cfg, '--now', '2026-05-18T07:00:00Z', '--out', out, '--offline'], { timeoutMs: 120_000 });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(out, '2026-05-18', 'digest.json'), 'utf8'));
}

const storyOf = (e: Edition, guid: string) => e.sections.flatMap((s) => s.stories).find((s) => s.items.some((i) => i.guid === guid));

describe('stories and sections by meaning', () => {
  it('joins one event told in other words and other names for the country, keeps the next event apart', async () => {
    const harbour = feed('harbour', [
      { id: 'h1', date: '2026-05-12T09:00:00Z', title: 'Dutch government apologises for delays to promised aid',
        text: 'The Dutch prime minister apologised on Tuesday for months of delays in delivering promised military aid, blaming paperwork in the defence ministry.' },
      { id: 'h2', date: '2026-05-15T10:00:00Z', title: 'Dutch parliament votes to double its aid budget next year',
        text: 'Lawmakers in The Hague voted 98 to 40 on Friday to double next year\'s budget for military aid, after a long debate.' },
    ]);
    const courier = feed('courier', [
      { id: 'c1', date: '2026-05-12T13:00:00Z', title: 'Netherlands says sorry for stalled weapons deliveries',
        text: 'The Netherlands has said sorry for stalled deliveries of weapons it had pledged, with the prime minister blaming red tape at the defence ministry.' },
    ]);
    const themes = `  - { id: aid, title: Aid and weapons, description: Military aid and weapons deliveries., keywords: [aid, weapons, deliveries] }`;
    const edition = await build('paraphrase', { Harbour: harbour, Courier: courier }, themes, 'Other news');
    expect(storyOf(edition, 'h1')?.items.map((i) => i.guid).sort()).toEqual(['c1', 'h1']);
    expect(storyOf(edition, 'h1')?.sources.sort()).toEqual(['Courier', 'Harbour']);
    expect(storyOf(edition, 'h2')?.items.map((i) => i.guid)).toEqual(['h2']);
  });

  it('never loses a story to a tie between two themes, even with other: false', async () => {
    const wire = feed('wire', [
      { id: 'w1', date: '2026-05-14T08:00:00Z', title: 'EU agrees new sanctions on Russian oil', text: 'The sanctions take effect in July, officials said.' },
    ]);
    const themes = [
      `  - { id: first, title: First, description: First section., keywords: [sanctions] }`,
      `  - { id: second, title: Second, description: Second section., keywords: [sanctions] }`,
    ].join('\n');
    const edition = await build('tie', { Wire: wire }, themes, 'false');
    expect(edition.excluded.filter((e) => e.reason === 'no-theme')).toEqual([]);
    const story = storyOf(edition, 'w1')!;
    expect(edition.sections.find((s) => s.stories.includes(story))?.id).toBe('first');
    expect(story.why.join(' | ')).toMatch(/close call: second [\d.]+ vs first [\d.]+/);
  });
});
