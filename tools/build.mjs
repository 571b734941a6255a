// `npm run build`: compile src/ to dist/, which bin/digest.js runs. `npm ci` runs it as the `prepare` step and
// the test suite runs it when dist/ is out of date (test/global-setup.ts). Plain JavaScript: it runs before
// anything is compiled. dist/ is emptied first, so a module removed or renamed in src/ leaves nothing behind.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
