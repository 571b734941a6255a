// Whether a cleaned item text is only a teaser, so that a feed with `fetchArticle: true` should fetch the page.

/** Below this, a text is a summary or an excerpt rather than an article. */
export const TEASER_MAX_CHARS = 600;

export function isTeaser(text: string): boolean {
  const t = text.trim();
  // Excerpts end with an ellipsis ("… […]" has become "…" by now).
  return t.length < TEASER_MAX_CHARS || /(?:…|\.\.\.)$/u.test(t);
}
