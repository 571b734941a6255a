// Room kept free for the send ledger. A send takes a few megabytes of real disk next to the database
// before the first message; if the disk fills up mid-send, the ledger frees it, writes down what the
// server already accepted, and the run stops. So a full disk never sends a message twice.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { describeStorageFault, storageFault } from '../store/faults.js';

export const RESERVE_FILE = 'send.reserve';
export const RESERVE_BYTES = 4 * 1024 * 1024;

export interface DiskReserve {
  /** free the space; true if there was any to free */
  release(): boolean;
}

export function reserveDiskSpace(stateDir: string, bytes = RESERVE_BYTES): DiskReserve {
  const file = path.join(stateDir, RESERVE_FILE);
  try {
    // real zeros, not a sparse file: the blocks must be taken now
    writeFileSync(file, Buffer.alloc(bytes), { mode: 0o600 });
  } catch (err) {
    rmSync(file, { force: true });
    const fault = storageFault(err);
    if (fault === 'file-limit') {
      // the disk may be half empty: what stops the reserve is a limit on one file's size (ulimit -f)
      throw new UserError(`${describeStorageFault(err, file, `set aside the ${Math.round(bytes / 1048576)} MB the send ledger needs`)}; nothing was sent`, 1);
    }
    if (fault === 'full') {
      throw new UserError(`${stateDir}: not enough free space to send safely (the send ledger needs ${Math.round(bytes / 1048576)} MB free): free some space, then run again; nothing was sent`, 1);
    }
    throw err;
  }
  let held = true;
  return {
    release() {
      if (!held) return false;
      held = false;
      rmSync(file, { force: true });
      return true;
    },
  };
}
