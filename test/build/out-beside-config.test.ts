// Where editions go when no --out is given: next to the config file, as the state folder is, whatever folder the
// command runs in (cron starts a job in the user's home, an operator runs `digest` from anywhere with --config),
// so `send`, `status` and the archive of `serve` find what `build` and `tick` wrote. `out:` in the config moves
// them, relative to the config file; --out still names a folder relative to the working directory.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 180_000 });

const NOW = '2026-11-23T07:00:00Z';

/** the sample config in a folder of its own, its feeds read from the repository, with `extra` lines appended */
function configFolder(extra = ''): { dir: string; config: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-config-'));
  const yaml = readFileSync(path.join(ROOT, 'feeds/example.config.yaml'), 'utf8')
    .replace(/^(\s+path: )(.+)$/gm, (_m, key: string, file: string) => `${key}${path.join(ROOT, 'feeds', file)}`)
    .replace(/^state: .*$/m, 'state: .digest');
  const config = path.join(dir, 'digest.config.yaml');
  writeFileSync(config, yaml + extra);
  return { dir, config };
}

const elsewhere = () => mkdtempSync(path.join(tmpdir(), 'roundup-cwd-'));

describe('the editions folder', () => {
  it('is out next to the config file, like the state, for a build run from another folder', async () => {
    const { dir, config } = configFolder();
    const cwd = elsewhere();
    const r = await runCli(['build', '--config', config, '--now', NOW, '--offline'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'out/2026-11-23/digest.json'))).toBe(true);
    expect(readdirSync(cwd), 'nothing written in the working folder').toEqual([]);
    expect(r.stdout).toContain(`Open ${path.relative(cwd, path.join(dir, 'out/2026-11-23/digest.html'))}`);
  });

  it('is out: in the config, relative to the config file; --out is relative to the working folder', async () => {
    const { dir, config } = configFolder('out: editions\n');
    const cwd = elsewhere();
    const r = await runCli(['build', '--config', config, '--now', NOW, '--offline'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'editions'))).toEqual(['2026-11-23']);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const flagged = await runCli(['build', '--config', config, '--now', NOW, '--offline', '--out', 'here'], { cwd });
    expect(flagged.code, flagged.stderr).toBe(0);
    expect(readdirSync(path.join(cwd, 'here'))).toEqual(['2026-11-23']);
  });

  // the config is not read by a shell: "~/…" was a folder named "~" beside the config, and the feed not found
  it('reads ~/ in out:, state: and a feed path: as the home folder', async () => {
    const { dir, config } = configFolder('out: ~/editions\n');
    const home = mkdtempSync(path.join(tmpdir(), 'roundup-home-'));
    mkdirSync(path.join(home, 'feeds'));
    copyFileSync(path.join(ROOT, 'feeds/kyiv-wire.xml'), path.join(home, 'feeds/wire.xml'));
    const yaml = readFileSync(config, 'utf8');
    writeFileSync(config, yaml.replace(/^state: .*$/m, 'state: ~/state').replace(/^(\s+path: ).*kyiv-wire\.xml$/m, '$1~/feeds/wire.xml'));
    expect(readFileSync(config, 'utf8')).toContain('path: ~/feeds/wire.xml');
    const r = await runCli(['build', '--config', config, '--now', NOW, '--offline'], { cwd: dir, env: { HOME: home } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\b(\d+)\/\1 feeds ok/);
    expect(readdirSync(path.join(home, 'editions'))).toEqual(['2026-11-23']);
    expect(existsSync(path.join(home, 'state'))).toBe(true);
    expect(readdirSync(dir).sort(), 'no folder named "~"').toEqual(['digest.config.yaml']);
  });

  it('out: naming a file is a config error in one line naming the key and what is expected', async () => {
    const { dir, config } = configFolder('out: digest.config.yaml\n');
    const r = await runCli(['build', '--config', config, '--now', NOW, '--offline'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`digest: digest.config.yaml: out: ${JSON.stringify(config)} is a file; expected a folder for the editions\n`);
  });
});
