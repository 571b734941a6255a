// `fetchArticle: true`: when a feed gives only a teaser, fetch the linked page through the same guarded
// client and extract the article. Extracted texts are cached in the state folder, so a rebuild (and an
// --offline build) sees the same text without fetching again.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FetchConfig } from '../types.js';
import { fetchUrl, createLimiter, writeAtomic } from '../fetch/index.js';
import { extractArticle } from '../clean/index.js';
import { makeFolder } from '../config/folders.js';

export interface ArticleContext {
  stateDir: string;
  offline: boolean;
  fetch: FetchConfig;
}

/** The article of one URL, or why there is none (one line: "HTTP 404", "refused: …", "no article text on the page"). */
export type ArticleResult = { text: string; error: null } | { text: null; error: string };

const NO_TEXT = 'no article text on the page';

/** Full article text for each URL, or why none could be had, in the same order. */
export async function fetchArticles(urls: string[], ctx: ArticleContext): Promise<ArticleResult[]> {
  const dir = path.join(ctx.stateDir, 'articles');
  makeFolder(dir, 'state');
  const limiter = createLimiter(ctx.fetch.concurrency, ctx.fetch.perHost);
  return Promise.all(
    urls.map(async (url) => {
      const file = path.join(dir, `${createHash('sha1').update(url).digest('hex')}.txt`);
      const cached = await readFile(file, 'utf8').catch(() => null);
      if (cached !== null) return found(cached, `${NO_TEXT} (when it was fetched before)`);
      if (ctx.offline) return { text: null, error: 'not fetched: offline, and not fetched before' };
      const host = safeHost(url);
      const res = await limiter.run(host, () => fetchUrl(url, { ...ctx.fetch, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' }));
      if (res.status !== 'ok') return { text: null, error: res.error ?? `HTTP ${res.httpStatus ?? '?'}` };
      const text = extractArticle(res.body.toString('utf8'), res.finalUrl);
      // An empty file records "nothing usable there" so we do not ask again every run.
      await writeAtomic(file, text ?? '');
      return found(text, NO_TEXT);
    }),
  );
}

function found(text: string | null, why: string): ArticleResult {
  return text ? { text, error: null } : { text: null, error: why };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
