// `digest serve [--config F] [--port N] [--host H] [--out DIR]`: the subscriber web app (unsubscribe,
// subscribe, confirm, preferences), the archive of sent editions and its Atom feed, the editors' desk
// (/desk, magic-link login), and /healthz.
// Needs DIGEST_SECRET; DIGEST_SMTP_URL for confirmation mail.
import type { Command } from 'commander';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { requireMailSettings } from '../../config/mail-ready.js';
import { listenError } from '../listen-error.js';
import { parsePort, parseOutDir } from '../options.js';

interface ServeFlags {
  config: string;
  port: string;
  host: string;
  out?: string;
  trustProxy?: boolean;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('web app: subscribe/confirm, preferences, one-click unsubscribe (RFC 8058), archive, the editors\' desk (/desk), /healthz')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('-p, --port <n>', 'port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('-o, --out <dir>', 'folder of built editions, for /archive and /feed.xml (default: out: in the config, else out next to the config file)', parseOutDir)
    .option('--trust-proxy', 'take client addresses from X-Forwarded-For (behind your own reverse proxy)')
    .action(async (flags: ServeFlags) => {
      const config = loadConfig(flags.config);
      requireMailSettings(config, 'digest serve');
      const port = parsePort(flags.port);
      const { requireSecret, Tokens, tokenScope } = await import('../../deliver/tokens.js');
      const secret = requireSecret(process.env, 'digest serve');
      const { requireWebhookSecrets, webhookRoutes } = await import('../../web/webhooks/routes.js');
      const webhookSecrets = requireWebhookSecrets(config);
      if (config.email.welcome) {
        // a broken welcome template is found now, not after someone confirms
        const { renderWelcome, welcomeTemplatePath } = await import('../../deliver/welcome.js');
        renderWelcome(welcomeTemplatePath(config), { title: '', email: '', archive: '', preferences: '', unsubscribe: '' });
      }
      const { requireSmtpUrl, createPoolSender } = await import('../../deliver/transport.js');
      // signed as the editions are: the confirmation that starts a subscription must not be the mail a provider junks
      const mailer = process.env.DIGEST_SMTP_URL
        ? createPoolSender({ smtpUrl: requireSmtpUrl(process.env), rate: 0, connections: 1, dkim: config.email.dkim })
        : undefined;
      const { openStore } = await import('../../store/index.js');
      const store = openStore(config.state);
      const tokens = new Tokens(secret, tokenScope(store));
      // a database restored or removed under serve: refuse every request until serve is restarted on the one now
      // there, instead of writing subscriptions and unsubscribes into the old file, where nothing reads them
      const { watchDatabase } = await import('../../store/watch.js');
      const database = watchDatabase(config.state);
      const outOfService = () =>
        database.replaced() ? `${database.file} was replaced or removed while digest serve was running; expected the database it opened: restart digest serve` : null;
      const { createWebServer, listen } = await import('../../web/server.js');
      const { archiveRoutes } = await import('../../web/editor/archive.js');
      const { deskRoutes } = await import('../../web/desk/routes.js');
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      const { sweepPending } = await import('../../web/pending.js');
      const stopSweeping = sweepPending(store, log);
      const server = createWebServer({
        config,
        store,
        tokens,
        mailer,
        trustProxy: flags.trustProxy,
        log,
        outOfService,
        // the sent editions: /archive, /archive/:id (the emails' "view in browser" link), /feed.xml
        // the editors' desk (/desk): the current draft, corrections, approval, behind a magic-link login
        // provider bounce and complaint webhooks (`webhooks:`), each authenticated as its provider documents
        extraRoutes: [archiveRoutes({ outDir: flags.out ?? config.out }), deskRoutes({ secret }), webhookRoutes({ config, store, secrets: webhookSecrets, log })],
      });
      let addr;
      try {
        addr = await listen(server, port, flags.host);
      } catch (err) {
        stopSweeping();
        store.close();
        mailer?.close();
        throw listenError(flags.host, port, err);
      }
      // after listening: a server that cannot start says one thing, why it did not
      if (!mailer) process.stderr.write('warning: DIGEST_SMTP_URL is not set; POST /subscribe will answer 503 (no confirmation mail)\n');
      process.stdout.write(`serving ${config.title} on http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          server.close(() => resolve());
          server.closeAllConnections();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      stopSweeping();
      mailer?.close();
      store.close();
    });
}
