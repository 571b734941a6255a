// `digest preview` rebuilds when a local feed file (`path:`) changes: edit the file, and the new item is in
// the served preview. A burst of writes makes one rebuild, not one per write.
import { writeFileSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { startPreview, type Listening } from '../helpers/serve.js';
import { LATE_ITEM, NOW, makeDeskWorkspace, type DeskWorkspace } from '../desk/workspace.js';

let ws: DeskWorkspace;
let preview: Listening;
beforeAll(async () => {
  ws = makeDeskWorkspace();
  preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--out', ws.outDir]);
}, 180_000);
afterAll(async () => {
  await preview?.stop();
  ws?.remove();
});

const live = async () => (await (await fetch(`${preview.url}digest.json`)).json()) as Edition;
const guids = (e: Edition) => e.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => i.guid)));
const version = async () => ((await (await fetch(`${preview.url}status.json`)).json()) as { version: number }).version;
const builds = () => preview.stderr().split('\n').filter((l) => /built edition .*\(changed wire\.xml\)/.test(l)).length;

describe('preview watches local feed files', () => {
  it('shows an item added to a path: feed, after one rebuild', async () => {
    expect(guids(await live())).not.toContain(LATE_ITEM.id);
    const before = await version();
    ws.addLateItem();
    await expect.poll(async () => guids(await live()), { timeout: 60_000, interval: 250 }).toContain(LATE_ITEM.id);
    expect(await version()).toBeGreaterThan(before);
    expect(builds()).toBe(1);
  }, 120_000);

  it('sees a feed saved by renaming a new file over it, and a burst of writes rebuilds once more, not per write', async () => {
    const file = path.join(ws.dir, 'feeds/wire.xml');
    const late = readFileSync(file, 'utf8');
    const dropped = late.replace(/<item><guid isPermaLink="false">w-late<\/guid>[\s\S]*?<\/item>/, '');
    expect(dropped).not.toBe(late);
    // five quick writes, the last one a rename over the file, as editors save
    for (let i = 0; i < 4; i++) writeFileSync(file, i % 2 ? late : dropped);
    writeFileSync(`${file}.new`, dropped);
    renameSync(`${file}.new`, file);
    await expect.poll(async () => guids(await live()), { timeout: 60_000, interval: 250 }).not.toContain(LATE_ITEM.id);
    // let any straggling rebuild finish, then count
    await new Promise((r) => setTimeout(r, 1500));
    expect(builds()).toBeLessThanOrEqual(3);
  }, 120_000);
});
