// The language of a text, where its script tells it: for the `lang` a story in another language than the digest's
// carries in the email, so that a screen reader reads it with a voice that knows its words (and the direction of
// a right-to-left one). Only the letters decide; a script several languages share names one only by letters of its
// own (Ukrainian і, ї, є, ґ; Russian ы, э, ё; Persian پ, چ, ژ, گ, ک, ی). Latin script alone names no language, nor does
// Cyrillic without such letters: for a story in them, the language its feeds declare is taken when that language is
// written in the story's script (storyLanguage).

export interface ScriptLanguage {
  /** BCP 47 language subtag: "uk", "ja", "ar" */
  lang: string;
  rtl: boolean;
}

interface ScriptRule {
  script: RegExp;
  /** ISO 15924 code, for the scripts whose letters may not tell the language (Latin, Cyrillic) */
  code?: string;
  rtl?: boolean;
  /** the language, from the text's letters of this script; null when they do not tell */
  language: (letters: string) => string | null;
}

const only = (lang: string) => () => lang;

const LATIN: ScriptRule = { script: /\p{Script=Latin}/u, code: 'Latn', language: () => null };

const SCRIPTS: ScriptRule[] = [
  LATIN,
  {
    script: /\p{Script=Cyrillic}/u,
    code: 'Cyrl',
    language: (s) => {
      if (/[ў]/iu.test(s)) return 'be';
      if (/[іїєґ]/iu.test(s)) return 'uk';
      if (/[ђћџљњј]/iu.test(s)) return 'sr';
      if (/[ѓќѕ]/iu.test(s)) return 'mk';
      if (/[ыэё]/iu.test(s)) return 'ru';
      return null;
    },
  },
  { script: /\p{Script=Greek}/u, language: only('el') },
  { script: /\p{Script=Armenian}/u, language: only('hy') },
  { script: /\p{Script=Georgian}/u, language: only('ka') },
  { script: /\p{Script=Hebrew}/u, rtl: true, language: only('he') },
  {
    script: /\p{Script=Arabic}/u,
    rtl: true,
    language: (s) => {
      if (/[ٹڈڑںےۓ]/u.test(s)) return 'ur';
      if (/[پچژگکی]/u.test(s)) return 'fa';
      return 'ar';
    },
  },
  { script: /\p{Script=Thaana}/u, rtl: true, language: only('dv') },
  { script: /\p{Script=Syriac}/u, rtl: true, language: only('syr') },
  { script: /\p{Script=Devanagari}/u, language: only('hi') },
  { script: /\p{Script=Bengali}/u, language: only('bn') },
  { script: /\p{Script=Gurmukhi}/u, language: only('pa') },
  { script: /\p{Script=Gujarati}/u, language: only('gu') },
  { script: /\p{Script=Tamil}/u, language: only('ta') },
  { script: /\p{Script=Telugu}/u, language: only('te') },
  { script: /\p{Script=Kannada}/u, language: only('kn') },
  { script: /\p{Script=Malayalam}/u, language: only('ml') },
  { script: /\p{Script=Sinhala}/u, language: only('si') },
  { script: /\p{Script=Thai}/u, language: only('th') },
  { script: /\p{Script=Lao}/u, language: only('lo') },
  { script: /\p{Script=Khmer}/u, language: only('km') },
  { script: /\p{Script=Myanmar}/u, language: only('my') },
  { script: /\p{Script=Ethiopic}/u, language: only('am') },
  { script: /\p{Script=Hangul}/u, language: only('ko') },
];
// kana is Japanese's own; Han without kana is taken as Chinese
const KANA: ScriptRule = { script: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, language: only('ja') };
const HAN: ScriptRule = { script: /\p{Script=Han}/u, language: only('zh') };
SCRIPTS.push(KANA, HAN);

/** The script most of the letters of `text` are in (Japanese kanji counted with their kana), and those letters. */
function dominantScript(text: string): [ScriptRule, string] | null {
  const byRule = new Map<ScriptRule, string>();
  for (const ch of text.normalize('NFC').match(/\p{L}/gu) ?? []) {
    const rule = SCRIPTS.find((r) => r.script.test(ch));
    if (rule) byRule.set(rule, (byRule.get(rule) ?? '') + ch);
  }
  // Japanese writes kanji among its kana: counted together, the kana decide
  if (byRule.has(KANA) && byRule.has(HAN)) {
    byRule.set(KANA, byRule.get(KANA)! + byRule.get(HAN)!);
    byRule.delete(HAN);
  }
  let best: [ScriptRule, string] | null = null;
  for (const entry of byRule) if (!best || [...entry[1]].length > [...best[1]].length) best = entry;
  return best;
}

/** The language `text` is written in, by the script most of its letters are in; null when that does not tell. */
export function scriptLanguage(text: string): ScriptLanguage | null {
  const best = dominantScript(text);
  const lang = best ? best[0].language(best[1]) : null;
  return lang && best ? { lang, rtl: best[0].rtl === true } : null;
}

/** The script a language is written in (its likely script, from the runtime's locale data); null when unknown. */
function scriptOf(language: string): string | null {
  try {
    return new Intl.Locale(language).maximize().script ?? null;
  } catch {
    return null;
  }
}

/**
 * The language of a story: its script's (scriptLanguage), else the one its feeds declare (`declared`, a primary
 * subtag) when the text's script names no language itself (Latin; Cyrillic without letters of its own language)
 * and the declared language is written in that script: a feed that declares Russian does not name a Latin text's.
 */
export function storyLanguage(text: string, declared?: string): ScriptLanguage | null {
  const own = scriptLanguage(text);
  if (own || !declared) return own;
  const code = dominantScript(text)?.[0].code;
  return code && scriptOf(declared) === code ? { lang: declared, rtl: false } : null;
}

/** The digest's language, and the language each report is written in (null where neither its script nor its feed tells). */
export interface ReaderLanguage {
  /** the primary subtag of the digest's locale: "uk", "de" */
  language: string;
  languageOf: (item: { title: string; text: string; lead: string; feed: string }) => string | null;
}

/**
 * The language a report is written in: its script's, else the one its feed declares (`declared`) when written in that
 * script (storyLanguage), read from its headline and the opening of its text.
 */
export function reportLanguage(report: { title: string; text: string; lead: string }, declared?: string): string | null {
  return storyLanguage(`${report.title}\n${(report.text || report.lead).slice(0, 600)}`, declared)?.lang ?? null;
}
