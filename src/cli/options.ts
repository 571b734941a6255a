// Options shared by several commands, parsed into checked values.
import { DateTime } from 'luxon';
import { UserError } from '../errors.js';
import { notAFolder } from '../config/folders.js';

/** `--now` must be ISO 8601 with an offset or Z, so the same command means the same instant everywhere. */
export function parseNow(value: string | undefined): DateTime {
  if (value === undefined) return DateTime.now();
  // the offset must follow a time: a bare date's "-23" is its day, not an offset
  const hasZone = /T[\d:.,]+(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value.trim());
  const dt = DateTime.fromISO(value.trim(), { setZone: true });
  // real offsets run from -12:00 to +14:00
  if (!hasZone || !dt.isValid || Math.abs(dt.offset) > 14 * 60) {
    throw new UserError(`--now: expected an ISO 8601 time with an offset or Z (e.g. 2026-11-23T07:00:00+02:00), got ${JSON.stringify(value)}`, 2);
  }
  return dt;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`--port: expected a port number 0–65535, got ${JSON.stringify(value)}`, 2);
  return n;
}

/** `--out`: a folder, or a path where one can be made; never an existing file or a path through one. */
export function parseOutDir(value: string): string {
  // an empty path would put editions in the working folder
  if (value.trim() === '') throw new UserError(`--out: expected a folder for the editions, got ${JSON.stringify(value)}`, 2);
  const why = notAFolder(value);
  if (why) throw new UserError(`--out: ${why}; expected a folder for the editions`, 2);
  return value;
}

/** An edition id names a folder under --out: letters, digits, dots, dashes and underscores only. */
export function checkEditionId(id: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) {
    throw new UserError(`--edition: expected an edition id like 2024-06-10, got ${JSON.stringify(id)}`);
  }
}
