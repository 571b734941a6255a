// Real storage faults for tests: a small tmpfs (a disk that fills up) and a read-only bind mount.
// Both need root with mount rights (CI runs as root); tests skip with this reason otherwise.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function probe(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs or a read-only bind';
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `cannot mount here (${(err as Error).message.split('\n')[0]})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** null when mounts work, else why not (for it.skipIf and the skip message) */
export const cannotMount = probe();

export interface Mounted {
  dir: string;
  unmount(): void;
}

/** A tmpfs of `size` (e.g. "16m") on `dir`, which must exist and be empty. */
export function mountTmpfs(dir: string, size: string): Mounted {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  return { dir, unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }) };
}

/** Make `dir` read-only in place (a bind mount of itself, remounted read-only). */
export function mountReadOnly(dir: string): Mounted {
  execFileSync('mount', ['--bind', dir, dir], { stdio: 'pipe' });
  execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'pipe' });
  return { dir, unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }) };
}
