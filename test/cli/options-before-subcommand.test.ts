// A user who names the config first, between a group command and its subcommand (`digest subscribers --config F add`,
// `digest edit -c F list`), gets the command run with that config, as written after the subcommand; an option the
// subcommand does not know is still refused in one line, exit 2.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-options-first-'));
cpSync(path.join(ROOT, 'feeds'), dir, { recursive: true });
const cfg = path.join(dir, 'example.config.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an option written before the subcommand', () => {
  it('is the subcommand\'s: --config, -c and --config=F all name the config', async () => {
    const added = await runCli(['subscribers', '--config', cfg, 'add', 'first@example.org']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect((await runCli(['subscribers', '-c', cfg, 'add', 'second@example.org'])).code).toBe(0);
    const listed = await runCli(['subscribers', `--config=${cfg}`, 'list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('first@example.org\tactive');
    expect(listed.stdout).toContain('second@example.org\tactive');
    // the same config written after the subcommand reads the same list
    expect((await runCli(['subscribers', 'list', '--config', cfg])).stdout).toBe(listed.stdout);
    const edit = await runCli(['edit', '--config', cfg, 'list']);
    expect(edit.stderr).toBe('digest: no draft to show: build one first (`digest build`)\n');
  });

  it('is refused as before when the subcommand does not know it', async () => {
    const r = await runCli(['edit', '--bogus', 'list', '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^digest: unknown option '--bogus'\n/);
  });
});
