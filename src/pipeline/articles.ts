// `fetchArticle: true`: when a feed gives only a teaser, fetch the linked page through the same guarded
// client and extract the article. Extracted texts are cached in the state folder, so a rebuild (and an
// --offline build) sees the same text without fetching again.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FetchConfig } from '../types.js';
import { fetchUrl, createLimiter, writeAtomic } from '../fetch/index.js';
import { extractArticle } from '../clean/index.js';

export interface ArticleContext {
  stateDir: string;
  offline: boolean;
  fetch: FetchConfig;
}

/** Full article text for each URL (null where none could be had), in the same order. */
export async function fetchArticles(urls: string[], ctx: ArticleContext): Promise<(string | null)[]> {
  const dir = path.join(ctx.stateDir, 'articles');
  await mkdir(dir, { recursive: true });
  const limiter = createLimiter(ctx.fetch.concurrency, ctx.fetch.perHost);
  return Promise.all(
    urls.map(async (url) => {
      const file = path.join(dir, `${createHash('sha1').update(url).digest('hex')}.txt`);
      const cached = await readFile(file, 'utf8').catch(() => null);
      if (cached !== null || ctx.offline) return cached || null;
      const host = safeHost(url);
      const res = await limiter.run(host, () => fetchUrl(url, { ...ctx.fetch, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' }));
      if (res.status !== 'ok') return null;
      const text = extractArticle(res.body.toString('utf8'), res.finalUrl);
      // An empty file records "nothing usable there" so we do not ask again every run.
      await writeAtomic(file, text ?? '');
      return text;
    }),
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
