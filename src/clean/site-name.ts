// Many feeds end every headline with the site's name ("Drones hit Kyiv - Reuters", "… | The Kyiv Independent"),
// and an aggregator (Google News) ends each with its publisher's, which it also gives as the item's <source>. The
// name is not part of the headline: it reads as noise in the email, and it is a word every item of the feed shares.
// It is cut when it is the feed's own name (as configured or as the feed titles itself) or the item's source.
// A headline that is nothing but the name, or a name the headline does not set apart, is left as it is.

/** " - ", " – ", " — ", " | ", " · ", " :: " between the headline and the name */
const SEPARATED_END = /\s+(?:[-–—|·•]|::)\s+([^-–—|·•]+?)\s*$/u;
/** a site's name is short */
const MAX_NAME_WORDS = 6;

function normalised(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** "BBC News - World" names "BBC News"; "Reuters" names "Reuters". */
function names(ending: string, name: string): boolean {
  const e = normalised(ending);
  const n = normalised(name);
  if (!e || !n) return false;
  return n === e || n.startsWith(`${e} `) || n.replace(/^the /, '') === e.replace(/^the /, '');
}

/**
 * The headline without a trailing site name: `siteNames` are the feed's names (its configured name, its own
 * title), `source` the publisher the item names, if any.
 */
export function withoutSiteName(title: string, siteNames: readonly (string | null | undefined)[], source?: string | null): string {
  const m = SEPARATED_END.exec(title);
  if (!m) return title;
  const ending = m[1];
  if (ending.split(/\s+/).length > MAX_NAME_WORDS) return title;
  const head = title.slice(0, m.index).trim();
  if (!/\p{L}/u.test(head)) return title;
  const candidates = [source, ...siteNames].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return candidates.some((n) => names(ending, n)) ? head : title;
}
