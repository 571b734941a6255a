// Where a YAML syntax error is, in the words of someone who wrote the file. The yaml package places an unclosed
// quote at the end of the file, which may be a hundred lines from the quote, and a repeated key without its name.
import { isMap, isScalar, visit, type Document, type LineCounter, type YAMLError } from 'yaml';

/** `line:col: what is wrong` of the first syntax error, its position where the mistake was made. */
export function yamlErrorAt(doc: Document, error: YAMLError, lines: LineCounter): string {
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return `${pos.line}:${pos.col}`;
  };
  const message = error.message.split('\n')[0].trim();
  if (error.code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const open = unclosedQuote(doc, error.pos[0]);
    if (open !== null) return `${at(open)}: not valid YAML (this quote is never closed; expected a closing ${message.includes("'") ? "'" : '"'})`;
  }
  if (error.code === 'DUPLICATE_KEY') {
    const first = firstOfDuplicate(doc, error.pos[0]);
    if (first) return `${at(error.pos[0])}: not valid YAML (the key ${JSON.stringify(first.key)} again, first at line ${lines.linePos(first.offset).line}; expected each key once)`;
  }
  return `${at(error.pos[0])}: not valid YAML (${message})`;
}

/** the offset of the opening quote of the quoted value that runs on to `end` */
function unclosedQuote(doc: Document, end: number): number | null {
  let open: number | null = null;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[0] < end && node.range[1] >= end) open = node.range[0];
    },
  });
  return open;
}

/** the key written again at `offset`, and where it was written first in the same mapping */
function firstOfDuplicate(doc: Document, offset: number): { key: string; offset: number } | null {
  let found: { key: string; offset: number } | null = null;
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const again = map.items.find((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (!again || !isScalar(again.key)) return;
      const name = again.key.value;
      const first = map.items.find((p) => isScalar(p.key) && p.key.value === name);
      if (first && isScalar(first.key) && first.key.range) found = { key: String(name), offset: first.key.range[0] };
      return visit.BREAK;
    },
  });
  return found;
}
