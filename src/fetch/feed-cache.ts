// Last good copy of each url feed: <stateDir>/cache/<feedId>.json (validators) + <feedId>.body (bytes).
// Both written atomically; the JSON carries the body's hash, so a half-finished update reads as no cache.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeFolder } from '../config/folders.js';
import type { FeedCopy } from '../types.js';

export type CachedFeed = FeedCopy;

interface CacheMeta extends Omit<CachedFeed, 'body'> {
  bytes: number;
  sha256: string;
}

/** Feed ids come from config; keep them from escaping the cache folder whatever they contain. */
function safeName(feedId: string): string {
  return feedId.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/^\./, '%2e');
}

function cachePaths(stateDir: string, feedId: string) {
  const dir = path.join(stateDir, 'cache');
  const base = path.join(dir, safeName(feedId));
  return { dir, meta: `${base}.json`, body: `${base}.body` };
}

/** The cached copy for this feed, or null when there is none, it was for another URL, or it is damaged. */
export async function readCachedFeed(stateDir: string, feedId: string, url: string): Promise<CachedFeed | null> {
  const paths = cachePaths(stateDir, feedId);
  try {
    const meta = JSON.parse(await readFile(paths.meta, 'utf8')) as CacheMeta;
    if (meta.url !== url) return null;
    const body = await readFile(paths.body);
    if (sha256(body) !== meta.sha256) return null;
    return {
      url: meta.url,
      finalUrl: meta.finalUrl,
      contentType: meta.contentType,
      etag: meta.etag,
      lastModified: meta.lastModified,
      fetchedAt: meta.fetchedAt,
      body,
    };
  } catch {
    return null;
  }
}

/** Where the cached copy of this feed was fetched from after redirects; null when there is none for this URL. */
export async function readCachedFeedUrl(stateDir: string, feedId: string, url: string): Promise<string | null> {
  try {
    const meta = JSON.parse(await readFile(cachePaths(stateDir, feedId).meta, 'utf8')) as CacheMeta;
    return meta.url === url && typeof meta.finalUrl === 'string' ? meta.finalUrl : null;
  } catch {
    return null;
  }
}

export async function writeCachedFeed(stateDir: string, feedId: string, feed: CachedFeed): Promise<void> {
  const paths = cachePaths(stateDir, feedId);
  makeFolder(paths.dir, 'state', 0o700);
  const { body, ...rest } = feed;
  const meta: CacheMeta = { ...rest, bytes: body.length, sha256: sha256(body) };
  await writeAtomic(paths.body, body);
  await writeAtomic(paths.meta, JSON.stringify(meta, null, 2) + '\n');
}

/** Temp file in the same folder, then rename: readers see the old file or the new one, never half. */
export async function writeAtomic(file: string, data: Buffer | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
