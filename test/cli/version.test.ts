// `digest --version` tells an operator which Roundup runs: the package's version, and the commit its dist/ was
// built from when it was built in a git checkout. Checked on a copy of the package built as `npm ci` builds it,
// with a version of its own, so a version written into the code cannot pass.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'roundup-version-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** a copy of the package (what `npm run build` and the CLI need) whose package.json says `version` */
function packageCopy(name: string, version: string): string {
  const dir = path.join(scratch, name);
  for (const f of ['src', 'bin', 'templates', 'tools/build.mjs', 'tsconfig.json', 'tsconfig.build.json']) {
    cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, version }, null, 2));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

const run = (dir: string, cmd: string, args: string[]) =>
  execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir } });
const build = (dir: string) => run(dir, process.execPath, ['tools/build.mjs']);
const version = (dir: string) => run(dir, process.execPath, ['bin/digest.js', '--version']);

describe('digest --version', () => {
  it("prints the package's version, without a commit when it was not built in a git checkout", () => {
    const dir = packageCopy('tarball', '3.14.15');
    build(dir);
    expect(version(dir)).toBe('3.14.15\n');
  }, 120_000);

  it('names the commit it was built from in a git checkout, and "-dirty" when files differ from it', () => {
    const dir = packageCopy('checkout', '2.7.1');
    run(dir, 'git', ['init', '-q']);
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules\ndist\n');
    run(dir, 'git', ['add', '-A']);
    run(dir, 'git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'release 2.7.1']);
    const commit = run(dir, 'git', ['rev-parse', '--short=12', 'HEAD']).trim();
    build(dir);
    expect(version(dir)).toBe(`2.7.1 (${commit})\n`);
    writeFileSync(path.join(dir, 'tsconfig.build.json'), readFileSync(path.join(dir, 'tsconfig.build.json'), 'utf8') + '\n');
    build(dir);
    expect(version(dir)).toBe(`2.7.1 (${commit}-dirty)\n`);
  }, 120_000);
});
