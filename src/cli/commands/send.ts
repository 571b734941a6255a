// `digest send [--config F] [--edition ID] [--out DIR] [--build] [--dry-run] [--retry-given-up]`: deliver the approved edition
// to every active subscriber, never twice to the same address (see src/deliver/send.ts for the ledger).
// What goes out is what was approved: the bytes frozen by `digest approve` (src/desk/approve.ts).
import path from 'node:path';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { UserError } from '../../errors.js';
import { readEditionFile } from '../../pipeline/read-edition.js';
import { requireMailSettings } from '../../config/mail-ready.js';
import type { DigestConfig, Edition } from '../../types.js';
import type { SendSummary } from '../../deliver/send.js';
import type { RenderedEdition } from '../../render/index.js';
import type { SqliteStore } from '../../store/sqlite.js';
import { checkEditionId, parseOutDir } from '../options.js';
import { givenUpNote } from '../../deliver/summary.js';

/** Signals that stop a send gracefully: Ctrl-C, `kill`/docker/systemd, and the terminal closing. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface SendFlags {
  config: string;
  edition?: string;
  out?: string;
  dryRun?: boolean;
  build?: boolean;
  retryGivenUp?: boolean;
}

export function register(program: Command): void {
  program
    .command('send')
    .description('deliver the approved edition to subscribers; never twice to the same address')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('-e, --edition <id>', 'send out/<id>/ (approving it as it is on disk if it is not approved yet)')
    .option('-o, --out <dir>', 'folder of built editions (default: where the edition was written, else the config\'s out folder)', parseOutDir)
    .option('--build', 'build the edition now and send it at once, without review')
    .option('--dry-run', 'write each message as .eml under <out>/<edition>/outbox/ instead of sending')
    .option('--retry-given-up', 'with --edition: try once more the messages given up for it (refused on 3 runs, or deferred for over 5 days), once the cause is fixed')
    .action(async (flags: SendFlags) => {
      const config = loadConfig(flags.config);
      if (!flags.dryRun) requireMailSettings(config, 'digest send');
      const { requireSecret } = await import('../../deliver/tokens.js');
      const secret = requireSecret(process.env, 'digest send');
      const { requireSmtpUrl, senderForConfig } = await import('../../deliver/transport.js');
      const smtpUrl = flags.dryRun ? null : requireSmtpUrl(process.env);
      if (flags.edition !== undefined) checkEditionId(flags.edition);
      if (flags.edition !== undefined && flags.build) throw new UserError('--build and --edition: choose one (--build makes a new edition)');
      if (flags.retryGivenUp && flags.edition === undefined) throw new UserError('--retry-given-up needs --edition ID: the edition whose given-up messages to try again');

      const { acquireSendLock } = await import('../../deliver/lock.js');
      const lock = flags.dryRun ? null : acquireSendLock(config.state);
      const { openStore } = await import('../../store/index.js');
      let store: ReturnType<typeof openStore> | undefined;
      let sender: ReturnType<typeof senderForConfig> | undefined;
      const { reserveDiskSpace } = await import('../../deliver/disk-reserve.js');
      let reserve: ReturnType<typeof reserveDiskSpace> | undefined;
      try {
        store = openStore(config.state);
        if (!flags.dryRun) reserve = reserveDiskSpace(config.state);
        const chosen = await chooseEdition(config, flags, store);
        if (chosen.kind === 'nothing') {
          process.stdout.write(`${chosen.why}\n`);
          return;
        }
        if (chosen.note) process.stderr.write(`${chosen.note}\n`);
        if (chosen.kind !== 'as-is' && chosen.approvedNow) process.stdout.write(`${chosen.approvedNow}\n`);
        sender = smtpUrl ? senderForConfig(config, smtpUrl) : undefined;
        // on a terminal, one line that updates at most a few times a second; in a log, a line every 30 s
        const tty = process.stderr.isTTY === true;
        let shownAt = Date.now();
        const progress = (s: SendSummary) => {
          if (Date.now() - shownAt < (tty ? 250 : 30_000)) return;
          shownAt = Date.now();
          const done = s.alreadyDone + s.sent + s.failed.length + Object.values(s.skipped).reduce((a, b) => a + b, 0);
          process.stderr.write(`${tty ? '\r\x1b[K' : ''}sending edition ${s.editionId}: ${done}/${s.recipients}${tty ? '' : '\n'}`);
        };
        const abort = new AbortController();
        const onSignal = (signal: NodeJS.Signals) => {
          // the terminal is gone (an ssh session dropped): writing to it fails, which must not end the process before
          // the messages on the wire are recorded
          if (signal === 'SIGHUP') for (const out of [process.stdout, process.stderr]) out.on('error', () => {});
          // said at once: the messages on the wire may take a while to be answered
          if (!abort.signal.aborted) process.stderr.write(`${tty ? '\r\x1b[K' : ''}${signal}: stopping; the messages already handed to the SMTP server finish, nothing more goes out\n`);
          abort.abort();
        };
        // SIGHUP too: by default it kills the process at once, leaving what was on the wire claimed, unknown, resent by the next run
        for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
        const options = {
          secret,
          sender,
          reserve,
          dryRunOutbox: flags.dryRun ? path.join(chosen.dir, 'outbox') : undefined,
          retryGivenUp: flags.retryGivenUp === true,
          signal: abort.signal,
          log: (line: string) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}${line}\n`),
          onProgress: progress,
        };
        let summary: SendSummary;
        if (chosen.kind === 'approved') {
          const { deliverApproved } = await import('../../desk/deliver.js');
          ({ summary } = await deliverApproved(config, store, chosen.id, options));
        } else {
          const { sendEdition } = await import('../../deliver/send.js');
          summary = await sendEdition({ ...options, store, config, edition: chosen.edition, rendered: chosen.rendered });
          if (!flags.dryRun) {
            const { EditionLifecycle } = await import('../../store/lifecycle.js');
            new EditionLifecycle(store).settle(summary.editionId);
          }
        }
        if (tty) process.stderr.write('\r\x1b[K');
        for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
        if (flags.retryGivenUp && !summary.noRecipients) {
          process.stdout.write(
            summary.retried > 0
              ? `${summary.dryRun ? 'would try' : 'tried'} again ${summary.retried} message(s) of edition ${summary.editionId} given up earlier\n`
              : `edition ${summary.editionId}: no message was given up; nothing to try again\n`,
          );
        }
        process.stdout.write(formatSummary(summary));
        if (summary.noRecipients && chosen.kind === 'approved') process.stdout.write(`edition ${summary.editionId} stays approved for the next send\n`);
        if (summary.undelivered > 0 || summary.noRecipients || summary.unrecorded.length > 0) process.exitCode = 1;
      } finally {
        reserve?.release();
        sender?.close();
        store?.close();
        lock?.release();
      }
    });
}

type Chosen =
  | { kind: 'approved'; id: string; dir: string; note?: string; approvedNow?: string }
  /** dry runs of unapproved editions, and editions whose sending began before approvals existed */
  | { kind: 'as-is'; edition: Edition; rendered: RenderedEdition; dir: string; note?: string }
  | { kind: 'nothing'; why: string };

/**
 * Which edition goes out (contract §1): without --edition the approved one (or the one part-way out);
 * --edition ID that edition, approved as it is on disk if it was not; --build a fresh one, approved at once.
 */
async function chooseEdition(config: DigestConfig, flags: SendFlags, store: SqliteStore): Promise<Chosen> {
  const { EditionLifecycle } = await import('../../store/lifecycle.js');
  const { approveFromDisk, checkOwnEdition } = await import('../../desk/approve.js');
  const { isPending } = await import('../../deliver/plan.js');
  const book = new EditionLifecycle(store);
  const folder = (id: string) => {
    const entry = book.get(id);
    return flags.out !== undefined ? path.resolve(flags.out, id) : (entry?.dir ?? path.join(config.out, id));
  };
  const frozen = (id: string, note?: string): Chosen | null => {
    const entry = book.get(id);
    if (!entry || !book.snapshot(id)) return null;
    const resumed = flags.edition === undefined && (entry.state === 'sending' || entry.state === 'sent');
    return { kind: 'approved', id, dir: folder(id), note: note ?? (resumed ? `resuming edition ${id} as first sent (the approved copy)` : undefined) };
  };
  const asIs = async (id: string, note?: string): Promise<Chosen> => {
    const { renderEdition } = await import('../../render/index.js');
    const file = path.join(folder(id), 'digest.json');
    const edition = readEditionFile(file, id);
    checkOwnEdition(edition, book.digestId(), file, config);
    return { kind: 'as-is', edition, rendered: await renderEdition(edition, config), dir: folder(id), note };
  };

  if (flags.edition !== undefined) {
    const id = flags.edition;
    const approved = frozen(id);
    if (approved) return approved;
    const entry = book.get(id);
    // sending began before this version kept approved copies: the copy on disk, as then
    if (entry && (entry.state === 'sending' || entry.state === 'sent')) return asIs(id);
    if (flags.dryRun) return asIs(id);
    const dir = folder(id);
    const { withEditionLock } = await import('../../desk/edition-lock.js');
    // not while a rebuild of it is being written (src/desk/edition-lock.ts)
    await withEditionLock(config.state, id, () => approveFromDisk(config, store, { dir, id, by: 'digest send --edition' }));
    return { kind: 'approved', id, dir, approvedNow: `approved edition ${id} as it is on disk (${path.relative(process.cwd(), dir) || dir})` };
  }

  if (flags.build) {
    const { buildEdition, editionId } = await import('../../pipeline/index.js');
    const now = DateTime.now();
    const id = editionId(now.setZone(config.timezone));
    const approved = frozen(id);
    if (approved) return approved;
    const built = await buildEdition(config, { now });
    const e = built.edition;
    if (e.feeds.length > 0 && e.feeds.every((f) => f.status === 'error')) {
      throw new UserError(`${e.feeds.length === 1 ? 'the only feed failed' : `all ${e.feeds.length} feeds failed`}; edition ${id} not built, nothing sent`, 1);
    }
    const out = flags.out ?? config.out;
    if (!e.sections.some((s) => s.stories.length > 0)) return { kind: 'nothing', why: `edition ${id}: the edition has no stories; nothing to send` };
    if (flags.dryRun) return { kind: 'as-is', edition: e, rendered: built.rendered, dir: path.resolve(out, id) };
    const { writeEdition } = await import('../../pipeline/write.js');
    const { recordDraft } = await import('../../desk/draft.js');
    const { withEditionLock } = await import('../../desk/edition-lock.js');
    // written and approved at once, with no other rebuild of the edition between (src/desk/edition-lock.ts)
    const dir = await withEditionLock(config.state, id, async () => {
      const written = await writeEdition(out, e, built.rendered, config, flags.out !== undefined ? '--out' : 'out');
      recordDraft(store, e, written.dir);
      await approveFromDisk(config, store, { dir: written.dir, id, by: 'digest send --build' });
      return written.dir;
    });
    return { kind: 'approved', id, dir };
  }

  const next = book.toSend();
  const stale = next ? null : book.staleApproved();
  if (stale) {
    const { stale: old, newer } = stale;
    if (old.state === 'sending') {
      const left = store.deliveries(old.id).filter(isPending).length;
      throw new UserError(
        `edition ${old.id} is part-way out (${left} of its readers not reached yet), but edition ${newer.id}, newer, was already ${newer.state === 'skipped' ? 'skipped' : 'sent'}: ` +
          `it is not resumed after it (\`digest send --edition ${old.id}\` sends it to them all the same)`,
      );
    }
    throw new UserError(
      `edition ${old.id} is approved, but edition ${newer.id}, newer, was already ${newer.state === 'skipped' ? 'skipped' : 'sent'}: it is not sent after it ` +
        `(\`digest send --edition ${old.id}\` sends it all the same; \`digest approve --edition ${old.id} --withdraw\` clears it)`,
    );
  }
  if (!next) {
    // the newest went out already: "approve the draft first" sent the user to `digest approve`, which finds no draft
    const newest = book.list()[0];
    if (newest && (newest.state === 'sent' || newest.state === 'skipped')) {
      throw new UserError(
        `nothing to send: edition ${newest.id}, the newest, was already ${newest.state}; build the next one (\`digest build\`) and approve it, ` +
          'or build and send at once with `digest send --build`',
      );
    }
    throw new UserError('no approved edition to send: approve the draft first (`digest approve`), or build and send at once with `digest send --build`');
  }
  return frozen(next.id) ?? asIs(next.id, `resuming edition ${next.id} as first sent`);
}

function failureNote(f: SendSummary['failed'][number]): string {
  const givenUp = givenUpNote(f);
  if (givenUp) return ` (${givenUp})`;
  return f.permanent ? ' (permanent)' : ' (will retry on the next run)';
}

export function formatSummary(s: SendSummary): string {
  if (s.noRecipients) return `edition ${s.editionId}: not sent: ${s.stoppedEarly}\n`;
  const skipped = Object.values(s.skipped).reduce((a, b) => a + b, 0);
  const lines = [
    `${s.dryRun ? 'dry run: ' : ''}edition ${s.editionId}: ${s.dryRun ? 'wrote' : 'sent'} ${s.sent}, skipped ${skipped}, failed ${s.failed.length}` +
      ` (${s.recipients} recipients; ${s.alreadyDone} done by earlier runs${s.resentAfterCrash ? `; ${s.resentAfterCrash} resent after an interrupted run` : ''})`,
  ];
  for (const [reason, n] of Object.entries(s.skipped)) lines.push(`  skipped ${n}: ${reason}`);
  for (const f of s.failed) lines.push(`  failed ${f.email}: ${f.reason}${failureNote(f)}`);
  for (const b of s.bounced) lines.push(`  bounced ${b}: too many hard failures; no longer sent to`);
  if (s.stoppedEarly) lines.push(`  stopped early: ${s.stoppedEarly}`);
  for (const e of s.unrecorded) lines.push(`  sent ${e} but could not record it: a re-run would send it again`);
  for (const e of s.setAside) lines.push(`  sent ${e}: the ledger could not take it, so it is written down in send.accepted beside it; the next run records it and does not send it again`);
  if (s.undelivered > 0) lines.push(`  ${s.undelivered} message(s) undelivered; run \`digest send --edition ${s.editionId}\` again to retry`);
  if (s.outbox) lines.push(`  messages in ${path.relative(process.cwd(), s.outbox) || s.outbox}`);
  return lines.join('\n') + '\n';
}
