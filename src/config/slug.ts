// Feed ids derived from names: ASCII letters and digits joined by "-" ("Kyiv Wire" → "kyiv-wire").
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
