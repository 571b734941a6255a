// Light stemmers: enough to make "pledges/pledged/pledging" or "Києва/Києві" meet,
// not a full morphological analysis (over-stemming would merge unrelated words).

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Ukrainian (and Russian) case and number endings, longest first. */
const SLAVIC_ENDINGS = [
  'ями', 'ами', 'ові', 'еві', 'ого', 'ому', 'ими', 'іми', 'ого', 'ого', 'ому', 'ній', 'ною', 'ної', 'ним',
  'ах', 'ях', 'ам', 'ям', 'ом', 'ем', 'ой', 'ий', 'ій', 'ої', 'ою', 'ею', 'ів', 'їв', 'ий', 'им', 'их', 'ій', 'ої',
  'ая', 'яя', 'ые', 'ое', 'ую', 'юю',
  'а', 'я', 'у', 'ю', 'і', 'ї', 'и', 'е', 'є', 'о', 'ь', 'ы',
].sort((a, b) => b.length - a.length);

/**
 * The dative -ові/-еві (Петрові) needs a stem of four letters: a word of six ending so is more often a stem in -ев
 * or -ов with the locative -і ("Женеві", "в Женеві": Geneva, not "жен").
 */
const DATIVE_ENDINGS = new Set(['ові', 'еві']);

function stemSlavic(word: string): string {
  for (const ending of SLAVIC_ENDINGS) {
    const left = word.length - ending.length;
    if (word.endsWith(ending) && left >= 3 && (left >= 4 || !DATIVE_ENDINGS.has(ending))) return word.slice(0, -ending.length);
  }
  return word;
}

const VOWEL = /[aeiouy]/;

/** English: plural/possessive -s/'s/-es, -ed, -ing, a final silent -e. */
function stemEnglish(word: string): string {
  let w = word.replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  let stripped = false;
  if (w.endsWith('ied') && w.length > 5) {
    w = w.slice(0, -3) + 'y'; // lobbied → lobby
    stripped = true;
  } else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) {
    w = w.slice(0, -2);
    stripped = true;
  }
  // planned → plan, but keep "ll"/"ss" (killed → kill, passed → pass)
  if (stripped && /([bdfgkmnprt])\1$/.test(w)) w = w.slice(0, -1);
  // Nouns meet their verb: authorisation/authorised, mediation/mediate, agreement/agree.
  // Places meet their people: Russia/Russian, Slovakia/Slovak, Estonia/Estonian, Europe/European.
  if (!stripped) {
    if (w.endsWith('ian') && w.length > 6) w = w.slice(0, -3);
    else if (w.endsWith('ia') && w.length > 5) w = w.slice(0, -2);
    else if (w.endsWith('ean') && w.length > 6) w = w.slice(0, -2);
    else if (/i[sz]ation$/.test(w) && w.length > 8) w = w.slice(0, -5);
    else if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -3);
    else if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Stem one lower-cased word of any script. */
export function stem(word: string): string {
  return CYRILLIC.test(word) ? stemSlavic(word) : stemEnglish(word);
}
