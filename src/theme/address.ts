// The section an outlet filed an item under, as its address names it ("/business/", "/entertainment/music/")
// or its feed tags it (<category>Business</category>): the outlet's own editor's call, and evidence for the
// theme of that name, whatever the headline says.

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

/** A category of more words than this is a topic or a tag line ("Russia-Ukraine war live"), not a section. */
const MAX_CATEGORY_WORDS = 3;
/** Longer than this it cannot be three words; a feed's tag cloud is read up to MAX_CATEGORIES tags. */
const MAX_CATEGORY_CHARS = 60;
const MAX_CATEGORIES = 20;

/**
 * Themes the feed's own categories for an item name (RSS `<category>`, `dc:subject`, Atom `category`, JSON
 * Feed `tags`), each with the category that names it. Categories are free labels of a word or three, and English
 * puts the thing named last: a category names a theme when its last content word is one of the theme's keywords
 * (or ends one) or a word of its title that no other theme's title has ("Public health", "Diplomacy" for "Talks &
 * diplomacy"); "Front line" names no "Home front".
 */
export function taggedUnder(categories: readonly string[] | undefined, compiled: CompiledThemes): Map<number, string> {
  const found = new Map<number, string>();
  for (const category of (categories ?? []).slice(0, MAX_CATEGORIES)) {
    if (category.length > MAX_CATEGORY_CHARS) continue;
    const tokens = tokenize(category);
    if (tokens.words.length > MAX_CATEGORY_WORDS) continue;
    const stems = tokens.words.map((w) => contentStems([w])[0]);
    let head = stems.length - 1;
    while (head >= 0 && stems[head] === undefined) head--;
    if (head < 0) continue;
    const occurrences = compiled.keywords.occurrencesInTokens(tokens);
    compiled.themes.forEach((theme, t) => {
      if (found.has(t)) return;
      const byKeyword = occurrences.some((occ) => occ.end === head + 1 && (compiled.keywordThemes.get(occ.term) ?? []).includes(t));
      if (byKeyword || theme.ownTitleStems.has(stems[head]!)) found.set(t, category);
    });
  }
  return found;
}
