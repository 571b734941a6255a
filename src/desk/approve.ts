// Approving an edition: freeze what is on disk (out/<id>/digest.json, and the email it renders to) in
// the store, so that `send` delivers exactly that, whatever is rebuilt afterwards.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DigestConfig, Edition } from '../types.js';
import { UserError } from '../errors.js';
import { readEditionText } from '../pipeline/read-edition.js';
import { sampleMessage } from '../pipeline/write.js';
import { renderEdition, type RenderedEdition } from '../render/index.js';
import { refSentAs, sentItems } from '../select/index.js';
import { FirstSeen } from '../pipeline/first-seen.js';
import type { SqliteStore } from '../store/sqlite.js';
import { EditionLifecycle, type EditionEntry } from '../store/lifecycle.js';

export interface ApprovedEdition {
  entry: EditionEntry;
  edition: Edition;
  rendered: RenderedEdition;
}

export function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

export function storyTotal(e: Edition): number {
  return e.sections.reduce((n, s) => n + s.stories.length, 0);
}

/** Refuse an edition another digest built (its digest.json names another digest id). Older editions carry none. */
export function checkOwnEdition(edition: Edition, digestId: string, file: string, config: DigestConfig): void {
  const stamp = edition.edition.digestId;
  if (stamp !== undefined && stamp !== digestId) {
    throw new UserError(
      `${shownPath(file)}: edition ${edition.edition.id} was built by another digest (${JSON.stringify(edition.edition.title)}, id ${stamp}), ` +
        `not by ${shownPath(config.configPath)} (${JSON.stringify(config.title)}, id ${digestId}); refusing it`,
    );
  }
}

/**
 * The stories of an edition with an item that already went out in another edition: a draft built before that
 * edition was sent still has them (a build leaves sent items out, `already-sent`). Sent twice, readers get them twice.
 */
export function storiesSentElsewhere(store: SqliteStore, edition: Edition): number {
  // known as a build knows them (select/sent.ts): by key, or by link and title, not by a link many items may share,
  // nor by a link and title a page gives a new article every week (their texts, in the first-seen record beside the
  // database, share nothing)
  const seen = FirstSeen.open(path.dirname(store.location));
  const text = (key: string) => seen.text(key);
  const sent = sentItems(store.sentItems(edition.edition.id), text);
  return edition.sections.reduce((n, s) => n + s.stories.filter((st) => st.items.some((it) => refSentAs(it, sent, text) !== null)).length, 0);
}

/** Names one version of a draft (its digest.json text): the desk's page carries it to its Approve button. */
export function draftFingerprint(editionJson: string): string {
  return createHash('sha256').update(editionJson).digest('hex').slice(0, 32);
}

/**
 * Approve the edition in `dir` as it is on disk. When the folder holds the email (digest.html), it must be
 * what digest.json renders to now: otherwise the templates or the config changed since the build, and
 * the editor did not read what would be sent.
 */
export async function approveFromDisk(
  config: DigestConfig,
  store: SqliteStore,
  o: {
    dir: string;
    id: string;
    by: string;
    /** the desk: the version of digest.json the editor read */
    expect?: string;
    /** an editor approving the current draft from the command line: how to rebuild it when a stored correction is not in it */
    rebuild?: string;
  },
): Promise<ApprovedEdition> {
  const book = new EditionLifecycle(store);
  const file = path.join(o.dir, 'digest.json');
  const { edition, text } = readEditionText(file, o.id);
  // `expect`: the version the editor read; a rebuild or another editor's correction since then is not approved unread
  if (o.expect !== undefined && o.expect !== draftFingerprint(text)) {
    throw new UserError(`the draft of edition ${o.id} changed since this page was loaded (rebuilt, or corrected by another editor); read it again, then approve`);
  }
  checkOwnEdition(edition, book.digestId(), file, config);
  const current = book.get(o.id);
  if (current && current.state !== 'draft' && current.state !== 'approved') {
    throw new UserError(`edition ${o.id} is already ${current.state}; there is nothing left to approve`);
  }
  if (o.expect !== undefined || o.rebuild !== undefined) {
    // a correction stored but not yet built into the draft (another editor's, its rebuild still running or failed)
    const built = new Set((edition.corrections ?? []).map((c) => c.id));
    const missing = book.pendingCorrections().filter((c) => !built.has(c.id)).map((c) => `#${c.id}`);
    if (missing.length > 0) {
      throw new UserError(
        o.expect !== undefined
          ? `correction ${missing.join(', ')} is not in the draft yet (its rebuild is still running?); reload the desk, read it, then approve`
          : `correction ${missing.join(', ')} is not in the draft of edition ${o.id} (its rebuild failed or is still running); ${o.rebuild}`,
      );
    }
    // and one taken back since the draft was built (another editor's undo, its rebuild failed or still running): approved,
    // the title or drop the editor took back would go out
    const undone = (edition.corrections ?? []).filter((c) => book.correction(c.id)?.withdrawn).map((c) => `#${c.id}`);
    if (undone.length > 0) {
      const which = `correction${undone.length === 1 ? '' : 's'} ${undone.join(', ')} ${undone.length === 1 ? 'was' : 'were'} taken back but ${undone.length === 1 ? 'is' : 'are'} still in the draft`;
      const why = `(the rebuild without ${undone.length === 1 ? 'it' : 'them'} failed or is still running)`;
      throw new UserError(o.expect !== undefined ? `${which} ${why}; reload the desk, read it, then approve` : `${which} of edition ${o.id} ${why}; ${o.rebuild}`);
    }
  }
  const stories = storyTotal(edition);
  if (stories === 0) throw new UserError(`${shownPath(file)}: edition ${o.id} has no stories; there is nothing to approve`);
  const twice = storiesSentElsewhere(store, edition);
  if (twice > 0) {
    throw new UserError(
      `edition ${o.id}: ${twice} of its ${stories} ${stories === 1 ? 'story' : 'stories'} went out in another edition after it was built (readers would get ${twice === 1 ? 'it' : 'them'} twice); ` +
        `rebuild it (\`digest build --now ${edition.edition.end}\`), which leaves ${twice === 1 ? 'it' : 'them'} out, read it, then approve`,
    );
  }
  const rendered = await renderEdition(edition, config);
  const stale = await staleRendering(config, edition, rendered, o.dir);
  if (stale) {
    throw new UserError(
      `${shownPath(stale)} is not what ${shownPath(file)} renders to with the current config and templates (changed since the build, or Roundup upgraded?); ` +
        (o.rebuild ?? `rebuild the draft (\`digest build --now ${edition.edition.end}\`), read it again, then approve`),
    );
  }
  const entry = book.approve(o.id, {
    editionJson: text,
    emailJson: JSON.stringify(rendered),
    by: o.by,
    correctionIds: (edition.corrections ?? []).map((c) => c.id),
    window: { start: edition.edition.start, end: edition.edition.end },
    dir: path.resolve(o.dir),
    stories,
  });
  return { entry, edition, rendered };
}

/**
 * The email in `dir` (digest.html, digest.txt) that is not what the edition renders to now, or null when both are
 * (or neither was written): the config or the templates changed since the build, or another version of Roundup built it.
 */
export async function staleRendering(config: DigestConfig, edition: Edition, rendered: RenderedEdition, dir: string): Promise<string | null> {
  const written = ['digest.html', 'digest.txt'].map((name) => path.join(dir, name)).filter((f) => existsSync(f));
  if (written.length === 0) return null;
  const sample = await sampleMessage(edition, rendered, config);
  return written.find((f) => (f.endsWith('.html') ? sample.html : sample.text) !== readFileSync(f, 'utf8')) ?? null;
}

/** The approved bytes of an edition, as frozen in the store; null when it was never approved. */
export function loadApproved(store: SqliteStore, id: string): { edition: Edition; rendered: RenderedEdition; editionJson: string } | null {
  const snap = new EditionLifecycle(store).snapshot(id);
  if (!snap) return null;
  return { edition: JSON.parse(snap.editionJson) as Edition, rendered: JSON.parse(snap.emailJson) as RenderedEdition, editionJson: snap.editionJson };
}

/** Who did it, for the record: `--by`, else the local user's name and where (command line, preview). */
export function localEditor(by?: string, where = 'command line'): string {
  if (by && by.trim()) return by.trim();
  const user = process.env.USER || process.env.LOGNAME || process.env.USERNAME;
  return user ? `${user} (${where})` : where;
}
