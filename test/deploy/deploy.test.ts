// The deployment examples are checked, not just shipped: their commands exist in the CLI, the cron line and
// systemd units are well-formed, and the Dockerfile is minimal and non-root. (No Docker engine or systemd here.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

/** Minimal INI reader for systemd units: section → key → values (keys may repeat). */
function unit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([A-Za-z]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!kv || !current) throw new Error(`line ${i + 1} is not "Key=value" inside a [Section]: ${line}`);
    current.set(kv[1], [...(current.get(kv[1]) ?? []), kv[2]]);
  }
  return sections;
}

/** the `digest <command> …` part of a command line, as argv */
function digestArgs(cmd: string): string[] {
  const m = /(?:digest|digest\.js)\s+(.*?)(?:\s*>>.*)?$/.exec(cmd);
  if (!m) throw new Error(`no digest command in: ${cmd}`);
  return m[1].split(/\s+/);
}

async function expectCliAccepts(args: string[]) {
  // --help on the same subcommand proves the command and its flags parse; the config path may not exist here
  const flags = args.filter((a) => a.startsWith('-'));
  const r = await runCli([args[0], '--help']);
  expect(r.code, r.stderr).toBe(0);
  for (const f of flags) expect(r.stdout, `${args[0]} has ${f}`).toContain(f);
}

describe('deployment examples', () => {
  it('the crontab line is five fields and a digest tick', async () => {
    const lines = read('deploy/crontab').split('\n').filter((l) => l.trim() && !l.startsWith('#') && !/^[A-Z_]+=/.test(l));
    expect(lines).toHaveLength(1);
    const fields = lines[0].trim().split(/\s+/);
    for (const f of fields.slice(0, 5)) expect(f).toMatch(/^[\d*/,-]+$/);
    const args = digestArgs(lines[0]);
    expect(args[0]).toBe('tick');
    await expectCliAccepts(args);
  });

  it('the systemd units are well-formed and run real commands', async () => {
    const tick = unit(read('deploy/systemd/roundup-tick.service'));
    expect(tick.get('Service')?.get('Type')).toEqual(['oneshot']);
    const timer = unit(read('deploy/systemd/roundup-tick.timer'));
    expect(timer.get('Timer')?.get('OnCalendar')?.[0]).toMatch(/\S/);
    expect(timer.get('Install')?.get('WantedBy')).toEqual(['timers.target']);
    const run = unit(read('deploy/systemd/roundup.service'));
    expect(run.get('Service')?.get('KillSignal')).toEqual(['SIGTERM']);
    for (const u of [tick, run]) {
      const svc = u.get('Service')!;
      expect(svc.get('User')?.[0]).not.toBe('root');
      const exec = svc.get('ExecStart')![0];
      expect(exec.startsWith('/')).toBe(true); // systemd wants an absolute path
      await expectCliAccepts(digestArgs(exec));
    }
  });

  it('the Dockerfile is node:20-slim, non-root, with state on a volume', () => {
    const df = read('Dockerfile');
    const from = [...df.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(from.every((f) => f.startsWith('node:20-slim'))).toBe(true);
    expect(df).toMatch(/^USER\s+(?!root)\w+/m);
    expect(df).toMatch(/^VOLUME\s+\["\/data"\]/m);
    expect(df).toMatch(/npm ci/);
    const cmd = /^CMD\s+(\[.*\])/m.exec(df);
    const argv = JSON.parse(cmd![1]) as string[];
    expect(argv.slice(0, 3)).toEqual(['node', 'bin/digest.js', 'run']);
    // every COPY source exists in the repository
    for (const m of df.matchAll(/^COPY\s+(?!--from)(.+)\s+\S+$/gm)) {
      for (const src of m[1].trim().split(/\s+/)) expect(existsSync(path.join(ROOT, src)), src).toBe(true);
    }
  });
});
