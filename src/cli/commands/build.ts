// `digest build`: fetch every feed, build one edition, write it to DIR/<edition.id>/.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { UserError } from '../../errors.js';
import { parseNow, parseOutDir } from '../options.js';
import type { Edition, FeedReport } from '../../types.js';
import { feedFailureText, feedNotes, feedStatusText } from '../../report/model.js';
import type { Shortened } from '../../render/index.js';
import { sectionSlug } from '../../render/clean.js';
import { plural } from '../../render/view.js';

/** A feed that failed this many runs in a row is called out as sick. */
const SICK_AFTER_RUNS = 3;

interface BuildFlags {
  config: string;
  now?: string;
  out?: string;
  offline?: boolean;
  print?: boolean;
}

export function register(program: Command): void {
  program
    .command('build')
    .description('fetch every feed, build one edition and write it to DIR/<edition-id>/')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--now <iso>', 'fix the clock (ISO 8601 with offset or Z)')
    .option('-o, --out <dir>', 'output folder (default: out: in the config, else out next to the config file)', parseOutDir)
    .option('--offline', 'read only path: feeds and cached copies; no network')
    .option('--print', 'also write the plain-text edition to stdout')
    .action(async (flags: BuildFlags) => {
      const now = parseNow(flags.now);
      const config = loadConfig(flags.config);
      const outDir = flags.out ?? config.out;
      // The pipeline loads lazily so usage and config errors answer at once.
      const { buildEdition, editionId } = await import('../../pipeline/index.js');
      const { writeEdition } = await import('../../pipeline/write.js');
      // One build of an edition at a time, from the corrections it reads to the draft it writes: another rebuild of the
      // same edition (an editor's correction, the scheduler's build, an approval) waits, and this one waits for it.
      const { withEditionLock } = await import('../../desk/edition-lock.js');
      await withEditionLock(config.state, editionId(now.setZone(config.timezone)), async () => {
        const tty = process.stderr.isTTY === true;
        // Progress only on a terminal: scripts and cron get a quiet stderr.
        const ticker = tty ? fetchTicker(config.feeds.length) : null;
        const { edition, rendered, health } = await buildEdition(config, {
          now,
          offline: flags.offline,
          onFetched: ticker ? (done) => ticker.progress(done) : undefined,
        }).finally(() => ticker?.stop());
        if (tty) process.stderr.write('\r\x1b[K');
        for (const f of edition.feeds) {
          if (f.status !== 'error') {
            // read, but only after repairs or with guids told apart: worth a note, not a warning
            if (feedNotes(f).length > 0) process.stderr.write(`note: ${feedLine(f)}\n`);
            continue;
          }
          const runs = health?.feeds[f.id]?.consecutiveFailures ?? 0;
          // Editors are told loudly only about feeds that keep failing; one bad fetch is a note.
          const tag = runs >= SICK_AFTER_RUNS ? `warning: failing for ${runs} runs in a row:` : 'note:';
          process.stderr.write(`${tag} ${feedLine(f)}\n`);
        }
        if (edition.feeds.every((f) => f.status === 'error')) {
          throw new UserError(`${allFailed(edition.feeds.length)}; no edition written`, 1);
        }
        // An approved (or sent) edition's folder keeps what was approved: that is what goes out.
        const { frozenAt, recordDraft } = await import('../../desk/draft.js');
        const frozen = frozenAt(config.state, edition.edition.id, path.resolve(outDir, edition.edition.id));
        if (frozen) {
          process.stderr.write(
            `note: edition ${edition.edition.id} is ${frozen.state}; ${path.join(outDir, edition.edition.id)} keeps the approved copy and this build was not written` +
              (frozen.state === 'approved' ? ' (`digest approve --withdraw` makes it a draft again)' : '') + '\n',
          );
          const dir = path.resolve(outDir, edition.edition.id);
          process.stdout.write(flags.print ? await readFile(path.join(dir, 'digest.txt'), 'utf8').catch(() => '') : summary(edition, dir));
          return;
        }
        const written = await writeEdition(outDir, edition, rendered, config, flags.out !== undefined ? '--out' : 'out');
        const { openStore } = await import('../../store/index.js');
        const store = openStore(config.state);
        try {
          recordDraft(store, edition, written.dir);
        } finally {
          store.close();
        }
        // an editor's correction whose items left the feeds changes nothing now: said here, not only on the desk
        const { vanishedCorrections, vanishedLine } = await import('../../desk/vanished.js');
        for (const c of vanishedCorrections(edition)) process.stderr.write(`note: ${vanishedLine(c)}\n`);
        if (rendered.shortened && rendered.shortened.bytes > rendered.shortened.budget) process.stderr.write(`warning: ${overBudget(rendered.shortened)}\n`);
        // the schedule sends editions of this window: one that leaves days out is worth saying before it does
        const { windowWarning } = await import('../../config/window-warning.js');
        const windowNote = windowWarning(config, now);
        if (windowNote) process.stderr.write(`warning: ${windowNote}\n`);
        if (flags.print) {
          process.stdout.write(await readFile(path.join(written.dir, 'digest.txt'), 'utf8'));
          return;
        }
        process.stdout.write(summary(edition, written.dir, rendered.shortened));
      });
    });
}

/** While feeds are fetched, a once-a-second "fetching feeds: 12/50… 3 s" line (nothing for fetches under a second). */
function fetchTicker(feeds: number): { progress(done: number): void; stop(): void } {
  const started = Date.now();
  let done = 0;
  const timer = setInterval(() => {
    const s = Math.round((Date.now() - started) / 1000);
    process.stderr.write(`\r\x1b[Kfetching feeds: ${done}/${feeds}… ${s} s`);
  }, 1000);
  timer.unref();
  return {
    progress: (n) => (done = n),
    stop: () => clearInterval(timer),
  };
}

function allFailed(n: number): string {
  return n === 1 ? 'the only feed failed' : `all ${n} feeds failed`;
}

function feedLine(f: FeedReport): string {
  if (f.status !== 'error') return `feed "${f.id}": ${feedStatusText(f)}, ${plural(f.items, 'item')}`;
  // a failed feed read from its last good copy: how many items the copy gave
  return `feed "${f.id}" (${f.name}): ${feedFailureText(f)}${f.usedCopy ? `, ${plural(f.items, 'item')}` : ''}`;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Even each section's heading alone passes the budget: Gmail clips this email, its footer first. */
function overBudget(s: Shortened): string {
  return (
    `the email's HTML part is ${kib(s.bytes)} with each section's heading alone, over the ${kib(s.budget)} budget: ` +
    `Gmail will clip it, hiding the footer with its unsubscribe link; fewer themes (sections) would fit`
  );
}

/** " (2 in the email)" for a section the email shortened, else "". */
function emailShows(sectionId: string, shortened?: Shortened): string {
  const shown = shortened?.sections.find((s) => s.id === sectionSlug(sectionId));
  return shown && shown.shown < shown.total ? ` (${shown.shown} in the email)` : '';
}

function shortenedLine(s: Shortened): string {
  const shown = s.sections.reduce((n, x) => n + x.shown, 0);
  const total = s.sections.reduce((n, x) => n + x.total, 0);
  return (
    `The email shows ${shown} of the ${total} stories, to keep its HTML part under Gmail's clipping size (${kib(s.bytes)} of ${kib(s.budget)}); ` +
    `each shortened section links to the rest in the web copy`
  );
}

function summary(edition: Edition, dir: string, shortened?: Shortened): string {
  const stories = edition.sections.reduce((n, s) => n + s.stories.length, 0);
  const items = edition.sections.reduce((n, s) => n + s.stories.reduce((m, st) => m + st.items.length, 0), 0);
  const failed = edition.feeds.filter((f) => f.status === 'error').length;
  const rel = path.relative(process.cwd(), dir) || dir;
  const lines = [
    `${edition.edition.title} · edition ${edition.edition.id}: ${plural(stories, 'story', 'stories')} from ${plural(items, 'item')} in ${plural(edition.sections.length, 'section')}` +
      ` (${plural(edition.excluded.length, 'item')} left out; ${edition.feeds.length - failed}/${edition.feeds.length} feeds ok)`,
    ...edition.sections.map((s) => `  ${s.title}: ${s.stories.length}${emailShows(s.id, shortened)}`),
    ...(shortened ? [shortenedLine(shortened)] : []),
    `Open ${path.join(rel, 'digest.html')}  (also digest.txt, digest.json, digest.eml)`,
  ];
  return lines.join('\n') + '\n';
}
