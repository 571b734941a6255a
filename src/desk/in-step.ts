// Whether an edition built earlier (the preview's) carries the corrections stored now: one made or taken back
// elsewhere since (the command line, the desk of serve) changes no file the preview watches, so its page goes on
// showing the draft without it. Acting on that page would approve, or correct, what the editor has not seen.
import type { Edition } from '../types.js';
import type { EditionLifecycle } from '../store/lifecycle.js';

export interface OutOfStep {
  /** stored since the build: not in it */
  made: number[];
  /** taken back since the build: still in it */
  undone: number[];
}

/** The corrections a build of `edition` now would apply and it does not, and the other way round; null when none. */
export function correctionsOutOfStep(book: EditionLifecycle, edition: Edition): OutOfStep | null {
  const built = new Set((edition.corrections ?? []).map((c) => c.id));
  // a draft's are the pending ones; an approved edition's, those bound to it
  const now = new Set(book.correctionsFor(edition.edition.id).map((c) => c.id));
  const made = [...now].filter((id) => !built.has(id));
  const undone = [...built].filter((id) => !now.has(id));
  return made.length + undone.length > 0 ? { made, undone } : null;
}

/** "correction #3" / "corrections #3, #4" */
export function correctionNames(ids: number[]): string {
  return `correction${ids.length === 1 ? '' : 's'} ${ids.map((id) => `#${id}`).join(', ')}`;
}
