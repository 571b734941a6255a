// A path written in the config, as the program reads it. The config is not read by a shell, so "~/digests" was a
// folder named "~" beside the config file (and `rm -rf ~` to clear it away takes the home folder instead).
import os from 'node:os';
import path from 'node:path';

/** `value` resolved against the config's folder, `~` and `~/…` against the home folder. */
export function configPath(configDir: string, value: string): string {
  if (value === '~' || value.startsWith('~/')) return path.join(os.homedir(), value.slice(1));
  return path.resolve(configDir, value);
}
