// The sample edition (`npm start`), built by the real CLI from the bundled feeds, scored against
// the answer key feeds/labels.json: window, scope, duplicates, hard negatives, themes, grouping.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { compareEdition, type EditionComparison } from '../../feeds/tools/compare-edition.js';
import { CONFIG_PATH, FEEDS_DIR, SAMPLE_NOW, loadLabels } from '../../feeds/tools/sample.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
let edition: Edition;
let result: EditionComparison;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-sample-'));
  // Same config, but state and output in a temp folder so the test never touches the repo's .digest.
  const config = parseYaml(readFileSync(CONFIG_PATH, 'utf8')) as { feeds: { path: string }[]; state: string };
  for (const feed of config.feeds) feed.path = path.resolve(FEEDS_DIR, feed.path);
  config.state = path.join(dir, 'state');
  const configFile = path.join(dir, 'digest.config.yaml');
  writeFileSync(configFile, stringifyYaml(config));

  const run = await runCli(['build', '--config', configFile, '--now', SAMPLE_NOW, '--out', path.join(dir, 'out'), '--offline']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  edition = JSON.parse(readFileSync(path.join(dir, 'out', '2026-11-23', 'digest.json'), 'utf8')) as Edition;
  result = compareEdition(edition, loadLabels());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sample edition vs feeds/labels.json', () => {
  it('reads all six feeds', () => {
    expect(edition.feeds.map((f) => [f.id, f.status])).toEqual([
      ['kyiv-wire', 'ok'], ['global-brief', 'ok'], ['frontline-daily', 'ok'], ['ukrinform', 'ok'], ['policy-notes', 'ok'],
      ['eastern-dispatch', 'ok'],
    ]);
  });

  it('accounts for every item exactly once', () => {
    expect(result.missing).toEqual([]);
    expect(result.repeated).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('drops old, off-topic and duplicated items for the labelled reason, and keeps the rest', () => {
    expect(result.wrongFate).toEqual([]);
  });

  it('never merges different events (hard negatives stay apart)', () => {
    expect(result.mergedEvents).toEqual([]);
  });

  it('files every story under its labelled theme', () => {
    expect(result.wrongTheme).toEqual([]);
  });

  it('makes one story of each event told by several English-language outlets', () => {
    const english = compareEdition(edition, loadLabels(), { ignoreInGrouping: ['ukrinform'] });
    expect(english.splitEvents, `pair recall ${(english.pairRecall * 100).toFixed(0)}%`).toEqual([]);
  });

  it('joins the Ukrainian-language reports to the same events (cross-language grouping)', () => {
    expect(result.splitEvents, `pair recall ${(result.pairRecall * 100).toFixed(0)}%`).toEqual([]);
  });

  it('keeps page furniture out of story summaries', () => {
    const furniture =
      /Share this|Sign up for|Read more|Reporting by|Follow (us|Frontline)|appeared first on|Related:|More from|Читайте також|Фото:|Global Brief\/Pool|Photo:|By (Taras|Olena|Andriy|James|Marta)|\(Kyiv Wire\) -|This story is being updated|Republished from/;
    const summaries = edition.sections.flatMap((s) => s.stories.map((st) => st.summary));
    expect(summaries.length).toBeGreaterThan(20);
    for (const summary of summaries) expect(summary).not.toMatch(furniture);
  });

  it('writes titles as plain text, whatever the feed did with entities and encodings', () => {
    const titles = edition.sections.flatMap((s) => s.stories.flatMap((st) => [st.title, ...st.items.map((i) => i.title)]));
    for (const t of titles) expect(t).not.toMatch(/&#?\w+;|<\/?\w|\uFFFD|Ð|Ñ/);
    expect(titles).toContain('Kickbacks & bunkers: ex-energy official charged over grid protection contracts');
    expect(titles).toContain('Національна опера України відкрила сезон прем’єрою «Ґердан»');
  });
});
