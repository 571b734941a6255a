// Personalisation tokens and section markers in the rendered edition. Feed data can never form them:
// the HTML escapes `%%` and the text part collapses it.

export const TOKENS = {
  email: '%%EMAIL%%',
  unsubscribeUrl: '%%UNSUBSCRIBE_URL%%',
  preferencesUrl: '%%PREFERENCES_URL%%',
  webUrl: '%%WEB_URL%%',
  preheader: '%%PREHEADER%%',
  /** "12 stories from 7 sources", counted over the sections the recipient gets */
  counts: '%%COUNTS%%',
} as const;


export const sectionStart = (id: string) => `%%SECTION:${id}%%`;
export const sectionEnd = (id: string) => `%%/SECTION:${id}%%`;

/** A rendered part split once into literal text, tokens and droppable sections. */
export type Segment = string | { token: string } | { section: string; body: Segment[] };

// In HTML the markers sit in comments (`<!--%%SECTION:x%%-->`), in text on lines of their own.
const PIECE = /(?:<!--)?%%(\/?)SECTION:([a-z0-9_-]+)%%(?:-->)?\n?|%%([A-Z_]+)%%/g;

export function compile(source: string): Segment[] {
  const root: Segment[] = [];
  const stack: Array<{ section: string; body: Segment[] }> = [];
  const target = () => (stack.length ? stack[stack.length - 1].body : root);
  let last = 0;
  for (const m of source.matchAll(PIECE)) {
    const at = m.index ?? 0;
    if (at > last) target().push(source.slice(last, at));
    last = at + m[0].length;
    if (m[3]) target().push({ token: m[3] });
    else if (!m[1]) {
      const block = { section: m[2], body: [] as Segment[] };
      target().push(block);
      stack.push(block);
    } else if (stack.length && stack[stack.length - 1].section === m[2]) stack.pop();
    // an unmatched end marker (a custom template's slip) is dropped rather than failing every send
  }
  if (last < source.length) target().push(source.slice(last));
  return root;
}

/** Join segments, keeping only sections `keep` accepts and filling tokens from `values` (unknown tokens stay). */
export function fill(segments: Segment[], keep: (id: string) => boolean, values: Record<string, string>): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'string') out += seg;
    else if ('token' in seg) out += values[seg.token] ?? `%%${seg.token}%%`;
    else if (keep(seg.section)) out += fill(seg.body, keep, values);
  }
  return out;
}
