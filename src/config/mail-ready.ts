// Commands that mail or serve subscribers (send, tick, run, serve) need a real sender, a public https
// address for the links in every message, and the postal address the footer must show. Without them
// they refuse to start, rather than mail from digest@localhost with links nobody can open.
import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { DigestConfig } from '../types.js';

export function requireMailSettings(config: DigestConfig, command: string): void {
  const missing = missingMailSettings(config, command);
  if (missing) throw new ConfigError(missing);
}

/** What `command` would refuse to start without, in one line naming the config file; null when nothing is missing. */
export function missingMailSettings(config: DigestConfig, command: string): string | null {
  const problems: string[] = [];
  const defaulted = config.email.defaulted ?? [];
  if (defaulted.includes('from')) problems.push('email.from (e.g. "Diplomacy Watch <digest@example.org>")');
  if (defaulted.includes('baseUrl')) problems.push('email.baseUrl (the public https:// address of `digest serve`)');
  else if (!/^https:\/\//i.test(config.email.baseUrl)) problems.push(`email.baseUrl as an https:// URL (got ${JSON.stringify(config.email.baseUrl)})`);
  if (!config.email.address?.trim()) problems.push('email.address (your postal address, shown in every footer)');
  if (problems.length === 0) return null;
  const shown = path.relative(process.cwd(), config.configPath) || config.configPath;
  return `${shown}: ${command} ${/ and /.test(command) ? 'need' : 'needs'} ${problems.join(', ')}`;
}
