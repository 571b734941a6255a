// Approving from the preview's desk: the edition the editor is looking at is written to the out folder as
// `digest build` would write it, recorded as the draft, and approved as it is on disk — the same checks
// as `digest approve` (its own digest, stories to send, the email on disk is what it renders to).
import path from 'node:path';
import type { DigestConfig, Edition } from '../../types.js';
import type { RenderedEdition } from '../../render/index.js';
import { UserError } from '../../errors.js';
import { openStore } from '../../store/index.js';
import { EditionLifecycle } from '../../store/lifecycle.js';
import { approveFromDisk, shownPath, storyTotal } from '../../desk/approve.js';
import { recordDraft } from '../../desk/draft.js';
import { withEditionLock } from '../../desk/edition-lock.js';
import { correctionNames, correctionsOutOfStep } from '../../desk/in-step.js';

export interface PreviewApproval {
  id: string;
  dir: string;
  stories: number;
}

/**
 * `outDir`: where editions go; default the folder the edition's draft was last written to, else the config's out folder.
 * An edition already approved, or on its way out, is left as it is.
 */
export async function approvePreviewed(
  config: DigestConfig,
  shown: { edition: Edition; rendered: RenderedEdition },
  o: { outDir?: string; by: string },
): Promise<PreviewApproval> {
  const id = shown.edition.edition.id;
  // not while another rebuild of the edition writes its draft, nor that one after this approval (src/desk/edition-lock.ts)
  return withEditionLock(config.state, id, () => approveLocked(config, shown, id, o));
}

async function approveLocked(config: DigestConfig, shown: { edition: Edition; rendered: RenderedEdition }, id: string, o: { outDir?: string; by: string }): Promise<PreviewApproval> {
  const { writeEdition } = await import('../../pipeline/write.js');
  const store = openStore(config.state);
  try {
    const entry = new EditionLifecycle(store).get(id);
    if (entry && entry.state !== 'draft') {
      const how = entry.state === 'approved' ? ` by ${entry.approvedBy ?? '?'}; \`digest approve --withdraw\` makes it a draft again` : '';
      throw new UserError(`edition ${id} is already ${entry.state}${how}`);
    }
    if (storyTotal(shown.edition) === 0) throw new UserError(`edition ${id} has no stories; there is nothing to approve`);
    // a correction made elsewhere since this build (the command line, the desk of serve) is not approved unseen, nor
    // the draft on disk, which has it, overwritten; one taken back elsewhere since (`digest edit undo`) is not approved
    // still in; the preview rebuilds after every desk action, this one too
    const step = correctionsOutOfStep(new EditionLifecycle(store), shown.edition);
    if (step?.made.length) {
      throw new UserError(`${correctionNames(step.made)}, made elsewhere, ${step.made.length === 1 ? 'is' : 'are'} not in this build; the preview has been rebuilt with ${step.made.length === 1 ? 'it' : 'them'}: read it, then approve`);
    }
    if (step?.undone.length) {
      throw new UserError(`${correctionNames(step.undone)}, taken back elsewhere, ${step.undone.length === 1 ? 'is' : 'are'} still in this build; the preview has been rebuilt without ${step.undone.length === 1 ? 'it' : 'them'}: read it, then approve`);
    }
    const outDir = o.outDir ? path.resolve(o.outDir) : entry?.dir ? path.dirname(entry.dir) : config.out;
    const written = await writeEdition(outDir, shown.edition, shown.rendered, config);
    recordDraft(store, shown.edition, written.dir);
    const { entry: approved } = await approveFromDisk(config, store, { dir: written.dir, id, by: o.by });
    return { id, dir: shownPath(written.dir), stories: approved.stories ?? storyTotal(shown.edition) };
  } finally {
    store.close();
  }
}
