// `digest health`: what the container's HEALTHCHECK runs. Healthy while `digest run` runs; unhealthy when its loop
// hangs (its heartbeat goes stale), when it was killed, and after it stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { quietDigest } from './quiet-digest.js';

const { dir, cfg, state, env } = quietDigest('Health');
const heartbeat = path.join(state, 'run.heartbeat');
const health = () => runCli(['health', '--config', cfg], { cwd: dir });

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** `digest run` on the config, once it has logged that it started */
async function startRun(config = cfg): Promise<{ child: ChildProcess; out: () => string; exited: Promise<number | null> }> {
  const c = spawn(process.execPath, [BIN, 'run', '--config', config, '--out', path.join(dir, 'out'), '--verbose'], { cwd: ROOT, env: { ...process.env, ...env } });
  children.push(c);
  let stdout = '';
  c.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  c.stderr!.resume();
  const exited = new Promise<number | null>((r) => c.on('exit', (code) => r(code)));
  const deadline = Date.now() + 90_000;
  while (!stdout.includes('"started"') && c.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(stdout).toContain('"started"');
  return { child: c, out: () => stdout, exited };
}

describe('digest health', () => {
  it('is unhealthy (exit 1) before digest run ever ran, naming the heartbeat file', async () => {
    const r = await health();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`digest: ${heartbeat}: no heartbeat: digest run is not running for this config (it writes this file while it runs)\n`);
  });

  it('is healthy while digest run runs, unhealthy while its loop hangs (heartbeat stale), and after a clean stop', async () => {
    const run = await startRun();
    const alive = await health();
    expect(alive.stderr).toBe('');
    expect(alive.code).toBe(0);
    expect(alive.stdout).toMatch(new RegExp(`^digest run is alive: pid ${run.child.pid} on \\S+, last heartbeat \\d+ s ago\\n$`));

    // a hung loop: the process is there but runs nothing, so its heartbeat ages (set back rather than waited for)
    run.child.kill('SIGSTOP');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(heartbeat, old, old);
    const hung = await health();
    expect(hung.code).toBe(1);
    expect(hung.stderr).toMatch(
      new RegExp(`^digest: ${heartbeat}: the heartbeat of digest run \\(pid ${run.child.pid} on \\S+\\) was last touched 6\\d\\d s ago; expected within 120 s: it hangs, refuses its steps \\(see its log\\) or is gone\\n$`),
    );
    run.child.kill('SIGCONT');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const after = await health();
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('no heartbeat: digest run is not running');
  }, 60_000);

  it('is unhealthy at once when digest run was killed (its heartbeat still fresh)', async () => {
    const run = await startRun();
    expect((await health()).code).toBe(0);
    const pid = run.child.pid;
    run.child.kill('SIGKILL');
    await run.exited;
    const dead = await health();
    expect(dead.code).toBe(1);
    expect(dead.stderr).toBe(`digest: ${heartbeat}: digest run (pid ${pid}) is no longer running: it was killed or crashed\n`);
  }, 60_000);

  it('keeps touching its heartbeat while it works, and stops when its database was replaced under it (every step refused)', async () => {
    // two schedulers side by side, each with its own state folder; the database of the second is replaced as a
    // restore would, while it runs
    const other = path.join(dir, 'other.config.yaml');
    writeFileSync(other, readFileSync(cfg, 'utf8').replace(/^state: state$/m, 'state: other-state'));
    const otherBeat = path.join(dir, 'other-state', 'run.heartbeat');
    const [working, refusing] = [await startRun(), await startRun(other)];
    // the first step has made both databases (--verbose: its outcome is logged, whatever it is)
    const deadline = Date.now() + 90_000;
    while (![working, refusing].every((r) => r.out().includes('"trigger":"startup"')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const r of [working, refusing]) expect(r.out()).toContain('"trigger":"startup"');
    const db = path.join(dir, 'other-state', 'digest.db');
    copyFileSync(db, `${db}.restored`);
    renameSync(`${db}.restored`, db);
    const old = new Date(Date.now() - 10 * 60_000);
    for (const f of [heartbeat, otherBeat]) utimesSync(f, old, old);
    // the working one touches its heartbeat twice, so a whole period has passed for the other too (polled, not
    // timed: a busy machine may run the timers late)
    const touches: number[] = [];
    const until = Date.now() + 100_000;
    while (touches.length < 2 && Date.now() < until) {
      const t = statSync(heartbeat).mtimeMs;
      if (t > (touches.at(-1) ?? old.getTime())) touches.push(t);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(touches).toHaveLength(2);
    expect((await health()).code).toBe(0);
    const refused = await runCli(['health', '--config', other], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${otherBeat}: the heartbeat of digest run (pid ${refusing.child.pid} `);
    for (const r of [working, refusing]) r.child.kill('SIGTERM');
    expect(await working.exited).toBe(0);
    expect(await refusing.exited).toBe(0);
  }, 180_000);
});
