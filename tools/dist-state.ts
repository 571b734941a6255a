// Whether dist/ (the compiled CLI that bin/digest.js runs) matches src/, and building it when it does not.
// Used by the test suite's global setup and by benchmarks that start the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'tools/build.mjs'];

/** relative paths of the files below `dir` whose name ends with `ext` (declaration files left out) */
function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts'));
}

/** why dist/ needs building, or null when every module of src/ has a compiled copy newer than every input */
export function staleReason(root = ROOT): string | null {
  const src = path.join(root, 'src');
  const dist = path.join(root, 'dist');
  const compiled = new Set(filesUnder(dist, '.js'));
  if (compiled.size === 0) return 'dist/ is missing';
  const inputs = BUILD_INPUTS.map((f) => path.join(root, f));
  let oldestOutput = Infinity;
  for (const f of filesUnder(src, '.ts')) {
    const js = f.replace(/\.ts$/, '.js');
    if (!compiled.delete(js)) return `dist/ has no ${js}`;
    oldestOutput = Math.min(oldestOutput, statSync(path.join(dist, js)).mtimeMs);
    inputs.push(path.join(src, f));
  }
  if (compiled.size > 0) return `dist/ has ${[...compiled][0]}, which src/ no longer has`;
  const newer = inputs.find((f) => existsSync(f) && statSync(f).mtimeMs > oldestOutput);
  return newer ? `${path.relative(root, newer)} changed since the last build` : null;
}

/** run `npm run build` when dist/ is stale; `who` names the caller in the one line it prints */
export function buildIfStale(who: string, root = ROOT): void {
  const reason = staleReason(root);
  if (!reason) return;
  process.stderr.write(`${who}: building dist/ (${reason})\n`);
  const run = spawnSync(process.execPath, [path.join(root, 'tools/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status ?? run.signal}); the CLI needs dist/`);
}
