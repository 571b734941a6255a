// Shapes that flow between the pipeline stages. Data moves one way:
// config → fetch → parse → clean → select → cluster → theme → summarize → render → write/deliver.
// Public shapes (digest.json) follow ../shared/CONTRACT.md §3; internals may grow.

import type { DurationLikeObject } from 'luxon';

// ---------- config (contract §2) ----------

export interface FeedConfig {
  id: string;
  name: string;
  /** http(s) URL; exactly one of url/path is set */
  url?: string;
  /** absolute path (resolved against the config file's folder) */
  path?: string;
  /** fetch the linked article when an item carries only a teaser */
  fetchArticle: boolean;
}

export interface ThemeConfig {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  /** stories this section holds at most (the lowest-ranked rest are `over-limit`) */
  maxStories?: number;
}

export interface FetchConfig {
  /** total time per request (all redirects, the whole body), ms */
  timeoutMs: number;
  /**
   * time until a response's headers arrive (connecting, TLS, the server's answer), ms; a server that is this
   * slow to answer gets another try. Config key `connectTimeout`, its older name.
   */
  responseTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  concurrency: number;
  perHost: number;
  allowPrivateNetworks: boolean;
  userAgent: string;
}

export interface EmailConfig {
  from: string;
  subject: string;
  baseUrl: string;
  replyTo?: string;
  /** sender's postal address shown in the footer */
  address?: string;
  /** DKIM signing (optional) */
  dkim?: { domain: string; selector: string; keyFile: string };
  /** masthead image above the title: https only, the same URL for every reader */
  logo?: { src: string; width: number; height: number; alt: string; darkSrc?: string };
  /** keys the config left out and that got a local placeholder (commands that mail refuse them) */
  defaulted?: ('from' | 'baseUrl')[];
  /** send a welcome message (templates/welcome.txt) when a subscription is confirmed */
  welcome?: boolean;
}

/** The bounce and unsubscribe mailbox (`mailbox:`): VERP envelope senders and the List-Unsubscribe mailto: use its address. */
export interface MailboxConfig {
  /** plain address, e.g. bounces@example.org; messages go out from bounces+<token>@example.org */
  address: string;
  /** folder to read (default INBOX) */
  folder: string;
  /** folder handled messages are moved to (default Processed) */
  handledFolder: string;
  /** editions with a soft bounce (4.x.x; one per edition however many notices) before an address is bounced, and the window they are counted in */
  softBounces: { count: number; withinMs: number };
  /**
   * authserv-ids (lower-case) of the receiving server, whose Authentication-Results (RFC 8601) are trusted: an
   * "unsubscribe" to the plain address whose From they show passing DMARC or aligned DKIM is applied at once;
   * any other is answered with a link to confirm. Empty: always the link.
   */
  authservIds: string[];
}

/** Provider webhooks `digest serve` accepts (`webhooks:`); each one's secret is in the environment. */
export interface WebhooksConfig {
  /** Amazon SES through SNS: the topic ARNs accepted */
  ses?: { topics: string[] };
  postmark?: boolean;
  mailgun?: boolean;
  sendgrid?: boolean;
}

export interface DeliveryConfig {
  /** messages per second */
  rate: number;
  connections: number;
  /** how long a reader's server may defer a message before it is given up for its edition (src/deliver/deferrals.ts) */
  deferralLifetimeMs: number;
}

/** the deferral lifetime unless `delivery.deferralLifetime` says otherwise: Postfix's maximal_queue_lifetime, 5 days */
export const DEFAULT_DEFERRAL_LIFETIME_MS = 5 * 86_400_000;

export interface DigestConfig {
  /** absolute path of the config file */
  configPath: string;
  /** folder of the config file; relative paths resolve against it */
  configDir: string;
  title: string;
  /** language of the words Roundup writes and of dates (BCP 47, e.g. "uk"); absent means "en" */
  locale?: string;
  timezone: string;
  schedule: string;
  /** as written (e.g. "7d"), for messages */
  windowSpec: string;
  window: DurationLikeObject;
  scope: { include: string[]; exclude: string[] };
  feeds: FeedConfig[];
  themes: ThemeConfig[];
  /** section title for in-scope items matching no theme; false drops them */
  other: string | false;
  /** stories one edition holds at most; pinned stories are never cut (absent: the default, 200) */
  maxStories?: number;
  /** how long a story's summary runs: at most this many whole sentences and characters (absent: 3 and 320) */
  summary?: { sentences?: number; maxLength?: number };
  email: EmailConfig;
  /** absolute path of the state folder */
  state: string;
  /** absolute path of the folder editions are written to (`out:`, default `out` next to the config file; --out overrides) */
  out: string;
  /** absolute path of a custom template folder, if any */
  templates?: string;
  fetch: FetchConfig;
  delivery: DeliveryConfig;
  /** sign-ups the subscribe form takes in any 10 minutes: from everyone together, and to addresses of one domain */
  signups?: { total: number; perDomain: number };
  catchUp: 'latest' | 'skip';
  /** review before sending (the editor's desk); absent means `none` */
  review?: ReviewConfig;
  mailbox?: MailboxConfig;
  webhooks?: WebhooksConfig;
}

export interface ReviewConfig {
  /** `none`: the schedule sends what it builds; `required`: it builds a draft and sends it once approved */
  mode: 'none' | 'required';
  /** who is told that a draft is ready, and who may log in to the desk of `digest serve` */
  editors: string[];
  /** after this long without an approval (ms), do `onDeadline`; null waits for ever */
  deadlineMs: number | null;
  onDeadline: 'send' | 'skip';
}

// ---------- fetch ----------

export type FeedStatus = 'ok' | 'not-modified' | 'error';

export interface SourceResult {
  status: FeedStatus;
  /** bytes to parse: fresh, or the cached copy on 304 / offline */
  body?: Buffer;
  contentType?: string | null;
  /** URL after redirects (base for relative links) */
  finalUrl?: string;
  /** where the feed's URL answered with a permanent redirect (301, 308): the address the config should name now */
  movedTo?: string;
  /** the plain-http address the feed's https URL redirected to (the feed was read unencrypted); absent when none */
  downgradedTo?: string;
  httpStatus?: number;
  /** one clear line, e.g. "HTTP 404", "timeout after 20 s (fetch.timeout)" */
  error?: string;
  ms: number;
  /**
   * the feed's last good copy (the feed cache) when this result is not it: on a failed fetch, and beside a fresh body,
   * which may not read as a feed; the build then reads the copy instead (pipeline/read-feed.ts)
   */
  lastCopy?: FeedCopy;
}

/** A url feed's bytes as last fetched, with what a conditional GET needs: the feed cache's entry. */
export interface FeedCopy {
  url: string;
  finalUrl: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** ISO time of the fetch that produced the body */
  fetchedAt: string;
  body: Buffer;
}

// ---------- parse ----------

export interface ParsedItem {
  guid: string | null;
  /** absolute link */
  link: string | null;
  /** plain text, entities decoded */
  title: string;
  /** ISO 8601 UTC, or null when the feed gives no date */
  published: string | null;
  /** HTML (content:encoded, content, or description), as the feed gave it */
  html: string;
  author: string | null;
  categories: string[];
  /** the publisher an aggregator's item comes from (RSS or Atom `<source>`: Google News names it so) */
  source?: string;
  /** set when the item cannot be used; names what is wrong ("no title and no link") */
  invalid?: string;
  /** the feed gave a date that cannot be read (why: `date "yesterday" is not a valid date`); `published` is then null */
  unreadableDate?: string;
}

export interface ParsedFeed {
  title: string | null;
  link: string | null;
  items: ParsedItem[];
  /** what had to be repaired before the XML could be read (`unescaped "&"`, `unclosed <b>`); absent when nothing was */
  repaired?: string[];
  /** the language the feed says it is written in (RSS language, dc:language, Atom xml:lang, JSON Feed language): its primary subtag, "en"; absent when it says none */
  language?: string;
}

// ---------- items after normalize + clean ----------

export interface Item {
  /** unique within an edition: `${feed}:${guid}` */
  key: string;
  /** feed id */
  feed: string;
  /**
   * the outlet that told it: the feed's name, or the publisher an aggregator's item names as its source (Google
   * News: "Reuters"), so that a story lists who reported it and outlets are told apart within one feed
   */
  feedName: string;
  /** stable id: guid, else canonical link, else hash of title+date */
  guid: string;
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  /** ISO 8601 UTC; for an undated item, when it was first seen (see `undated`) */
  published: string;
  /** the feed gave no date: `published` is when Roundup first saw it, used for the window and never shown as its date */
  undated?: true;
  /**
   * when Roundup first saw a dated item, set when that is before its date (a date ahead of the edition, an archive
   * republished with fresh dates): the window places the item by it, and `published` stays the date shown
   */
  seen?: string;
  /** cleaned plain text, paragraphs separated by blank lines */
  text: string;
  /** first sentences of the text, ≤ ~300 chars */
  lead: string;
  /** the feed's own categories or tags for the item (RSS category, dc:subject, Atom category, JSON Feed tags) */
  categories?: string[];
}

/**
 * Why an item is not in a story (contract §3). `not-an-article` (navigation, live-blog fragments, empty
 * items) and `roundup` (newsletters and lists bundling many events) were added after the first six;
 * readers should show a reason they do not know as it is.
 */
export type ExclusionReason =
  | 'outside-window'
  | 'duplicate'
  | 'out-of-scope'
  | 'no-theme'
  | 'already-sent'
  | 'invalid'
  | 'not-an-article'
  | 'roundup'
  /** an editor dropped the story (see `corrections`) */
  | 'dropped'
  /** its story ranked below the edition's or its section's `maxStories` */
  | 'over-limit';

export interface Excluded {
  feed: string;
  guid: string;
  title: string;
  url: string | null;
  reason: ExclusionReason;
  /** human detail: "duplicate of wire:abc", "matches exclude term football" */
  detail?: string;
}

/**
 * An item of an edition that went out, as the store keeps it for `already-sent`: its key, and its canonical link and
 * title, by which it is still known when its feed gives it another id (`link` and `title` are null for items
 * recorded before they were kept).
 */
export interface SentItemRef {
  feed: string;
  guid: string;
  link: string | null;
  title: string | null;
}

// ---------- stories ----------

export interface Cluster {
  items: Item[];
}

export interface StoryItemRef {
  feed: string;
  guid: string;
  url: string | null;
  title: string;
  /** ISO 8601 UTC; "" when the feed gave no date (then `firstSeen` says when Roundup first saw it) */
  published: string;
  /** when Roundup first saw the item: an undated item's, and a dated one's seen before its date (placed by it) */
  firstSeen?: string;
}

export interface Story {
  id: string;
  title: string;
  url: string | null;
  summary: string;
  /** ISO in the digest's zone: its representative item's date, else its newest dated item's; "" when no item has a date (shown without one, ranked after dated stories) */
  published: string;
  sources: string[];
  why: string[];
  items: StoryItemRef[];
  /** ids of the editors' corrections that changed this story (absent when none did) */
  corrections?: number[];
}

export interface Section {
  id: string;
  title: string;
  stories: Story[];
}

export interface FeedReport {
  id: string;
  name: string;
  status: FeedStatus;
  items: number;
  error: string | null;
  /** with `fetchArticle`: the item pages that gave no article (the item keeps its feed text), and why; absent when none failed */
  articles?: ArticleFailure[];
  /** the feed was read only after its XML was repaired, of these faults (`unescaped "&"`, `unclosed <b>`); still `ok`; absent when none */
  repaired?: string[];
  /** items that gave the guid of a different article (a broken feed), and so are identified by their links; absent when none */
  sharedGuids?: number;
  /** items that shared their guid and link, or their link and no guid, with a differently titled article, and so are identified by link and title; absent when none */
  sharedLinks?: number;
  /** the feed's URL redirects permanently (301, 308) to this address, which the config should name instead; absent when not */
  movedTo?: string;
  /** the feed's https URL redirected to this plain-http address, where it was read unencrypted; absent when not */
  downgradedTo?: string;
  /** the language the feed declares (primary subtag, "en"): its stories' `lang` in the email when their script does not tell it; absent when none */
  language?: string;
  /**
   * the feed failed (`status` stays `error`), and its items are read from its last good copy, fetched at this ISO
   * time; absent when no copy was used
   */
  usedCopy?: string;
  /** the feed's address answered 404 or 410: the feed is gone from it; absent otherwise */
  gone?: true;
  /** items whose date could not be read, and so are placed by when they were first seen, as undated items are; absent when none */
  unreadableDates?: UnreadableDate[];
  /** items dated more than an hour ahead of the build: shown with when they were first seen instead; absent when none */
  datedAhead?: DatedAhead[];
}

/** An item whose feed dated it ahead of the build (a scheduled post, a clock or time zone set wrong). */
export interface DatedAhead {
  guid: string;
  /** the date the feed gave, ISO */
  date: string;
}

/** An item whose feed gave a date that is not one: it is kept, as an undated item. */
export interface UnreadableDate {
  guid: string;
  /** why, from the date parser: `date "Mardi 32 Foo" is not a valid date` */
  reason: string;
}

/** An item page `fetchArticle` fetched (or refused to) without getting an article. */
export interface ArticleFailure {
  guid: string;
  url: string;
  /** one line: "HTTP 404", "refused: … is a private address", "no article text on the page" */
  error: string;
}

export interface EditionMeta {
  id: string;
  title: string;
  timezone: string;
  start: string;
  end: string;
  generatedAt: string;
  /** the digest (state store) that built it; `send` refuses an edition of another digest */
  digestId?: string;
}

/** digest.json (contract §3) */
export interface Edition {
  edition: EditionMeta;
  /** the editors' introduction, shown above the contents (absent when none) */
  intro?: string;
  sections: Section[];
  excluded: Excluded[];
  feeds: FeedReport[];
  /** the editors' corrections and what became of each (absent when there are none) */
  corrections?: AppliedCorrection[];
}

// ---------- the editor's desk: corrections ----------

export type CorrectionKind = 'drop' | 'pin' | 'move' | 'merge' | 'split' | 'title' | 'summary' | 'intro';
export const CORRECTION_KINDS: readonly CorrectionKind[] = ['drop', 'pin', 'move', 'merge', 'split', 'title', 'summary', 'intro'];

/**
 * One correction, as stored. It names stories by the keys (`feed:guid`) of their items, never by
 * position, so it still finds its story after a rebuild. `items` is the story (for split: the item
 * to pull out); `other` the second story of a merge; `value` the new title, summary, section id or intro.
 */
export interface Correction {
  id: number;
  kind: CorrectionKind;
  items: string[];
  other?: string[];
  value?: string;
  /** who made it (an editor's address, or the local user) */
  by: string;
  /** ISO time */
  at: string;
}

/** A correction in digest.json: what the editor did, what the machine had decided, and whether it still applies. */
export interface AppliedCorrection extends Correction {
  /** `applied`, or `vanished` when its items are no longer in the edition (nothing was changed) */
  status: 'applied' | 'vanished';
  /** the machine's decision it replaced, in words ("title: …", "section: arms", "rank 4 in arms") */
  machine: string | null;
  /** the id of the story it changed, as that story ends up in this edition (null for the intro, and for vanished or dropped ones) */
  story: string | null;
  /** one line on what happened, e.g. "2 of 3 items no longer in this edition" */
  note: string | null;
}
