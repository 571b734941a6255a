// The section an outlet filed an item under, as its address names it ("/business/", "/entertainment/music/"):
// the outlet's own editor's call, and evidence for the theme of that name, whatever the headline says.

import type { CompiledThemes } from './compile.js';
import { tokenize } from '../text/tokens.js';
import { contentStems } from '../text/words.js';
import { urlSectionWords } from '../text/url-section.js';

/**
 * Themes a page's address files it under, each with the section word that names it: one of the theme's
 * keywords ("/health/" for a theme listing "health"), or a word of its title that no other theme's title has
 * ("/business/" for "Business & markets"). Words of several themes' titles ("news") name none.
 */
export function filedUnder(url: string | null, compiled: CompiledThemes): Map<number, string> {
  const found = new Map<number, string>();
  const words = urlSectionWords(url);
  if (words.length === 0) return found;
  const tokens = tokenize(words.join(' '));
  for (const occ of compiled.keywords.occurrencesInTokens(tokens)) {
    for (const t of compiled.keywordThemes.get(occ.term) ?? []) if (!found.has(t)) found.set(t, occ.term);
  }
  for (const word of tokens.words) {
    const [stem] = contentStems([word]);
    if (stem === undefined) continue;
    compiled.themes.forEach((theme, t) => {
      if (!found.has(t) && theme.ownTitleStems.has(stem)) found.set(t, word);
    });
  }
  return found;
}
