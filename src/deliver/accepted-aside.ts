// Messages the server accepted whose `sent` row could not be written even after the reserve was freed (the database
// cannot grow at all: a file-size limit, ulimit -f, caps it; or the disk filled past the reserve) are written down in
// a small file of their own beside the database, one line each, and the next send of their edition records them as
// sent before it picks whom to send to. So a ledger that cannot grow never costs a reader a second copy.
import path from 'node:path';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';

export const ASIDE_FILE = 'send.accepted';

export interface AcceptedAside {
  editionId: string;
  email: string;
  messageId: string;
}

/** Append these lines and make them durable; false when even that fails (nothing is left half-written that counts). */
export function putAside(file: string, entries: readonly AcceptedAside[]): boolean {
  if (entries.length === 0) return true;
  let fd: number | null = null;
  try {
    fd = openSync(file, 'a', 0o600);
    writeSync(fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    fsyncSync(fd);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The lines of one edition; a line cut short by a failed append is no line (its message was never counted as kept). */
export function readAside(file: string, editionId: string): AcceptedAside[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return parse(text).filter((e) => e.editionId === editionId);
}

/**
 * The addresses of one edition whose messages the server accepted while the ledger could not record them, as `state`
 * holds them: whatever reads the ledger to say what is left to send (a dry run, `tick --dry-run`, `status`) counts
 * these as sent, since the next real send records them so and never sends them again.
 */
export function acceptedAside(stateDir: string, editionId: string): Set<string> {
  return new Set(readAside(path.join(stateDir, ASIDE_FILE), editionId).map((e) => e.email.toLowerCase()));
}

/** Forget one edition's lines, once they are in the ledger. */
export function clearAside(file: string, editionId: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const rest = parse(text).filter((e) => e.editionId !== editionId);
  if (rest.length === 0) rmSync(file, { force: true });
  else writeFileSync(file, rest.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
}

function parse(text: string): AcceptedAside[] {
  const out: AcceptedAside[] = [];
  for (const line of text.split('\n')) {
    try {
      const e = JSON.parse(line) as Partial<AcceptedAside>;
      if (typeof e.editionId === 'string' && typeof e.email === 'string' && typeof e.messageId === 'string') out.push(e as AcceptedAside);
    } catch {
      /* an empty or cut line */
    }
  }
  return out;
}
