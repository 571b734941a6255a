// Approving in the preview after another editor took back, on the command line, a correction the preview's build
// carries: that build is not approved with the correction in it (nor written over the draft without it); the
// preview rebuilds without it, and what is approved then is what the corrections now say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';
import { startPreview, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, ID, NOW, deskCli, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
let preview: Listening;

beforeAll(async () => {
  ws = makeDeskWorkspace();
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
  preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch', '--out', ws.outDir]);
}, CLI_TIMEOUT);
afterAll(async () => {
  await preview?.stop();
  ws?.remove();
});

const state = () => {
  const store = openStore(ws.stateDir);
  try {
    return new EditionLifecycle(store).get(ID)!.state;
  } finally {
    store.close();
  }
};
/** The hidden fields of the preview page's first form posting to `action` (and naming `story`, if given). */
async function formOf(action: string, story?: string): Promise<{ page: string; fields: Record<string, string> }> {
  const page = await (await fetch(preview.url)).text();
  const forms = [...page.matchAll(new RegExp(`<form method="post" action="/${action}"[^>]*>([\\s\\S]*?)</form>`, 'g'))].map((m) => m[1]);
  const form = forms.find((f) => !story || f.includes(`name="story" value="${story}"`))!;
  return { page, fields: Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]])) };
}
const post = (action: string, fields: Record<string, string>) => fetch(`${preview.url}${action}`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
const drones = () => draftOf(ws).sections.flatMap((s) => s.stories).find((st) => st.items.some((it) => it.guid === 'b-drones'))!;

describe('the preview approves only a build whose corrections all still stand', () => {
  it('refuses the build read before a correction was taken back elsewhere, rebuilds without it, then approves', async () => {
    const { fields: title } = await formOf('edit', drones().id);
    expect((await post('edit', { ...title, action: 'title', text: 'Kharkiv in the dark' })).status).toBe(303);
    expect(drones().title).toBe('Kharkiv in the dark');
    const { fields } = await formOf('approve');

    // meanwhile, on the command line
    const undo = await deskCli(ws, ['edit', 'undo', '1']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(drones().title).toBe('Russia launches drone strike on Kharkiv power station');

    expect((await post('approve', fields)).status).toBe(303);
    expect(state()).toBe('draft');
    expect(drones().title).toBe('Russia launches drone strike on Kharkiv power station');
    const after = await formOf('approve');
    expect(after.page).toContain('correction #1, taken back elsewhere, is still in this build; the preview has been rebuilt without it: read it, then approve');
    expect(after.page).not.toContain('Kharkiv in the dark');

    expect((await post('approve', after.fields)).status).toBe(303);
    expect(state()).toBe('approved');
    expect(readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8')).not.toContain('Kharkiv in the dark');
  }, 480_000);
});
