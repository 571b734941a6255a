// `digest approve [--config F] [--out DIR] [--edition ID] [--by NAME] [--withdraw]`: freeze the draft as it
// is on disk; `digest send` then delivers exactly these bytes.
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { UserError } from '../../errors.js';
import { checkEditionId, parseOutDir } from '../options.js';

interface ApproveFlags {
  config: string;
  out?: string;
  edition?: string;
  by?: string;
  withdraw?: boolean;
}

export function register(program: Command): void {
  program
    .command('approve')
    .description('freeze the draft: exactly these bytes are what `send` delivers')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('-o, --out <dir>', 'folder of built editions (default: where the draft was written)', parseOutDir)
    .option('-e, --edition <id>', 'the edition to approve (default: the current draft)')
    .option('--by <name>', 'who approves, for the record (default: your user name)')
    .option('--withdraw', 'take an approval back: the edition is a draft again')
    .action(async (flags: ApproveFlags) => {
      const config = loadConfig(flags.config);
      if (flags.edition !== undefined) checkEditionId(flags.edition);
      const { openStore } = await import('../../store/index.js');
      const { EditionLifecycle } = await import('../../store/lifecycle.js');
      const { approveFromDisk, localEditor, shownPath } = await import('../../desk/approve.js');
      const store = openStore(config.state);
      try {
        const book = new EditionLifecycle(store);
        const entry = flags.edition !== undefined ? book.get(flags.edition) : book.current();
        const id = flags.edition ?? entry?.id;
        if (!id) throw new UserError('no draft to approve: build one first (`digest build`), or name it with --edition ID');
        const { withEditionLock } = await import('../../desk/edition-lock.js');
        if (flags.withdraw) {
          // not while a send turns the approval into `sending` (src/desk/deliver.ts): after, as it then is
          await withEditionLock(config.state, id, () => {
            const now = book.get(id);
            if (now?.state !== 'approved') throw new UserError(`edition ${id} is ${now?.state ?? 'not recorded'}; only an approved edition can be withdrawn`);
            book.withdrawApproval(id);
          });
          process.stdout.write(`edition ${id} is a draft again; \`digest send\` will not deliver it until it is approved\n`);
          return;
        }
        // not while a rebuild of it is being written (a correction's, `digest build`, the scheduler's): read it after
        const { entry: approved, edition, dir } = await withEditionLock(config.state, id, async () => {
          const now = book.get(id);
          const dir = flags.out !== undefined ? path.resolve(flags.out, id) : (now?.dir ?? path.join(config.out, id));
          // the current draft must carry every correction stored for it (one whose rebuild failed is not approved unseen)
          const current = book.current();
          const out = path.dirname(dir) === config.out ? '' : ` --out ${shownPath(path.dirname(dir))}`;
          const rebuild = current?.id === id && current.windowEnd ? `rebuild it (\`digest build --now ${current.windowEnd}${out}\`), read it, then approve` : undefined;
          return { ...(await approveFromDisk(config, store, { dir, id, by: localEditor(flags.by), rebuild })), dir };
        });
        // one the draft found nothing to apply to is approved with it, changing nothing: said, as `digest build` says it, not counted
        const { vanishedCorrections, vanishedLine } = await import('../../desk/vanished.js');
        const vanished = vanishedCorrections(edition);
        for (const c of vanished) process.stderr.write(`note: ${vanishedLine(c)}\n`);
        const corrections = (edition.corrections?.length ?? 0) - vanished.length;
        process.stdout.write(
          `approved edition ${id}: ${approved.stories} ${approved.stories === 1 ? 'story' : 'stories'} in ${edition.sections.length} section${edition.sections.length === 1 ? '' : 's'}` +
            `${corrections ? `, ${corrections} correction${corrections === 1 ? '' : 's'}` : ''} (${shownPath(path.join(dir, 'digest.json'))})\n` +
            `\`digest send\` delivers exactly this copy\n`,
        );
      } finally {
        store.close();
      }
    });
}
