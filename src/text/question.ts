// A headline that asks ("F-16 jets for Ukraine: what next?", "Why Chiquita is up today") teases an
// explainer; it does not report what happened, so it is neither a story's face nor a line of its summary
// when another headline says what happened.

/** a question mark at the end: Latin ?, fullwidth ？ (Chinese, Japanese), Arabic script's ؟ */
const ASKS = /[?？؟]["”’)»]?\s*$/u;
/** a question word opening an explainer ("How the grain corridor works"); capitalised as a word, so "WHO" is no question */
const EXPLAINS = /^["“‘]?(?:Why|How|What|Where|When|Who)\b/u;

export function isQuestionHeadline(title: string): boolean {
  const t = title.trim();
  return ASKS.test(t) || EXPLAINS.test(t);
}
