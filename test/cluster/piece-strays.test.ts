// A piece of an event that linkage left apart joins the event's story as a whole (story-merge.ts). In the stories a
// reader sees, an item of the piece that is there only by a word of its own (a town's name it shares with the
// piece) and touches none of the event's reports stays behind. The invented aggregator's day (test/fixtures/
// aggregator-q), built through the CLI: a town's whooping-cough cases are no part of a film's opening weekend because
// the town's paper also told that its cinema added midnight screenings of the film.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../eval/sets.js';
import { materialise } from '../eval/materialise.js';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const CINEMA = 'Sorrel Creek cinema adds midnight screenings of Hollowpoint Bay';
const COUGH = 'Cases of whooping cough rise in Sorrel Creek schools';

describe("a piece's item that touches none of the story it joins", () => {
  it("stays out of the film's story, and the cinema's report is in it", async () => {
    const set = catalogue().sources.find((s) => s.name === 'aggregator-q')!.load();
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-piece-strays-'));
    const config = materialise(set, dir);
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', config, '--now', set.meta.now, '--out', out, '--offline'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const edition = JSON.parse(readFileSync(path.join(out, '2027-06-15', 'digest.json'), 'utf8')) as Edition;
    const stories = edition.sections.flatMap((s) => s.stories);
    const storyOf = (title: string) => stories.find((st) => st.items.some((i) => i.title.replace(/[’‘]/g, "'") === title));
    const film = storyOf(CINEMA)!;
    expect(film.items.length).toBeGreaterThan(20);
    expect(storyOf(COUGH)).toBeDefined();
    expect(storyOf(COUGH)).not.toBe(film);
  });
});
