// `digest feeds check|import|discover`: look after the feed list.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, loadConfig, parseConfig } from '../../config/index.js';
import { UserError } from '../../errors.js';
import type { DigestConfig } from '../../types.js';
import { renderTable } from '../table.js';
import { feedStatusText } from '../../report/model.js';

export function register(program: Command): void {
  const feeds = program.command('feeds').description('check, import and discover feeds');

  feeds
    .command('check')
    .description('fetch each feed once and report its health')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--json', 'print the report as JSON')
    .action(async (flags: { config: string; json?: boolean }) => {
      const config = loadConfig(flags.config);
      const { checkFeeds } = await import('../../pipeline/check.js');
      const rows = await checkFeeds(config);
      if (flags.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      } else {
        process.stdout.write(
          renderTable(
            ['feed', 'status', 'http', 'items', 'newest item', 'last success (UTC)', 'failures', 'time'],
            rows.map((r) => [
              r.id,
              feedStatusText(r),
              r.httpStatus === null ? '-' : String(r.httpStatus),
              String(r.items),
              r.newest ?? '-',
              r.lastSuccess ?? 'never',
              String(r.consecutiveFailures),
              `${(r.ms / 1000).toFixed(1)} s`,
            ]),
          ),
        );
      }
      // a health check fails when any feed does: scripts and monitors see it without parsing the table
      const failing = rows.filter((r) => r.status === 'error').length;
      if (failing > 0) {
        process.stderr.write(`digest: ${failing === rows.length ? (rows.length === 1 ? 'the only feed is' : `all ${rows.length} feeds are`) : `${failing} of ${rows.length} feeds are`} failing\n`);
        process.exitCode = 1;
      }
    });

  feeds
    .command('import <file>')
    .description("add an OPML file's feeds to the config (keeps its comments and layout)")
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .action(async (file: string, flags: { config: string }) => {
      const config = loadConfig(flags.config);
      const { parseOpml } = await import('../../config/opml.js'); // linkedom: only for import
      const { addFeedsToConfig } = await import('../../config/feed-list.js');
      const { decodeFeed } = await import('../../parse/decode.js');
      let opml: string;
      try {
        // in the encoding the file declares (an older reader's ISO-8859-1 export), not always UTF-8: "Zürich", not "Z�rich"
        opml = decodeFeed(readFileSync(file)).text;
      } catch {
        throw new UserError(`${file}: cannot read the OPML file`, 2);
      }
      const { feeds: found, skipped: left } = parseOpml(opml, file);
      for (const line of left) process.stderr.write(`${line}\n`);
      if (found.length === 0) throw new UserError(`${file}: no feeds found (expected <outline xmlUrl="https://…">)`, 2);
      const source = readFileSync(config.configPath, 'utf8');
      const { text, added, skipped } = addFeedsToConfig(source, found, config);
      // Check the result before replacing the user's file: an import never leaves a broken config.
      parseConfig(text, config.configPath);
      const tmp = `${config.configPath}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, config.configPath);
      process.stdout.write(
        `added ${added.length} feed${added.length === 1 ? '' : 's'}${skipped ? `, ${skipped} already in the config` : ''}${left.length ? `, ${left.length} outline${left.length === 1 ? '' : 's'} skipped` : ''}\n`,
      );
      for (const f of added) process.stdout.write(`  + ${f.name} <${f.url}>\n`);
    });

  feeds
    .command('discover <url>')
    .description('find the feeds a web page advertises')
    .option('-c, --config <file>', 'config file (for fetch settings)')
    .action(async (url: string, flags: { config?: string }) => {
      // a mistyped address is bad usage (exit 2), not a page that failed to load
      if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new UserError(`${JSON.stringify(url)}: expected an http(s) URL of a web page`);
      const config: Pick<DigestConfig, 'fetch'> | null = flags.config ? loadConfig(flags.config) : null;
      const { discoverFeeds } = await import('../../pipeline/check.js');
      const found = await discoverFeeds(url, config?.fetch);
      if (found.length === 0) throw new UserError(`${url}: no feed advertised (no <link rel="alternate"> to RSS, Atom or JSON Feed)`, 1);
      for (const f of found) process.stdout.write(`${f}\n`);
    });
}
