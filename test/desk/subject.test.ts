// The desk of digest serve shows the subject readers get (the first thing they read of an edition, and one an
// editor's retitle of the top story changes), and it is the Subject of the mail digest send delivers once approved,
// instead of the editor approving an edition whose subject the desk never showed.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI_TIMEOUT, NOW, SECRET, addReader, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { csrfOf, deskPost, openDesk, type OpenDesk } from './sign-in.js';

let ws: DeskWorkspace;
let desk: OpenDesk;

const deskHtml = async () => (await fetch(`${desk.serve.url}/desk`, { headers: { Cookie: desk.cookie } })).text();
/** the subject as the desk shows it, or null */
const subjectShown = (html: string) => {
  const m = /<p class="subject"><span class="muted">Subject:<\/span> <strong dir="auto">([^<]*)<\/strong><\/p>/.exec(html);
  return m ? m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
};

beforeAll(async () => {
  ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
  const built = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
  expect(built.code, built.stderr).toBe(0);
  addReader(ws, 'reader@reader.test');
  desk = await openDesk(ws, SECRET);
}, 2 * CLI_TIMEOUT);
afterAll(async () => {
  await desk?.close();
  ws?.remove();
});

describe('the subject on the desk', () => {
  it('is shown, follows a retitle of the top story, and is the Subject sent once approved', async () => {
    const before = subjectShown(await deskHtml());
    expect(before).toMatch(/^Desk Watch · 23 Nov 2026: /);
    const top = before!.replace(/^Desk Watch · 23 Nov 2026: /, '');
    const html = await deskHtml();
    const story = draftOf(ws).sections.flatMap((s) => s.stories).find((st) => st.title === top)!.id;
    const retitled = await deskPost(desk.serve, '/desk/edit', { csrf: csrfOf(html), action: 'title', story, shown: top, text: 'Long-range missiles reach Ukraine' }, desk.cookie);
    expect(retitled.status).toBe(303);
    const after = await deskHtml();
    expect(after).toMatch(/Correction #1 \(title\) applied/);
    expect(subjectShown(after)).toBe('Desk Watch · 23 Nov 2026: Long-range missiles reach Ukraine');

    const approve = /<form method="post" action="desk\/approve" class="block approve">(.*?)<\/form>/.exec(after)![1];
    const fields = Object.fromEntries([...approve.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));
    expect((await deskPost(desk.serve, '/desk/approve', fields, desk.cookie)).status).toBe(303);
    const approved = await deskHtml();
    expect(approved).toContain('Edition 2026-11-23 approved');
    expect(subjectShown(approved)).toBe('Desk Watch · 23 Nov 2026: Long-range missiles reach Ukraine');

    const before2 = desk.sink.received.length;
    const sent = await runCli(['send', '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: desk.sink.url }, timeoutMs: CLI_TIMEOUT });
    expect(sent.code, sent.stderr).toBe(0);
    await desk.sink.waitFor(() => desk.sink.received.length > before2, CLI_TIMEOUT);
    const mail = await simpleParser(desk.sink.received.at(-1)!.raw);
    expect(mail.subject).toBe(subjectShown(approved));
  }, 2 * CLI_TIMEOUT);
});
