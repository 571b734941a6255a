// `digest` or `digest feeds` with no command is bad usage, as git, npm and docker take it: the usage goes to stderr
// and the exit is 2, so a cron line or script that lost its command fails loudly instead of passing for a step done.
// Help asked for (`--help`, `digest help`) is still no failure: usage on stdout, exit 0.
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 60_000 });

describe('no command given', () => {
  it.each([[[]], [['feeds']], [['subscribers']], [['edit']]])('digest %j: usage on stderr, exit 2', async (args) => {
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: digest /);
    expect(r.stderr).toContain('Commands:');
  });

  it.each([[['--help']], [['help']], [['feeds', '--help']], [['help', 'feeds']]])('digest %j asks for help: usage on stdout, exit 0', async (args) => {
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: digest /);
    expect(r.stderr).toBe('');
  });
});
