// Pictographs some outlets put before a headline or a paragraph ("🔴 ", "⚡️", "❗️", a flag), as messaging channels
// do: marks of urgency, not words. A sentence read without them starts like one.

/**
 * pictographs (with their variation selectors, joiners and the flags' regional indicators) and the space after them;
 * not ©, ® or ™, which open a credit or a name, not a line of news
 */
const LEADING = /^(?:(?:(?![©®™])[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{200D}])+\s*)+/u;

/** `text` without the pictographs opening it. */
export function withoutLeadingPictographs(text: string): string {
  return text.replace(LEADING, '');
}
