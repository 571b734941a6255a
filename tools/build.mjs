// `npm run build`: compile src/ to dist/, which bin/digest.js runs. `npm ci` runs it as the `prepare` step and
// the test suite runs it when dist/ is out of date (test/global-setup.ts). Plain JavaScript: it runs before
// anything is compiled. dist/ is emptied first, so a module removed or renamed in src/ leaves nothing behind.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  process.stderr.write('build: the TypeScript compiler is not installed; run `npm ci` (it installs the dev dependencies and builds)\n');
  process.exit(1);
}
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.stderr.write(`build: tsc failed (exit ${run.status ?? run.signal}); dist/ is incomplete\n`);
process.exitCode = run.status ?? 1;
if (run.status === 0) writeFileSync(path.join(root, 'dist', 'build-info.json'), JSON.stringify(gitCommit()) + '\n');

/**
 * The commit dist/ was built from, for `digest --version`: what runs is what was built, whatever was checked out
 * since. Only this checkout's own repository counts (not one it was unpacked inside), and none without git.
 */
function gitCommit() {
  const git = (...args) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  const top = git('rev-parse', '--show-toplevel');
  if (top.status !== 0 || path.resolve(top.stdout.trim()) !== root) return { commit: null };
  const head = git('rev-parse', '--short=12', 'HEAD');
  if (head.status !== 0) return { commit: null };
  // changes to tracked files: this build is not that commit's
  const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return { commit: head.stdout.trim(), dirty };
}
