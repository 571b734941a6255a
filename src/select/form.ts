// Whether an item is one article about one event. Feeds also carry navigation and live-blog fragments
// ("More »", "Here's the latest.") — `not-an-article` — and newsletters and roundups that bundle many
// events ("… | First Thing", "Your Monday Briefing: …", "List of key events, day 483") — `roundup`.
// Neither becomes a story: a fragment says nothing, and a roundup merged into one event's story
// brings the other events' text into its summary.
import type { ExclusionReason, Item } from '../types.js';
import { tokenize } from '../text/tokens.js';
import { contentStems } from '../text/words.js';

export interface FormVerdict {
  reason: Extract<ExclusionReason, 'not-an-article' | 'roundup'>;
  detail: string;
}

export interface FormContext {
  /**
   * The item's feed writes its headlines in lower case ("swap brings 146 soldiers home"): a title that
   * starts lower-case is then no sign of a sentence cut off from its start.
   */
  lowerCaseFeed?: boolean;
}

/** The verdict for an item that is not a single article, or null for one that is. */
export function judgeForm(item: Item, context: FormContext = {}): FormVerdict | null {
  const fragment = fragmentReason(item, context.lowerCaseFeed === true);
  if (fragment) return { reason: 'not-an-article', detail: fragment };
  const roundup = roundupReason(item);
  if (roundup) return { reason: 'roundup', detail: roundup };
  return null;
}

// ---------- fragments ----------

/** Words that navigation links, live-blog entries and section labels are made of; no headline is made only of them. */
const FILLER = new Set(
  (
    "a about all an and at back breaking catch click continue continued context coverage day details developing " +
    "everything explained explainer far for full go happened happening here here's heres highlights home how in " +
    "is it it's just key know latest link links listen live look main matters means menu more need news next now " +
    "of on opinion analysis or our overnight page photos podcast point points previous quick read recap see so " +
    "stories story summary takeaways that the things this today tonight top up update updated updates video " +
    "videos view watch we what what's whats when where why you your gallery highlights background events event"
  ).split(' '),
);

function fragmentReason(item: Item, lowerCaseFeed: boolean): string | null {
  const title = item.title.trim();
  if ((title === '' || title === '(untitled)' || title === item.url) && item.text.trim() === '') return 'no title and no text';
  const words = title
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu);
  if (!words) return `title ${JSON.stringify(title)} has no words`;
  if (words.every((w) => FILLER.has(w) || /^\d/.test(w) || /^(?:[ap]m|gmt|bst|cet|cest|utc|et|pt)$/.test(w))) {
    return `title ${JSON.stringify(title)} is navigation or a fragment, not a headline`;
  }
  // "…and what comes next", "says minister": a piece of a sentence, cut off from its start
  if (/^(?:…|\.\.\.)/u.test(title) || (!lowerCaseFeed && /^\p{Ll}+(?:[\s,;:]|$)/u.test(title) && words.length <= 5)) {
    return `title ${JSON.stringify(title)} is a sentence fragment, not a headline`;
  }
  return null;
}

/**
 * A feed writes lower-case headlines when at least this many of its titles, and this share of them, start
 * lower-case. A feed with fewer titles is judged by the style of all the feeds together.
 */
const LOWER_CASE_TITLES = { min: 3, share: 0.8 };

interface TitleCount {
  titles: number;
  lower: number;
}

const writesLowerCase = (c: TitleCount) => c.lower >= LOWER_CASE_TITLES.min && c.lower >= LOWER_CASE_TITLES.share * c.titles;

/** The feeds (by id) among these items that write their headlines in lower case. */
export function lowerCaseFeeds(items: readonly Item[]): Set<string> {
  const perFeed = new Map<string, TitleCount>();
  const all: TitleCount = { titles: 0, lower: 0 };
  for (const item of items) {
    const first = item.title.match(/\p{L}/u)?.[0];
    if (!first) continue;
    const lower = first !== first.toUpperCase() ? 1 : 0;
    const c = perFeed.get(item.feed) ?? { titles: 0, lower: 0 };
    c.titles++;
    c.lower += lower;
    perFeed.set(item.feed, c);
    all.titles++;
    all.lower += lower;
  }
  const out = new Set<string>();
  for (const [feed, c] of perFeed) if (c.titles >= LOWER_CASE_TITLES.min ? writesLowerCase(c) : writesLowerCase(all)) out.add(feed);
  return out;
}

// ---------- roundups ----------

/** Titles of newsletters, briefings and daily lists of events. */
const ROUNDUP_TITLES: RegExp[] = [
  /\|\s*first thing\b|^first thing\s*[:|–—-]/i,
  /^your \p{L}+ (?:briefing|brief|digest|update|newsletter)\b/iu,
  // as a label: "Ukraine war briefing: …", "… | Morning briefing" (not "a war briefing for secret agents")
  /(?:^|[:|–—]\s*)(?:[\p{L}’'-]+\s+){0,2}(?:morning|evening|afternoon|midday|daily|weekly|weekend|war|world|news)\s+(?:briefing|brief|digest|wrap|round-?up|newsletter|bulletin)\s*(?:[:|–—]|$)/iu,
  /\band (?:much )?more (?:top )?(?:headlines|stories|news)\b/i,
  /\b(?:top|today'?s|today’s|morning|evening|the day'?s|the day’s|this week'?s|this week’s) (?:headlines|stories)\b/i,
  /\blist of key events\b|\bkey events,? day \d+|\bwhat we know on day \d+/i,
  /\b(?:week|day|month|year) in (?:review|pictures|photos)\b|\bphotos? of the (?:day|week)\b/i,
  /\b(?:news|headlines) (?:round-?up|digest|wrap|in brief|at a glance)\b|^(?:digest|in brief)\s*[:|–—]/i,
  // a newsletter's name as the title's label ("The Morning Newsletter: …", "DealBook Newsletter #12", "… | Evening
  // Newsletter"), not a sentence that names one ("How a cooking newsletter became a business")
  /^(?:[\p{L}’'.&-]+\s+){0,3}newsletter\s*(?:[:|–—#-]|no\.?\s*\d|issue\b|$)|[:|–—]\s*(?:[\p{L}’'.&-]+\s+){0,3}newsletter\s*$/iu,
  // a title that is only the call to read or sign up for one ("Sign up for our newsletter")
  /^(?:read more|sign up|subscribe)\b.*\bnewsletter\b/i,
  /\bwhat you need to know (?:today|this (?:week|morning|evening)|now)\b/i,
];

/**
 * "10 things you need to know this morning": a list of the day's news. Without a day's word, a headline that names
 * what the list is about ("Halden virus: 5 things you need to know", "5 things to know about the new phone") is an
 * explainer of one story (subjectOfList).
 */
const DAILY_LIST = /\b(?:\d+|three|four|five|six|seven|eight|nine|ten) things (?:to know|you need to know)\b(?<today> (?:today|tonight|this (?:week|morning|evening|weekend)|now)\b)?/i;
/** Words that label a list of the day's news rather than name a subject ("Morning brief: 5 things to know"). */
const LIST_LABEL = new Set(['brief', 'briefing', 'digest', 'wrap', 'roundup', 'round-up', 'bulletin', 'daily', 'weekly', 'weekend', 'morning', 'evening', 'afternoon']);

/** Section headings of newsletters ("In other news", "Don't miss this", "Last thing"). */
const NEWSLETTER_HEADING =
  /^(?:in other news|elsewhere|what else is happening|don[’']t miss(?: this)?|last thing|stat of the day|quote of the day|number of the day|today[’']s (?:agenda|headlines)|the big story|also in the news|more headlines|around the world|one more thing|before you go|what to watch(?: for)?|what[’']s happening|the latest)\s*:?$/i;
/** A list of at least this many bullets, making up most of the text, about things the title does not name. */
const MIN_LIST_ITEMS = 5;
/**
 * Teaser newsletters are short: "Tariffs rattle markets. Plus, who really came up with Flamin' Hot Cheetos?"
 * The "Plus" follows a sentence about something else; a description that opens with it ("Plus, who actually
 * gets the money.") goes on with the headline's own story.
 */
const TEASER_CHARS = 600;

/**
 * A bare "Roundup:" or "Wrap-up:" before the headline is a wire service's label for one event told from all
 * its reports ("Roundup: Pleasantly Perfect takes Pacific Classic"); it bundles several events only when
 * what follows lists them ("Roundup: talks resume; drones hit Odesa", "…: Kharkiv, grain, sanctions and more").
 */
const WIRE_ROUNDUP = /^(?:round-?up|wrap-?up)\s*[:|–—]\s*(.*)$/iu;
const LISTS_SEVERAL = /[;|·•]|,[^,]*,|,\s*(?:and|&)\s|\band more\b/iu;

/**
 * A closing sentence that sends the reader elsewhere ("… Read more in the Markets A.M. Newsletter", "… Sign up for our
 * newsletter."): a feed that gives its blurb as the title ends it so, and the item is the blurb's one story.
 */
const SENDS_ELSEWHERE = /(?<=\S[.!?…]["”’]?)\s+(?:read more|read it|sign up|subscribe|get it)\b[^!?…]*$/iu;

function roundupReason(item: Item): string | null {
  const title = item.title.replace(SENDS_ELSEWHERE, '');
  const pattern = ROUNDUP_TITLES.find((p) => p.test(title));
  if (pattern) return `title ${JSON.stringify(item.title)} is a newsletter or roundup`;
  const daily = DAILY_LIST.exec(item.title);
  if (daily && !subjectOfList(item.title, daily)) return `title ${JSON.stringify(item.title)} is a list of the day's news`;
  const wire = WIRE_ROUNDUP.exec(item.title.trim());
  if (wire && LISTS_SEVERAL.test(wire[1])) return `title ${JSON.stringify(item.title)} is a roundup of several events`;
  const paragraphs = item.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const headings = new Set(paragraphs.filter((p) => p.length <= 40 && NEWSLETTER_HEADING.test(p)).map((p) => p.toLowerCase()));
  if (headings.size >= 2) return `newsletter sections (${[...headings].slice(0, 3).map((h) => JSON.stringify(h)).join(', ')})`;
  if (item.text.length <= TEASER_CHARS && /\S[.!?…]["”’]?\s+Plus[,:]\s/u.test(item.text)) return 'teases several stories ("Plus, …")';
  const list = paragraphs.filter((p) => /^(?:•|\d{1,2}[.)])\s/u.test(p));
  if (list.length >= MIN_LIST_ITEMS && listLength(list) * 2 >= item.text.length && unrelatedToTitle(list, item.title)) {
    return `a list of ${list.length} items about different things`;
  }
  return null;
}

/**
 * Whether a "things to know" headline is about one subject: no day's word after the phrase ("today", "this
 * morning"), and "… about <something>" after it or words before it that are not a label of the day's news
 * ("Coffee study: 5 things to know before you refill your mug"). "10 Things You Need To Know Before The Opening
 * Bell" names none.
 */
function subjectOfList(title: string, match: RegExpExecArray): boolean {
  // "Ukraine war: 5 things to know today" is the day's list of a running subject
  if (match.groups?.today) return false;
  const after = title.slice(match.index + match[0].length);
  if (/^\s*about\s+[\p{L}\p{N}]/iu.test(after)) return true;
  const before = title.slice(0, match.index).toLowerCase().replace(/[’‘`]/g, "'").match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  return before.some((w) => !FILLER.has(w) && !LIST_LABEL.has(w) && !/^\d/.test(w));
}

function listLength(list: string[]): number {
  return list.reduce((n, p) => n + p.length, 0);
}

/** Most list items name nothing the title names (compared by the stems of their content words). */
function unrelatedToTitle(list: string[], title: string): boolean {
  const titleStems = stemsOf(title);
  const related = list.filter((p) => [...stemsOf(p)].some((s) => titleStems.has(s))).length;
  return related * 2 < list.length;
}

function stemsOf(text: string): Set<string> {
  return new Set(contentStems(tokenize(text).words));
}
