// The direction a browser gives a text marked dir="auto": that of its first letter (digits and punctuation have
// none of their own). Used to line such a text up on its own side in every mail client, not only in those that
// know `text-align: start`.

// the scripts written right to left that news may come in
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

const directionOf = (letter: string | undefined) => (letter === undefined ? null : RTL_LETTER.test(letter) ? 'rtl' : 'ltr');

/** "rtl" or "ltr" by the first letter of `text`; null when it has no letter. */
export function firstLetterDirection(text: string): 'ltr' | 'rtl' | null {
  return directionOf(/\p{L}/u.exec(text)?.[0]);
}

/** "rtl" or "ltr" by the last letter of `text`; null when it has no letter. */
export function lastLetterDirection(text: string): 'ltr' | 'rtl' | null {
  return directionOf(text.match(/\p{L}/gu)?.at(-1));
}

/** The marks (U+200E, U+200F) that end a run of the other direction, so what follows is read in this one. */
export const DIRECTION_MARK = { ltr: '\u200e', rtl: '\u200f' } as const;

/**
 * `text`, to be followed by more of a line written in `dir`, closed with that direction's mark when it ends in
 * letters of the other direction: else a number after it joins its run and shows on its far side (an Arabic
 * outlet's name in an English line: "Kyiv Wire · 2+ · الجزيرة more"; an Arabic title in an English subject: "23 ·
 * مرصد Nov 2026").
 */
export function closeRun(text: string, dir: 'ltr' | 'rtl'): string {
  return lastLetterDirection(text) === (dir === 'rtl' ? 'ltr' : 'rtl') ? text + DIRECTION_MARK[dir] : text;
}
