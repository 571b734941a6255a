// `digest mail [--config F] [--dry-run] [--json]`: read the bounce and unsubscribe mailbox once and apply
// what it finds (docs/operations.md, "Bounces, complaints and unsubscribes"). Needs `mailbox:` in the config,
// DIGEST_IMAP_URL and DIGEST_SECRET (the bounce addresses are signed with it); DIGEST_SMTP_URL to mail a reader
// the link that confirms an "unsubscribe" nothing vouches for (without it such a request waits in the mailbox).
import type { Command } from 'commander';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { ConfigError } from '../../errors.js';
import type { DigestConfig, MailboxConfig } from '../../types.js';
import path from 'node:path';

interface MailFlags {
  config: string;
  dryRun?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('mail')
    .description('read the bounce/unsubscribe mailbox and apply what it finds (bounces, complaints, unsubscribes)')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--dry-run', 'say what each message is and what would happen; change and move nothing')
    .option('--json', 'print the result as JSON')
    .action(async (flags: MailFlags) => {
      const config = requireMailbox(loadConfig(flags.config), 'digest mail');
      const { requireSecret } = await import('../../deliver/tokens.js');
      const secret = requireSecret(process.env, 'digest mail');
      const { readMailbox, requireImapUrl, summarizeRun } = await import('../../mailbox/index.js');
      const imapUrl = requireImapUrl(process.env);
      const { openStore } = await import('../../store/index.js');
      const store = openStore(config.state);
      try {
        const run = await readMailbox({ config, store, secret, imapUrl, dryRun: flags.dryRun });
        if (flags.json) {
          process.stdout.write(JSON.stringify(run, null, 2) + '\n');
          return;
        }
        for (const m of run.messages) process.stdout.write(`#${m.uid} ${m.line}\n`);
        process.stdout.write(summarizeRun(run) + '\n');
      } finally {
        store.close();
      }
    });
}

/** The config, known to have a mailbox; else a config error naming the key. */
export function requireMailbox(config: DigestConfig, command: string): DigestConfig & { mailbox: MailboxConfig } {
  if (config.mailbox) return config as DigestConfig & { mailbox: MailboxConfig };
  const shown = path.relative(process.cwd(), config.configPath) || config.configPath;
  throw new ConfigError(`${shown}: ${command} needs mailbox.address (the bounce mailbox, e.g. bounces@example.org; see docs/operations.md)`);
}
