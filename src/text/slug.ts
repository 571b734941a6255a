// Ids made from names: ASCII letters and digits joined by "-" ("Kyiv Wire" → "kyiv-wire", "Café Noir" → "cafe-noir").
// Used for feed ids, List-Id labels and the section markers of rendered editions.

import { transliterate } from './translit.js';

export interface SlugOptions {
  /** keep "_" and "-" as written, so an id that is already valid ([a-z0-9_-]) stays as it is; default false */
  keepIdChars?: boolean;
  /** what an id with no usable letter becomes; default "" */
  fallback?: string;
}

export function slug(name: string, opts: SlugOptions = {}): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(opts.keepIdChars ? /[^a-z0-9_-]+/g : /[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || (opts.fallback ?? '');
}

/**
 * A feed's id from its name: its Latin letters and digits, or, for a name written in Cyrillic only ("Укрінформ"),
 * the name transliterated ("ukrinform"); "" when neither gives one (a name in Greek or Arabic script).
 */
export function nameId(name: string): string {
  return slug(name) || slug(transliterate(name));
}
