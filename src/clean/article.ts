// Full article text from a fetched web page, for feeds that only carry teasers (`fetchArticle: true`).
// Pure: the orchestrator fetches the page; this only reads it.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { toLines } from './to-lines.js';
import { stripFurniture } from './strip-furniture.js';

/** Pages beyond this are cut before parsing (bounds time and memory). */
const MAX_PAGE_CHARS = 3_000_000;
/** Less text than this is no better than the teaser we already have. */
export const MIN_ARTICLE_CHARS = 200;

/**
 * The article's plain text (paragraphs separated by a blank line, furniture removed),
 * or null when the page holds no readable article. Never throws.
 */
export function extractArticle(html: string, url: string): string | null {
  try {
    if (typeof html !== 'string' || html.trim() === '') return null;
    const page = html.length > MAX_PAGE_CHARS ? html.slice(0, MAX_PAGE_CHARS) : html;
    const { document } = parseHTML(withBase(page, url));
    const article = new Readability(document as unknown as Document).parse();
    if (!article?.content) return null;
    const paragraphs = stripFurniture(toLines(article.content), { title: article.title ?? undefined });
    const text = paragraphs.join('\n\n');
    return text.length >= MIN_ARTICLE_CHARS ? text : null;
  } catch {
    // linkedom/Readability can choke on pathological markup: treat it as "no article".
    return null;
  }
}

/** Give the document its address, so Readability resolves relative links as the browser would. */
function withBase(html: string, url: string): string {
  if (!/^https?:\/\//i.test(url ?? '') || /<base\s/i.test(html)) return html;
  const base = `<base href="${url.replace(/[<>"&]/g, encodeURIComponent)}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => m + base) : base + html;
}
