// `digest check [--config F] [--connect]`: is this setup ready to run, as `nginx -t` or `postfix check` ask before a
// reload? It reads what send, tick, run and serve read when they start (the config, its mail settings, the secrets in
// the environment, the DKIM key, the templates, the folders they write, a feed file) and names each thing they would refuse, one
// line each, exit 1; with --connect it also logs in to the SMTP server. It changes nothing: no folder is made, no mail
// goes out. Feeds are `digest feeds check`'s job, as they fail and recover on their own.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../../config/index.js';
import { oneLine } from '../../errors.js';
import type { DigestConfig } from '../../types.js';
import { errorLine } from '../error-line.js';

interface CheckFlags {
  config: string;
  connect?: boolean;
}

/** One check: null when it passes, else the line saying what is wrong. */
type Check = () => Promise<string | null> | string | null;

export function register(program: Command): void {
  program
    .command('check')
    .description('check that this setup can run (config, mail settings, secrets, DKIM key, templates, folders); one line per problem, exit 1; changes nothing')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--connect', 'also log in to the SMTP server of DIGEST_SMTP_URL (sends nothing)')
    .action(async (flags: CheckFlags) => {
      let config: DigestConfig;
      try {
        config = loadConfig(flags.config);
      } catch (err) {
        // an invalid config is what this command looks for: a problem found (1), not bad usage (2)
        process.stderr.write(`digest: ${errorLine(err).line}\n`);
        process.exitCode = 1;
        return;
      }
      const problems: string[] = [];
      for (const check of await checks(config, !!flags.connect)) {
        const problem = await check();
        if (problem) problems.push(problem);
      }
      for (const w of await warnings(config)) process.stderr.write(`warning: ${w}\n`);
      for (const p of problems) process.stderr.write(`digest: ${p}\n`);
      const shown = path.relative(process.cwd(), config.configPath) || config.configPath;
      if (problems.length > 0) {
        process.exitCode = 1;
        return;
      }
      const feeds = `${config.feeds.length} ${config.feeds.length === 1 ? 'feed' : 'feeds'}`;
      process.stdout.write(`${shown}: ok (${feeds}, schedule "${config.schedule}" in ${config.timezone}${flags.connect ? '; the SMTP server took the login' : ''})\n`);
    });
}

/** a check that passes unless `run` throws: the error's line */
const throws = (run: () => unknown | Promise<unknown>): Check => async () => {
  try {
    await run();
    return null;
  } catch (err) {
    return errorLine(err).line;
  }
};

async function checks(config: DigestConfig, connect: boolean): Promise<Check[]> {
  const { missingMailSettings } = await import('../../config/mail-ready.js');
  const { requireSecret } = await import('../../deliver/tokens.js');
  const { requireSmtpUrl, readDkimKey } = await import('../../deliver/transport.js');
  const list: Check[] = [
    () => missingMailSettings(config, 'digest send, tick, run and serve'),
    throws(() => requireSecret(process.env, 'digest send, tick, run or serve')),
    throws(() => requireSmtpUrl(process.env)),
    throws(() => config.email.dkim && readDkimKey(config.email.dkim)),
    throws(async () => {
      const { loadTemplate, BUILT_IN_TEMPLATES } = await import('../../render/index.js');
      loadTemplate({ user: config.templates, builtIn: BUILT_IN_TEMPLATES });
    }),
    ...config.feeds.map((f, i): Check => () => (f.path && !existsSync(f.path) ? `feeds[${i}] (${f.name}): path: ${f.path} does not exist; expected a feed file` : null)),
    () => writable(config.state, 'state:'),
    () => writable(config.out, 'out:'),
  ];
  if (config.email.welcome) {
    list.push(
      throws(async () => {
        const { renderWelcome, welcomeTemplatePath } = await import('../../deliver/welcome.js');
        renderWelcome(welcomeTemplatePath(config), { title: '', email: '', archive: '', preferences: '', unsubscribe: '' });
      }),
    );
  }
  if (config.mailbox) {
    list.push(
      throws(async () => {
        const { requireImapUrl } = await import('../../mailbox/index.js');
        requireImapUrl(process.env);
      }),
    );
  }
  if (config.webhooks) {
    list.push(
      throws(async () => {
        const { requireWebhookSecrets } = await import('../../web/webhooks/routes.js');
        requireWebhookSecrets(config);
      }),
    );
  }
  if (connect) list.push(() => smtpLogin());
  return list;
}

/** Settings that are valid but worth a word, as `digest status` says them: not problems. */
async function warnings(config: DigestConfig): Promise<string[]> {
  const { windowWarning } = await import('../../config/window-warning.js');
  const { reviewWarning } = await import('../../config/review-warning.js');
  return [windowWarning(config), reviewWarning(config)].filter((w): w is string => w !== null);
}

/**
 * A folder the commands write (`state:`, `out:`): there and writable, or to be made in a writable folder, without
 * making it.
 */
function writable(folder: string, key: string): string | null {
  let dir = folder;
  while (!existsSync(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    if (!statSync(dir).isDirectory()) return `${key} ${folder}: ${dir} is not a folder; choose another \`${key}\` in the config`;
    accessSync(dir, constants.W_OK | constants.X_OK);
    return null;
  } catch (err) {
    return `${key} ${folder}: ${dir === folder ? 'this folder' : `the folder ${dir} it would be made in`} cannot be written by this user (${oneLine(err)}); change its owner or choose another \`${key}\` in the config`;
  }
}

/** Log in to the SMTP server (EHLO, STARTTLS or TLS, AUTH) and leave: nothing is sent. */
async function smtpLogin(): Promise<string | null> {
  const url = process.env.DIGEST_SMTP_URL;
  if (!url) return null; // already named as not set
  try {
    new URL(url);
  } catch {
    return null; // already named as malformed
  }
  const { verifySmtpLogin } = await import('../../deliver/transport.js');
  try {
    await verifySmtpLogin(url);
    return null;
  } catch (err) {
    const e = err as { code?: string; responseCode?: number };
    const host = new URL(url).host;
    return `DIGEST_SMTP_URL: the SMTP server ${host} ${e.responseCode === 535 || e.code === 'EAUTH' ? 'refused the login' : 'could not be reached or refused the session'}: ${oneLine(err)}`;
  }
}
