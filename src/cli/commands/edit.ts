// `digest edit drop|pin|move|merge|split|title|summary|intro …`: correct the current draft from the
// command line. STORY is a story's id or the start of its title. Corrections are stored by item keys
// and kept across rebuilds; `digest edit list` shows the draft, `digest edit undo N` takes one back.
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { UserError } from '../../errors.js';
import { plainLine } from '../../render/clean.js';
import type { AppliedCorrection, CorrectionKind, Edition } from '../../types.js';
import type { EditRequest, EditResult } from '../../desk/edit.js';
import { parseOutDir } from '../options.js';

interface EditFlags {
  config: string;
  out?: string;
  by?: string;
}

const VERBS: { kind: CorrectionKind; args: string; about: string; request: (a: string[]) => EditRequest }[] = [
  { kind: 'drop', args: '<story>', about: 'leave a story out of the edition', request: ([story]) => ({ kind: 'drop', story }) },
  { kind: 'pin', args: '<story>', about: 'put a story at the top of its section', request: ([story]) => ({ kind: 'pin', story }) },
  { kind: 'move', args: '<story> <section>', about: 'move a story to another section (id or title)', request: ([story, section]) => ({ kind: 'move', story, section }) },
  { kind: 'merge', args: '<story> <other>', about: 'merge OTHER into STORY (one event told twice)', request: ([story, other]) => ({ kind: 'merge', story, other }) },
  { kind: 'split', args: '<story> <item>', about: 'pull ITEM (key, link or title) out of STORY into a story of its own', request: ([story, item]) => ({ kind: 'split', story, item }) },
  { kind: 'title', args: '<story> <text>', about: "rewrite a story's title", request: ([story, text]) => ({ kind: 'title', story, text }) },
  { kind: 'summary', args: '<story> <text>', about: "rewrite a story's summary", request: ([story, text]) => ({ kind: 'summary', story, text }) },
  { kind: 'intro', args: '<text>', about: 'the introduction above the contents ("" removes it)', request: ([text]) => ({ kind: 'intro', text }) },
];

export function register(program: Command): void {
  const edit = program
    .command('edit')
    .description('correct the current draft (STORY by id or title prefix); corrections are kept across rebuilds');
  const common = (c: Command) =>
    c
      .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
      .option('-o, --out <dir>', 'folder of built editions (default: where the draft was written)', parseOutDir);

  for (const verb of VERBS) {
    common(edit.command(`${verb.kind} ${verb.args}`).description(verb.about))
      .option('--by <name>', 'who makes the correction, for the record (default: your user name)')
      .action(async (...args: unknown[]) => {
        const flags = args[args.length - 2] as EditFlags;
        const positional = args.slice(0, -2) as string[];
        const config = loadConfig(flags.config);
        const { makeCorrection } = await import('../../desk/edit.js');
        const { localEditor } = await import('../../desk/approve.js');
        report(await makeCorrection(config, verb.request(positional), { by: localEditor(flags.by), outDir: flags.out }));
      });
  }

  common(edit.command('undo <number>').description('take back a correction (its number from `digest edit list`)')).action(async (n: string, flags: EditFlags) => {
    const id = Number(n);
    if (!Number.isInteger(id) || id <= 0) throw new UserError(`undo: expected a correction number such as 3, got ${JSON.stringify(n)}`);
    const config = loadConfig(flags.config);
    const { undoCorrection } = await import('../../desk/edit.js');
    const r = await undoCorrection(config, id, { outDir: flags.out });
    if (r.withdrew) process.stdout.write(`approval of edition ${r.withdrew} withdrawn: approve it again once it is right\n`);
    process.stdout.write(`took back correction #${id} (${r.correction.kind})${r.was ? `, which was ${r.was}` : ''}${r.draft ? `; draft ${r.draft.edition.edition.id} rebuilt` : ''}\n`);
  });

  common(edit.command('list').description("the current draft's sections, stories (with ids) and corrections")).action(async (flags: EditFlags) => {
    const config = loadConfig(flags.config);
    const { openStore } = await import('../../store/index.js');
    const { EditionLifecycle } = await import('../../store/lifecycle.js');
    const { readDraft } = await import('../../desk/edit.js');
    const store = openStore(config.state);
    let edition: Edition | null;
    let state = '';
    let dir: string | null = null;
    try {
      const entry = new EditionLifecycle(store).current();
      if (entry && flags.out !== undefined) entry.dir = path.resolve(flags.out, entry.id);
      edition = readDraft(entry);
      state = entry?.state ?? '';
      dir = entry ? (entry.dir ?? '?') : null;
    } finally {
      store.close();
    }
    // as `digest edit` says it: a draft whose file is damaged is not "no draft"
    if (!edition && dir !== null) throw new UserError(`the draft's folder ${dir} has no readable digest.json; run \`digest build\` again`);
    if (!edition) throw new UserError('no draft to show: build one first (`digest build`)');
    process.stdout.write(listing(edition, state));
  });
}

function report(r: EditResult): void {
  if (r.withdrew) process.stdout.write(`approval of edition ${r.withdrew} withdrawn: approve it again once it is right\n`);
  const c = r.correction;
  process.stdout.write(`correction #${c.id} (${c.kind}) saved by ${c.by}\n`);
  if (!r.draft) {
    process.stdout.write('no draft on disk yet: it applies to the next build\n');
    return;
  }
  const a = r.applied;
  process.stdout.write(`draft ${r.draft.edition.edition.id} rebuilt (${path.relative(process.cwd(), r.draft.dir) || r.draft.dir}): ${describe(a)}\n`);
}

function describe(a: AppliedCorrection | null): string {
  if (!a) return 'the correction is not in it';
  if (a.status === 'vanished') return `nothing changed: ${a.note ?? 'its items are gone'}`;
  return ['applied', a.machine ? `(was ${a.machine})` : '', a.note ? `— ${a.note}` : ''].filter(Boolean).join(' ');
}

function listing(e: Edition, state: string): string {
  // every text as one plain line: a title, an introduction or a correction an older Roundup stored as typed may
  // hold control characters, which would act on the terminal of whoever lists the draft
  const t = plainLine;
  const lines = [`edition ${e.edition.id} (${state || 'draft'})${e.intro ? `\nintro: ${t(e.intro)}` : ''}`];
  for (const s of e.sections) {
    lines.push('', `${t(s.title)} [${s.id}]`);
    s.stories.forEach((st, i) => {
      const edited = st.corrections?.length ? ` (edited: #${st.corrections.join(', #')})` : '';
      lines.push(`  ${i + 1}. ${st.id}  ${t(st.title)}${edited}`);
      for (const it of st.items) lines.push(`       ${it.feed}:${t(it.guid)}  ${t(it.title)}`);
    });
  }
  const cs = e.corrections ?? [];
  if (cs.length > 0) {
    lines.push('', 'corrections');
    for (const c of cs) {
      const what = c.kind === 'intro' ? 'intro' : `${c.kind}${c.value !== undefined ? ` → ${t(String(c.value))}` : ''}`;
      lines.push(`  #${c.id} ${what} by ${t(c.by)} at ${c.at.slice(0, 16).replace('T', ' ')}: ${t(describe(c))}`);
    }
  }
  return lines.join('\n') + '\n';
}
