// Page furniture, as data: each rule names a kind of line that is not article text.
// Rules match a whole normalised line (trimmed, single-spaced, curly quotes), so a sentence that merely
// contains "share" or "related" never matches. To add a pattern, add a rule with a comment saying where it comes from.
//
// Actions:
//   drop           the line goes, the text around it stays
//   cut            the line starts a trailing block of teasers: it and everything after it go
//   cut-if-late    like `cut`, but only in the back half of the item (else just `drop`) — these words
//                  also show up as one-off inline links in the middle of articles
//   teaser-control a "keep reading / show less" control of a teaser widget: the teaser block around it goes

export type FurnitureAction = 'drop' | 'cut' | 'cut-if-late' | 'teaser-control';
/** `credit` lines (bare agency/photographer credits) also take the photo caption just above them. */
export type FurnitureKind = 'credit' | 'other';

export interface FurnitureRule {
  id: string;
  action: FurnitureAction;
  pattern: RegExp;
  /** only lines up to this many characters match (furniture is short; articles are not) */
  maxLength?: number;
  kind?: FurnitureKind;
}

const NETWORKS =
  'facebook|twitter|x|linkedin|whatsapp|telegram|instagram|youtube|tiktok|reddit|pinterest|flipboard|pocket|bluesky|threads|mastodon|email|e-mail|mail|print|sms|messenger|viber|vk|google news';
const AGENCIES =
  'reuters|ap|afp|epa|epa-efe|efe|dpa|ansa|pap|tass|ria novosti|sputnik|interfax|ukrinform|anadolu|anadolu agency|xinhua|getty|getty images|associated press|ap photo|bloomberg|shutterstock|alamy|reuters connect|sipa|sipa usa|abaca|imago|zuma|zuma press|nurphoto|pool|handout';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?';
const TIME = '\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*\\(?[A-Z]{2,5}\\)?)?';

export const FURNITURE_RULES: FurnitureRule[] = [
  // Share bars: "Share", "Share.", "Share this article", "Share on Facebook".
  { id: 'share', action: 'drop', pattern: new RegExp(`^share(?: this(?: article| story| post| page| video)?)?(?: (?:on|via) (?:${NETWORKS}))?\\s*[.:!]?$`, 'i') },
  // "Share this: Facebook | X | Telegram", "Share: X | Facebook | Email".
  { id: 'share-networks', action: 'drop', pattern: new RegExp(`^share(?: this(?: article| story| post| page| video)?)?\\s*[:|-]\\s*(?:(?:${NETWORKS})[\\s,|·•/]*)+$`, 'i'), maxLength: 150 },
  // A row of network names/buttons: "Facebook Twitter LinkedIn Email", "Tweet", "Copy link".
  { id: 'social-buttons', action: 'drop', pattern: new RegExp(`^(?:(?:${NETWORKS}|share|tweet|copy link|copy url|link copied|save|comments?)[\\s,|·•/]*)+$`, 'i'), maxLength: 150 },
  // Follow prompts: "Follow us on social", "Follow Reuters on X", "Join us on Telegram", "Like us on Facebook".
  // ("Like"/"Join"/"Find" only with us/me: "Like Macron in France, …" is a sentence.)
  { id: 'follow', action: 'drop', pattern: /^(?:(?:[Ff]ollow|[Jj]oin|[Ll]ike|[Ff]ind) (?:[Uu]s|[Mm]e)|[Ff]ollow @?[\p{Lu}][\p{L}\p{N}._’'-]*(?: [\p{Lu}][\p{L}\p{N}._’'-]*){0,3}) (?:on|in|at|via)\b[^.!?,;]{0,70}[.!]?$/u, maxLength: 110 },
  // A bare "Follow" / "Stay connected" button label.
  { id: 'follow-bare', action: 'drop', pattern: /^(?:follow|follow us|follow me|stay connected|connect with us)\s*[:.!]?$/i },
  // Google "preferred source" widget residue from a WordPress theme: its bare "google cta" label ...
  { id: 'google-cta', action: 'drop', pattern: /^google cta$/i },
  // ... and its prompts asking readers to pick the site as a preferred source on Google.
  {
    id: 'google-preferred',
    action: 'drop',
    pattern: /^(?:want more of (?:our|these) (?:stories|articles|news) on google\??|click here to (?:make|set) us (?:a|your) preferred source\.?|(?:add|make|set) .{1,40} (?:as )?a preferred source(?: on google)?\.?)$/i,
  },
  // Generic widget and chrome text.
  // Ad slot labels: "Advertisement", "Sponsored content".
  { id: 'advert', action: 'drop', pattern: /^(?:advertisement|advertising|advert|ad|sponsored|sponsored content|paid content|promoted|partner content)\s*[:.]?$/i },
  // Accessibility and menu links: "Skip to main content", "Menu", "Search".
  { id: 'skip-link', action: 'drop', pattern: /^(?:skip to (?:main )?content|skip navigation|jump to (?:comments|navigation|content)|toggle navigation|open menu|close menu|menu|search|close|loading\W*)$/i },
  // Audio-player and reading-time labels: "Listen to this article", "5 min read".
  { id: 'listen', action: 'drop', pattern: /^(?:listen to (?:this )?(?:article|story)\b.{0,30}|listen\s*\(?\d+\s*min\)?|\d+\s*min(?:ute)?s?\s*read|reading time:?.{0,20})$/i, maxLength: 60 },
  // Comment-widget labels: "12 comments", "Leave a comment".
  { id: 'comments', action: 'drop', pattern: /^(?:\d+\s*comments?|(?:leave|add|post|view|show|read) (?:a |the |all )?comments?(?: \(\d+\))?|comments?(?: \(\d+\))?)\s*[.:]?$/i },
  // Links to the full page: "Continue reading…", "Read the full story", "Click here".
  { id: 'continue-reading', action: 'drop', pattern: /^(?:continue reading|read the full (?:story|article|report)|read full (?:story|article)|click here(?: to read more| for more)?|view (?:original|full) (?:article|story|post))\b.{0,80}$/i, maxLength: 100 },
  // WordPress RSS footer: "The post X appeared first on Y."
  { id: 'appeared-first', action: 'drop', pattern: /^the post .{1,300} appeared first on .{1,100}$/i },
  // End-of-page navigation: "Back to top", "Back To Top", "Exit mobile version".
  { id: 'back-to-top', action: 'drop', pattern: /^(?:back|return|scroll|go|jump) to (?:the )?top\W*$/i },
  // Theme switchers: "Exit mobile version", "View desktop site".
  { id: 'mobile-version', action: 'drop', pattern: /^(?:exit mobile version|(?:view|switch to|go to) (?:the )?(?:desktop|mobile|full) (?:version|site))$/i },
  // Cookie banners: a short line about cookies that asks for consent or points to a policy.
  { id: 'cookies', action: 'drop', pattern: /^(?=.*\bcookies?\b)(?=.*\b(?:we use|this (?:web)?site|uses|accept|consent|preferences|settings|policy|continu\w+ (?:to )?(?:browse|use)|manage)\b).*$/i, maxLength: 300 },
  // Consent buttons left behind by a cookie banner: "Accept all cookies", "Got it".
  { id: 'cookie-buttons', action: 'drop', pattern: /^(?:accept(?: all)?(?: cookies)?|reject all|decline|i agree|got it|ok|manage (?:cookies|preferences|settings))\s*[.!]?$/i },
  // Subscribe and sign-in prompts: "Subscribe now to our weekly round-up …", "Sign up for our newsletter", "Newsletter".
  { id: 'subscribe', action: 'drop', pattern: /^(?:subscribe|sign up|sign-up|register|(?:get|receive) (?:our|the latest|free|daily|weekly))\b.{0,200}\b(?:newsletters?|inbox|round-?up|updates|alerts|briefing|digest|e-?mails?)\b.{0,200}$/i, maxLength: 400 },
  // Bare account/subscription buttons: "Subscribe", "Newsletter", "Sign in", "Donate".
  { id: 'subscribe-bare', action: 'drop', pattern: /^(?:subscribe(?: now| today| here| for free)?|newsletters?|sign up(?: now| here)?|sign in|log in|login|register|already (?:a subscriber|have an account)\b.{0,40}|support (?:our|independent) journalism\b.{0,60}|donate(?: now)?)\s*[.!:]?$/i },
  // Section labels and breadcrumbs: "Reporting | Europe", "News › World › Europe".
  { id: 'section-label', action: 'drop', pattern: /^[\p{L}\p{N}&’'.,-]+(?: [\p{L}\p{N}&’'.,-]+){0,3} \| [\p{L}\p{N}&’'.,-]+(?: [\p{L}\p{N}&’'.,-]+){0,4}$/u, maxLength: 60 },
  // Breadcrumbs: "Home › World › Europe".
  { id: 'breadcrumb', action: 'drop', pattern: /^(?:home|news)\s*[›»>/].{0,80}$/i },
  // Tag lists: "Tags: Ukraine, NATO", "Filed under: …".
  { id: 'tags', action: 'drop', pattern: /^(?:tags|topics|filed under|categories|related topics|keywords)\s*:.{0,200}$/i },
  // Lines with no letters or digits: "||", "•", "—", "[…]".
  { id: 'no-words', action: 'drop', pattern: /^[^\p{L}\p{N}]*$/u },
  // Bare counters left by share/comment widgets: "12", "1.2K".
  { id: 'counter', action: 'drop', pattern: /^\d+(?:[.,]\d+)?[KkMm]?$/ },
  // Bylines standing alone: "By Anna Kovalenko", "By Anna Kovalenko and John Doe, Reuters", "Written by …".
  { id: 'byline', action: 'drop', pattern: /^(?:[Bb]y|BY|(?:[Ww]ritten|[Ww]ords|[Pp]osted|[Rr]eporting|[Ee]dited|[Ss]tory) by|[Aa]uthor:?)\s+[\p{Lu}@][\p{L}’'.-]*(?:\s+(?:[\p{Lu}][\p{L}’'.-]*|de|van|von|der|al|bin))*(?:(?:,|\band\b|&|\|)\s*[^.!?]{0,80})?$/u, maxLength: 120 },
  // Wire credits: "Reporting by Olha Tkachenko; editing by Tom Walsh", "Additional reporting by … in Kyiv".
  // Only names and linking words may follow, so "Reporting by the BBC showed that …" stays.
  { id: 'wire-credit', action: 'drop', pattern: /^(?:[Aa]dditional )?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Ee]dited|[Pp]roduced) by(?:[\s,;&]+(?:[\p{Lu}][\p{L}’'.-]*|and|in|from|at|with|by|of|the|staff|editing|writing|reporting|additional))+\.?$/u, maxLength: 200 },
  // Live-page and syndication notes: "This story is being updated.", "Republished from Global Brief.".
  { id: 'live-note', action: 'drop', pattern: /^(?:this (?:story|article|page|post) (?:is being|will be|has been|is) updated\b.{0,80}|we(?: will|’ll|'ll) (?:update|keep updating) this (?:story|article|page|post)\b.{0,80}|(?:breaking|developing)(?: news| story)?:?|live(?: updates)?:?)$/i, maxLength: 120 },
  // "Republished from …", "This article first appeared in …".
  { id: 'syndication-note', action: 'drop', pattern: /^(?:(?:republished|reprinted|reproduced|syndicated) (?:from|with permission|courtesy|by arrangement)\b.{0,100}|(?:this (?:article|story|piece) )?(?:was )?(?:first|originally) (?:published|appeared) (?:in|on|by|at)\b[^.!?]{0,100}\.?)$/i, maxLength: 150 },
  // Ukrainian/Russian furniture (feeds in those languages): "Фото: …", "Читайте також: …", "Поділитися", "Джерело: …".
  { id: 'uk-ru-credit', action: 'drop', pattern: /^(?:фото|світлина|відео|ілюстрація|джерело|источник|иллюстрация|видео)\s*:.{1,200}$/iu },
  // "Читайте також: …" (read also), "Поділитися" (share), "Підписуйтесь" (subscribe).
  { id: 'uk-ru-related', action: 'drop', pattern: /^(?:читайте також|читайте также|дивіться також|смотрите также|також читайте|читайте нас|підписуйтесь|подписывайтесь|поділитися|поделиться)(?![\p{L}]).{0,200}$/iu },
  // Datelines standing alone: "May 30, 2024", "Thursday 30 May 2024 14:05 BST", "2024-05-30", "Updated 3 hours ago".
  { id: 'date', action: 'drop', pattern: new RegExp(`^(?:${WEEKDAY},?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?),?\\s+\\d{4}(?:,?\\s*(?:at\\s+|-\\s*|\\|\\s*)?${TIME})?$`, 'i') },
  // Numeric dates and bare times: "2024-05-30", "30.05.2024 14:05", "14:05".
  { id: 'date-numeric', action: 'drop', pattern: new RegExp(`^(?:\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?:,?\\s*${TIME})?|${TIME})$`, 'i') },
  // "Published 30 May 2024", "Updated: 14:05", "Last updated".
  { id: 'date-label', action: 'drop', pattern: /^(?:published|updated|posted|last updated|last modified|first published|modified)(?:(?:\s+(?:on|at))?\s*:?\s+(?=.*\d).{1,60})?$/i, maxLength: 80 },
  // Relative timestamps: "3 hours ago".
  { id: 'time-ago', action: 'drop', pattern: /^(?:updated\s+)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$/i },
  // Photo credits standing alone: "Reuters", "REUTERS/Name Surname", "AP Photo/Name", "Photo: …", "Top image credit: …".
  { id: 'agency-credit', action: 'drop', kind: 'credit', pattern: new RegExp(`^[©(]?\\s*(?:${AGENCIES})(?:\\s*(?:/|\\bvia\\b|\\|)\\s*[\\p{L}.’'-]+(?:\\s+[\\p{L}.’'-]+){0,4})?\\s*\\)?$`, 'iu'), maxLength: 100 },
  // Photographer or outlet over agency, standing alone: "Efrem Novak/AP", "Global Brief/Pool".
  { id: 'slash-credit', action: 'drop', kind: 'credit', pattern: /^[\p{Lu}][\p{L}.’'-]*(?: [\p{Lu}][\p{L}.’'-]*){0,3} ?\/ ?[\p{Lu}][\p{L}.’'-]*(?: [\p{Lu}][\p{L}.’'-]*){0,3}$/u, maxLength: 80 },
  // Labelled credits and captions: "Photo: …", "Top image credit: …", "Video: …".
  { id: 'photo-credit', action: 'drop', pattern: /^\(?(?:top |main |header |featured |lead )?(?:photo|image|picture|photograph|illustration|video|graphic)s?(?: credits?)?\s*(?::|\||—|–)\s*.{1,400}$/i, maxLength: 450 },
  // "Photo by Name Surname/Agency" — names only, so "Photographs by the ministry showed …" stays.
  { id: 'photo-by', action: 'drop', pattern: /^\(?(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Pp]hotograph|[Ii]llustration)s? by [\p{Lu}][\p{L}.’'-]*(?:[\s/]+[\p{Lu}][\p{L}.’'-]*){0,7}(?:\s+via [^.!?]{1,60})?\)?\.?$/u, maxLength: 200 },
  // "Credit: …", "Source: …", "Courtesy of …" standing alone.
  { id: 'credit-label', action: 'drop', pattern: /^(?:credits?|source|courtesy(?: of)?)\s*:\s*[^.!?]{1,100}$/i },
  // A caption that carries its own credit at the end: "… launcher. © Name Surname / AFP".
  { id: 'caption-credit', action: 'drop', pattern: /(?:©|\([cC]\))\s*[\p{L}.’' -]{2,60}(?:\/\s*[\p{L}.’' -]{2,40})?\s*\)?$/u, maxLength: 400 },
  // Copyright footers: "© Example Herald 2024. All rights reserved.", "Copyright 2024 …".
  { id: 'copyright', action: 'drop', pattern: /^(?:©|\([cC]\)|Copyright (?:©|\([cC]\)|\d{4}))|\b[Aa]ll rights reserved\.?$/u, maxLength: 200 },
  // A caption ending in its credit: "… near Lviv. (Photo: Name/Agency)".
  { id: 'caption-photo-tag', action: 'drop', pattern: /\((?:photo|image|picture|file photo)s?(?: credit)?(?:\s*[:/]|\s+by\b)[^)]{1,120}\)\s*$/i, maxLength: 400 },

  // ----- trailing teaser blocks -----
  // "More from GZERO Media", "More on this story", "More notes on humanitarian diplomacy".
  { id: 'more-from', action: 'cut', pattern: /^more (?:[\p{L}]+ ){0,2}(?:from|on|in|about|by|like this|to explore)\b[^.!?]{0,60}$|^more (?:stories|news|coverage|articles|notes|analysis)$/iu },
  // Recommendation headings.
  { id: 'recommended', action: 'cut', pattern: /^(?:recommended(?: for you| stories| articles| reading| videos)?|you (?:may|might) also (?:like|enjoy|be interested in)|related (?:articles?|stories|posts|coverage|content|news|reading|links|videos)|most (?:read|popular|viewed|shared|watched)|read next|up next|what to read next|more stories|more news|trending(?: now| stories)?|top stories|editor[’']?s picks|popular(?: now| stories)?|don[’']t miss|further reading|in case you missed it)\s*:?$/i },
  // Short headings that also appear as one-off inline links mid-article (one real seed has "Read more" in the middle).
  { id: 'related-bare', action: 'cut-if-late', pattern: /^(?:related|read more|read also|also read|see also|more|latest|latest news|also on [\p{L} ]{2,30}|читайте також|читайте также)\s*:?$/iu },
  // An inline teaser link: "Read more: Headline", "RELATED: Headline".
  { id: 'related-inline', action: 'drop', pattern: /^(?:related|read more|read also|also read|see also|watch|listen)\s*:\s*[^]{1,200}$/i },
  // Teaser-card controls: "keep readingShow less", "Show more".
  { id: 'teaser-control', action: 'teaser-control', pattern: /^(?:keep reading|show (?:less|more)|keep reading\s*show (?:less|more)|read full story|full story)\s*[.:›»→]*$/i },
];

/** The first rule a line matches, or null. */
export function matchFurniture(line: string): FurnitureRule | null {
  for (const rule of FURNITURE_RULES) {
    if (rule.maxLength !== undefined && line.length > rule.maxLength) continue;
    if (rule.pattern.test(line)) return rule;
  }
  return null;
}
