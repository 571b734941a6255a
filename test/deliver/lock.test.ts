// One `send` per state folder: a live owner blocks, a dead one (kill -9) does not.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireSendLock } from '../../src/deliver/lock.js';

describe('acquireSendLock', () => {
  it('refuses while the owner lives and takes over once it is gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-lock-'));
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const gone = new Promise((r) => owner.on('exit', r));
    writeFileSync(path.join(dir, 'send.lock'), String(owner.pid));
    expect(() => acquireSendLock(dir)).toThrow(new RegExp(`another "digest send" is running \\(pid ${owner.pid}\\)`));
    owner.kill('SIGKILL');
    await gone;
    const lock = acquireSendLock(dir);
    expect(existsSync(path.join(dir, 'send.lock'))).toBe(true);
    lock.release();
    expect(existsSync(path.join(dir, 'send.lock'))).toBe(false);
  });
});
