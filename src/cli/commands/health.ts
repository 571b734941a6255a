// `digest health [--config F]`: is `digest run` alive? Exit 0 while its heartbeat is fresh, 1 (one line naming
// the heartbeat file and why) when it is not running, died, or hangs. The container image's HEALTHCHECK runs it.
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../../config/index.js';
import { UserError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('health')
    .description('exit 0 while `digest run` is alive (its heartbeat fresh), 1 otherwise: for a container HEALTHCHECK or a monitor')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .action(async (flags: { config: string }) => {
      const config = loadConfig(flags.config);
      const { readHeartbeat, STALE_MS } = await import('../../schedule/heartbeat.js');
      const h = readHeartbeat(config.state);
      const ago = (ms: number) => `${Math.round(ms / 1000)} s ago`;
      switch (h.kind) {
        case 'alive':
          process.stdout.write(`digest run is alive: pid ${h.pid} on ${h.host}, last heartbeat ${ago(h.ageMs)}\n`);
          return;
        case 'none':
          throw new UserError(`${h.file}: no heartbeat: digest run is not running for this config (it writes this file while it runs)`, 1);
        case 'gone':
          throw new UserError(`${h.file}: digest run (pid ${h.pid}) is no longer running: it was killed or crashed`, 1);
        case 'stale':
          throw new UserError(
            `${h.file}: the heartbeat of digest run (pid ${h.pid} on ${h.host}) was last touched ${ago(h.ageMs)}; expected within ${STALE_MS / 1000} s: it hangs, refuses its steps (see its log) or is gone`,
            1,
          );
      }
    });
}
