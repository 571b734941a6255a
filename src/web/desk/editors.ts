// Who may use the desk: the addresses under `editors:` in the config file as it is now, not as `digest serve`
// read it when it started. An operator takes an editor out by editing the file and expects that to hold at once
// (`digest tick` reads the file on every run); an editor added can sign in without a restart.
import { statSync } from 'node:fs';
import type { DigestConfig } from '../../types.js';
import { loadConfig } from '../../config/index.js';
import { oneLine } from '../../errors.js';

/** The current editors, lower-cased. The file is read again only when it changed (its time or size). */
export function liveEditors(config: DigestConfig, log: (line: string) => void): () => Set<string> {
  const of = (c: DigestConfig) => new Set((c.review?.editors ?? []).map((e) => e.toLowerCase()));
  let editors = of(config);
  let seen = stamp(config.configPath);
  return () => {
    const now = stamp(config.configPath);
    if (now === seen) return editors;
    seen = now;
    try {
      editors = of(loadConfig(config.configPath));
    } catch (err) {
      // a config saved half-way, or with a typo: the desk keeps the editors it last read, and says so
      log(`desk: ${oneLine(err)}; the desk keeps the editors it read before (${[...editors].join(', ') || 'none'}) until the config loads`);
    }
    return editors;
  };
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return 'missing';
  }
}
