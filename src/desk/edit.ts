// One correction, from whoever makes it (command line, preview, the desk of `serve`): check it against
// the edition the editor is looking at, store it by item keys, and rebuild the current draft with it.
// An edit to an approved draft withdraws the approval: what was approved is no longer what is there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppliedCorrection, Correction, CorrectionKind, DigestConfig, Edition } from '../types.js';
import { UserError, oneLine } from '../errors.js';
import { openStore } from '../store/index.js';
import { EditionLifecycle, type EditionEntry, type NewCorrection } from '../store/lifecycle.js';
import { plainLine } from '../render/clean.js';
import { MAX_INTRO, MAX_SUMMARY, MAX_TITLE } from '../render/view.js';
import { hasVisibleText } from '../text/visible.js';
import { rebuildDraft, type RebuiltDraft } from './draft.js';
import { withEditionLock } from './edition-lock.js';
import { findItem, findSection, findStory, storyKeys } from './resolve.js';
import { correctionNames, correctionsOutOfStep } from './in-step.js';
import { tiedWith } from '../pipeline/corrections.js';

export interface EditRequest {
  kind: CorrectionKind;
  /** STORY: id or title prefix (all but intro) */
  story?: string;
  /** merge: the story to merge in */
  other?: string;
  /** split: the item to pull out */
  item?: string;
  /** move: section id or title */
  section?: string;
  /** title, summary, intro */
  text?: string;
  /**
   * title, summary, intro: the text the editor saw there; move: the id of the section the story was in (the desk's forms
   * send it), so another editor's change since is not overwritten unseen
   */
  shown?: string;
}

export interface EditResult {
  correction: Correction;
  /** what became of it in the rebuilt draft (null when there is no draft on disk) */
  applied: AppliedCorrection | null;
  draft: RebuiltDraft | null;
  /** the approval this edit withdrew */
  withdrew: string | null;
  /** an undo: the story the correction was on in the draft it was taken from, and the stories it tied with (null: none) */
  was?: string | null;
}

/** Every section the config defines, in order. */
export function configSections(config: DigestConfig): { id: string; title: string }[] {
  return [...config.themes.map((t) => ({ id: t.id, title: t.title })), ...(config.other === false ? [] : [{ id: 'other', title: config.other }])];
}

/** Turn what the editor named into a stored correction (item keys, never positions). */
export function toCorrection(config: DigestConfig, edition: Edition, r: EditRequest, by: string): NewCorrection {
  const text = (max: number, what: string) => {
    // as the email shows it: no control or bidi-override characters (an escape sequence would reach
    // the terminal of whoever runs `digest edit list`)
    const t = plainLine(r.text);
    if (r.kind !== 'intro' && !t) throw new UserError(`${what}: expected some text, got an empty string`);
    // the email would show no title at all ("Untitled story") or an empty line
    if (t && !hasVisibleText(t)) throw new UserError(`${what}: expected some text that shows, got only blank or invisible characters`);
    // the email shows no more than this: longer text would reach readers cut short, with an ellipsis
    const n = [...t].length;
    if (n > max) throw new UserError(`${what}: expected at most ${max} characters (what the email shows), got ${n}`);
    return t;
  };
  /** the desk's page showed `r.shown`; another editor's correction (or a rebuild) has changed it since */
  const unchanged = (now: string, what: string) => {
    if (r.shown === undefined || plainLine(r.shown) === plainLine(now)) return;
    const was = plainLine(now);
    throw new UserError(`${what} changed since this page was loaded (another editor's correction?): it is now ${was ? JSON.stringify(was.length > 80 ? `${was.slice(0, 79)}…` : was) : 'empty'}; read it, then make your change`);
  };
  /** a text the same as the one there: stored, it would be a correction that changes nothing, reported as saved */
  const changed = (t: string, now: string, already: string) => {
    if (t !== plainLine(now)) return t;
    throw new UserError(`${t ? already : 'there is no introduction to remove'}; nothing to change`);
  };
  if (r.kind === 'intro') {
    unchanged(edition.intro ?? '', 'the introduction');
    return { kind: 'intro', items: [], value: changed(text(MAX_INTRO, 'intro'), edition.intro ?? '', 'the introduction already reads so'), by };
  }
  const place = findStory(edition, r.story ?? '');
  const items = storyKeys(place.story);
  switch (r.kind) {
    case 'drop':
    case 'pin':
      if (r.kind === 'pin' && place.section.stories[0] === place.story) throw new UserError(`STORY "${place.story.title}" is already at the top of ${place.section.title}`);
      return { kind: r.kind, items, by };
    case 'move': {
      const to = findSection(configSections(config), r.section ?? '');
      if (r.shown !== undefined && r.shown !== place.section.id) {
        const was = configSections(config).find((s) => s.id === r.shown)?.title ?? r.shown;
        throw new UserError(`STORY "${place.story.title}" was moved from ${was} to ${place.section.title} since this page was loaded (another editor's correction?); read it, then move it`);
      }
      if (to.id === place.section.id) throw new UserError(`STORY "${place.story.title}" is already in ${to.title}`);
      return { kind: 'move', items, value: to.id, by };
    }
    case 'merge': {
      const other = findStory(edition, r.other ?? '', 'OTHER');
      if (other.story === place.story) throw new UserError('merge: STORY and OTHER are the same story');
      return { kind: 'merge', items, other: storyKeys(other.story), by };
    }
    case 'split': {
      if (place.story.items.length < 2) throw new UserError(`STORY "${place.story.title}" has one item only; there is nothing to split out`);
      const it = findItem(place.story, r.item ?? '');
      return { kind: 'split', items: [`${it.feed}:${it.guid}`], by };
    }
    case 'title':
      unchanged(place.story.title, `the title ${JSON.stringify(plainLine(r.shown))}`);
      return { kind: 'title', items, value: changed(text(MAX_TITLE, 'title'), place.story.title, `STORY "${place.story.title}" already has this title`), by };
    case 'summary':
      unchanged(place.story.summary, `the summary of "${place.story.title}"`);
      return { kind: 'summary', items, value: changed(text(MAX_SUMMARY, 'summary'), place.story.summary, `STORY "${place.story.title}" already has this summary`), by };
  }
}

/** The current draft's edition as written, or null when there is no draft or its folder is gone. */
export function readDraft(entry: EditionEntry | null): Edition | null {
  return readDraftText(entry)?.edition ?? null;
}

/** The same, with digest.json's text (what desk/approve.ts's draftFingerprint names). */
export function readDraftText(entry: EditionEntry | null): { text: string; edition: Edition } | null {
  if (!entry?.dir) return null;
  try {
    const text = readFileSync(path.join(entry.dir, 'digest.json'), 'utf8');
    const edition = JSON.parse(text) as Edition;
    // a damaged or hand-edited file is no draft: what reads it would fail on the missing part
    const whole = edition?.edition && typeof edition.edition.id === 'string' && Array.isArray(edition.sections) && edition.sections.every((s) => Array.isArray(s?.stories));
    return whole ? { text, edition } : null;
  } catch {
    return null;
  }
}

/**
 * Make a correction. `against` is the edition the editor looked at (the preview's), refused when a correction was
 * made or taken back elsewhere since it was built; by default the current draft. The current draft, if any, is rebuilt with it (into `outDir` when given).
 */
export async function makeCorrection(config: DigestConfig, r: EditRequest, o: { by: string; against?: Edition; outDir?: string; lockWaitMs?: number }): Promise<EditResult> {
  return onCurrentDraft(config, o.lockWaitMs, () => correct(config, r, o));
}

async function correct(config: DigestConfig, r: EditRequest, o: { by: string; against?: Edition; outDir?: string }): Promise<EditResult> {
  const store = openStore(config.state);
  let entry: EditionEntry | null;
  let correction: Correction;
  let withdrew: string | null = null;
  try {
    const book = new EditionLifecycle(store);
    entry = book.current();
    const edition = o.against ?? readDraft(entry);
    if (!edition) {
      throw new UserError(entry ? `the draft's folder ${entry.dir ?? '?'} has no readable digest.json; run \`digest build\` again` : 'no draft to correct: build one first (`digest build`)');
    }
    // an edition built before another editor's correction (or its undo) shows a draft that is no longer there: a change
    // made on it could overwrite that editor's unseen, or name a story their drop or merge took away
    const step = o.against ? correctionsOutOfStep(book, o.against) : null;
    if (step) {
      const what = [step.made.length ? correctionNames(step.made) : '', step.undone.length ? `the undoing of ${correctionNames(step.undone)}` : ''].filter(Boolean).join(' and ');
      throw new UserError(`the draft was corrected elsewhere since this page was loaded (${what}); the preview has been rebuilt as the draft now is: read it, then make your change`);
    }
    const wanted = toCorrection(config, edition, r, o.by);
    store.transaction(() => {
      if (entry?.state === 'approved') {
        book.withdrawApproval(entry.id);
        withdrew = entry.id;
      }
      correction = book.addCorrection(wanted);
    });
  } finally {
    store.close();
  }
  return finish(config, entry, correction!, withdrew, o.outDir);
}

/** Take back a correction (by its number) and rebuild the current draft without it. */
export async function undoCorrection(config: DigestConfig, id: number, o: { outDir?: string; lockWaitMs?: number } = {}): Promise<EditResult> {
  return onCurrentDraft(config, o.lockWaitMs, () => undo(config, id, o));
}

async function undo(config: DigestConfig, id: number, o: { outDir?: string }): Promise<EditResult> {
  const store = openStore(config.state);
  let entry: EditionEntry | null;
  let withdrew: string | null = null;
  let correction: Correction;
  let was: string | null = null;
  try {
    const book = new EditionLifecycle(store);
    entry = book.current();
    const c = book.correction(id);
    if (!c || c.withdrawn) throw new UserError(`correction #${id}: no such correction`);
    if (c.editionId !== null && !(entry?.state === 'approved' && c.editionId === entry.id)) {
      throw new UserError(`correction #${id} belongs to edition ${c.editionId}, which is ${book.get(c.editionId)?.state ?? 'gone'}; it can no longer be undone`);
    }
    // the story it was on, as the editor read it in the draft (the list and the desk said so, a tie too)
    was = whereApplied(readDraft(entry && o.outDir !== undefined ? { ...entry, dir: path.resolve(o.outDir, entry.id) } : entry), id);
    store.transaction(() => {
      if (c.editionId !== null && entry) {
        book.withdrawApproval(entry.id);
        withdrew = entry.id;
      }
      book.withdrawCorrection(id);
    });
    correction = c;
  } finally {
    store.close();
  }
  return { ...(await finish(config, entry, correction, withdrew, o.outDir, true)), was };
}

/**
 * Where a correction is in a draft: 'on "Title" (Section, #1)', and when its items were as many in other stories (a
 * tie, which it went to the first of), those too; null when it is on no story (an introduction, a drop, vanished).
 */
export function whereApplied(edition: Edition | null, id: number): string | null {
  const a = edition?.corrections?.find((c) => c.id === id);
  if (!edition || !a || a.status !== 'applied' || a.story === null) return null;
  for (const s of edition.sections) {
    const rank = s.stories.findIndex((st) => st.id === a.story);
    if (rank < 0) continue;
    // a title correction's story by the title it had before, which the tie note names and the undo gives back
    const title = a.kind === 'title' && a.machine?.startsWith('title: ') ? a.machine.slice('title: '.length) : s.stories[rank].title;
    const on = `on "${plainLine(title)}" (${plainLine(s.title)}, #${rank + 1})`;
    const tie = tiedWith(a.note);
    return tie ? `${on}, the first on the page of the stories holding as many of its items (also ${plainLine(tie)})` : on;
  }
  return null;
}

/**
 * Run `work` (store a correction, rebuild the draft) holding the current draft's edition lock, so that no other
 * rebuild of it (another editor's, `digest build`, the scheduler's) runs between the two, and no approval freezes a
 * draft this rebuild is about to replace. Without a draft there is nothing to rebuild: the next build takes it in.
 */
async function onCurrentDraft<T>(config: DigestConfig, waitMs: number | undefined, work: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    const id = currentDraftId(config.state);
    if (id === null) return work();
    // a newer draft recorded while this one waited for the lock: take that one's lock instead
    const r = await withEditionLock(config.state, id, async () => (currentDraftId(config.state) === id || tries >= 2 ? { value: await work() } : null), { waitMs });
    if (r) return r.value;
  }
}

function currentDraftId(stateDir: string): string | null {
  const store = openStore(stateDir);
  try {
    return new EditionLifecycle(store).current()?.id ?? null;
  } finally {
    store.close();
  }
}

async function finish(config: DigestConfig, entry: EditionEntry | null, correction: Correction, withdrew: string | null, outDir?: string, undone = false): Promise<EditResult> {
  if (!entry) return { correction, applied: null, draft: null, withdrew };
  let draft: RebuiltDraft;
  try {
    draft = await rebuildDraft(config, entry, outDir);
  } catch (err) {
    // the store already has it: say so, or the editor takes the edit for lost (and makes it again)
    const done = undone ? `correction #${correction.id} (${correction.kind}) is taken back` : `correction #${correction.id} (${correction.kind}) is saved`;
    throw new UserError(
      `${withdrew ? `approval of edition ${withdrew} withdrawn; ` : ''}${done}, but draft ${entry.id} could not be rebuilt ${undone ? 'without' : 'with'} it: ${oneLine(err)}`,
      err instanceof UserError ? err.exitCode : 1,
    );
  }
  const applied = draft.edition.corrections?.find((c) => c.id === correction.id) ?? null;
  return { correction, applied, draft, withdrew };
}
