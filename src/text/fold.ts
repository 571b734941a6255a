// Outlets differ in keeping a name's diacritics ("Erdoğan" / "Erdogan", "Élysée" / "Elysee", "Łódź" / "Lodz"), so
// a Latin word is compared without them: in clustering's terms and in scope and theme terms alike. Cyrillic keeps
// its letters: й and ї are letters of their own, not и and і with a mark.

/** Letters that no decomposition strips to their base (Polish ł, Nordic ø, Croatian đ, Turkish ı, German ß). */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe' };
const CYRILLIC = /\p{Script=Cyrillic}/u;
const NON_ASCII = /[^\x00-\x7f]/;

/** A lower-case word without its diacritics, when it is Latin; any other word as it is. */
export function withoutDiacritics(word: string): string {
  if (!NON_ASCII.test(word) || CYRILLIC.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđıßæœ]/g, (c) => UNDECOMPOSED[c]);
}
