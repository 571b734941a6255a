// English words for a text's Ukrainian (Cyrillic) words, so that a story told only in Ukrainian can be
// compared with themes worded only in English. The word vectors are English: without a gloss such a story
// has no meaning, no keyword and no description word of an English theme, and goes to Other however plain
// its subject ("Нічна атака дронів на Одещину" under "Weapons & attacks"). The gloss comes from the
// bilingual lexicon the story stage uses to meet reports across scripts (src/cluster/lexicon.ts).

import { conceptsOf } from '../cluster/concepts.js';
import type { Concept } from '../cluster/lexicon.js';
import type { WeightedText } from '../text/meaning.js';
import { stem } from '../text/stem.js';

const CYRILLIC_WORD = /\p{Script=Cyrillic}[\p{Script=Cyrillic}\p{M}'’ʼ]*/gu;

/** A concept's English words: its whole-word entries, or its id ("air-defence" → "air defence") when it has none. */
function englishOf(concept: Concept): string[] {
  const words = concept.en.filter((e) => !e.endsWith('*'));
  return words.length ? words : [concept.id.replace(/-/g, ' ')];
}

const GLOSS_CACHE = new Map<string, readonly Concept[]>();

function conceptsOfWord(word: string): readonly Concept[] {
  let found = GLOSS_CACHE.get(word);
  if (found === undefined) {
    if (GLOSS_CACHE.size > 100_000) GLOSS_CACHE.clear();
    GLOSS_CACHE.set(word, (found = conceptsOf(stem(word), true)));
  }
  return found;
}

/**
 * The English gloss of a text's Cyrillic words, as weighted parts for textMeaning: each concept a word
 * stands for weighs `weight` however many English words the lexicon gives it. Empty for a text with no
 * Cyrillic word the lexicon knows.
 */
export function glossParts(text: string, weight: number): WeightedText[] {
  const parts: WeightedText[] = [];
  for (const m of text.normalize('NFC').toLowerCase().matchAll(CYRILLIC_WORD)) {
    for (const concept of conceptsOfWord(m[0])) {
      const words = englishOf(concept);
      parts.push({ text: words.join(' '), weight: weight / words.length });
    }
  }
  return parts;
}
