// The README's table of commands is where a new user looks first: each command's row names every option its
// `--help` lists, so an option added to the program is not one the README never mentions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** each `digest …` usage in the README's table of commands that lists options, with its command words */
function usages(): { usage: string; command: string[] }[] {
  const rows = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| `digest '));
  return rows.flatMap((row) =>
    [...row.split(' | ')[0].matchAll(/`digest ([^`]*)`/g)]
      .map((m) => m[1])
      .filter((usage) => usage.includes('--'))
      .map((usage) => {
        const command: string[] = [];
        for (const word of usage.split(' ')) {
          if (!/^[a-z]+(\\\|[a-z]+)*$/.test(word)) break;
          command.push(word.split('\\|')[0]); // drop\|pin\|…: one of them stands for all
        }
        return { usage, command };
      }),
  );
}

describe("the README's table of commands", () => {
  const all = usages();

  it('is found', () => {
    expect(all.map((u) => u.command.join(' '))).toEqual(expect.arrayContaining(['build', 'send', 'preview', 'status', 'approve', 'run', 'feeds import']));
  });

  it.each(all.map((u) => [u.command.join(' '), u.usage]))('digest %s: names every option of its --help', async (command, usage) => {
    const r = await runCli([...command.split(' '), '--help']);
    expect(r.code, r.stderr).toBe(0);
    const options = [...r.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]).filter((o) => o !== '--help');
    expect(options.length).toBeGreaterThan(0);
    const named = new Set(usage.match(/--[a-z-]+/g));
    expect(options.filter((o) => !named.has(o)), usage).toEqual([]);
  });
});
