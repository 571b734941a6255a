// Run the real `digest` CLI in a child process, as users and scripts do. Unless a test names a working folder,
// the command runs in an empty temporary one, so nothing it writes by default (out/, .digest/) lands in the repo.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Edition } from '../../src/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/digest.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Options beyond the working folder and environment: `fileLimitKiB` runs it under bash's `ulimit -f`, where a longer
 * write fails with EFBIG as on a full disk (no root needed); `asNobody` runs it as uid 65534 when the tests run as
 * root (root may write anywhere).
 */
export function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number; fileLimitKiB?: number; asNobody?: boolean } = {},
): Promise<CliResult> {
  const scratch = opts.cwd ? null : mkdtempSync(path.join(os.tmpdir(), 'roundup-cli-'));
  const [cmd, argv] = opts.fileLimitKiB
    ? ['bash', ['-c', `ulimit -f ${opts.fileLimitKiB} && exec "$@"`, 'bash', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const ids = opts.asNobody && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return new Promise((resolve) => {
    execFile(
      cmd,
      argv,
      { cwd: opts.cwd ?? scratch!, env: { ...process.env, ...opts.env }, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, ...ids },
      (err, stdout, stderr) => {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * `digest build --offline` of one config into `out` (an empty folder): the run, and the edition it wrote
 * (its digest.json; null when the build failed).
 */
export async function buildOffline(config: string, now: string, out: string): Promise<{ result: CliResult; edition: Edition | null }> {
  const result = await runCli(['build', '--config', config, '--now', now, '--out', out, '--offline']);
  if (result.code !== 0) return { result, edition: null };
  const edition = JSON.parse(readFileSync(path.join(out, readdirSync(out)[0], 'digest.json'), 'utf8')) as Edition;
  return { result, edition };
}

/** The section a built edition put the story of this title in, and the story's `why`. */
export function placeOf(edition: Edition, title: string): { section: string; why: string[] } {
  const section = edition.sections.find((s) => s.stories.some((st) => st.title === title));
  if (!section) throw new Error(`no story titled ${JSON.stringify(title)} in the edition`);
  return { section: section.id, why: section.stories.find((st) => st.title === title)!.why };
}
