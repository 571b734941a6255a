// Write an edition folder atomically: everything goes to a temporary sibling folder first and is renamed
// into place at the end, so a crash never leaves a half-written edition behind.
import { readdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { DigestConfig, Edition } from '../types.js';
import { composeMessage, editionWebUrl, personalize, type RenderedEdition } from '../render/index.js';
import { renderReport } from '../report/index.js';
import { AUTO_SUBMITTED, listHeaders, replyToHeader } from '../deliver/headers.js';
import { parseSender } from '../text/sender.js';
import { UserError, oneLine } from '../errors.js';
import { describeStorageFault } from '../store/faults.js';
import { SETTING_NAME, makeFolder, outSetting, type FolderSetting } from '../config/folders.js';
import { processExists } from '../store/lock-file.js';

export const SAMPLE_RECIPIENT = 'reader@example.org';

export interface WrittenEdition {
  dir: string;
  files: string[];
}

export async function writeEdition(
  outDir: string,
  edition: Edition,
  rendered: RenderedEdition,
  config: DigestConfig,
  /** who named `outDir`, for a message about it; by default the config when it is the config's out folder */
  setting: FolderSetting = outSetting(outDir, config.out),
): Promise<WrittenEdition> {
  const sample = await sampleMessage(edition, rendered, config);
  const files: Record<string, string | Buffer> = {
    'digest.json': JSON.stringify(edition, null, 2) + '\n',
    'digest.html': sample.html,
    'digest.txt': sample.text,
    'digest.eml': sample.eml,
    // for editors: every item and what happened to it
    'report.html': renderReport(edition, { shortened: rendered.shortened }),
  };
  const dir = path.resolve(outDir, edition.edition.id);
  const tmp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  try {
    removeStaleTemps(path.dirname(dir));
    rmSync(tmp, { recursive: true, force: true });
    makeFolder(tmp, setting);
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(tmp, name), body);
    // Keep what later tools wrote next to an earlier build of this edition (e.g. a dry-run outbox).
    if (existsSync(dir)) {
      renameSync(dir, old);
      renameSync(tmp, dir);
      for (const keep of ['outbox']) {
        if (existsSync(path.join(old, keep))) renameSync(path.join(old, keep), path.join(dir, keep));
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dir);
    }
  } catch (err) {
    try {
      // half a temp folder helps nobody and keeps a full disk full; an earlier build goes back in place
      rmSync(tmp, { recursive: true, force: true });
      if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    } catch {
      // the first failure is the one to report
    }
    throw outputFault(err, outDir, edition.edition.id, setting);
  }
  return { dir, files: Object.keys(files).map((f) => path.join(dir, f)) };
}

/** Remove `<id>.tmp-<pid>` folders whose process is gone (killed mid-write); they are never an edition. */
function removeStaleTemps(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return; // no output folder yet
  }
  for (const name of names) {
    const pid = Number(/\.tmp-(\d+)$/.exec(name)?.[1]);
    if (pid > 0 && pid !== process.pid && !processExists(pid)) rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

/** A file-system failure in the output folder as one line naming that folder (exit 1); anything else unchanged. */
function outputFault(err: unknown, outDir: string, id: string, setting: FolderSetting): unknown {
  const doing = `write edition ${id} in this output folder (${SETTING_NAME[setting]})`;
  const line = describeStorageFault(err, outDir, doing, setting);
  if (line) return new UserError(line, 1);
  if (typeof (err as NodeJS.ErrnoException).code === 'string') return new UserError(`${outDir}: cannot ${doing}: ${oneLine(err)}`, 1);
  return err;
}

/** The email as one sample subscriber (all sections) would get it (also the preview's and --send-test's copy). */
export async function sampleMessage(
  edition: Edition,
  rendered: RenderedEdition,
  config: DigestConfig,
  opts: { to?: string; subjectPrefix?: string; messageId?: string } = {},
) {
  const to = opts.to ?? SAMPLE_RECIPIENT;
  const base = config.email.baseUrl;
  const personal = personalize(
    rendered,
    edition,
    {
      email: to,
      name: null,
      sections: null,
      unsubscribeUrl: `${base}/u/sample`,
      preferencesUrl: `${base}/preferences/sample`,
    },
    editionWebUrl(config, edition.edition.id),
  ) ?? { html: rendered.html, text: rendered.text, subject: rendered.subject };
  const sender = parseSender(config.email.from);
  const eml = await composeMessage({
    from: config.email.from,
    to,
    subject: `${opts.subjectPrefix ?? ''}${personal.subject}`,
    html: personal.html,
    text: personal.text,
    date: DateTime.fromISO(edition.edition.end).toJSDate(),
    messageId: opts.messageId ?? `<${edition.edition.id}.sample@${sender.domain}>`,
    headers: { ...replyToHeader(config.email.replyTo), ...AUTO_SUBMITTED, ...listHeaders({ title: config.title, baseUrl: base, sender })(`${base}/u/sample`) },
  });
  return { html: personal.html, text: personal.text, subject: personal.subject, eml };
}
