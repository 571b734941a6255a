// What an editor writes (`digest edit title|summary|intro`) reaches readers as written: text longer than
// the email shows is refused, not cut short with an ellipsis for readers; control characters do not reach
// the draft (nor, through `digest edit list`, anyone's terminal).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, deskCli, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
beforeAll(async () => {
  ws = makeDeskWorkspace();
  const r = await cli(['build', '--now', NOW]);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);
afterAll(() => ws.remove());

const cli = (args: string[]) => deskCli(ws, args);
const edition = () => draftOf(ws);
const emailText = () => parseHTML(readFileSync(path.join(ws.editionDir, 'digest.html'), 'utf8')).document.body.textContent!.replace(/\s+/g, ' ');
/** `n` characters of words */
const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ').slice(0, n).trim().padEnd(n, 'x');

describe('digest edit: the text an editor writes', () => {
  it('a title or summary longer than the email shows is refused in one line; one that fits reaches the email whole', async () => {
    const cases: [string[], string][] = [
      [['title', 'Ukraine receives', words(201, 'head')], 'digest: title: expected at most 200 characters (what the email shows), got 201\n'],
      [['summary', 'Kremlin rejects', words(701, 'said')], 'digest: summary: expected at most 700 characters (what the email shows), got 701\n'],
    ];
    for (const [args, line] of cases) {
      const r = await cli(['edit', ...args]);
      expect(r.stderr, args[0]).toBe(line);
      expect(r.code).toBe(2);
    }
    expect(edition().corrections).toBeUndefined();

    const title = words(200, 'head');
    const summary = words(700, 'said');
    expect((await cli(['edit', 'title', 'Ukraine receives', title])).code).toBe(0);
    expect((await cli(['edit', 'summary', 'Kremlin rejects', summary])).code).toBe(0);
    const text = emailText();
    expect(text).toContain(title);
    expect(text).toContain(summary);
  }, 480_000);

  it('control and bidi-override characters become spaces: not in the draft, nor in `digest edit list` on a terminal', async () => {
    const hostile = 'Red\x1b[31m alert\x07 and \u202eexe.txt\x01 done';
    const r = await cli(['edit', 'title', 'Russia launches', hostile]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const story = edition().sections.flatMap((s) => s.stories).find((st) => st.items.some((it) => it.guid === 'b-drones'))!;
    expect(story.title).toBe('Red [31m alert and exe.txt done');
    const list = await cli(['edit', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Red [31m alert and exe.txt done');
    expect(list.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\u202a-\u202e]/);
    // right-to-left text itself is kept as written
    expect((await cli(['edit', 'summary', 'Red [31m', 'قالت الوزارة إن الصواريخ وصلت.'])).code).toBe(0);
    expect(emailText()).toContain('قالت الوزارة إن الصواريخ وصلت.');
  }, 480_000);

  it('`digest edit list` prints a correction stored raw before they were refused (an older database) without its control characters', async () => {
    expect((await cli(['edit', 'summary', 'Kremlin rejects', 'Stored plainly.'])).code).toBe(0);
    // as an older Roundup stored it: the text as typed
    const db = new Database(path.join(ws.stateDir, 'digest.db'));
    db.prepare(`UPDATE corrections SET value = ?, made_by = ? WHERE id = (SELECT MAX(id) FROM corrections)`).run('Old\x1b]0;owned\x07 text', 'ed\x1b[2J@desk.test');
    db.close();
    expect((await cli(['build', '--now', NOW])).code).toBe(0);
    const list = await cli(['edit', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Old ]0;owned text');
    expect(list.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\u202a-\u202e]/);
  }, 480_000);

  it('a title of invisible characters only is refused, not shown to readers as "Untitled story"', async () => {
    const r = await cli(['edit', 'title', 'Ukraine budget', '\u200b\u2800\u3164']);
    expect(r.stderr).toBe('digest: title: expected some text that shows, got only blank or invisible characters\n');
    expect(r.code).toBe(2);
    expect(emailText()).toContain('Ukraine budget for 2027 passes first reading in parliament');
  }, 240_000);
});
