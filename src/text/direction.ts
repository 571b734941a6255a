// The direction a browser gives a text marked dir="auto": that of its first letter (digits and punctuation have
// none of their own). Used to line such a text up on its own side in every mail client, not only in those that
// know `text-align: start`.

// the scripts written right to left that news may come in
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/** "rtl" or "ltr" by the first letter of `text`; null when it has no letter. */
export function firstLetterDirection(text: string): 'ltr' | 'rtl' | null {
  const letter = /\p{L}/u.exec(text)?.[0];
  if (!letter) return null;
  return RTL_LETTER.test(letter) ? 'rtl' : 'ltr';
}
