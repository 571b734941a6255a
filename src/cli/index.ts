// The `digest` command line (contract §1). Each command lives in ./commands/<name>.ts and registers itself.
// Exit codes: 0 success, 1 the run failed, 2 bad usage or invalid config. Bad input never shows a stack trace.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { errorLine } from './error-line.js';

type CommandModule = { register: (program: Command) => void };

/** Each command's module, loaded only when that command runs: `digest --version` loads none of them. */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  init: () => import('./commands/init.js'),
  build: () => import('./commands/build.js'),
  send: () => import('./commands/send.js'),
  subscribers: () => import('./commands/subscribers.js'),
  tick: () => import('./commands/schedule.js'),
  run: () => import('./commands/schedule.js'),
  feeds: () => import('./commands/feeds.js'),
  serve: () => import('./commands/serve.js'),
  preview: () => import('./commands/preview.js'),
  status: () => import('./commands/status.js'),
  edit: () => import('./commands/edit.js'),
  approve: () => import('./commands/approve.js'),
  mail: () => import('./commands/mail.js'),
  health: () => import('./commands/health.js'),
  check: () => import('./commands/check.js'),
};

/** the modules `argv` needs: none for --version, its command's for a known command, all for help or a typo */
function modulesFor(argv: string[]): (() => Promise<CommandModule>)[] {
  const first = argv[2];
  if (first === '-V' || first === '--version') return [];
  const own = first === undefined ? undefined : COMMANDS[first];
  return own ? [own] : [...new Set(Object.values(COMMANDS))];
}

/**
 * `digest --version`: the package's version, and the commit dist/ was built from when it was built in a git
 * checkout (`npm run build` writes dist/build-info.json), as "0.2.0 (c5f8a88d12ab)", "-dirty" for uncommitted changes.
 */
function versionLine(): string {
  const read = (rel: string): Record<string, unknown> | null => {
    try {
      return JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  // dist/cli/ and src/cli/ are both two folders below the package root
  const version = String(read('../../package.json')?.version ?? 'unknown');
  const info = read('../build-info.json');
  const commit = typeof info?.commit === 'string' ? `${info.commit}${info.dirty === true ? '-dirty' : ''}` : null;
  return commit ? `${version} (${commit})` : version;
}

export async function main(argv: string[]): Promise<number> {
  // `digest subscribers list | head`: the reader left; that is not an error
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const program = new Command('digest')
    .description('Roundup: many news feeds in, one well-made digest email out.')
    .version(versionLine())
    .showHelpAfterError('(run `digest --help` for usage)')
    .exitOverride()
    // one prefix for every error line, ours and commander's ("error: unknown option")
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(s.replace(/^error: /, 'digest: ')) });
  try {
    const loaded = new Set<CommandModule>();
    for (const load of modulesFor(argv)) loaded.add(await load());
    for (const m of loaded) m.register(program);
    const { optionsAfterSubcommand } = await import('./subcommand-options.js');
    await program.parseAsync(optionsAfterSubcommand(argv, program));
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander already printed its message; help asked for (--help, `digest help`) and version are not failures,
    // but usage printed because no command was given (`digest`, `digest feeds`) is bad usage, as git and npm say
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    if (err.code === 'commander.help') return err.exitCode === 0 ? 0 : 2;
    return 2;
  }
  const { line, exitCode, internal } = errorLine(err);
  process.stderr.write(`digest: ${line}\n`);
  if (internal && process.env.DIGEST_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return exitCode;
}
