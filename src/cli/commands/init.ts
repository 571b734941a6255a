// `digest init [--config F] [--title T] [URL …]`: write a starter config from digest.config.example.yaml (its comments
// teach the options) with the given title and the feed each URL leads to, checked once; never over an existing file.
import { existsSync, linkSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, parseConfig } from '../../config/index.js';
import type { NewFeed } from '../../config/feed-list.js';
import { UserError } from '../../errors.js';

const EXAMPLE = fileURLToPath(new URL('../../../digest.config.example.yaml', import.meta.url));
const DEFAULT_TITLE = 'My digest';

export function register(program: Command): void {
  program
    .command('init [urls...]')
    .description('write a starter config with your title and feeds (a site address finds its feed); never over an existing file')
    .option('-c, --config <file>', 'config file to write', DEFAULT_CONFIG_FILE)
    .option('--title <title>', 'name of the digest', DEFAULT_TITLE)
    .option('--allow-private-networks', 'allow feeds on intranet (private, loopback) addresses, and say so in the config')
    .action(async (urls: string[], flags: { config: string; title: string; allowPrivateNetworks?: boolean }) => {
      const file = path.resolve(flags.config);
      // refused before anything is fetched: an existing config is the user's work
      if (existsSync(file)) throw new UserError(`${flags.config}: already exists; not overwritten (add feeds to it with \`digest feeds add URL\`, or name another file with --config)`);
      if (!existsSync(path.dirname(file))) throw new UserError(`${flags.config}: the folder ${path.dirname(flags.config)} does not exist`);
      const title = flags.title.trim();
      if (!title || /[\u0000-\u001f\u007f]/.test(title)) throw new UserError(`--title: expected the digest's name on one line, got ${JSON.stringify(flags.title)}`);
      for (const url of urls) {
        if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol) || !new URL(url).hostname) throw new UserError(`${JSON.stringify(url)}: expected an http(s) URL of a feed or a web page`);
      }

      const feeds = await feedsAt(urls, flags.allowPrivateNetworks === true);
      if (urls.length > 0 && feeds.length === 0) throw new UserError(`no feed found at ${urls.length === 1 ? 'the address' : 'any of the addresses'} given; ${flags.config} not written`, 1);

      const { starterConfig } = await import('../../config/starter.js');
      let { text } = starterConfig(readFileSync(EXAMPLE, 'utf8'), { title, timezone: localTimeZone(), feeds });
      if (flags.allowPrivateNetworks) text += '\n# Feeds on intranet addresses are allowed (digest init --allow-private-networks).\nfetch:\n  allowPrivateNetworks: true\n';
      parseConfig(text, file); // what is written reads: a fault here is ours, not the user's
      // written aside and linked into place: never over a file that appeared meanwhile, never half a file
      const { writeBeside } = await import('../../config/write-beside.js');
      const tmp = writeBeside(file, flags.config, text);
      try {
        linkSync(tmp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${flags.config}: already exists; not overwritten`);
        throw err;
      } finally {
        unlinkSync(tmp);
      }

      const config = flags.config === DEFAULT_CONFIG_FILE ? '' : ` --config ${flags.config}`;
      const listed = feeds.length ? `${feeds.length} feed${feeds.length === 1 ? '' : 's'}` : "the example's feeds";
      const next = [
        ...(feeds.length ? [] : [[`npx digest feeds add URL${config}`, "your own feeds (a site's address finds its feed)"]]),
        [`npx digest feeds check${config}`, 'every feed ok?'],
        [`npx digest preview${config}`, `read the edition in a browser; tune themes and scope in ${flags.config}`],
      ];
      const width = Math.max(...next.map(([c]) => c.length));
      process.stdout.write(`wrote ${flags.config} (${JSON.stringify(title)}, ${listed}); next:\n${next.map(([c, why]) => `  ${c.padEnd(width)}   # ${why}\n`).join('')}`);
    });
}

/**
 * The feed each URL leads to, told on stdout; a URL that gives none is told on stderr and left out. One that does not
 * answer at all (no network, a timeout) is kept as given, marked in the config as not checked: you typed it, and
 * `digest feeds check` tells whether it is a feed once the network is back.
 */
async function feedsAt(urls: string[], allowPrivateNetworks: boolean): Promise<NewFeed[]> {
  if (urls.length === 0) return [];
  const { findFeed } = await import('../../pipeline/check.js');
  const { feedUrlKey } = await import('../../config/feed-list.js');
  const feeds: NewFeed[] = [];
  const seen = new Map<string, string>();
  for (const url of urls) {
    const found = await findFeed(url, { allowPrivateNetworks });
    if (!found.ok && found.unreachable) {
      process.stderr.write(`${url}: not checked (${found.error}); written as given, marked in the config\n`);
      feeds.push({ name: new URL(url).hostname, url, note: `not checked by digest init: ${found.error}; \`digest feeds check\` tells whether it is a feed` });
      continue;
    }
    if (!found.ok) {
      const hint = found.error.startsWith('blocked') ? '; intranet feeds need --allow-private-networks' : '';
      process.stderr.write(`${url}: no feed (${found.error}${hint}); left out\n`);
      continue;
    }
    const same = seen.get(feedUrlKey(found.url));
    if (same !== undefined) {
      process.stderr.write(`${url}: the same feed as ${JSON.stringify(same)}; left out\n`);
      continue;
    }
    seen.set(feedUrlKey(found.url), found.name);
    feeds.push({ name: found.name, url: found.url });
    process.stdout.write(`+ ${found.name} <${found.url}>${found.url === url ? '' : ` (from ${url})`}, ${found.items} item${found.items === 1 ? '' : 's'}\n`);
    if (found.others.length) process.stdout.write(`  the page also advertises ${found.others.join(', ')} (add one with \`digest feeds add URL\`)\n`);
  }
  return feeds;
}

/** the machine's zone, which is the user's on a desktop; UTC when it names none */
function localTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== 'Etc/Unknown' ? zone : 'UTC';
}
