// `digest send [--config F] [--edition ID] [--out DIR] [--dry-run]`: deliver an edition to every
// active subscriber, never twice to the same address (see src/deliver/send.ts for the ledger).
import path from 'node:path';
import type { Command } from 'commander';
import { parseOutDir } from '../options.js';
import { DateTime } from 'luxon';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { requireMailSettings } from '../../config/mail-ready.js';
import { UserError } from '../../errors.js';
import { readEditionFile } from '../../pipeline/read-edition.js';
import type { DigestConfig, Edition } from '../../types.js';
import type { SendSummary } from '../../deliver/send.js';
import type { Store } from '../../store/types.js';

interface SendFlags {
  config: string;
  edition?: string;
  out: string;
  dryRun?: boolean;
}

export function register(program: Command): void {
  program
    .command('send')
    .description('deliver an edition to subscribers; never twice to the same address')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('-e, --edition <id>', 'send the built edition out/<id>/ (default: build one now)')
    .option('-o, --out <dir>', 'folder of built editions', parseOutDir, 'out')
    .option('--dry-run', 'write each message as .eml under <out>/<edition>/outbox/ instead of sending')
    .action(async (flags: SendFlags) => {
      const config = loadConfig(flags.config);
      if (!flags.dryRun) requireMailSettings(config, 'digest send');
      const { requireSecret } = await import('../../deliver/tokens.js');
      const secret = requireSecret(process.env, 'digest send');
      const { requireSmtpUrl, senderForConfig } = await import('../../deliver/transport.js');
      const smtpUrl = flags.dryRun ? null : requireSmtpUrl(process.env);
      if (flags.edition !== undefined) checkEditionId(flags.edition);

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
        const { edition, rendered } = await loadOrBuild(config, flags, store);
        const { sendEdition } = await import('../../deliver/send.js');
        sender = smtpUrl
          ? senderForConfig(config, smtpUrl)
          : undefined;
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
        const onSignal = () => abort.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const summary = await sendEdition({
          store,
          config,
          edition,
          rendered,
          secret,
          sender,
          reserve,
          dryRunOutbox: flags.dryRun ? path.resolve(flags.out, edition.edition.id, 'outbox') : undefined,
          signal: abort.signal,
          log: (line) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}${line}\n`),
          onProgress: progress,
        });
        if (tty) process.stderr.write('\r\x1b[K');
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        process.stdout.write(formatSummary(summary));
        if (summary.undelivered > 0 || summary.noRecipients || summary.unrecorded.length > 0) process.exitCode = 1;
      } finally {
        reserve?.release();
        sender?.close();
        store?.close();
        lock?.release();
      }
    });
}

function checkEditionId(id: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) {
    throw new UserError(`--edition: expected an edition id like 2024-06-10, got ${JSON.stringify(id)}`);
  }
}

/** With --edition: that built edition. Without: the edition due now (resumed from disk if its sending started). */
async function loadOrBuild(config: DigestConfig, flags: SendFlags, store: Store) {
  if (flags.edition !== undefined) {
    const { renderEdition } = await import('../../render/index.js');
    const edition = readEditionFile(path.resolve(flags.out, flags.edition, 'digest.json'), flags.edition);
    return { edition, rendered: await renderEdition(edition, config) };
  }
  const { editionToSend } = await import('../../pipeline/edition-to-send.js');
  const chosen = await editionToSend(config, store, { now: DateTime.now(), outDir: flags.out, write: !flags.dryRun });
  if (chosen.resumed) process.stderr.write(`resuming edition ${chosen.edition.edition.id} as first sent (${path.join(flags.out, chosen.edition.edition.id, 'digest.json')})\n`);
  return chosen;
}

export function formatSummary(s: SendSummary): string {
  if (s.noRecipients) return `edition ${s.editionId}: not sent: ${s.stoppedEarly}\n`;
  const skipped = Object.values(s.skipped).reduce((a, b) => a + b, 0);
  const lines = [
    `${s.dryRun ? 'dry run: ' : ''}edition ${s.editionId}: ${s.dryRun ? 'wrote' : 'sent'} ${s.sent}, skipped ${skipped}, failed ${s.failed.length}` +
      ` (${s.recipients} recipients; ${s.alreadyDone} done by earlier runs${s.resentAfterCrash ? `; ${s.resentAfterCrash} resent after an interrupted run` : ''})`,
  ];
  for (const [reason, n] of Object.entries(s.skipped)) lines.push(`  skipped ${n}: ${reason}`);
  for (const f of s.failed) lines.push(`  failed ${f.email}: ${f.reason}${f.permanent ? ' (permanent)' : ' (will retry on the next run)'}`);
  for (const b of s.bounced) lines.push(`  bounced ${b}: too many hard failures; no longer sent to`);
  if (s.stoppedEarly) lines.push(`  stopped early: ${s.stoppedEarly}`);
  for (const e of s.unrecorded) lines.push(`  sent ${e} but could not record it: a re-run would send it again`);
  if (s.undelivered > 0) lines.push(`  ${s.undelivered} message(s) undelivered; run \`digest send --edition ${s.editionId}\` again to retry`);
  if (s.outbox) lines.push(`  messages in ${path.relative(process.cwd(), s.outbox) || s.outbox}`);
  return lines.join('\n') + '\n';
}
