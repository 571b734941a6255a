// Content words and a crude, language-agnostic stem, for similarity (not for term matching,
// which must stay exact). Stripping common suffixes and then keeping a fixed-length prefix is
// a known cheap substitute for a stemmer: deliveries / delivered / delivery → "delive",
// переговори / переговорів → "перего".

import { isCyrillic } from '../text/inflect.js';

const STOPWORDS = new Set(
  (
    // English function words and news filler
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself ' +
    'said says say told according new one two three also would could may might must shall since still yet ' +
    'week weeks day days monday tuesday wednesday thursday friday saturday sunday year years last first ' +
    'mr mrs ms dr percent per cent us its it’s like well many much even back around made make get got ' +
    // Ukrainian / Russian function words
    'і й та а але або що як це цей ця ці той та ті у в на з із зі до від по за для про при над під між ' +
    'не ні так також вже ще його її їх він вона вони ми ви я був була було були буде будуть є ' +
    'них ним ними нею їм їй йому який яка яке які якого яких якій яким цього цих цим тому після через коли ' +
    'свій своє свої своїх своїм може можуть має мають усі всі весь вся ' +
    'них ним ими который которая которое которые которых этого этих после через когда свои может могут все весь ' +
    'и в во на с со к ко от по за для о об при над под не ни так также уже еще его ее их он она они мы вы я ' +
    'был была было были будет это этот эта эти что как'
  ).split(/\s+/),
);

const STEM_LENGTH = 6;
const MIN_STEM = 3;
// applied in order; each only when at least MIN_STEM letters remain (union stays union)
const SUFFIXES: [RegExp, string][] = [
  [/ies$/, 'y'],
  [/sses$/, 'ss'],
  [/([^su])s$/, '$1'],
  [/(ing|ed|ly|ment|ation|ion)$/, ''],
  [/e$/, ''],
];

export function isContentWord(word: string): boolean {
  return word.length > 2 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

// Vocabulary is small compared with the number of words read, so stems are memoised.
const memo = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/** Crude stem for similarity: strip a plural/verb/noun suffix, then keep a short prefix. */
export function stem(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    s = computeStem(word);
    memo.set(word, s);
  }
  return s;
}

function computeStem(word: string): string {
  if (isCyrillic(word)) return cyrillicStem(word);
  let w = word;
  for (const [suffix, replacement] of SUFFIXES) {
    const shorter = w.replace(suffix, replacement);
    if (shorter.length >= MIN_STEM) w = shorter;
  }
  return w.length > STEM_LENGTH ? w.slice(0, STEM_LENGTH) : w;
}

// Ukrainian/Russian: drop one case or verb ending (longest first), keeping at least 4 letters.
const CYRILLIC_SUFFIXES = [
  'ами', 'ями', 'ого', 'ому', 'ими', 'ною', 'ла', 'ли', 'ло', 'ть', 'ів', 'їв', 'ою', 'ею', 'єю', 'ий', 'ій',
  'им', 'их', 'ім', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ой', 'ей', 'ые', 'ая', 'ую', 'а', 'я', 'о', 'е',
  'є', 'і', 'ї', 'и', 'ы', 'у', 'ю', 'ь', 'й',
];

function cyrillicStem(word: string): string {
  let w = word;
  for (const suffix of CYRILLIC_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.length > STEM_LENGTH ? w.slice(0, STEM_LENGTH) : w;
}

/** Stems of the content words among already tokenized words. */
export function contentStems(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) if (isContentWord(w)) out.push(stem(w));
  return out;
}
