// The edition a send should deliver. If sending it already started (an interrupted run, a failed retry),
// it is the copy on disk — every subscriber of one edition gets the same stories — else a fresh build,
// written to out/<id>/ first so what went out is on disk (and in the archive).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import type { DigestConfig, Edition } from '../types.js';
import type { Store } from '../store/types.js';
import { UserError } from '../errors.js';
import { renderEdition, type RenderedEdition } from '../render/index.js';
import { buildEdition, editionId } from './index.js';
import { readEditionFile } from './read-edition.js';
import { writeEdition } from './write.js';

export interface EditionToSend {
  edition: Edition;
  rendered: RenderedEdition;
  /** true when an earlier run's copy on disk was reused */
  resumed: boolean;
}

export async function editionToSend(
  config: DigestConfig,
  store: Store,
  o: { now: DateTime; start?: DateTime; outDir: string; write?: boolean },
): Promise<EditionToSend> {
  const id = editionId(o.now.setZone(config.timezone));
  const file = path.resolve(o.outDir, id, 'digest.json');
  if (store.getEdition(id) && existsSync(file)) {
    const edition = readEditionFile(file, id);
    return { edition, rendered: await renderEdition(edition, config), resumed: true };
  }
  const built = await buildEdition(config, { now: o.now, start: o.start });
  if (built.edition.feeds.length > 0 && built.edition.feeds.every((f) => f.status === 'error')) {
    throw new UserError(`${built.edition.feeds.length === 1 ? 'the only feed failed' : `all ${built.edition.feeds.length} feeds failed`}; edition ${id} not built, nothing sent`, 1);
  }
  if (o.write !== false) await writeEdition(o.outDir, built.edition, built.rendered, config);
  return { edition: built.edition, rendered: built.rendered, resumed: false };
}
