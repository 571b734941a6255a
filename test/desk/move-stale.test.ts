// Two editors at once: a story the desk page showed in one section and another editor has moved since is not moved
// again from the old page, over that editor's move unseen; the desk says where it is now, and the move goes through
// once the editor has read it, as a title, summary or introduction changed since is not overwritten.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { CLI_TIMEOUT, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { deskPost, openDesk, type OpenDesk } from './sign-in.js';

let ws: DeskWorkspace;
let desk: OpenDesk;

const cli = (args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
const draft = (): Edition => JSON.parse(readFileSync(path.join(ws.editionDir, 'digest.json'), 'utf8')) as Edition;
const deskPage = async () => (await fetch(`${desk.serve.url}/desk`, { headers: { Cookie: desk.cookie } })).text();
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden fields of the desk's move form of the story whose id is given. */
function moveFields(html: string, story: string): Record<string, string> {
  const forms = html.match(/<form method="post" action="desk\/edit"[^>]*>[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes('name="action" value="move"') && f.includes(`name="story" value="${story}"`))!;
  return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], unescape(m[2])]));
}
async function submit(fields: Record<string, string>): Promise<string> {
  const r = await deskPost(desk.serve, '/desk/edit', fields, desk.cookie);
  expect(r.status).toBe(303);
  return unescape(/<p class="msg [a-z]+" role="[a-z]+">([^<]*)<\/p>/.exec(await deskPage())![1]);
}
const budget = () => draft().sections.find((s) => s.stories.some((st) => st.items.some((it) => it.guid === 'w-budget')))!;

beforeAll(async () => {
  ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
  const built = await cli(['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
  desk = await openDesk(ws, SECRET);
}, CLI_TIMEOUT);
afterAll(async () => {
  await desk?.close();
  ws?.remove();
});

describe('a move on the desk after another editor moved the story', () => {
  it('is refused, saying where the story is now; from the page read again, it goes through', async () => {
    expect(budget().id).toBe('other');
    const id = budget().stories.find((st) => st.items.some((it) => it.guid === 'w-budget'))!.id;
    const stale = moveFields(await deskPage(), id);
    // meanwhile, on the command line, another editor moves it to Talks
    const moved = await cli(['edit', 'move', id, 'talks']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(budget().id).toBe('talks');

    const said = await submit({ ...stale, section: 'arms' });
    expect(said).toBe('STORY "Ukraine budget for 2027 passes first reading in parliament" was moved from Other news to Talks & diplomacy since this page was loaded (another editor\'s correction?); read it, then move it');
    expect(budget().id).toBe('talks');

    expect(await submit({ ...moveFields(await deskPage(), id), section: 'arms' })).toBe('Correction #2 (move) applied.');
    expect(budget().id).toBe('arms');
  }, 2 * CLI_TIMEOUT);
});
