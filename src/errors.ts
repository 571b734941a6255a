// Errors the user caused or must act on. The CLI prints `message` as one line (no stack) and exits with `exitCode`.
export class UserError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 2) {
    super(message);
    this.name = 'UserError';
  }
}

/** Bad config: exit code 2. Message names the file, the key path and what is expected. */
export class ConfigError extends UserError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'ConfigError';
  }
}

/** Collapse any error into one printable line. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s*\n\s*/g, ' ').trim();
}

/** Why a file could not be read, in words with what is expected, not a bare errno ("EISDIR"). */
export function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EISDIR') return 'is a folder; expected a file';
  if (code === 'EACCES' || code === 'EPERM') return 'is not readable by the user running digest (permission denied)';
  return `cannot be read (${code ?? oneLine(err)})`;
}
