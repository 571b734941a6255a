// `digest status [--config F] [--now ISO] [--json]`: the digest at a glance.
import type { Command } from 'commander';
import { Cron } from 'croner';
import { DateTime } from 'luxon';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { parseNow } from '../options.js';
import type { DigestStatus } from '../../desk/status.js';
import type { DigestConfig } from '../../types.js';
import type { DryRunStep } from '../../schedule/tick.js';
import { inspectLocks, type LockState } from '../../store/lock-file.js';
import { lifetimeText } from '../../deliver/deferrals.js';

interface StatusFlags {
  config: string;
  now?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('status')
    .description('the digest at a glance: schedule and next firing, the current draft, the last edition sent, subscribers, failing feeds')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--now <iso>', 'fix the clock (ISO 8601 with offset or Z)')
    .option('--json', 'print it as JSON')
    .action(async (flags: StatusFlags) => {
      const now = parseNow(flags.now);
      const config = loadConfig(flags.config);
      const { digestStatus } = await import('../../desk/status.js');
      const status = await digestStatus(config, now);
      const changes = await listChanges(config.state, now);
      const { windowWarning } = await import('../../config/window-warning.js');
      const warning = windowWarning(config, now);
      if (warning) process.stderr.write(`warning: ${warning}\n`);
      // the schedule would fire and fail: say so before a first subscriber waits for an edition that cannot go out
      const { missingMailSettings } = await import('../../config/mail-ready.js');
      const mail = missingMailSettings(config, 'digest send, tick, run and serve');
      if (mail) process.stderr.write(`warning: ${mail}\n`);
      const due = await dueEdition(config, now);
      const locks = inspectLocks(config.state);
      process.stdout.write(
        flags.json
          ? JSON.stringify({ ...status, due, locks, listChanges: changes }, null, 2) + '\n'
          : formatStatus(status, due, now) + formatLocks(locks, status.timezone) + formatChanges(changes),
      );
    });
}

/** An edition whose firing has passed and that has not gone out: what the scheduler's next step does about it. */
interface DueEdition {
  editionId: string;
  /** its firing, ISO in the digest's zone */
  since: string;
  /** missed firings it also covers (catchUp: latest) */
  missed: number;
  /** what the next `digest tick` would do with it (as `tick --dry-run` says) */
  step: DryRunStep;
  /** of the recipients a send already planned, how many it has not reached */
  left: { left: number; planned: number } | null;
}

/** After this long past its firing an edition still not sent means the scheduler is not running (cron ticks every 10 min). */
const LATE_MS = 60 * 60_000;

/** "next firing" alone hides an edition that is due and not sent (the timer stopped, every tick failing): ask the
 * scheduler, without changing anything, as `digest tick --dry-run` does. */
async function dueEdition(config: DigestConfig, now: DateTime): Promise<DueEdition | null> {
  const { runTick } = await import('../../schedule/tick.js');
  const dry = await runTick(config, { now, outDir: config.out, dryRun: true });
  if (dry.kind !== 'dry-run' || dry.editionId === null || dry.step === null) return null;
  const firing = new Cron(config.schedule, { timezone: config.timezone, paused: true }).previousRuns(1, now.plus({ milliseconds: 1 }).toJSDate())[0];
  const since = firing ? DateTime.fromJSDate(firing).setZone(config.timezone).toISO()! : now.toISO()!;
  // with catchUp: skip the missed firings are dropped, not covered
  return { editionId: dry.editionId, since, missed: config.catchUp === 'latest' ? dry.missed : 0, step: dry.step, left: dry.left };
}

function formatDue(d: DueEdition, zone: string, now: DateTime, draft: DigestStatus['draft'] = null): string | null {
  // a draft waiting for the editors is on the draft row already
  if (d.step === 'wait-for-approval') return null;
  const head = `edition ${d.editionId}, since ${when(d.since, zone)}${d.missed > 0 ? ` (it also covers ${plural(d.missed, 'missed firing')})` : ''}`;
  if (d.step === 'no-subscribers') return `${head}: not sent, there are no active subscribers`;
  const late = now.toMillis() - DateTime.fromISO(d.since).toMillis() > LATE_MS;
  const hint = late ? ' (is the scheduler running, and can it send? its log says; `digest tick --dry-run` says what it would do)' : '';
  if (d.step === 'skip-at-deadline') return `${head}: nobody approved it by the review deadline; the scheduler's next step skips it (onDeadline: skip)${hint}`;
  // built already, and empty: the next step builds it again, in case news came since
  if ((d.step === 'build-draft' || d.step === 'build-and-send') && draft?.id === d.editionId && draft.empty !== null) {
    const then = d.step === 'build-draft' ? 'tells the editors' : 'sends it';
    return `${head}: its draft was built and holds no story (see the draft row); the scheduler's next step builds it again and ${then} once it has one${hint}`;
  }
  // built by hand (digest build, the preview) before the scheduler's step: the editors may be reading it already
  if (d.step === 'build-draft' && draft?.id === d.editionId) {
    return `${head}: its draft is built (see the draft row) and the editors are not told yet; the scheduler's next step builds it again, with any news since and the corrections made, and tells them${hint}`;
  }
  if (d.step === 'build-draft') return `${head}: its draft is not built yet; the scheduler's next step builds it and tells the editors${hint}`;
  // every message accepted, some while the ledger could not record them (send.accepted): the next step records them
  if (d.left?.left === 0) return `${head}: all its ${d.left.planned} recipients reached; the scheduler's next step records the last of them as sent${hint}`;
  if (d.left) return `${head}: ${d.left.left} of its ${d.left.planned} recipients not reached yet; the scheduler's next step tries them again${hint}`;
  return `${head}: not sent yet; the scheduler's next step sends it${hint}`;
}

/** what holds each kind of lock, for the operator who finds one */
function lockHolder(name: string): string {
  if (name === 'schedule.lock') return 'a scheduler step (digest tick or run)';
  if (name === 'send.lock') return 'a send';
  if (name === 'mailbox.lock') return 'a read of the bounce mailbox';
  if (name === 'create.lock') return 'the making of a new database';
  const edition = /^edition-(.+)\.lock$/.exec(name);
  return edition ? `a rebuild or approval of edition ${edition[1]}` : name;
}

/**
 * One row per lock file in the state folder: who holds it and since when, or that its holder is gone (killed, the
 * machine restarted) and the next command that needs it takes it over, so nobody need remove it by hand.
 */
function formatLocks(locks: LockState[], zone: string): string {
  return locks
    .map((l) => {
      const who = `${l.pid === null ? 'a process' : `pid ${l.pid}`} on ${l.host}`;
      const since = l.since ? ` since ${when(l.since, zone)}` : '';
      if (l.state === 'held') return `${row('running')}${lockHolder(l.name)}: ${who}${since} (${l.name})\n`;
      if (l.state === 'starting') return `${row('running')}${lockHolder(l.name)}: starting now (${l.name})\n`;
      return (
        `${row('stale lock')}${l.name}: left by ${who}${since}, last touched ${when(l.touched, zone)}; ` +
        `${l.local ? 'that process is gone' : 'its host stopped touching it over a minute ago'}: the next command that needs it takes it over\n`
      );
    })
    .join('');
}

/** What bounces, complaints and unsubscribes did to the list in the last LIST_DAYS days (subscriber history). */
const LIST_DAYS = 30;

interface ListChanges {
  days: number;
  bounced: Record<string, number>;
  unsubscribed: Record<string, number>;
  softBouncesCounted: number;
}

async function listChanges(stateDir: string, now: DateTime): Promise<ListChanges> {
  const { openStoreToRead } = await import('../../store/index.js');
  const { SubscriberEvents } = await import('../../store/events.js');
  const store = openStoreToRead(stateDir);
  try {
    const out: ListChanges = { days: LIST_DAYS, bounced: {}, unsubscribed: {}, softBouncesCounted: 0 };
    for (const r of new SubscriberEvents(store).countsSince(now.minus({ days: LIST_DAYS }).toUTC().toISO()!)) {
      if (r.status === 'bounced' || r.status === 'unsubscribed') out[r.status][r.reason] = (out[r.status][r.reason] ?? 0) + r.n;
      else out.softBouncesCounted += r.n;
    }
    return out;
  } finally {
    store.close();
  }
}

function formatChanges(c: ListChanges): string {
  const part = (what: string, by: Record<string, number>) => {
    const total = Object.values(by).reduce((a, b) => a + b, 0);
    const detail = Object.entries(by).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, n]) => `${n} ${reason}`);
    return `${total} ${what}${total ? ` (${detail.join(', ')})` : ''}`;
  };
  return `${row('list health')}last ${c.days} days: ${part('bounced', c.bounced)}, ${part('unsubscribed', c.unsubscribed)}, ${plural(c.softBouncesCounted, 'soft bounce')} counted\n`;
}

function when(iso: string | null, zone: string): string {
  if (!iso) return 'never';
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return dt.isValid ? dt.toFormat('ccc d LLL yyyy HH:mm ZZ') : iso;
}

const LABEL = 12;
const row = (label: string) => `  ${label.padEnd(LABEL)}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatStatus(s: DigestStatus, due: DueEdition | null = null, now: DateTime = DateTime.now()): string {
  const z = s.timezone;
  const lines = [s.title, `${row('schedule')}${s.schedule} (${z}); next firing ${when(s.nextFiring, z)}`];
  const dueLine = due ? formatDue(due, z, now, s.draft) : null;
  if (dueLine) lines.push(`${row('due')}${dueLine}`);
  const r = s.review;
  lines.push(
    `${row('review')}${r.mode}` +
      (r.mode === 'required'
        ? ` by ${r.editors.join(', ')}${
            r.deadlineMs !== null
              ? `; after ${Math.round(r.deadlineMs / 3_600_000 * 10) / 10} h unapproved: ${r.onDeadline}`
              : '; no reviewDeadline: an unapproved draft waits until the next edition replaces it, unsent'
          }`
        : ' (the schedule sends what it builds)'),
  );
  const d = s.draft;
  if (d) {
    const parts = [`edition ${d.id}: ${d.state}`];
    if (d.state === 'approved') parts.push(`by ${d.approvedBy ?? '?'} at ${when(d.approvedAt, z)}`);
    if (d.stories !== null) parts.push(`${plural(d.stories, 'story', 'stories')}${d.empty !== null ? `: ${d.empty}` : ''}`);
    if (d.corrections) parts.push(`${plural(d.corrections, 'correction')}${d.vanished ? ` (${d.vanished} vanished)` : ''}`);
    if (d.pending) parts.push(`${d.pending} newer not yet in it (rebuild the draft)`);
    if (d.undone) parts.push(`${d.undone} taken back since, still in it (rebuild the draft)`);
    if (d.deadline) parts.push(`deadline ${when(d.deadline, z)}`);
    if (d.waitingSince) parts.push(`waiting for approval since ${when(d.waitingSince, z)}`);
    if (d.overdue) parts.push(`longer than one schedule period: the next edition was due at ${when(d.replacedAt, z)} (is the scheduler running?)`);
    else if (d.waitingSince && !d.deadline && d.replacedAt) parts.push(`unless approved, replaced unsent by the next edition at ${when(d.replacedAt, z)}`);
    lines.push(`${row('draft')}${parts.join('; ')}`);
    if (d.dir) lines.push(`${' '.repeat(LABEL + 2)}${d.dir}`);
  } else {
    lines.push(`${row('draft')}none${s.pendingCorrections ? ` (${plural(s.pendingCorrections, 'correction')} waiting for the next one)` : ''}`);
  }
  const l = s.lastSent;
  lines.push(
    l
      ? `${row('last sent')}edition ${l.id} at ${when(l.sentAt, z)}: ${l.counts.sent} sent, ${l.counts.failed} failed${refusedNote(l.refused, l.expired, s.deferralLifetimeMs)}, ${l.counts.skipped} skipped` +
          `${l.counts.queued ? `, ${l.counts.queued} still queued` : ''}${l.state === 'sending' ? ' (sending not finished)' : ''}`
      : `${row('last sent')}nothing yet`,
  );
  for (const b of s.leftBehind) {
    lines.push(
      `${row('left behind')}edition ${b.id}: ${b.left} of its ${b.planned} recipients not reached; not resumed after edition ${b.newer}, newer ` +
        (b.deferred === 0
          ? `(\`digest send --edition ${b.id}\` sends it to them all the same)`
          : `(${b.deferred === b.left ? 'their servers deferred it' : `${b.deferred} of them, whose servers deferred it,`}: each scheduler step tries ${b.deferred === b.left ? 'them' : 'those'} ` +
            `again until deferred for over ${lifetimeText(s.deferralLifetimeMs)}; \`digest send --edition ${b.id}\` sends it to ${b.deferred === b.left ? 'them' : 'them all'} now)`),
    );
  }
  const sub = s.subscribers;
  lines.push(`${row('subscribers')}${sub.active} active (${sub.pending} pending, ${sub.unsubscribed} unsubscribed, ${sub.bounced} bounced)`);
  if (s.failingFeeds.length === 0) lines.push(`${row('feeds')}none failing`);
  for (const f of s.failingFeeds) {
    lines.push(`${row('failing')}${f.name} (${f.id}): ${f.error ?? 'error'}; ${plural(f.runs, 'run')} in a row, last success ${when(f.lastSuccess, z)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * failed messages given up for that edition: the server refused them run after run (src/deliver/refusals.ts), or the
 * readers' servers deferred them past the lifetime (src/deliver/deferrals.ts)
 */
function refusedNote(r: { count: number; runs: number }, expired: number, lifetimeMs: number): string {
  const parts: string[] = [];
  if (r.count > 0) parts.push(`${r.count} refused by the server on ${r.runs} runs, not tried again`);
  if (expired > 0) parts.push(`${expired} deferred by the reader's server for over ${lifetimeText(lifetimeMs)}, not tried again`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}
