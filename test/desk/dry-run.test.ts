// `digest tick --dry-run` and `digest run --dry-run`: say which edition, its window and how many
// recipients, and what would be done — and change nothing (no state folder, no edition, no mail).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { makeDeskWorkspace, type DeskWorkspace, CLI_TIMEOUT } from './workspace.js';

let ws: DeskWorkspace;
beforeAll(() => {
  ws = makeDeskWorkspace('schedule: "0 7 * * 1"\n');
});
afterAll(() => ws.remove());

// no secrets: a dry run does not need them, and says only that the real step will (test/schedule/dry-run-secrets)
const unset = (command: string) =>
  ['DIGEST_SECRET', 'DIGEST_SMTP_URL'].map((name) => expect.stringMatching(new RegExp(`^warning: ${name} is not set here: the real digest ${command} refuses to start without it`)));
const cli = (args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: '', DIGEST_SMTP_URL: '' }, timeoutMs: CLI_TIMEOUT });

describe('dry runs', () => {
  it('tick --dry-run on a fresh install says what it would build and send, and creates nothing', async () => {
    const r = await cli(['tick', '--dry-run', '--now', '2026-11-23T07:05:00+02:00']);
    expect(r.stderr.trim().split('\n')).toEqual(unset('tick'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'dry run: edition 2026-11-23 is due',
        '  would build nothing and send nothing: there are no active subscribers (the edition stays due)',
        '  nothing was changed; next edition at 2026-11-30T07:00:00.000+02:00',
        '',
      ].join('\n'),
    );
    expect(existsSync(ws.stateDir)).toBe(false);
    expect(existsSync(ws.outDir)).toBe(false);
  }, 180_000);

  it('counts the active subscribers, names an approved edition, and leaves the store as it was', async () => {
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'ann@reader.test' });
    store.addSubscriber({ email: 'bob@reader.test' });
    store.addSubscriber({ email: 'cat@reader.test', status: 'unsubscribed' });
    store.close();
    const due = await cli(['tick', '--dry-run', '--now', '2026-11-23T07:05:00+02:00']);
    expect(due.stdout).toContain(
      `  would build edition 2026-11-23 (window 2026-11-16T07:00:00.000+02:00 – 2026-11-23T07:00:00.000+02:00) into ${ws.outDir}/2026-11-23\n` +
        '  would approve it as built and send it to 2 active subscriber(s)\n',
    );

    const build = await cli(['build', '--now', '2026-11-23T07:00:00+02:00']);
    expect(build.code, build.stderr).toBe(0);
    expect((await cli(['approve', '--by', 'ed@desk.test'])).code).toBe(0);
    const before = readdirSync(ws.editionDir).sort();
    const approved = await cli(['tick', '--dry-run', '--now', '2026-11-23T07:05:00+02:00']);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('  would send the approved copy of edition 2026-11-23 (approved by ed@desk.test) to 2 active subscriber(s)\n');
    expect(readdirSync(ws.editionDir).sort()).toEqual(before);
    const after = openStore(ws.stateDir);
    expect(after.deliveries('2026-11-23')).toEqual([]);
    after.close();

    const quiet = await cli(['tick', '--dry-run', '--now', '2026-11-21T12:00:00+02:00']);
    expect(quiet.stdout).toMatch(/^dry run: nothing due: .*\n {2}nothing was changed; next edition at 2026-11-23T07:00:00\.000\+02:00\n$/);
  }, 480_000);

  it('run --dry-run says what it would do at start and when it would fire, then exits', async () => {
    const r = await cli(['run', '--dry-run']);
    expect(r.stderr.trim().split('\n')).toEqual(unset('run'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^at start: dry run: /);
    expect(r.stdout).toMatch(/\nthen at each firing of "0 7 \* \* 1" \(Europe\/Kyiv\): \d{4}-\d\d-\d\dT07:00:00\.000\+0[23]:00, .*, …\n$/);
  }, 180_000);

  it('a dry run refuses what the real step would refuse in the config', async () => {
    const bare = makeDeskWorkspace('schedule: "0 7 * * 1"\n');
    try {
      const config = readFileSync(bare.configFile, 'utf8');
      expect(config).toMatch(/\n {2}address: /);
      writeFileSync(bare.configFile, config.replace(/\n {2}address: [^\n]*/, ''));
      for (const command of ['tick', 'run']) {
        const clock = command === 'tick' ? ['--now', '2026-11-23T07:05:00+02:00'] : [];
        const r = await runCli([command, '--dry-run', ...clock, '--config', bare.configFile], {
          cwd: bare.dir,
          env: { DIGEST_SECRET: '', DIGEST_SMTP_URL: '' },
          timeoutMs: CLI_TIMEOUT,
        });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(new RegExp(`^digest: .*: digest ${command} needs email\\.address \\(your postal address, shown in every footer\\)\n$`));
      }
    } finally {
      bare.remove();
    }
  }, 180_000);
});
