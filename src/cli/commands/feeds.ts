// `digest feeds check|import|add|remove|discover`: look after the feed list.
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, loadConfig, parseConfig } from '../../config/index.js';
import { writeBeside } from '../../config/write-beside.js';
import { UserError, readFailure } from '../../errors.js';
import type { DigestConfig } from '../../types.js';
import { renderTable } from '../table.js';
import { parseNow } from '../options.js';
import { feedStatusText } from '../../report/model.js';

export function register(program: Command): void {
  const feeds = program.command('feeds').description('check, add, remove, import and discover feeds');

  feeds
    .command('check')
    .description('fetch each feed once and report its health')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--json', 'print the report as JSON')
    .option('--now <iso>', 'fix the clock (ISO 8601 with offset or Z): the window and the age of a last good copy')
    .action(async (flags: { config: string; json?: boolean; now?: string }) => {
      const now = parseNow(flags.now).toJSDate();
      const config = loadConfig(flags.config);
      const { checkFeeds, lastCopyText } = await import('../../pipeline/check.js');
      const rows = await checkFeeds(config, now);
      if (flags.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      } else {
        process.stdout.write(
          renderTable(
            ['feed', 'status', 'http', 'items', 'newest item', 'last success (UTC)', 'failures', 'time'],
            rows.map((r) => [
              r.id,
              // a failing feed that build still reads, from its last good copy: how old, and what of it is this edition's
              feedStatusText(r) + (r.lastCopy ? lastCopyText(r.lastCopy, now, config.windowSpec) : ''),
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
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        throw new UserError(`${file}: OPML file ${readFailure(err)}`, 2);
      }
      // in the encoding the file declares (an older reader's ISO-8859-1 export), not always UTF-8: "Zürich", not "Z�rich"
      const opml = decodeFeed(bytes).text;
      const { feeds: found, skipped: left } = parseOpml(opml, file);
      for (const line of left) process.stderr.write(`${line}\n`);
      if (found.length === 0) throw new UserError(`${file}: no feeds found (expected <outline xmlUrl="https://…">)`, 2);
      const source = readFileSync(config.configPath, 'utf8');
      const { text, added, skipped } = addFeedsToConfig(source, found, config);
      replaceConfig(config.configPath, text);
      process.stdout.write(
        `added ${added.length} feed${added.length === 1 ? '' : 's'}${skipped ? `, ${skipped} already in the config` : ''}${left.length ? `, ${left.length} outline${left.length === 1 ? '' : 's'} skipped` : ''}\n`,
      );
      for (const f of added) process.stdout.write(`  + ${f.name} <${f.url}>\n`);
    });

  feeds
    .command('add <url>')
    .description("add one feed, found from a feed's or a site's address (keeps the config's comments and layout)")
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--name <name>', "the feed's name in the digest (default: the feed's own title)")
    .action(async (url: string, flags: { config: string; name?: string }) => {
      if (!isHttpUrl(url)) throw new UserError(`${JSON.stringify(url)}: expected an http(s) URL of a feed or a web page`);
      const name = flags.name?.trim();
      if (name !== undefined && (!name || /[\u0000-\u001f\u007f]/.test(name))) throw new UserError(`--name: expected the feed's name on one line, got ${JSON.stringify(flags.name)}`);
      const config = loadConfig(flags.config);
      const { addFeedsToConfig, feedWithUrl } = await import('../../config/feed-list.js');
      const { findFeed, lastFetchedUrls } = await import('../../pipeline/check.js');
      // a feed is known by its url and by where it led when last fetched (a redirect the config does not name)
      const led = await lastFetchedUrls(config);
      const refuseKnown = (urls: string[]) => {
        const known = feedWithUrl(config.feeds, urls, (f) => [f.url ?? '', led.get(f.id) ?? '']);
        if (known) throw new UserError(`${url}: already in ${flags.config} as feeds[${known.index}] ${JSON.stringify(known.feed.name)} (id ${known.feed.id}, ${known.feed.url})`);
      };
      refuseKnown([url]);
      const found = await findFeed(url, config.fetch);
      // unlike init, nothing is lost by refusing: the config stays as it was, to add the feed to once it answers
      if (!found.ok) throw new UserError(`${url}: no feed added: ${found.error}`, 1);
      refuseKnown([found.url, found.finalUrl]);
      const { text, added } = addFeedsToConfig(readFileSync(config.configPath, 'utf8'), [{ name: name ?? found.name, url: found.url }], config);
      replaceConfig(config.configPath, text);
      const [f] = added;
      process.stdout.write(`added ${f.name} <${f.url}>${f.url === url ? '' : ` (from ${url})`}, ${found.items} item${found.items === 1 ? '' : 's'}${f.id ? `, id ${f.id}` : ''}\n`);
      if (found.others.length) process.stdout.write(`  the page also advertises ${found.others.join(', ')}\n`);
    });

  feeds
    .command('remove <feed>')
    .description('remove one feed, named by its id or url, with the comment lines right above it')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .action(async (which: string, flags: { config: string }) => {
      const config = loadConfig(flags.config);
      const { feedWithUrl, removeFeedFromConfig } = await import('../../config/feed-list.js');
      const byId = config.feeds.findIndex((f) => f.id === which);
      const index = byId >= 0 ? byId : (feedWithUrl(config.feeds, [which])?.index ?? -1);
      if (index < 0) throw new UserError(`${which}: no feed of ${flags.config} has this id or url (their ids: ${config.feeds.map((f) => f.id).join(', ')})`);
      const feed = config.feeds[index];
      if (config.feeds.length === 1) throw new UserError(`${which}: the only feed of ${flags.config}; a digest needs one (add another first)`);
      const text = removeFeedFromConfig(readFileSync(config.configPath, 'utf8'), index, config);
      const left = replaceConfig(config.configPath, text);
      if (left.feeds.length !== config.feeds.length - 1) throw new Error(`removing feeds[${index}] left ${left.feeds.length} of ${config.feeds.length} feeds`);
      process.stdout.write(`removed ${feed.name} (id ${feed.id}, ${feed.url ?? feed.path})\n`);
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

function isHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) && new URL(url).hostname !== '';
}

/** Check the edited text before it replaces the user's file: an edit never leaves a broken config, nor half a file. */
function replaceConfig(file: string, text: string): DigestConfig {
  const checked = parseConfig(text, file);
  const tmp = writeBeside(file, path.relative(process.cwd(), file) || file, text);
  renameSync(tmp, file);
  return checked;
}
