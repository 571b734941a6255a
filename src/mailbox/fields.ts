// Header-style fields as RFC 3464 (delivery-status) and RFC 5965 (feedback-report) write them: groups
// separated by blank lines, "Name: value" lines, continuation lines starting with white space.

export type Fields = Map<string, string[]>;

/** Each blank-line-separated group as a map of lower-case field name → values (unfolded, trimmed). */
export function fieldGroups(text: string): Fields[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map(fieldsOf)
    .filter((g) => g.size > 0);
}

/** One header block (up to the first blank line). */
export function headerBlock(text: string): Fields {
  const t = text.replace(/\r\n?/g, '\n');
  const end = t.search(/\n[ \t]*\n/);
  return fieldsOf(end < 0 ? t : t.slice(0, end));
}

function fieldsOf(group: string): Fields {
  const fields: Fields = new Map();
  let name: string | null = null;
  for (const line of group.split('\n')) {
    if (/^[ \t]/.test(line) && name) {
      const vals = fields.get(name)!;
      vals[vals.length - 1] = `${vals[vals.length - 1]} ${line.trim()}`.trim();
      continue;
    }
    const m = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (!m) {
      name = null;
      continue;
    }
    name = m[1].toLowerCase();
    fields.set(name, [...(fields.get(name) ?? []), m[2].trim()]);
  }
  return fields;
}

export function first(f: Fields, name: string): string | undefined {
  return f.get(name)?.[0];
}

/** `rfc822; a@b.example` → `a@b.example` (an address-type prefix and angle brackets removed). */
export function typedAddress(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const bare = v.includes(';') ? v.slice(v.indexOf(';') + 1) : v;
  const a = bare.trim().replace(/^<|>$/g, '').trim();
  return a || undefined;
}
