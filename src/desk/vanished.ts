// The editors' corrections a build found nothing to apply to (their items gone from the feeds, a section no longer
// configured): said wherever an editor learns of the draft (`digest build`, `digest approve`, the "draft ready" mail),
// with the undo that takes each back, not left for the desk or the report to show.
import type { AppliedCorrection, Edition } from '../types.js';
import { plainLine } from '../render/clean.js';

/** The corrections of `edition` that change nothing in it. */
export function vanishedCorrections(edition: Edition): AppliedCorrection[] {
  return (edition.corrections ?? []).filter((c) => c.status === 'vanished');
}

/** "correction #1 (summary, by ed@desk.test) no longer applies: …; `digest edit undo 1` takes it back" */
export function vanishedLine(c: AppliedCorrection): string {
  return `correction #${c.id} (${c.kind}, by ${plainLine(c.by)}) no longer applies: ${plainLine(c.note) || 'its items are no longer in this edition'}; \`digest edit undo ${c.id}\` takes it back`;
}
