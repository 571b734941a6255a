import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readHealth, recordHealth } from '../../src/fetch/index.js';
import type { FeedConfig, SourceResult } from '../../src/types.js';

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'roundup-health-'));
});
afterEach(() => rm(stateDir, { recursive: true, force: true }));

const feeds: FeedConfig[] = [
  { id: 'wire', name: 'Wire One', url: 'https://wire.test/rss', fetchArticle: false },
  { id: 'brief', name: 'Global Brief', url: 'https://brief.test/atom', fetchArticle: false },
];
const ok: SourceResult = { status: 'ok', httpStatus: 200, ms: 120 };
const notFound: SourceResult = { status: 'error', httpStatus: 404, error: 'HTTP 404', ms: 40 };

describe('feed health', () => {
  it('starts empty when nothing was recorded or the file is damaged', async () => {
    expect(await readHealth(stateDir)).toEqual({ version: 1, feeds: {} });
    await writeFile(path.join(stateDir, 'health.json'), '{ not json');
    expect((await readHealth(stateDir)).feeds).toEqual({});
  });

  it('counts consecutive failures and remembers the last success', async () => {
    const t1 = new Date('2024-06-03T07:00:00Z');
    const t2 = new Date('2024-06-10T07:00:00Z');
    const t3 = new Date('2024-06-17T07:00:00Z');
    await recordHealth(stateDir, feeds, [ok, ok], t1);
    await recordHealth(stateDir, feeds, [notFound, { status: 'not-modified', httpStatus: 304, ms: 10 }], t2);
    const after3 = await recordHealth(stateDir, feeds, [notFound, ok], t3);

    expect(after3.feeds.wire).toMatchObject({
      name: 'Wire One',
      lastStatus: 'error',
      httpStatus: 404,
      error: 'HTTP 404',
      lastCheck: t3.toISOString(),
      lastSuccess: t1.toISOString(),
      consecutiveFailures: 2,
      ms: 40,
    });
    expect(after3.feeds.brief).toMatchObject({ lastStatus: 'ok', consecutiveFailures: 0, lastSuccess: t3.toISOString() });
    expect(await readHealth(stateDir)).toEqual(after3);
  });

  it('drops feeds that left the config', async () => {
    await recordHealth(stateDir, feeds, [ok, ok]);
    const next = await recordHealth(stateDir, feeds.slice(0, 1), [ok]);
    expect(Object.keys(next.feeds)).toEqual(['wire']);
  });
});
