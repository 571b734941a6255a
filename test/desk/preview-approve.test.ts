// Approving in the preview while another editor corrected the draft on the command line: the preview's
// build, made before that correction, is not approved (nor written over the draft that has it); the preview
// rebuilds with it, and what is approved then carries it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { startPreview, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, ID, NOW, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
let preview: Listening;

beforeAll(async () => {
  ws = makeDeskWorkspace();
  const built = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
  expect(built.code, built.stderr).toBe(0);
  preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch', '--out', ws.outDir]);
}, CLI_TIMEOUT);
afterAll(async () => {
  await preview?.stop();
  ws?.remove();
});

const draft = (): Edition => JSON.parse(readFileSync(path.join(ws.editionDir, 'digest.json'), 'utf8')) as Edition;
const state = () => {
  const store = openStore(ws.stateDir);
  try {
    return new EditionLifecycle(store).get(ID)!.state;
  } finally {
    store.close();
  }
};
/** The approve form's fields on the preview's page as it is now. */
async function approveForm(): Promise<{ page: string; fields: Record<string, string> }> {
  const page = await (await fetch(preview.url)).text();
  const form = /<form method="post" action="\/approve"[^>]*>([\s\S]*?)<\/form>/.exec(page)![1];
  return { page, fields: Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]])) };
}
const approve = (fields: Record<string, string>) => fetch(`${preview.url}approve`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

describe('the preview approves only a build with every correction made elsewhere', () => {
  it('refuses the build read before a correction on the command line, rebuilds with it, then approves it', async () => {
    const { fields } = await approveForm();
    const edit = await runCli(['edit', 'title', 'Kremlin rejects', 'Kremlin turns down Geneva talks', '--config', ws.configFile], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
    expect(edit.code, edit.stderr).toBe(0);

    expect((await approve(fields)).status).toBe(303);
    expect(state()).toBe('draft');
    expect(draft().corrections!.map((c) => c.value)).toEqual(['Kremlin turns down Geneva talks']);
    const after = await approveForm();
    expect(after.page).toContain('correction #1, made elsewhere, is not in this build; the preview has been rebuilt with it: read it, then approve');
    expect(after.page).toContain('Kremlin turns down Geneva talks');

    expect((await approve(after.fields)).status).toBe(303);
    expect(state()).toBe('approved');
    expect(readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8')).toContain('Kremlin turns down Geneva talks');
  }, 480_000);
});
