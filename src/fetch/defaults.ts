// Fetch defaults as decided for the config (the config loader supplies them; we fill gaps for direct callers).
import type { FetchConfig } from '../types.js';

export const DEFAULT_FETCH_CONFIG: Readonly<FetchConfig> = Object.freeze({
  timeoutMs: 20_000,
  responseTimeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  concurrency: 8,
  perHost: 2,
  allowPrivateNetworks: false,
  userAgent: 'Roundup/0.1 (+https://github.com/roundup-digest/roundup)',
});

/** `partial` over the defaults, ignoring keys that are present but undefined. */
export function withFetchDefaults<T extends Partial<FetchConfig>>(partial: T): FetchConfig & T {
  const out: Record<string, unknown> = { ...DEFAULT_FETCH_CONFIG };
  for (const [key, value] of Object.entries(partial)) if (value !== undefined) out[key] = value;
  return out as unknown as FetchConfig & T;
}
