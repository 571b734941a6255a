// `digest subscribers add|remove|list|import|export`: manage the subscriber store by hand.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { UserError, readFailure } from '../../errors.js';
import type { DigestConfig } from '../../types.js';
import { openStore, checkEmail, SUBSCRIBER_STATUSES, type Subscriber, type SubscriberStatus } from '../../store/index.js';
import { parseSubscriberCsv, parseSectionList } from '../../store/import.js';
import { toCsv } from '../../store/csv.js';
import { SubscriberEvents, type SubscriberEvent } from '../../store/events.js';

interface ConfigFlag {
  config: string;
}

export function register(program: Command): void {
  const cmd = program.command('subscribers').description('manage the subscriber store');
  const withConfig = (c: Command) => c.option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE);

  withConfig(cmd.command('add <email>').description('add an active subscriber (or update one)'))
    .option('--name <name>', 'display name')
    .option('--sections <ids>', 'only these sections, comma-separated (default: all)')
    .option('--reactivate', 'also re-activate an address that unsubscribed or bounced')
    .action((email: string, flags: ConfigFlag & { name?: string; sections?: string; reactivate?: boolean }) => {
      const config = loadConfig(flags.config);
      const checked = checkEmail(email);
      if (!checked.ok) throw new UserError(`${JSON.stringify(email)}: ${checked.reason}`);
      const name = flags.name !== undefined ? checkName(flags.name) : undefined;
      const sections = flags.sections !== undefined ? checkSections(flags.sections, config) : undefined;
      withStore(config, (store) => {
        const existing = store.findSubscriber(checked.email);
        if (!existing) {
          // removing a row does not undo that the address left: its history (kept by address) still says so
          const left = new SubscriberEvents(store).leftBefore(checked.key);
          if (left && !flags.reactivate) {
            throw new UserError(`${checked.email} was ${left.status} (${left.at}) before it was removed; add --reactivate if they asked to come back`);
          }
          store.addSubscriber({ email: checked.email, name: name ?? null, sections: sections ?? null, status: 'active', why: { reason: left ? 'reactivated' : 'added', source: 'cli' } });
          out(`added ${checked.email}`);
          return;
        }
        const blocked = existing.status === 'unsubscribed' || existing.status === 'bounced';
        if (blocked && !flags.reactivate) {
          throw new UserError(`${existing.email} is ${existing.status}; add --reactivate if they asked to come back`);
        }
        store.updateSubscriber(existing.id, { name, sections, status: 'active', why: { reason: 'reactivated', source: 'cli' } });
        out(`updated ${existing.email} (was ${existing.status})`);
      });
    });

  withConfig(cmd.command('remove <email>').description('delete a subscriber (the send ledger still remembers what they got, and the history that they left: import and add do not bring them back)'))
    .action((email: string, flags: ConfigFlag) => {
      const config = loadConfig(flags.config);
      const checked = checkEmail(email);
      if (!checked.ok) throw new UserError(`${JSON.stringify(email)}: ${checked.reason}`);
      withStore(config, (store) => {
        const existing = store.findSubscriber(checked.email);
        // removing is idempotent: an address that is not there is already where the user wants it
        if (!existing || !store.removeSubscriber(existing.email)) {
          process.stderr.write(`${checked.email} is not a subscriber; nothing to remove\n`);
          return;
        }
        out(`removed ${existing.email}`);
      });
    });

  withConfig(cmd.command('list').description('list subscribers'))
    .option('--status <status>', `only this status (${SUBSCRIBER_STATUSES.join('|')})`)
    .option('--json', 'JSON, one array')
    .action((flags: ListFlags) => {
      withListed(flags, (list, status, why) => {
        for (const s of list) out(`${s.email}\t${s.status}\t${s.name ?? ''}\t${s.sections ? s.sections.join(',') : 'all'}\t${describeWhy(why.get(s.id))}`);
        process.stderr.write(`${list.length} subscriber${list.length === 1 ? '' : 's'}${status ? ` (${status})` : ''}\n`);
      });
    });

  withConfig(cmd.command('import <file>').description('import a CSV with a header row: email[,name,sections,status], or a Mailchimp, listmonk, Ghost or Buttondown export ("-" reads stdin)'))
    .action((file: string, flags: ConfigFlag) => {
      const config = loadConfig(flags.config);
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (err) {
        throw new UserError(`${file}: subscriber CSV ${readFailure(err)}`);
      }
      const parsed = parseSubscriberCsv(text, knownSections(config));
      if (parsed.problems.length > 0) {
        for (const p of parsed.problems) process.stderr.write(`${file}:${p.line}: ${p.reason}\n`);
        const n = parsed.problems.length;
        throw new UserError(`${file}: ${n} bad row${n === 1 ? '' : 's'}; nothing imported`);
      }
      withStore(config, (store) => {
        const r = store.importSubscribers(parsed.rows.map((row) => ({ ...row, why: { reason: 'import', source: 'cli', evidence: file } })));
        out(
          `imported ${file}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged` +
            (parsed.merged ? `, ${parsed.merged} duplicate row${parsed.merged === 1 ? '' : 's'} merged` : ''),
        );
      });
    });

  withConfig(cmd.command('export').description('write all subscribers as CSV (or --json) to stdout'))
    .option('--status <status>', `only this status (${SUBSCRIBER_STATUSES.join('|')})`)
    .option('--json', 'JSON instead of CSV')
    .action((flags: ListFlags) => {
      withListed(flags, (list, _status, why) => {
        const rows = list.map((s) => {
          const w = why.get(s.id);
          return [s.email, s.name, s.sections ? s.sections.join(';') : '', s.status, s.createdAt, s.confirmedAt, s.unsubscribedAt, w?.reason ?? null, w?.at ?? null, w?.evidence ?? null];
        });
        const header = ['email', 'name', 'sections', 'status', 'created_at', 'confirmed_at', 'unsubscribed_at', 'reason', 'reason_at', 'evidence'];
        process.stdout.write(toCsv([header, ...rows]));
      });
    });
}

type ListFlags = ConfigFlag & { status?: string; json?: boolean };

type Why = Map<number, SubscriberEvent>;

/**
 * `list` and `export`: the subscribers with the asked status and the change that gave each their status
 * (when, why, the evidence), as JSON with --json, else handed to `fn`.
 */
function withListed(flags: ListFlags, fn: (list: Subscriber[], status: SubscriberStatus | undefined, why: Why) => void): void {
  const config = loadConfig(flags.config);
  const status = checkStatus(flags.status);
  withStore(config, (store) => {
    const list = store.listSubscribers({ status });
    const why = new SubscriberEvents(store).lastChanges();
    if (flags.json) process.stdout.write(JSON.stringify(list.map((s) => publicView(s, why.get(s.id))), null, 2) + '\n');
    else fn(list, status, why);
  });
}

/** `hard-bounce (mailbox: DSN 5.1.1 …, 2026-11-24T09:00:00.000Z)`; empty when the history does not say. */
function describeWhy(e: SubscriberEvent | undefined): string {
  if (!e) return '';
  return `${e.reason} (${e.source}${e.evidence ? `: ${e.evidence.replace(/\s+/g, ' ')}` : ''}, ${e.at})`;
}

function withStore(config: DigestConfig, fn: (store: ReturnType<typeof openStore>) => void): void {
  const store = openStore(config.state);
  try {
    fn(store);
  } finally {
    store.close();
  }
}

/** Section ids a subscriber may choose: the themes, plus `other` when that section exists. */
export function knownSections(config: DigestConfig): string[] {
  return [...config.themes.map((t) => t.id), ...(config.other === false ? [] : ['other'])];
}

function checkSections(text: string, config: DigestConfig): string[] | null {
  const ids = parseSectionList(text);
  const known = knownSections(config);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UserError(`--sections: unknown section ${unknown.join(', ')}; expected some of ${known.join(', ')}`);
  return ids.length > 0 ? ids : null;
}

function checkName(name: string): string | null {
  if (/[\r\n]/.test(name)) throw new UserError('--name: expected one line of text');
  return name.trim() || null;
}

function checkStatus(s: string | undefined): SubscriberStatus | undefined {
  if (s === undefined) return undefined;
  if (!SUBSCRIBER_STATUSES.includes(s as SubscriberStatus)) throw new UserError(`--status: expected one of ${SUBSCRIBER_STATUSES.join(', ')}, got ${JSON.stringify(s)}`);
  return s as SubscriberStatus;
}

function publicView(s: Subscriber, why: SubscriberEvent | undefined) {
  return {
    email: s.email,
    name: s.name,
    status: s.status,
    sections: s.sections,
    createdAt: s.createdAt,
    confirmedAt: s.confirmedAt,
    unsubscribedAt: s.unsubscribedAt,
    statusChange: why ? { reason: why.reason, source: why.source, at: why.at, evidence: why.evidence, editionId: why.editionId } : null,
  };
}

function out(line: string): void {
  process.stdout.write(line + '\n');
}
