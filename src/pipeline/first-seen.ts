// When an undated item was first seen, kept in the state folder so its date stays put across runs.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asStorageError } from '../store/faults.js';
import { makeFolder } from '../config/folders.js';

export class FirstSeen {
  private dirty = false;
  private constructor(
    private readonly file: string,
    private readonly times: Record<string, string>,
  ) {}

  static open(stateDir: string): FirstSeen {
    const file = path.join(stateDir, 'first-seen.json');
    let times: Record<string, string> = {};
    try {
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (data && typeof data === 'object' && !Array.isArray(data)) times = data as Record<string, string>;
    } catch {
      // missing or unreadable: start afresh (only undated items lose their first-seen time)
    }
    return new FirstSeen(file, times);
  }

  get(key: string, now: string): string {
    const known = this.times[key];
    if (known) return known;
    this.times[key] = now;
    this.dirty = true;
    return now;
  }

  save(): void {
    if (!this.dirty) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      makeFolder(path.dirname(this.file), 'state');
      writeFileSync(tmp, JSON.stringify(this.times, null, 1));
      renameSync(tmp, this.file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw asStorageError(err, this.file, 'record when undated items were first seen');
    }
    this.dirty = false;
  }
}
