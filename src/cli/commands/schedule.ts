// `digest tick` (one idempotent step for cron/systemd) and `digest run` (long-running scheduler).
import path from 'node:path';
import type { Command } from 'commander';
import { Cron } from 'croner';
import { DateTime } from 'luxon';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../../config/index.js';
import { requireMailSettings } from '../../config/mail-ready.js';
import { reviewWarning } from '../../config/review-warning.js';
import { windowWarning } from '../../config/window-warning.js';
import { oneLine } from '../../errors.js';
import { errorLine } from '../error-line.js';
import type { DigestConfig } from '../../types.js';
import type { TickOutcome } from '../../schedule/tick.js';
import { parseNow, parseOutDir } from '../options.js';

interface Flags {
  config: string;
  now?: string;
  out?: string;
  verbose?: boolean;
  dryRun?: boolean;
  logTimestamps?: boolean;
}

async function secrets(command: string): Promise<{ smtpUrl: string; secret: string }> {
  const { requireSecret } = await import('../../deliver/tokens.js');
  const { requireSmtpUrl } = await import('../../deliver/transport.js');
  return { secret: requireSecret(process.env, command), smtpUrl: requireSmtpUrl(process.env) };
}

/**
 * A dry run checks the secrets the real step reads: one set as the real step would refuse it (`smtp//x`, `ftp://…`,
 * a port that is no number, a secret too short) is refused the same way, exit 2, as a setup check should; one not
 * set is only a warning line, since the shell a dry run is tried from often lacks what the service's environment
 * file gives the real step.
 */
async function checkSecretsForDryRun(command: string): Promise<void> {
  const { requireSecret } = await import('../../deliver/tokens.js');
  const { requireSmtpUrl } = await import('../../deliver/transport.js');
  const checks: [string, string, () => unknown][] = [
    ['DIGEST_SECRET', 'e.g. export DIGEST_SECRET=$(openssl rand -hex 32)', () => requireSecret(process.env, command)],
    ['DIGEST_SMTP_URL', 'e.g. smtps://user:password@smtp.example.org:465', () => requireSmtpUrl(process.env)],
  ];
  // refusals first: a step that fails says only why
  for (const [name, , check] of checks) if (process.env[name]) check();
  for (const [name, example] of checks) {
    if (!process.env[name]) process.stderr.write(`warning: ${name} is not set here: the real ${command} refuses to start without it (${example}); set it where the scheduler runs\n`);
  }
}

export function register(program: Command): void {
  program
    .command('tick')
    .description('one scheduler step: build and send the edition if one is due, else say when the next is')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--now <iso>', 'fix the clock (ISO 8601 with offset or Z)')
    .option('-o, --out <dir>', 'output folder for editions (default: out: in the config, else out next to the config file)', parseOutDir)
    .option('-v, --verbose', 'log each step')
    .option('--dry-run', 'say what this step would do (which edition, window, recipients); change nothing')
    .option('--log-timestamps', 'begin every line it writes with the time (ISO 8601, UTC), for a log file such as cron\'s tick.log')
    .action(async (flags: Flags) => {
      // first, so that every line is stamped, a refused config or secret and the last error line too
      if (flags.logTimestamps) (await import('../log-timestamps.js')).stampOutput();
      const now = parseNow(flags.now);
      const config = loadConfig(flags.config);
      // a dry run refuses what the real step would refuse in the config and in the secrets it is given
      requireMailSettings(config, 'digest tick');
      if (flags.dryRun) await checkSecretsForDryRun('digest tick');
      const { smtpUrl, secret } = flags.dryRun ? { smtpUrl: undefined, secret: undefined } : await secrets('digest tick');
      // bounces and unsubscribes first, so this step's send skips the addresses they stop
      if (!flags.dryRun) {
        const read = await mailStep(config, secret!);
        if (read) (read.ok ? process.stdout : process.stderr).write(`${read.ok ? '' : 'digest: '}${read.line}\n`);
      }
      const { runTick } = await import('../../schedule/tick.js');
      // systemd stops the tick service (shutdown, TimeoutStartSec, `systemctl stop`) and docker stops a container
      // with SIGTERM: like `digest send`, stop taking new messages and record the ones in flight, or the next
      // tick would send them again
      const abort = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        // the terminal is gone (SIGHUP): a failed write must not end the process before the ledger is written
        if (signal === 'SIGHUP') for (const out of [process.stdout, process.stderr]) out.on('error', () => {});
        abort.abort();
      };
      // SIGHUP (a closed terminal) as well: by default it kills at once, leaving messages on the wire claimed
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
      process.once('SIGHUP', onSignal);
      const outcome = await runTick(config, {
        now,
        outDir: flags.out ?? config.out,
        smtpUrl,
        secret,
        dryRun: flags.dryRun,
        signal: abort.signal,
        log: flags.verbose ? (event, data) => process.stderr.write(`${event}: ${JSON.stringify(data)}\n`) : undefined,
      }).finally(() => {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        process.off('SIGHUP', onSignal);
      });
      process.stdout.write(describeOutcome(outcome));
      // once per edition, when its draft is built: not at every tick of a cron log
      if (outcome.kind === 'awaiting-approval' && outcome.built) {
        const warning = reviewWarning(config);
        if (warning) process.stderr.write(`warning: ${warning}\n`);
      }
      // likewise when it builds an edition: a window that leaves days out of every one
      if ((outcome.kind === 'awaiting-approval' && outcome.built) || (outcome.kind === 'sent' && !outcome.reused)) {
        const warning = windowWarning(config, now);
        if (warning) process.stderr.write(`warning: ${warning}\n`);
      }
      if (outcome.kind === 'empty' && outcome.untold) {
        process.stderr.write(`digest: the editors were not told that the draft of edition ${outcome.editionId} is empty; the next tick tries again\n`);
        process.exitCode = 1;
      } else if (outcome.kind === 'no-subscribers') {
        process.stderr.write('digest: no active subscribers; add one with `digest subscribers add`\n');
        process.exitCode = 1;
      } else if (outcome.kind === 'sent' && outcome.undelivered > 0) {
        if (outcome.stoppedEarly) process.stderr.write(`digest: stopped early: ${outcome.stoppedEarly}\n`);
        process.stderr.write(`digest: ${outcome.undelivered} message(s) undelivered; the next tick retries them\n`);
        process.exitCode = 1;
      }
    });

  program
    .command('run')
    .description('long-running scheduler: builds and sends when the schedule says so')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('-o, --out <dir>', 'output folder for editions (default: out: in the config, else out next to the config file)', parseOutDir)
    .option('-v, --verbose', 'log every event, not only sends and problems')
    .option('--dry-run', 'say what the scheduler would do now and at its next firings, then exit; change nothing')
    .action(async (flags: Flags) => {
      const config = loadConfig(flags.config);
      requireMailSettings(config, 'digest run');
      if (flags.dryRun) {
        await checkSecretsForDryRun('digest run');
        return dryRunScheduler(config, flags.out ?? config.out);
      }
      const { smtpUrl, secret } = await secrets('digest run');
      await runScheduler(config, { outDir: flags.out ?? config.out, smtpUrl, secret, verbose: !!flags.verbose });
    });
}

/**
 * The mail step of tick and run: read the bounce mailbox once when `mailbox:` and DIGEST_IMAP_URL are set.
 * A mailbox that cannot be read is reported and does not stop the step: sending matters more.
 */
async function mailStep(config: DigestConfig, secret: string): Promise<{ ok: boolean; line: string } | null> {
  if (!config.mailbox) return null;
  if (!process.env.DIGEST_IMAP_URL) return { ok: false, line: 'mailbox: DIGEST_IMAP_URL is not set, so the bounce mailbox was not read (see `digest mail`)' };
  const { readMailbox, requireImapUrl, summarizeRun } = await import('../../mailbox/index.js');
  const { openStore } = await import('../../store/index.js');
  try {
    const imapUrl = requireImapUrl(process.env);
    const store = openStore(config.state);
    try {
      const run = await readMailbox({ config: config as Parameters<typeof readMailbox>[0]['config'], store, secret, imapUrl });
      return { ok: true, line: `mailbox ${summarizeRun(run)}` };
    } finally {
      store.close();
    }
  } catch (err) {
    return { ok: false, line: `mailbox: ${oneLine(err)}` };
  }
}

/** One line (or a few) per outcome of a step, for `digest tick`; then what it did about editions left behind. */
export function describeOutcome(o: TickOutcome): string {
  return describeStep(o) + (o.leftBehind ?? []).map((l) => `  ${l}\n`).join('');
}

function describeStep(o: TickOutcome): string {
  const next = `next edition at ${'next' in o ? (o.next ?? 'never') : 'never'}`;
  switch (o.kind) {
    case 'busy':
      return `another scheduler step is running${o.holder ? ` (pid ${o.holder.pid} on ${o.holder.host}${o.holder.since ? ` since ${o.holder.since}` : ''})` : ''}; nothing to do\n`;
    case 'not-due':
      return `nothing due: ${o.reason}; ${next}\n`;
    case 'no-subscribers':
      return o.approved
        ? `edition ${o.editionId} is approved but there are no active subscribers: nothing sent; it stays approved for the next tick\n`
        : `edition ${o.editionId} is due but there are no active subscribers: nothing built or sent; it stays due\n`;
    case 'sent':
      return (
        `${o.reason}: sent ${o.sent}, failed ${o.failed}${o.reused ? ' (resumed the edition already built)' : ''}; ${next}\n` +
        o.givenUp.map((g) => `  gave up on ${g}\n`).join('')
      );
    case 'awaiting-approval':
      return (
        `${o.reason}${o.notified.length ? ` (${o.notified.join(', ')})` : ''}; nothing is sent before it is approved` +
        `${o.deadline ? ` (review deadline ${o.deadline})` : ''}; ${next}\n`
      );
    case 'skipped':
    case 'empty':
      return `${o.reason}; ${next}\n`;
    case 'dry-run':
      return [`dry run: ${o.reason}`, ...o.plan.map((p) => `  would ${p}`), `  nothing was changed; ${next}`].join('\n') + '\n';
  }
}

/** `digest run --dry-run`: the step it would take at start, and its next firings. */
async function dryRunScheduler(config: DigestConfig, outDir: string): Promise<void> {
  const { runTick } = await import('../../schedule/tick.js');
  const now = DateTime.now();
  const outcome = await runTick(config, { now, outDir, dryRun: true });
  const firings = new Cron(config.schedule, { timezone: config.timezone, paused: true }).nextRuns(3, now.toJSDate());
  process.stdout.write(`at start: ${describeOutcome(outcome)}`);
  process.stdout.write(
    `then at each firing of "${config.schedule}" (${config.timezone}): ${firings.map((d) => DateTime.fromJSDate(d).setZone(config.timezone).toISO()).join(', ')}, …\n`,
  );
}

/** JSON lines on stdout, one per event: easy to read, easy for journald and log shippers. */
function logger(verbose: boolean) {
  return (level: 'info' | 'debug' | 'error', event: string, data: Record<string, unknown> = {}) => {
    if (level === 'debug' && !verbose) return;
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, event, ...data }) + '\n');
  };
}

/** How soon `run` tries again a step that found the schedule lock held. */
const BUSY_RETRY_MS = 30_000;

async function runScheduler(config: DigestConfig, o: { outDir: string; smtpUrl: string; secret: string; verbose: boolean }): Promise<void> {
  const { runTick, SCHEDULE_LOCK } = await import('../../schedule/tick.js');
  const { watchDatabase } = await import('../../store/watch.js');
  const { startHeartbeat } = await import('../../schedule/heartbeat.js');
  const log = logger(o.verbose);
  // The database `run` works with must stay the one it began with. Deleted or replaced under a running process (a
  // state folder removed by hand, a volume unmounted or restored), a step would start an empty one: no subscribers,
  // and no record of what was sent, so a restore afterwards could send an edition twice. Such a step is refused.
  const database = watchDatabase(config.state);
  const abort = new AbortController();
  let running: Promise<unknown> | null = null;
  // a firing while a step runs (a long catch-up send at start, a slow mailbox) is taken right after it:
  // dropped, it would wait for the next firing, a week later
  let pending: string | null = null;
  // a step that finds the schedule lock held (a cron tick beside `run`, or the lock of a container killed a
  // moment ago, held until its minute is up) is tried again soon: left to the next firing, it could wait a week
  let retry: NodeJS.Timeout | null = null;
  let busyTold = false;
  const retrySoon = () => {
    retry ??= setTimeout(() => {
      retry = null;
      void step('retry');
    }, BUSY_RETRY_MS);
  };

  const step = async (reason: string): Promise<void> => {
    if (abort.signal.aborted) return;
    if (running) {
      pending = reason;
      return;
    }
    if (database.replaced()) {
      log('error', 'state-missing', {
        trigger: reason,
        error: `${database.file} vanished or was replaced while digest run was running; expected the database it started with: restore the state folder, then restart digest run`,
      });
      return;
    }
    const now = DateTime.now();
    running = mailStep(config, o.secret)
      .then((read) => read && log(read.ok ? 'debug' : 'error', read.ok ? 'mailbox-read' : 'mailbox-failed', { trigger: reason, summary: read.line }))
      .then(() => runTick(config, {
      now,
      outDir: o.outDir,
      smtpUrl: o.smtpUrl,
      secret: o.secret,
      signal: abort.signal,
      log: (event, data) => log('debug', event, data),
    }))
      .then((outcome) => {
        // before the outcome is logged: whoever reads the log may act on the database at once (a restore, a test)
        database.adopt();
        if (outcome.kind === 'sent') log(outcome.undelivered > 0 ? 'error' : 'info', 'edition-sent', { trigger: reason, ...outcome });
        else if (outcome.kind === 'no-subscribers' || (outcome.kind === 'empty' && outcome.untold)) log('error', outcome.kind, { trigger: reason, ...outcome });
        else if (outcome.kind === 'skipped' || (outcome.kind === 'awaiting-approval' && outcome.built)) log('info', outcome.kind, { trigger: reason, ...outcome });
        else if (outcome.kind === 'busy') {
          // said once, then quietly until a step gets through: a lock that never frees must not go unnoticed
          log(busyTold ? 'debug' : 'info', 'busy', { trigger: reason, retryInSeconds: BUSY_RETRY_MS / 1000, lock: path.join(config.state, SCHEDULE_LOCK), holder: outcome.holder });
          busyTold = true;
          retrySoon();
        } else {
          log('debug', outcome.kind, { trigger: reason, ...outcome });
          // what the step did about editions left behind is news even when the step itself is not
          if (outcome.leftBehind?.length) log('info', 'left-behind', { trigger: reason, lines: outcome.leftBehind });
        }
        if (outcome.kind !== 'busy') busyTold = false;
      })
      .catch((err: unknown) => {
        // the same line the command would end with (a folder it may not write: named, with the fix)
        const { line, exitCode } = errorLine(err);
        log('error', 'step-failed', { error: line, exitCode });
      })
      .finally(() => {
        running = null;
        // the first step of a new install makes the database
        database.adopt();
      });
    await running;
    const again = pending;
    pending = null;
    if (again && !abort.signal.aborted) await step(again);
  };

  const job = new Cron(config.schedule, { timezone: config.timezone, protect: true }, () => void step('schedule'));
  // the bounce mailbox is also read every 15 minutes between editions
  const mailbox = config.mailbox ? new Cron('*/15 * * * *', { protect: true }, () => void step('mailbox')) : null;
  // With review, an approval (or the review deadline) can come at any time: look once a minute.
  const poll = config.review?.mode === 'required' ? new Cron('* * * * *', { protect: true }, () => void step('review')) : null;
  // Signals are handled from the start: a SIGTERM during the first step must stop it gracefully too.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log('info', 'stopping', { signal });
      job.stop();
      poll?.stop();
      mailbox?.stop();
      if (retry) clearTimeout(retry);
      abort.abort(); // the sender finishes the message in flight and writes the ledger
      void Promise.resolve(running).then(() => {
        heartbeat.stop();
        log('info', 'stopped');
        resolve();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  log('info', 'started', { schedule: config.schedule, timezone: config.timezone, next: job.nextRun()?.toISOString() ?? null });
  for (const warning of [reviewWarning(config), windowWarning(config)]) {
    if (warning) log('info', 'config-warning', { warning });
  }
  // what `digest health` (the container's HEALTHCHECK) reads: touched by a timer of this loop while it runs
  const heartbeat = startHeartbeat(
    config.state,
    (err) => log('error', 'heartbeat-failed', { error: errorLine(err).line }),
    () => !database.replaced(),
  );
  // Catch up at start: a firing missed while we were down is handled now (catchUp decides how).
  await step('startup');
  await stopped;
}
