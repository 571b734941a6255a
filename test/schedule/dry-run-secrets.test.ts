// `digest tick --dry-run` (and `run --dry-run`), run to check a setup, says what the real step would refuse in the
// secrets it is given: a DIGEST_SMTP_URL or DIGEST_SECRET set as the real step refuses it gets the real step's one
// line and exit 2, instead of exit 0 and a plan for a tick that can never send. One not set is a warning line only,
// with the plan: the shell a dry run is tried from often lacks what the service's environment file gives.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI_TIMEOUT, makeDeskWorkspace, SECRET, type DeskWorkspace } from '../desk/workspace.js';

let ws: DeskWorkspace;
beforeAll(() => {
  ws = makeDeskWorkspace('schedule: "0 7 * * 1"\n');
});
afterAll(() => ws.remove());

const NOW = '2026-11-23T07:05:00+02:00';
const dry = (command: 'tick' | 'run', env: Record<string, string>) =>
  runCli([command, '--dry-run', ...(command === 'tick' ? ['--now', NOW] : []), '--config', ws.configFile], { cwd: ws.dir, env, timeoutMs: CLI_TIMEOUT });

describe('a dry run checks the secrets', () => {
  const refused: [string, Record<string, string>, string][] = [
    ['an SMTP URL without its colon', { DIGEST_SMTP_URL: 'smtp//x', DIGEST_SECRET: SECRET }, 'digest: DIGEST_SMTP_URL is not a URL: expected e.g. smtps://user:password@smtp.example.org:465'],
    ['an FTP URL', { DIGEST_SMTP_URL: 'ftp://x', DIGEST_SECRET: SECRET }, 'digest: DIGEST_SMTP_URL: expected an smtp:// or smtps:// URL, got ftp://…'],
    ['a port that is no number', { DIGEST_SMTP_URL: 'smtps://user:pw@smtp.example.org:submission', DIGEST_SECRET: SECRET }, 'digest: DIGEST_SMTP_URL: its port is not a number from 1 to 65535: expected e.g. smtps://user:password@smtp.example.org:465'],
    ['a secret too short', { DIGEST_SMTP_URL: 'smtp://127.0.0.1:2525', DIGEST_SECRET: 'short' }, 'digest: DIGEST_SECRET is too short: expected at least'],
  ];
  it.each(refused)('%s: the real step\'s refusal, one line, exit 2, nothing written', async (_name, env, line) => {
    for (const command of ['tick', 'run'] as const) {
      const r = await dry(command, env);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(line);
      // and the real tick says the same
      if (command === 'tick') {
        const real = await runCli(['tick', '--now', NOW, '--config', ws.configFile], { cwd: ws.dir, env, timeoutMs: CLI_TIMEOUT });
        expect(real.code).toBe(2);
        expect(real.stderr).toContain(line);
      }
    }
    expect(existsSync(ws.stateDir)).toBe(false);
  }, 180_000);

  it('secrets not set: a warning line for each, and the plan, exit 0', async () => {
    const r = await dry('tick', { DIGEST_SMTP_URL: '', DIGEST_SECRET: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('dry run: edition 2026-11-23 is due');
    expect(r.stderr.trim().split('\n')).toEqual([
      'warning: DIGEST_SECRET is not set here: the real digest tick refuses to start without it (e.g. export DIGEST_SECRET=$(openssl rand -hex 32)); set it where the scheduler runs',
      'warning: DIGEST_SMTP_URL is not set here: the real digest tick refuses to start without it (e.g. smtps://user:password@smtp.example.org:465); set it where the scheduler runs',
    ]);
  }, 180_000);

  it('good secrets: no warning', async () => {
    const r = await dry('tick', { DIGEST_SMTP_URL: 'smtp://127.0.0.1:2525', DIGEST_SECRET: SECRET });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('dry run: edition 2026-11-23 is due');
  }, 180_000);
});
