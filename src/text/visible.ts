// Whether a text shows anything: a headline made only of spaces, format characters and the letters that are drawn blank
// (Hangul fillers, the blank Braille pattern; spammers' "invisible" text) reads as no headline at all.

const SHOWS_SOMETHING = /[^\s\p{Cf}\u115f\u1160\u2800\u3164\uffa0]/u;

export function hasVisibleText(text: string): boolean {
  return SHOWS_SOMETHING.test(text);
}
