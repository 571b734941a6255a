// `digest preview [--config F] [--port N] [--host H] [--now ISO] [--offline] [--send-test ADDRESS]`:
// a local web preview of the edition `build` would make now, rebuilt when the config or templates change.
import type { Command } from 'commander';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../config/index.js';
import { UserError } from '../../errors.js';
import { parseNow, parseOutDir, parsePort } from '../options.js';
import { listenError } from '../listen-error.js';

interface PreviewFlags {
  config: string;
  port: string;
  host: string;
  now?: string;
  offline?: boolean;
  sendTest?: string;
  watch: boolean;
  out?: string;
}

export function register(program: Command): void {
  program
    .command('preview')
    .description('local web preview of the edition `build` would make now: email (375/600 px, dark), text, JSON, report; live reload')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('-p, --port <n>', 'port (0 picks a free one)', '8025')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--now <iso>', 'fix the clock (ISO 8601 with offset or Z)')
    .option('--offline', 'read only path: feeds and cached copies; no network')
    .option('--send-test <address>', 'also send one copy to this address through DIGEST_SMTP_URL')
    .option('--no-watch', 'do not rebuild on changes')
    .option('-o, --out <dir>', 'where the desk writes an edition it approves (default: where its draft is, else the out folder of the config)', parseOutDir)
    .action(async (flags: PreviewFlags) => {
      // Usage and config errors answer at once, before anything listens.
      const port = parsePort(flags.port);
      const fixed = flags.now === undefined ? undefined : parseNow(flags.now);
      loadConfig(flags.config);
      const { checkTestAddress, sendTestCopy } = await import('../../web/editor/send-test.js');
      const testTo = flags.sendTest === undefined ? undefined : checkTestAddress(flags.sendTest);
      let smtpUrl: string | undefined;
      if (testTo) {
        const { requireSmtpUrl } = await import('../../deliver/transport.js');
        smtpUrl = requireSmtpUrl(process.env);
      }

      const { startPreview } = await import('../../web/editor/preview.js');
      const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
      let preview;
      try {
        preview = await startPreview({
          configFile: flags.config,
          host: flags.host,
          port,
          now: fixed ? () => fixed : undefined,
          offline: flags.offline,
          watch: flags.watch,
          outDir: flags.out,
          log,
        });
      } catch (err) {
        throw listenError(flags.host, port, err);
      }
      process.stdout.write(`preview of ${preview.snapshot?.edition.edition.title ?? 'the digest'} on ${preview.url}\n`);

      if (testTo && smtpUrl) {
        if (!preview.snapshot) {
          await preview.close();
          throw new UserError(`--send-test: nothing to send, the build failed: ${preview.error}`, 1);
        }
        try {
          await sendTestCopy(preview.snapshot, testTo, smtpUrl);
          process.stdout.write(`sent a test copy to ${testTo}\n`);
        } catch (err) {
          await preview.close();
          throw err;
        }
      }

      await new Promise<void>((resolve) => {
        const stop = () => void preview.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
