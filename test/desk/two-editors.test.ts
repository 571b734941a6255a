// Two editors at once: one on the desk of digest serve, one on the command line. A title, summary or
// introduction the desk page showed and another editor has changed since is not overwritten unseen: the
// desk says what it is now, and the change goes through once the editor has read it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import type { Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { deskPost, openDesk, type OpenDesk } from './sign-in.js';

let ws: DeskWorkspace;
let desk: OpenDesk;
let serve: Listening;
let cookie: string;

const cli = (args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
const draft = (): Edition => JSON.parse(readFileSync(path.join(ws.editionDir, 'digest.json'), 'utf8')) as Edition;
const post = (pathname: string, body: Record<string, string>, c: string) => deskPost(serve, pathname, body, c);
const deskPage = async () => (await fetch(`${serve.url}/desk`, { headers: { Cookie: cookie } })).text();

/** The hidden fields of the desk's form for `action` on the story whose id is given (none: the introduction's form). */
function formFields(html: string, action: string, story?: string): Record<string, string> {
  const forms = html.match(/<form method="post" action="desk\/edit"[^>]*>[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(`name="action" value="${action}"`) && (!story || f.includes(`name="story" value="${story}"`)))!;
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[name] = unescape(value);
  }
  return fields;
}
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Post a desk form, then read the message the desk shows for it. */
async function submit(fields: Record<string, string>): Promise<string> {
  const r = await post('/desk/edit', fields, cookie);
  expect(r.status).toBe(303);
  return unescape(/<p class="msg [a-z]+" role="[a-z]+">([^<]*)<\/p>/.exec(await deskPage())![1]);
}

beforeAll(async () => {
  ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
  const built = await cli(['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
  desk = await openDesk(ws, SECRET);
  ({ serve, cookie } = desk);
}, CLI_TIMEOUT);
afterAll(async () => {
  await desk?.close();
  ws?.remove();
});

const kremlin = () => draft().sections.flatMap((s) => s.stories).find((st) => st.items.some((it) => it.guid === 'w-geneva'))!;

describe('an editor on the desk and another on the command line', () => {
  it("a title the other editor changed since the page was loaded is not overwritten unseen; once read, it is", async () => {
    const page = await deskPage();
    const id = kremlin().id;
    const title = formFields(page, 'title', id);
    // meanwhile, on the command line
    expect((await cli(['edit', 'title', 'Kremlin rejects', 'Kremlin turns down talks in Geneva', '--by', 'cli@desk.test'])).code).toBe(0);

    const refused = await submit({ ...title, text: 'Moscow says no to Geneva' });
    expect(refused).toBe(
      "the title \"Kremlin rejects Geneva ceasefire talks proposal\" changed since this page was loaded (another editor's correction?): " +
        'it is now "Kremlin turns down talks in Geneva"; read it, then make your change',
    );
    expect(kremlin().title).toBe('Kremlin turns down talks in Geneva');
    expect(draft().corrections).toHaveLength(1);

    const again = formFields(await deskPage(), 'title', id);
    expect(await submit({ ...again, text: 'Moscow says no to Geneva' })).toBe('Correction #2 (title) applied.');
    expect(kremlin().title).toBe('Moscow says no to Geneva');
  }, 480_000);

  it('so are a summary and the introduction; other actions on the story still go through', async () => {
    const page = await deskPage();
    const id = kremlin().id;
    const summary = formFields(page, 'summary', id);
    const intro = formFields(page, 'intro');
    for (const args of [['summary', 'Moscow says', 'The Kremlin said no, a spokesman said.'], ['intro', 'A week of refusals.']]) {
      const r = await cli(['edit', ...args]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(await submit({ ...summary, text: 'Mine.' })).toMatch(/^the summary of "Moscow says no to Geneva" changed since this page was loaded .*it is now "The Kremlin said no, a spokesman said\."/);
    expect(await submit({ ...intro, text: 'My intro.' })).toMatch(/^the introduction changed since this page was loaded .*it is now "A week of refusals\."/);
    expect(draft().intro).toBe('A week of refusals.');
    // a pin of the same story, from the same stale page, is not about its text
    expect(await submit(formFields(page, 'pin', id))).toBe('Correction #5 (pin) applied.');
  }, 480_000);

  it('an action on a story another editor merged away since the page was loaded says the draft changed', async () => {
    const page = await deskPage();
    const envoy = draft().sections.flatMap((s) => s.stories).find((st) => st.items.some((it) => it.guid === 'w-envoy'))!;
    expect((await cli(['edit', 'merge', 'Moscow says', envoy.id])).code).toBe(0);
    expect(await submit(formFields(page, 'drop', envoy.id))).toBe(
      `STORY ${envoy.id}: no story in the draft has that id now: the draft changed since it was read (a late item, or another editor's merge, split or drop); ` +
        'reload the desk (or run `digest edit list`) to see the stories as they are',
    );
    expect(draft().excluded).toEqual([]);
  }, 480_000);
});
