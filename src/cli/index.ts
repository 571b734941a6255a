// The `digest` command line (contract §1). Each command lives in ./commands/<name>.ts and registers itself.
// Exit codes: 0 success, 1 the run failed, 2 bad usage or invalid config. Bad input never shows a stack trace.
import { Command, CommanderError } from 'commander';
import { UserError, oneLine } from '../errors.js';
import { describeStorageFault } from '../store/faults.js';
import { register as registerBuild } from './commands/build.js';
import { register as registerFeeds } from './commands/feeds.js';
import { register as registerSend } from './commands/send.js';
import { register as registerSubscribers } from './commands/subscribers.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerPreview } from './commands/preview.js';
import { register as registerSchedule } from './commands/schedule.js';

const commands: ((program: Command) => void)[] = [
  registerBuild,
  registerSend,
  registerSubscribers,
  registerSchedule,
  registerFeeds,
  registerServe,
  registerPreview,
];

export async function main(argv: string[]): Promise<number> {
  // `digest subscribers list | head`: the reader left; that is not an error
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const program = new Command('digest')
    .description('Roundup: many news feeds in, one well-made digest email out.')
    .version('0.1.0')
    .showHelpAfterError('(run `digest --help` for usage)')
    .exitOverride()
    // one prefix for every error line, ours and commander's ("error: unknown option")
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(s.replace(/^error: /, 'digest: ')) });
  for (const register of commands) register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander already printed its message; help and version are not failures
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return 2;
  }
  if (err instanceof UserError) {
    process.stderr.write(`digest: ${oneLine(err)}\n`);
    return err.exitCode;
  }
  // a full disk, a read-only folder, a damaged database: name the path and the fix, not "internal error"
  const storage = describeStorageFault(err, (err as { path?: string }).path ?? 'the state folder', 'read or write it');
  if (storage) {
    process.stderr.write(`digest: ${storage}\n`);
    return 1;
  }
  process.stderr.write(`digest: internal error: ${oneLine(err)}${process.env.DIGEST_DEBUG ? '' : ' (set DIGEST_DEBUG=1 for details)'}\n`);
  if (process.env.DIGEST_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}
