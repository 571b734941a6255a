// A title put in quotes by a sentence of Roundup's own ("Ви отримуєте «{title}»", "„{title}“ abbestellen") may hold
// quotes of its own: a digest named Огляд «Дипломатія». Nested, the same marks read as «Огляд «Дипломатія»», which
// Ukrainian (and Russian) typography writes «Огляд „Дипломатія“», and German „Wochenblick ‚Kiew‘“. A title quoted
// whole already is not quoted twice.

/** the quotes a sentence puts around a value → the quotes that value's own take inside them */
const INNER: Record<string, { inside: RegExp; open: string; close: string }> = {
  '«»': { inside: /«([^«»]*)»/g, open: '„', close: '“' },
  '„“': { inside: /„([^„“]*)“/g, open: '‚', close: '‘' },
};

/** `value` between the quote marks `open` and `close` (either may be ""), its own quotes made the inner kind. */
export function quoteWithin(open: string, value: string, close: string): string {
  const inner = INNER[open + close];
  if (!inner) return `${open}${value}${close}`;
  if (value.startsWith(open) && value.endsWith(close) && value.length > 2 && !/[«»„]/.test(value.slice(1, -1))) return value;
  return `${open}${value.replace(inner.inside, `${inner.open}$1${inner.close}`)}${close}`;
}
