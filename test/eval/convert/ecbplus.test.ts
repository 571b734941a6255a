// The ECB+ converter through its command line, on a tiny corpus of the same shape written here
// (two topics, one landing in each set, both halves, invented sentences): what lands in the -dev and -test sets.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConvert } from './run-convert.js';
import { readSetDir, type SetItem } from '../set-format.js';

const work = mkdtempSync(path.join(tmpdir(), 'roundup-ecbplus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One document in the corpus' token format: each sentence a list of tokens. */
function doc(name: string, sentences: string[][]): string {
  let t = 0;
  const tokens = sentences.flatMap((words, s) =>
    words.map((w, n) => `<token t_id="${++t}" sentence="${s}" number="${n}">${w.replace(/&/g, '&amp;')}</token>`),
  );
  return `<Document doc_name="${name}" doc_id="DOC${name.length}">\n${tokens.join('\n')}\n<Markables>\n</Markables>\n</Document>\n`;
}

const url = (host: string, slug: string) => ['http', ':', '/', '/', host, '/', slug];

function writeCorpus(dir: string) {
  const files: Record<string, string[][]> = {
    '1/1_1ecb.xml': [
      'Actor Dana Vale checked into a clinic , her rep said .'.split(' '),
      '`` She asks for privacy , \'\' the rep said .'.split(' '),
    ],
    '1/1_2ecb.xml': ['Dana Vale is in rehab at 33 .'.split(' '), 'Her rep confirmed it on Friday .'.split(' ')],
    '1/1_1ecbplus.xml': [
      url('www.example-news.com', 'ray-moss-rehab'),
      'Ray Moss checks into rehab'.split(' '),
      'May 3 , 2013 4 : 59 PM EDT'.split(' '),
      'Ray Moss began a 90 - day stay , the court said .'.split(' '),
    ],
    '1/1_2ecbplus.xml': [
      url('other.example.org', 'moss-clinic'),
      'Posted 5 / 3 / 2013'.split(' '),
      'Moss enters clinic on judge \'s order'.split(' '),
      'The actor did n\'t comment .'.split(' '),
    ],
    '7/7_1ecb.xml': ['Ivo Krall kept his title with a 5 . 6 point win in Pell .'.split(' '), 'The crowd cheered .'.split(' ')],
    '7/7_2ecb.xml': ['Krall retains title in Pell'.split(' '), 'Fans & rivals watched .'.split(' ')],
    '7/7_1ecbplus.xml': [url('fight.example.net', 'torr'), 'Krall stops Torr in round six'.split(' '), 'It was over fast .'.split(' ')],
    '7/7_2ecbplus.xml': [url('fight.example.net', 'torr'), 'Krall beats Torr'.split(' '), 'Torr fell twice .'.split(' ')],
  };
  for (const [file, sentences] of Object.entries(files)) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), doc(path.basename(file), sentences));
  }
}

const convert = (corpus: string, out: string) => runConvert('ecbplus', corpus, out);

describe('convert/index.ts ecbplus', () => {
  const corpus = path.join(work, 'ECB+');
  writeCorpus(corpus);
  const out = path.join(work, 'out');
  const run = convert(corpus, out);
  const halves = ['dev', 'test'].map((h) => readSetDir(path.join(out, `ecbplus-${h}`)));
  const items = halves.flatMap((s) => s.items);
  const byId = new Map<string, SetItem>(items.map((i) => [i.id, i]));

  it('writes every document once, an event per topic and half, both halves of a topic in one set', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(items).toHaveLength(8);
    expect(new Set(items.map((i) => i.event))).toEqual(new Set(['ecb-1-ecb', 'ecb-1-ecbplus', 'ecb-7-ecb', 'ecb-7-ecbplus']));
    for (const set of halves) {
      const topics = new Set(set.items.map((i) => i.event!.split('-')[1]));
      for (const topic of topics) expect(new Set(set.items.filter((i) => i.event!.split('-')[1] === topic).map((i) => i.event)).size).toBe(2);
    }
    expect(halves.map((s) => s.meta.role)).toEqual(['tuning', 'held-out']);
  });

  it('takes the title after the URL and date lines, the outlet from the URL, and joins tokens into text', () => {
    const a = byId.get('ecb-1-1p')!;
    expect(a).toMatchObject({ outlet: 'example-news.com', url: 'http://www.example-news.com/ray-moss-rehab', title: 'Ray Moss checks into rehab' });
    expect(a.text).toBe('Ray Moss began a 90-day stay, the court said.');
    expect(byId.get('ecb-1-2p')).toMatchObject({ title: "Moss enters clinic on judge's order", text: "The actor didn't comment." });
    expect(byId.get('ecb-1-1')).toMatchObject({ title: 'Actor Dana Vale checked into a clinic, her rep said.', text: '“She asks for privacy,” the rep said.' });
    expect(byId.get('ecb-7-1')!.title).toBe('Ivo Krall kept his title with a 5.6 point win in Pell.');
    expect(byId.get('ecb-7-2')!.text).toBe('Fans & rivals watched.');
    // the older half names no outlet: an anonymous feed
    expect(byId.get('ecb-1-2')!.outlet).toMatch(/^ECB source [A-H]$/);
  });

  it('keeps a URL shared by two documents on the first only, so they do not read as copies', () => {
    expect(byId.get('ecb-7-1p')!.url).toBe('http://fight.example.net/torr');
    expect(byId.get('ecb-7-2p')!.url).toBeUndefined();
    expect(byId.get('ecb-7-2p')!.outlet).toBe('fight.example.net');
  });

  it('labels sections by topic and places every item inside the 7-day window, the same way each run', () => {
    expect(byId.get('ecb-1-1')!.theme).toBe('entertainment');
    expect(byId.get('ecb-7-1p')!.theme).toBe('sport');
    const now = Date.parse(halves[0].meta.now);
    for (const i of items) {
      const t = Date.parse(i.published);
      expect(t).toBeLessThan(now);
      expect(t).toBeGreaterThanOrEqual(now - 7 * 86_400_000);
    }
    const again = path.join(work, 'again');
    expect(convert(corpus, again).status).toBe(0);
    for (const h of ['dev', 'test']) {
      expect(readFileSync(path.join(again, `ecbplus-${h}`, 'items.jsonl'), 'utf8')).toBe(readFileSync(path.join(out, `ecbplus-${h}`, 'items.jsonl'), 'utf8'));
    }
  });

  it('says in one line what it expected when the folder is not the corpus', () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    const bad = convert(empty, path.join(work, 'none'));
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(`convert: ${empty}: expected the ECB+ folder with one folder per topic (1/, 2/, …)`);
  });
});
