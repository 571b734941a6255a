// `digest edit --config F list`, `digest feeds -c F check`: an option written between a group command and its
// subcommand belongs to the subcommand (that is where `--config` and `--out` are declared), as a user who writes
// the config first expects; commander would refuse it as unknown to the group. Only options the subcommand declares
// are moved; anything else is left where it is, for commander to refuse as before.
import type { Command, Option } from 'commander';

/** argv with the options between a group command and its subcommand moved after the subcommand. */
export function optionsAfterSubcommand(argv: string[], program: Command): string[] {
  const group = program.commands.find((c) => c.name() === argv[2]);
  if (!group || group.commands.length === 0) return argv;
  const moved: string[] = [];
  let i = 3;
  // the options up to the first word that is not one, each with its value when it takes one
  const pending: { flag: string; tokens: string[] }[] = [];
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--') {
    const token = argv[i];
    const flag = token.includes('=') ? token.slice(0, token.indexOf('=')) : token;
    const takesValue = !token.includes('=') && group.commands.some((sub) => declared(sub, flag)?.required === true);
    const tokens = takesValue && i + 1 < argv.length ? [token, argv[i + 1]] : [token];
    pending.push({ flag, tokens });
    i += tokens.length;
  }
  const sub = group.commands.find((c) => c.name() === argv[i] || c.aliases().includes(argv[i]));
  if (!sub || pending.length === 0 || pending.some((p) => !declared(sub, p.flag))) return argv;
  for (const p of pending) moved.push(...p.tokens);
  return [...argv.slice(0, 3), argv[i], ...moved, ...argv.slice(i + 1)];
}

function declared(command: Command, flag: string): Option | undefined {
  return command.options.find((o) => o.long === flag || o.short === flag);
}
