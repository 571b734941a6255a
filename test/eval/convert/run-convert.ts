// Runs a converter through its command line (convert/index.ts), writing under `out` instead of the real data folder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export function runConvert(kind: string, input: string, out: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'test/eval/convert/index.ts', kind, input], {
    cwd: ROOT,
    env: { ...process.env, ROUNDUP_EVAL_DATA: out },
    encoding: 'utf8',
  });
}
