// What a build needs from the editors' desk in the store: this digest's id (stamped into the edition) and the
// corrections that apply to the edition being built. Opens the store briefly (creating it if needed).
import type { Correction } from '../types.js';
import { openStore } from '../store/index.js';
import { EditionLifecycle } from '../store/lifecycle.js';

export interface DeskState {
  digestId: string;
  corrections: Correction[];
}

export function readDeskState(stateDir: string, editionId: string): DeskState {
  const store = openStore(stateDir);
  try {
    const book = new EditionLifecycle(store);
    return { digestId: book.digestId(), corrections: book.correctionsFor(editionId) };
  } finally {
    store.close();
  }
}
