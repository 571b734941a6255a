// Furniture glued onto article lines (rather than standing alone): cut out, keep the rest of the line.
// Same spirit as src/text/furniture-rules.ts — a list of patterns, each with where it comes from.

export interface LineEdit {
  id: string;
  pattern: RegExp;
  replace: string;
}

export const LINE_EDITS: LineEdit[] = [
  // Excerpt endings of blog feeds: "… the talks will resume [...]" / "[…]" → "…".
  { id: 'excerpt-ellipsis', pattern: /\s*\[(?:…|\.\.\.|&hellip;)\]\s*$/u, replace: '…' },
  // Link texts at the end of an excerpt: "… said on Monday. Continue reading…", "Read more »".
  { id: 'trailing-more-link', pattern: /(?<=\S)\s+(?:Continue reading|Read more|Read More|READ MORE|Read the full (?:story|article))(?:\s*(?:\.\.\.|[…»→›.]))*\s*$/u, replace: '' },
];

export function applyLineEdits(line: string): string {
  let out = line;
  for (const edit of LINE_EDITS) out = out.replace(edit.pattern, edit.replace);
  return out.trim();
}
