// `maxStories`: an edition (and a section whose theme says so) holds at most that many stories. The
// lowest-ranked go, as `over-limit` in digest.json and the report; a story an editor pinned never goes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { CLI_TIMEOUT, NOW, makeDeskWorkspace, type DeskWorkspace } from '../desk/workspace.js';

let ws: DeskWorkspace;
beforeAll(() => {
  ws = makeDeskWorkspace();
});
afterAll(() => ws.remove());

const cli = (args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
const edition = (): Edition => JSON.parse(readFileSync(path.join(ws.editionDir, 'digest.json'), 'utf8')) as Edition;
const titles = (e: Edition) => e.sections.flatMap((s) => s.stories.map((st) => st.title.split(' ').slice(0, 2).join(' ')));
const overLimit = (e: Edition) => e.excluded.filter((x) => x.reason === 'over-limit').map((x) => x.guid).sort();

async function build(): Promise<Edition> {
  const r = await cli(['build', '--now', NOW]);
  expect(r.code, r.stderr).toBe(0);
  return edition();
}

describe('maxStories', () => {
  it('keeps every story under the default cap', async () => {
    const e = await build();
    // five stories: the missiles (two outlets), the drone strike, Geneva, the envoy, the budget
    expect(titles(e)).toHaveLength(5);
    expect(overLimit(e)).toEqual([]);
  }, CLI_TIMEOUT);

  it('cuts the lowest-ranked stories of the edition, and says so in digest.json and the report', async () => {
    ws.writeConfig('maxStories: 3\n');
    const e = await build();
    // ranked: most outlets first, then the most recent; the oldest two single-outlet stories go
    expect(titles(e)).toEqual(['Ukraine receives', 'Russia launches', 'Ukraine envoy']);
    expect(overLimit(e)).toEqual(['w-budget', 'w-geneva']);
    expect(e.excluded.find((x) => x.guid === 'w-budget')!.detail).toBe(
      '"Ukraine budget for 2027 passes first reading in parliament" ranked below the 3 stories the edition keeps (maxStories: 3)',
    );
    const { document } = parseHTML(readFileSync(path.join(ws.editionDir, 'report.html'), 'utf8'));
    const text = document.body.textContent ?? '';
    expect(text).toContain('over the story limit');
    expect(text).toContain('ranked below the 3 stories the edition keeps');
  }, CLI_TIMEOUT);

  it('never cuts a pinned story: the next lowest goes instead', async () => {
    ws.writeConfig();
    await build();
    const pin = await cli(['edit', 'pin', 'Kremlin rejects', '--by', 'ed@desk.test']);
    expect(pin.code, pin.stderr).toBe(0);
    ws.writeConfig('maxStories: 3\n');
    const e = await build();
    // Geneva, fourth of five, is pinned (to the top of its section): the budget and the drone strike go
    expect(titles(e)).toEqual(['Ukraine receives', 'Kremlin rejects', 'Ukraine envoy']);
    expect(overLimit(e)).toEqual(['b-drones', 'w-budget']);
    const undo = await cli(['edit', 'undo', '1']);
    expect(undo.code, undo.stderr).toBe(0);
  }, CLI_TIMEOUT * 3);

  it('caps a section by its theme’s maxStories', async () => {
    ws.writeConfig();
    const cfg = readFileSync(ws.configFile, 'utf8').replace(
      'keywords: [ceasefire, talks, envoy, prisoner exchange]',
      'keywords: [ceasefire, talks, envoy, prisoner exchange]\n    maxStories: 1',
    );
    writeFileSync(ws.configFile, cfg);
    const e = await build();
    expect(e.sections.find((s) => s.id === 'talks')!.stories.map((s) => s.title)).toEqual(['Ukraine envoy meets mediators about a prisoner exchange']);
    expect(e.excluded.filter((x) => x.reason === 'over-limit')).toEqual([
      expect.objectContaining({
        guid: 'w-geneva',
        detail: '"Kremlin rejects Geneva ceasefire talks proposal" ranked below the 1 stories section "Talks & diplomacy" keeps (maxStories: 1)',
      }),
    ]);
  }, CLI_TIMEOUT);

  it('rejects a cap that is not a whole number ≥ 1 with one line', async () => {
    ws.writeConfig('maxStories: 0\n');
    const r = await cli(['build', '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^digest: .*digest\.config\.yaml: maxStories: expected a number of stories per edition ≥ 1, got the number 0\n$/);
  }, CLI_TIMEOUT);
});
