// Builds one edition of a set through the real CLI, as a user would, and reads its digest.json.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Edition } from '../../src/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/digest.js');

export interface Built {
  edition: Edition;
  ms: number;
}

export function buildEdition(config: string, now: string, out: string): Promise<Built> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, 'build', '--config', config, '--now', now, '--out', out, '--offline'],
      { cwd: ROOT, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        if (err) {
          const last = String(stderr).trim().split('\n').slice(-2).join(' | ');
          reject(new Error(`digest build failed: ${last || err.message}`));
          return;
        }
        const dir = readdirSync(out, { withFileTypes: true }).find((e) => e.isDirectory() && existsSync(path.join(out, e.name, 'digest.json')));
        if (!dir) {
          reject(new Error(`digest build wrote no <id>/digest.json under ${out}`));
          return;
        }
        const edition = JSON.parse(readFileSync(path.join(out, dir.name, 'digest.json'), 'utf8')) as Edition;
        resolve({ edition, ms: performance.now() - started });
      },
    );
  });
}
