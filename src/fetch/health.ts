// Feed health across runs (<stateDir>/health.json), for `digest feeds check` and for spotting feeds that died.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedConfig, FeedStatus, SourceResult } from '../types.js';
import { writeAtomic } from './feed-cache.js';
import { makeFolder } from '../config/folders.js';

export interface FeedHealth {
  name: string;
  /** the feed's url or path when last checked */
  source: string;
  lastStatus: FeedStatus;
  httpStatus: number | null;
  /** the last error line, null when the last check succeeded */
  error: string | null;
  /** ISO times */
  lastCheck: string;
  lastSuccess: string | null;
  /** failed checks in a row; 0 after any success (ok or not-modified) */
  consecutiveFailures: number;
  ms: number;
}

export interface HealthFile {
  version: 1;
  feeds: Record<string, FeedHealth>;
}

const FILE = 'health.json';

/** The stored health, or an empty record when there is none or it cannot be read. */
export async function readHealth(stateDir: string): Promise<HealthFile> {
  try {
    const data = JSON.parse(await readFile(path.join(stateDir, FILE), 'utf8')) as Partial<HealthFile>;
    if (data && typeof data.feeds === 'object' && data.feeds !== null) return { version: 1, feeds: data.feeds };
  } catch {
    // missing or damaged: start afresh rather than fail a build over bookkeeping
  }
  return { version: 1, feeds: {} };
}

/**
 * Folds one run's results (same order as feeds) into health.json and returns the new record.
 * Feeds no longer in the config are dropped. Call it only for runs that really fetched (not --offline).
 */
export async function recordHealth(
  stateDir: string,
  feeds: FeedConfig[],
  results: SourceResult[],
  now: Date = new Date(),
): Promise<HealthFile> {
  const previous = await readHealth(stateDir);
  const next: HealthFile = { version: 1, feeds: {} };
  const at = now.toISOString();
  feeds.forEach((feed, i) => {
    const result = results[i];
    if (!result) return;
    const before = previous.feeds[feed.id];
    const good = result.status !== 'error';
    next.feeds[feed.id] = {
      name: feed.name,
      source: feed.url ?? feed.path ?? '',
      lastStatus: result.status,
      httpStatus: result.httpStatus ?? null,
      error: good ? null : (result.error ?? 'failed'),
      lastCheck: at,
      lastSuccess: good ? at : (before?.lastSuccess ?? null),
      consecutiveFailures: good ? 0 : (before?.consecutiveFailures ?? 0) + 1,
      ms: result.ms,
    };
  });
  makeFolder(stateDir, 'state', 0o700);
  await writeAtomic(path.join(stateDir, FILE), JSON.stringify(next, null, 2) + '\n');
  return next;
}
