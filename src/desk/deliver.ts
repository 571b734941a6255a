// Sending an approved edition: its frozen bytes go out through the ledger (src/deliver/send.ts), and the
// lifecycle follows what the ledger says: `sending` while recipients are left to try, `sent` when none
// is, and still `approved` when there was nobody to send to.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DigestConfig } from '../types.js';
import { UserError } from '../errors.js';
import { writeEdition } from '../pipeline/write.js';
import { sendEdition, type SendOptions, type SendSummary } from '../deliver/send.js';
import type { SqliteStore } from '../store/sqlite.js';
import { EditionLifecycle, type EditionState } from '../store/lifecycle.js';
import { loadApproved, storiesSentElsewhere } from './approve.js';
import { withEditionLock } from './edition-lock.js';

export interface DeliverResult {
  summary: SendSummary;
  /** the edition's state after the run (unchanged by a dry run) */
  state: EditionState;
  /** set when the edition was not consumed and why, e.g. "no active subscribers" */
  kept: string | null;
}

export type DeliverOptions = Omit<SendOptions, 'store' | 'config' | 'edition' | 'rendered'>;

export async function deliverApproved(config: DigestConfig, store: SqliteStore, id: string, o: DeliverOptions): Promise<DeliverResult> {
  const book = new EditionLifecycle(store);
  const dryRun = o.dryRunOutbox !== undefined;
  // Read the approval, put the approved copy back in the folder and mark the edition `sending` holding the edition's
  // lock (src/desk/edition-lock.ts), as a correction, a build and an approval do: a correction to the approved
  // edition withdraws the approval and rebuilds the folder under it, and a send that read the approval before would
  // write the old copy over the rebuilt draft and send what the editor had just withdrawn. Once `sending`, a
  // correction goes to the next edition, so the lock is let go before the (long) sending itself.
  const start = async () => {
    const approved = loadApproved(store, id);
    const entry = book.get(id);
    if (!approved || !entry) throw new UserError(`edition ${id} is not approved; run \`digest approve --edition ${id}\` first`);
    const twice = entry.state === 'approved' ? storiesSentElsewhere(store, approved.edition) : 0;
    if (twice > 0) {
      // approved before another edition with the same news went out
      throw new UserError(
        `edition ${id}: ${twice} of its stories went out in another edition after it was approved (readers would get ${twice === 1 ? 'it' : 'them'} twice); ` +
          `withdraw the approval (\`digest approve --edition ${id} --withdraw\`), rebuild it (\`digest build --now ${approved.edition.edition.end}\`), read it, then approve`,
      );
    }
    if (!dryRun) {
      if (entry.dir && !sameText(path.join(entry.dir, 'digest.json'), approved.editionJson)) {
        // the folder must show what goes out (the archive serves it): a later build replaced it
        await writeEdition(path.dirname(entry.dir), approved.edition, approved.rendered, config);
      }
      const planned = store.deliveries(id).length > 0 || store.listSubscribers({ status: 'active' }).length > 0;
      if (planned && entry.state === 'approved') book.setState(id, 'sending');
    }
    return { approved, entry };
  };
  const { approved, entry } = dryRun ? await start() : await withEditionLock(config.state, id, start);
  const summary = await sendEdition({ ...o, store, config, edition: approved.edition, rendered: approved.rendered });
  if (dryRun) return { summary, state: entry.state, kept: null };
  const kept = summary.noRecipients || summary.recipients === 0 ? (summary.stoppedEarly ?? 'no active subscribers') : null;
  const state = book.settle(id, kept);
  return { summary, state, kept };
}

function sameText(file: string, text: string): boolean {
  try {
    return readFileSync(file, 'utf8') === text;
  } catch {
    return false;
  }
}
