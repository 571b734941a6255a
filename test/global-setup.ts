// Tests that spawn `digest` run the compiled CLI (bin/digest.js → dist/). Build it first when dist/ is missing or
// older than src/, so `npm test` and `npx vitest run test/<dir>` always test the current source.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'tools/build.mjs'];

/** relative paths of the files below `dir` whose name ends with `ext` */
function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts'));
}

/** why dist/ needs building, or null when every module of src/ has a newer compiled copy */
export function staleReason(root = ROOT): string | null {
  const src = path.join(root, 'src');
  const dist = path.join(root, 'dist');
  const compiled = new Set(filesUnder(dist, '.js'));
  if (compiled.size === 0) return 'dist/ is missing';
  const sources = filesUnder(src, '.ts');
  const inputs = BUILD_INPUTS.map((f) => path.join(root, f));
  let oldestOutput = Infinity;
  for (const f of sources) {
    const js = f.replace(/\.ts$/, '.js');
    if (!compiled.has(js)) return `dist/ has no ${js}`;
    compiled.delete(js);
    oldestOutput = Math.min(oldestOutput, statSync(path.join(dist, js)).mtimeMs);
    inputs.push(path.join(src, f));
  }
  if (compiled.size > 0) return `dist/ has ${[...compiled][0]}, which src/ no longer has`;
  const newer = inputs.find((f) => existsSync(f) && statSync(f).mtimeMs > oldestOutput);
  return newer ? `${path.relative(root, newer)} changed since the last build` : null;
}

export default function setup(): void {
  const reason = staleReason();
  if (!reason) return;
  process.stderr.write(`test setup: building dist/ (${reason})\n`);
  const run = spawnSync(process.execPath, [path.join(ROOT, 'tools/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status ?? run.signal}); the CLI tests need dist/`);
}
