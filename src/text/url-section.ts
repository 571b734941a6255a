// The section an outlet filed a page under, as its address says it: "/business/", "/entertainment/music/",
// "/2021/10/18/politics/…". Outlets name their sections in their paths; the headline's own slug, dates and
// page ids are not sections.

/** Path segments read, from the left: a section is near the start of the path. */
const MAX_SECTIONS = 3;
/** A segment of more hyphenated words than this is a slug (the headline in the address), not a section. */
const MAX_SECTION_WORDS = 2;

/**
 * The words of the sections a page's address names, lower-case, in path order ("us-news" → "us", "news").
 * The last segment is the page itself and is never read (nor the folder of an index file); segments with
 * digits or dots (dates, ids, files) and long hyphenated slugs are skipped. Not an http(s) address, or no
 * section: [].
 */
export function urlSectionWords(url: string | null | undefined): string[] {
  if (!url) return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [];
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  // "…/politics/biden-speech/index.html": the page is named by the folder its index file is in
  const page = /^index\.\w+$/i.test(segments.at(-1) ?? '') ? 2 : 1;
  const words: string[] = [];
  let read = 0;
  for (const raw of segments.slice(0, -page)) {
    if (read === MAX_SECTIONS) break;
    let segment: string;
    try {
      segment = decodeURIComponent(raw).toLowerCase();
    } catch {
      continue;
    }
    if (/[\d.]/.test(segment)) continue;
    const parts = segment.split(/[-_+]+/).filter((p) => /^\p{L}{2,}$/u.test(p));
    if (parts.length === 0 || parts.length > MAX_SECTION_WORDS) continue;
    words.push(...parts);
    read++;
  }
  return words;
}
